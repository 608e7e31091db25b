import GeoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distance from a route to the nearest land border, sampled along it.
public struct BorderProfile: Sendable {
    /// Samples: metres along the route, the position, and the geodesic distance to the nearest border (m).
    public var samples: [ProfileSample]
    /// Spacing of the samples, metres.
    public var step: Double
    /// Stretches closer than this to a border, metres, count as near.
    public var near: Double

    /// The closest sample.
    public var minimum: ProfileSample? { samples.min { $0.distance < $1.distance } }

    /// Runs of consecutive samples closer than `near`, as metres along the route (each sample stands for one step).
    public var nearStretches: [RouteRange] {
        var out: [RouteRange] = []
        for s in samples where s.distance < near {
            if let last = out.last, s.at - last.to <= step * 1.000001 { out[out.count - 1].to = s.at } else { out.append(RouteRange(from: s.at, to: s.at)) }
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

    /// Samples every `step` metres along each part (and at its end). Each part is taken in chunks of at most
    /// 100 km, each with an azimuthal equidistant projection centred on it: the short border pieces
    /// (`RouteContext.borderPieces`) that can be nearest to any of its samples (found with the STRtree,
    /// `GEOSSTRtree_nearest_r` and an envelope query) are projected once and indexed in metres; each sample's
    /// nearest point is found there and the distance re-measured geodesically (`geod_inverse`), so the projection
    /// only picks the point.
    static func sample(_ path: RoutePath, context: RouteContext, index: Routes.Indexes, step: Double, near: Double) throws -> BorderProfile {
        var samples: [(Double, Position, Double)] = []
        guard !context.borders.isEmpty else { return BorderProfile(samples: [], step: step, near: near) }
        for (k, measure) in path.parts.enumerated() where measure.length > 0 || measure.positions.count == 1 {
            var stations: [Double] = []
            var s = 0.0
            while s < measure.length { stations.append(s); s += step }
            stations.append(measure.length)
            try forEachChunk(measure, context: context, index: index, extra: 0) { chunk in
                let mine = stations.filter { chunk.isLast ? ($0 >= chunk.from && $0 <= chunk.to) : ($0 >= chunk.from && $0 < chunk.to) }
                guard !mine.isEmpty else { return }
                let local = try STRtree(chunk.projected)
                for at in mine {
                    let p = measure.position(at: at)
                    let q = Geometry.point(Point(try chunk.projection.forward(p)))
                    guard let j = try local.nearest(to: q) else { continue }
                    let nearest = try q.nearestPoints(chunk.projected[j]).onOther
                    samples.append((path.starts[k] + at, p.wrappedLongitude, Geodesic.wgs84.distance(p, try chunk.projection.inverse(nearest))))
                }
            }
        }
        return BorderProfile(samples: samples.map { ProfileSample(at: $0.0, position: $0.1, distance: $0.2) }, step: step, near: near)
    }

    /// One chunk of a route part (at most 100 km), its local projection, and the border pieces that can matter
    /// to it, projected.
    struct Chunk {
        var from: Double
        var to: Double
        var isLast: Bool
        var projection: Projection
        /// The chunk's line (densified to 1 km), projected.
        var line: Geometry
        /// Indexes into `RouteContext.borderPieces`, and those pieces projected.
        var pieces: [Int]
        var projected: [Geometry]
    }

    /// Calls `body` with each chunk of `measure` and the border pieces within the distance that can hold the
    /// nearest border to any of its points (d₀ from `GEOSSTRtree_nearest_r` at the chunk's middle, plus half
    /// the chunk), grown by `extra` metres.
    static func forEachChunk(_ measure: RouteMeasure, context: RouteContext, index: Routes.Indexes, extra: Double,
                             _ body: (Chunk) throws -> Void) throws {
        let chunkLength = 100_000.0
        let chunks = max(1, Int((measure.length / chunkLength).rounded(.up)))
        for c in 0..<chunks {
            let a = measure.length * Double(c) / Double(chunks), b = measure.length * Double(c + 1) / Double(chunks)
            let mid = measure.position(at: (a + b) / 2)
            let projection = try Projection(center: mid)
            // Any border piece gives an upper bound for the nearest distance at the middle; the STRtree's planar
            // nearest is a good one. Across the antimeridian it may be far: the bound still holds.
            var d0 = Double.infinity
            for copy in [0.0, 360, -360] {
                guard let first = try index.borderPieces.nearest(to: .point(Point(mid.x + copy, mid.y))) else { continue }
                let q = try Geometry.point(Point(0, 0)).nearestPoints(try projection.forward(Geometry.lineString(context.borderPieces[first]))).onOther
                d0 = min(d0, Geodesic.wgs84.distance(mid, try projection.inverse(q)))
            }
            guard d0.isFinite else { continue }
            // No point of the chunk is farther than half its length (along the route, so at least as far in a
            // straight line) from its middle: its nearest border is within d0 + half the length.
            let reach = max(d0 + (b - a) / 2, extra + (b - a) / 2)
            var positions = [measure.position(at: a)]
            for (i, s) in measure.cumulative.enumerated() where s > a && s < b { positions.append(measure.positions[i]) }
            positions.append(measure.position(at: b))
            let maxLat = positions.map { abs($0.lat) }.max()! + reach / 111_000
            let radius = reach / (111_000 * max(cos(min(maxLat, 89) * .pi / 180), 0.02)) * 1.1
            let e = Geometry.lineString(LineString(positions)).envelope!.expanded(by: radius)
            let pieces = try Routes.Indexes.query(index.borderPieces, e)
            let projected = try pieces.map { try projection.forward(Geometry.lineString(context.borderPieces[$0])) }
            let line = try projection.forward(Geometry.lineString(LineString(Geodesic.wgs84.densify(positions, maxSegment: 1_000))))
            try body(Chunk(from: a, to: b, isLast: c == chunks - 1, projection: projection, line: line, pieces: pieces, projected: projected))
        }
    }

    /// The exact nearest approach of the route to any land border, and to the border of each territory it
    /// does not enter that comes within `near` metres: GEOS nearest points (`GEOSNearestPoints_r`) between each
    /// chunk of the route and each border piece in reach, in the chunk's azimuthal equidistant projection, the
    /// distance then re-measured geodesically between the two points. 0 where the route crosses a border.
    static func approaches(_ path: RoutePath, context: RouteContext, index: Routes.Indexes, near: Double,
                           entered: Set<String>) throws -> (nearest: ClosestApproach?, byTerritory: [ClosestApproach]) {
        guard !context.borders.isEmpty else { return (nil, []) }
        var nearest: ClosestApproach?
        var best: [String: ClosestApproach] = [:]
        for (k, measure) in path.parts.enumerated() where !measure.positions.isEmpty {
            try forEachChunk(measure, context: context, index: index, extra: near) { chunk in
                var found: [(piece: Int, planar: Double, onRoute: Position, onBorder: Position)] = []
                for (j, piece) in zip(chunk.pieces, chunk.projected) {
                    let points = try chunk.line.nearestPoints(piece)
                    let a = points.onSelf, b = points.onOther
                    found.append((j, ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot(), a, b))
                }
                func approach(_ f: (piece: Int, planar: Double, onRoute: Position, onBorder: Position), territory: String?) throws -> ClosestApproach {
                    let p = try chunk.projection.inverse(f.onRoute), q = try chunk.projection.inverse(f.onBorder)
                    return ClosestApproach(territory: territory, distance: f.planar == 0 ? 0 : Geodesic.wgs84.distance(p, q),
                                           at: path.starts[k] + measure.along(p), position: p.wrappedLongitude,
                                           borderPosition: q.wrappedLongitude, part: k)
                }
                // The projection only picks the points: every candidate within 1% (and a metre) of the planar
                // best is measured geodesically.
                if let planarBest = found.map(\.planar).min() {
                    for f in found where f.planar <= planarBest * 1.01 + 1 {
                        let a = try approach(f, territory: nil)
                        if nearest.map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { nearest = a }
                    }
                }
                for f in found where f.planar <= near * 1.01 + 1 {
                    for t in context.borders[context.pieceBorder[f.piece]].territories where !entered.contains(t) {
                        let a = try approach(f, territory: t)
                        if a.distance <= near, best[t].map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { best[t] = a }
                    }
                }
            }
        }
        return (nearest, best.values.sorted { ($0.distance, $0.territory ?? "") < ($1.distance, $1.territory ?? "") })
    }
}
