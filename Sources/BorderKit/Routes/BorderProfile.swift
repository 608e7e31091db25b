import GeoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distance from a route to the nearest land border, sampled along it.
public struct BorderProfile: Sendable {
    /// Samples: metres along the route, the position, and the geodesic distance to the nearest border (m).
    public var samples: [(at: Double, position: Position, distance: Double)]
    public var step: Double
    public var near: Double

    /// The closest sample.
    public var minimum: (at: Double, position: Position, distance: Double)? { samples.min { $0.distance < $1.distance } }

    /// Runs of consecutive samples closer than `near`, as metres along the route (each sample stands for one step).
    public var nearStretches: [(from: Double, to: Double)] {
        var out: [(from: Double, to: Double)] = []
        for s in samples where s.distance < near {
            if let last = out.last, s.at - last.to <= step * 1.000001 { out[out.count - 1].to = s.at } else { out.append((s.at, s.at)) }
        }
        return out
    }

    /// Metres of route within `near` of a border: each sample closer than that stands for the route from
    /// half-way to the previous sample to half-way to the next.
    public var nearLength: Double {
        var total = 0.0
        for (k, s) in samples.enumerated() where s.distance < near {
            let start = k == 0 ? s.at : (samples[k - 1].at + s.at) / 2
            let end = k == samples.count - 1 ? s.at : (s.at + samples[k + 1].at) / 2
            total += end - start
        }
        return total
    }

    /// Samples every `step` metres (and the end). The route is taken in pieces of at most 100 km, each with an
    /// azimuthal equidistant projection centred on it: the short border pieces (`RouteContext.borderPieces`)
    /// that can be nearest to any of its samples (found with the STRtree, `GEOSSTRtree_nearest_r` and an
    /// envelope query) are projected once and indexed in metres; each sample's nearest point is found there and
    /// the distance re-measured geodesically (`geod_inverse`), so the projection only picks the point.
    static func sample(_ measure: RouteMeasure, context: RouteContext, index: Routes.Indexes, step: Double, near: Double) throws -> BorderProfile {
        var samples: [(Double, Position, Double)] = []
        guard !context.borders.isEmpty, measure.length > 0 || measure.positions.count == 1 else {
            return BorderProfile(samples: [], step: step, near: near)
        }
        var stations: [Double] = []
        var s = 0.0
        while s < measure.length { stations.append(s); s += step }
        stations.append(measure.length)
        let chunkLength = 100_000.0
        let chunks = max(1, Int((measure.length / chunkLength).rounded(.up)))
        for c in 0..<chunks {
            let a = measure.length * Double(c) / Double(chunks), b = measure.length * Double(c + 1) / Double(chunks)
            let mine = stations.filter { c == chunks - 1 ? ($0 >= a && $0 <= b) : ($0 >= a && $0 < b) }
            guard !mine.isEmpty else { continue }
            let mid = measure.position(at: (a + b) / 2)
            let projection = try Projection(center: mid)
            // Every border piece that can be the nearest to a sample of this chunk.
            guard let first = try index.borderPieces.nearest(to: .point(Point(mid))) else { continue }
            let d0 = Geodesic.wgs84.distance(mid, try projection.inverse(try Geometry.point(Point(0, 0))
                .nearestPoints(try projection.forward(Geometry.lineString(context.borderPieces[first]))).1))
            // No sample of the chunk is farther than half its length (along the route, so at least as far in a
            // straight line) from its middle: its nearest border is within d0 + half the length.
            let reach = d0 + (b - a) / 2
            let positions = mine.map { measure.position(at: $0) }
            let maxLat = positions.map { abs($0.lat) }.max()! + reach / 111_000
            let radius = reach / (111_000 * max(cos(min(maxLat, 89) * .pi / 180), 0.02)) * 1.1
            let e = Geometry.lineString(LineString(positions)).envelope!.expanded(by: radius)
            let candidates = try index.borderPieces.query(e)
            let projected = try candidates.map { try projection.forward(Geometry.lineString(context.borderPieces[$0])) }
            let local = try STRtree(projected)
            for (at, p) in zip(mine, positions) {
                let q = Geometry.point(Point(try projection.forward(p)))
                guard let k = try local.nearest(to: q) else { continue }
                let (_, nearest) = try q.nearestPoints(projected[k])
                samples.append((at, p, Geodesic.wgs84.distance(p, try projection.inverse(nearest))))
            }
        }
        return BorderProfile(samples: samples.map { (at: $0.0, position: $0.1, distance: $0.2) }, step: step, near: near)
    }
}
