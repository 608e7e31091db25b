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

    /// What `Routes` measures against the borders in one pass over each route part, chunk by chunk: the profile
    /// (a sample every `step` metres and at each part's end), the exact nearest approach to any land border, and
    /// the closest approach to each territory the route does not enter (`entered`) whose border comes within `near`.
    ///
    /// Each part is taken in chunks of at most 100 km, each with an azimuthal equidistant projection centred on
    /// it (`AzimuthalEquidistant`: geodesics, no PROJ context per chunk nor PROJ call per vertex); the short border pieces (`RouteContext.borderPieces`) that can matter to the chunk are projected once
    /// and indexed in metres (STRtree). A sample's nearest point is found among them in the plane
    /// (`PlanarNearest`); the chunk's nearest piece comes from the index (`GEOSSTRtree_nearest_r`, exact planar
    /// distance) and its points from `GEOSNearestPoints_r`; every distance is
    /// then re-measured geodesically (`geod_inverse`) between the two points, so the projection only picks them.
    /// 0 where the route meets a border, at the first such point along the route (`GEOSIntersection_r` of the
    /// chunk's line with each piece it meets), whichever piece the index happens to give.
    static func measure(_ path: RoutePath, context: RouteContext, index: Routes.Indexes, step: Double, near: Double,
                        entered: Set<String>) throws -> BorderMeasures {
        var out = BorderMeasures(profile: BorderProfile(samples: [], step: step, near: near))
        guard !context.borders.isEmpty else { return out }
        var best: [String: ClosestApproach] = [:]
        // Chunks kept for the exact nearest border, with their closest sample: no point of a chunk is nearer a
        // border than its closest sample less half a step, so only chunks whose closest sample is within a step
        // of the route's closest sample can hold the exact nearest point — usually one.
        var kept: [(part: Int, chunk: Chunk, tree: STRtree, closestSample: Double)] = []
        for (k, measure) in path.parts.enumerated() where measure.length > 0 || measure.positions.count == 1 {
            var stations: [Double] = []
            var s = 0.0
            while s < measure.length { stations.append(s); s += step }
            stations.append(measure.length)
            try forEachChunk(measure, context: context, index: index, extra: near) { chunk in
                let local = try STRtree(chunk.projected)
                func approach(_ onRoute: Position, _ onBorder: Position, territory: String?) throws -> ClosestApproach {
                    let p = chunk.projection.inverse(onRoute), q = chunk.projection.inverse(onBorder)
                    return ClosestApproach(territory: territory, distance: onRoute == onBorder ? 0 : Geodesic.wgs84.distance(p, q),
                                           at: path.starts[k] + measure.along(p), position: p.wrappedLongitude,
                                           borderPosition: q.wrappedLongitude, part: k)
                }
                // The profile.
                let mine = stations.filter { chunk.isLast ? ($0 >= chunk.from && $0 <= chunk.to) : ($0 >= chunk.from && $0 < chunk.to) }
                var closest = Double.infinity
                var pieces = PlanarNearest(chunk.projected)
                for at in mine {
                    let p = measure.position(at: at)
                    guard let nearest = pieces.nearest(to: chunk.projection.forward(p))?.point else { continue }
                    let d = Geodesic.wgs84.distance(p, chunk.projection.inverse(nearest))
                    closest = min(closest, d)
                    out.profile.samples.append(ProfileSample(at: path.starts[k] + at, position: p.wrappedLongitude, distance: d))
                }
                kept.append((k, chunk, local, mine.isEmpty ? 0 : closest))
                // Territories not entered whose border comes within `near` of the chunk.
                guard near > 0, let e = chunk.line.envelope else { return }
                for j in try local.query(e.expanded(by: near * 1.01 + 1)) {
                    let territories = context.borders[context.pieceBorder[chunk.pieces[j]]].territories.filter { !entered.contains($0) }
                    guard !territories.isEmpty else { continue }
                    let points = try chunk.line.nearestPoints(chunk.projected[j])
                    for t in territories {
                        let a = try approach(points.onSelf, points.onOther, territory: t)
                        if a.distance <= near, best[t].map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { best[t] = a }
                    }
                }
            }
        }
        // The exact nearest border: the chunk's line against its pieces, through the chunk's STRtree.
        let routeClosest = kept.map(\.closestSample).min() ?? 0
        for (k, chunk, local, closestSample) in kept where closestSample <= routeClosest + step {
            guard let j = try local.nearest(to: chunk.line) else { continue }
            let points = try chunk.line.nearestPoints(chunk.projected[j])
            var p = chunk.projection.inverse(points.onSelf)
            let q: Position
            if points.onSelf == points.onOther {
                // The chunk crosses a border: of all its meetings with a border (the index gave one of them), the
                // first along the route, so the answer does not depend on which piece the index found.
                var first = (at: path.parts[k].along(p), position: p)
                for i in try local.query(chunk.line.envelope!) where try chunk.line.intersects(chunk.projected[i]) {
                    try chunk.line.intersection(chunk.projected[i]).forEachPosition { meet in
                        let m = chunk.projection.inverse(meet)
                        let along = path.parts[k].along(m)
                        if along < first.at { first = (along, m) }
                    }
                }
                p = first.position
                q = first.position
            } else {
                q = chunk.projection.inverse(points.onOther)
            }
            let a = ClosestApproach(territory: nil, distance: points.onSelf == points.onOther ? 0 : Geodesic.wgs84.distance(p, q),
                                    at: path.starts[k] + path.parts[k].along(p), position: p.wrappedLongitude,
                                    borderPosition: q.wrappedLongitude, part: k)
            if out.nearest.map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { out.nearest = a }
        }
        out.byTerritory = best.values.sorted { ($0.distance, $0.territory ?? "") < ($1.distance, $1.territory ?? "") }
        return out
    }

    /// One chunk of a route part (at most 100 km), its local projection, and the border pieces that can matter
    /// to it, projected.
    struct Chunk {
        var from: Double
        var to: Double
        var isLast: Bool
        var projection: AzimuthalEquidistant
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
            let projection = AzimuthalEquidistant(center: mid)
            // Any border piece gives an upper bound for the nearest distance at the middle; the STRtree's planar
            // nearest is a good one. Across the antimeridian it may be far: the bound still holds.
            var d0 = Double.infinity
            for copy in [0.0, 360, -360] {
                guard let first = try index.borderPieces.nearest(to: .point(Point(mid.x + copy, mid.y))) else { continue }
                let q = try Geometry.point(Point(0, 0)).nearestPoints(projection.forward(Geometry.lineString(context.borderPieces[first]))).onOther
                d0 = min(d0, Geodesic.wgs84.distance(mid, projection.inverse(q)))
            }
            guard d0.isFinite else { continue }
            // No point of the chunk is farther than half its length (along the route, so at least as far in a
            // straight line) from its middle: its nearest border is within d0 + half the length.
            let reach = max(d0 + (b - a) / 2, extra + (b - a) / 2)
            var positions = [measure.position(at: a)]
            for (i, s) in measure.cumulative.enumerated() where s > a && s < b { positions.append(measure.positions[i]) }
            positions.append(measure.position(at: b))
            let maxLat = positions.map { abs($0.lat) }.max()! + reach / 111_000
            // Degrees of longitude per metre grow with latitude; of latitude they are at most 1 / 110,574 m.
            let radius = reach / (111_000 * max(cos(min(maxLat, 89) * .pi / 180), 0.02)) * 1.1
            // The pieces within reach of the chunk's line: looked up around each run of 16 of its 1 km segments,
            // not around the chunk's whole box (a diagonal chunk's box holds many pieces out of reach, and
            // projecting them was a quarter of `route`'s time).
            let dense = Geodesic.wgs84.densify(positions, maxSegment: 1_000)
            var found = Set<Int>()
            for start in stride(from: 0, to: max(1, dense.count - 1), by: 16) {
                let own = Geometry.lineString(LineString(Array(dense[start...min(start + 16, dense.count - 1)]))).envelope!
                let e = Envelope(minX: own.minX - radius, minY: own.minY - reach / 110_000, maxX: own.maxX + radius, maxY: own.maxY + reach / 110_000)
                found.formUnion(try Routes.Indexes.query(index.borderPieces, e))
            }
            let pieces = found.sorted()
            let projected = pieces.map { projection.forward(Geometry.lineString(context.borderPieces[$0])) }
            let line = projection.forward(Geometry.lineString(LineString(dense)))
            try body(Chunk(from: a, to: b, isLast: c == chunks - 1, projection: projection, line: line, pieces: pieces, projected: projected))
        }
    }
}

/// What one pass over a route's chunks measures against the borders (`BorderProfile.measure`).
struct BorderMeasures {
    var profile: BorderProfile
    var nearest: ClosestApproach?
    var byTerritory: [ClosestApproach] = []
}
