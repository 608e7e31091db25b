import GeoCore

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

    /// Samples every `step` metres (and the end). For each, the border pieces near it come from the STRtree
    /// (`GEOSSTRtree_nearest_r`, then every piece within that distance grown for the lon/lat anisotropy), the
    /// nearest point is found in an azimuthal equidistant projection centred on the sample, and the distance is
    /// re-measured geodesically (`geod_inverse`).
    static func sample(_ measure: RouteMeasure, context: RouteContext, index: Routes.Indexes, step: Double, near: Double) throws -> BorderProfile {
        var samples: [(Double, Position, Double)] = []
        guard !context.borders.isEmpty else { return BorderProfile(samples: [], step: step, near: near) }
        var s = 0.0
        var stations: [Double] = []
        while s < measure.length { stations.append(s); s += step }
        stations.append(measure.length)
        for at in stations {
            let p = measure.position(at: at)
            let point = Geometry.point(Point(p))
            guard let first = try index.borders.nearest(to: point) else { continue }
            let projection = try LocalProjection(center: p)
            let origin = Geometry.point(Point(0, 0))
            func metric(_ j: Int) throws -> (Double, Position) {
                let (_, q) = try origin.nearestPoints(try projection.forward(Geometry.lineString(context.borders[j].line)))
                return ((q.x * q.x + q.y * q.y).squareRoot(), q)
            }
            let d0 = try metric(first).0
            let radius = d0 / (111_000 * max(cos(p.lat * .pi / 180), 0.05)) * 1.1 + 1e-6
            var best = (Double.infinity, Position(0, 0))
            for j in try index.borders.query(Envelope(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)) {
                let m = try metric(j)
                if m.0 < best.0 { best = m }
            }
            if best.0 == .infinity { best = try metric(first) }
            samples.append((at, p, Geodesic.wgs84.distance(p, try projection.inverse(best.1))))
        }
        return BorderProfile(samples: samples.map { (at: $0.0, position: $0.1, distance: $0.2) }, step: step, near: near)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
