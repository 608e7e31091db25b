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
    /// it (`AzimuthalEquidistant`: geodesics, no PROJ context per chunk nor PROJ call per vertex); of the short border
    /// pieces (`RouteContext.borderPieces`) within the chunk's reach, those a question cannot rule out by their
    /// lon/lat box are projected, once (`ChunkPieces`). A sample's nearest point is found among them in the plane
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
        var kept: [(part: Int, chunk: Chunk, closestSample: Double)] = []
        for (k, measure) in path.parts.enumerated() where measure.length > 0 || measure.positions.count == 1 {
            var stations: [Double] = []
            var s = 0.0
            while s < measure.length { stations.append(s); s += step }
            stations.append(measure.length)
            try forEachChunk(measure, context: context, index: index, extra: near) { chunk in
                // Points on the chunk's line are placed along the route among the chunk's own segments.
                let segments = measure.segments(from: chunk.from, to: chunk.to)
                func approach(_ onRoute: Position, _ onBorder: Position, territory: String?) throws -> ClosestApproach {
                    let p = chunk.projection.inverse(onRoute), q = chunk.projection.inverse(onBorder)
                    return ClosestApproach(territory: territory, distance: onRoute == onBorder ? 0 : Geodesic.wgs84.distance(p, q),
                                           at: path.starts[k] + measure.along(p, segments: segments), position: p.wrappedLongitude,
                                           borderPosition: q.wrappedLongitude, part: k)
                }
                // The profile.
                let mine = stations.filter { chunk.isLast ? ($0 >= chunk.from && $0 <= chunk.to) : ($0 >= chunk.from && $0 < chunk.to) }
                var closest = Double.infinity
                var pieces = PlanarNearest(chunk.pieces)
                for at in mine {
                    let p = measure.position(at: at)
                    guard let nearest = pieces.nearest(to: chunk.projection.forward(p), lonLat: p)?.point else { continue }
                    let d = Geodesic.wgs84.distance(p, chunk.projection.inverse(nearest))
                    closest = min(closest, d)
                    out.profile.samples.append(ProfileSample(at: path.starts[k] + at, position: p.wrappedLongitude, distance: d))
                }
                kept.append((k, chunk, closest))
                // Territories not entered whose border comes within `near` of the chunk: the pieces whose box in
                // the plane meets the line's, grown by `near` (as an STRtree of them would give, in its order),
                // among those whose lon/lat box comes within `near` of a run of the line's (the rest are farther,
                // so left unprojected; their approaches would not count).
                guard near > 0, let e = chunk.line.envelope else { return }
                let box = e.expanded(by: near * 1.01 + 1)
                for j in 0..<chunk.pieces.count {
                    guard chunk.runs.contains(where: { chunk.pieces.lowerBound(from: $0, to: j) <= near * 1.01 + 1 }),
                          chunk.pieces.planarBox(j).intersects(box) else { continue }
                    let territories = context.borders[context.pieceBorder[chunk.indices[j]]].territories.filter { !entered.contains($0) }
                    guard !territories.isEmpty else { continue }
                    let points = try chunk.line.nearestPoints(chunk.pieces.geometry(j))
                    for t in territories {
                        let a = try approach(points.onSelf, points.onOther, territory: t)
                        if a.distance <= near, best[t].map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { best[t] = a }
                    }
                }
            }
        }
        // The exact nearest border: the chunk's line against its pieces, through an STRtree of those that can hold
        // it (`candidates`).
        let routeClosest = kept.map(\.closestSample).filter(\.isFinite).min() ?? 0
        for (k, chunk, closestSample) in kept where !closestSample.isFinite || closestSample <= routeClosest + step {
            let pieces = candidates(chunk, within: closestSample)
            let projected = pieces.map(chunk.pieces.geometry)
            let local = try STRtree(projected)
            guard let j = try local.nearest(to: chunk.line) else { continue }
            let points = try chunk.line.nearestPoints(projected[j])
            let segments = path.parts[k].segments(from: chunk.from, to: chunk.to)
            var p = chunk.projection.inverse(points.onSelf)
            let q: Position
            if points.onSelf == points.onOther {
                // The chunk crosses a border: of all its meetings with a border (the index gave one of them), the
                // first along the route, so the answer does not depend on which piece the index found.
                var first = (at: path.parts[k].along(p, segments: segments), position: p)
                for i in try local.query(chunk.line.envelope!) where try chunk.line.intersects(projected[i]) {
                    try chunk.line.intersection(projected[i]).forEachPosition { meet in
                        let m = chunk.projection.inverse(meet)
                        let along = path.parts[k].along(m, segments: segments)
                        if along < first.at { first = (along, m) }
                    }
                }
                p = first.position
                q = first.position
            } else {
                q = chunk.projection.inverse(points.onOther)
            }
            let a = ClosestApproach(territory: nil, distance: points.onSelf == points.onOther ? 0 : Geodesic.wgs84.distance(p, q),
                                    at: path.starts[k] + path.parts[k].along(p, segments: segments), position: p.wrappedLongitude,
                                    borderPosition: q.wrappedLongitude, part: k)
            if out.nearest.map({ (a.distance, a.at) < ($0.distance, $0.at) }) ?? true { out.nearest = a }
        }
        out.byTerritory = best.values.sorted { ($0.distance, $0.territory ?? "") < ($1.distance, $1.territory ?? "") }
        return out
    }

    /// The pieces of `chunk` that can be as near its line, in the plane, as its closest sample, `closest` metres
    /// (geodesic) from its nearest border point: the rest are left unprojected. That sample's straight line to its
    /// point in the plane is at most the geodesic's length times the projection's largest scale within their
    /// reach of the centre (ρ/R / sin(ρ/R), at most 1.0001 at 200 km; ×1.01 and 10 m more, for the ellipsoid and
    /// the bulge of segments), so the exact nearest lies on a piece whose lower bound (`ChunkPieces.lowerBound`,
    /// from the line's runs) is within that. Every piece when no sample was taken or the reach passes 1,000 km.
    static func candidates(_ chunk: Chunk, within closest: Double) -> [Int] {
        let all = Array(0..<chunk.pieces.count)
        let rho = (closest + (chunk.to - chunk.from) / 2 + 1_000) / 6_356_000
        guard closest.isFinite, rho < 0.16 else { return all }
        let limit = closest * rho / sin(rho) * 1.01 + 10
        return all.filter { j in chunk.runs.contains { chunk.pieces.lowerBound(from: $0, to: j) <= limit } }
    }

    /// One chunk of a route part (at most 100 km), its local projection, and the border pieces that can matter
    /// to it, projected when needed.
    struct Chunk {
        var from: Double
        var to: Double
        var isLast: Bool
        var projection: AzimuthalEquidistant
        /// The chunk's line (densified to 1 km), projected.
        var line: Geometry
        /// The lon/lat boxes of the line's runs of 16 segments.
        var runs: [Envelope]
        /// Indexes into `RouteContext.borderPieces`, and those pieces (projected on demand).
        var indices: [Int]
        var pieces: ChunkPieces
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
            // The part is densified to 1 km already (`RoutePath(densified:)`).
            let dense = positions
            var found = Set<Int>()
            var runs: [Envelope] = []
            for start in stride(from: 0, to: max(1, dense.count - 1), by: 16) {
                let own = Envelope(bounding: dense[start...min(start + 16, dense.count - 1)])
                runs.append(own)
                let e = Envelope(minX: own.minX - radius, minY: own.minY - reach / 110_000, maxX: own.maxX + radius, maxY: own.maxY + reach / 110_000)
                found.formUnion(try Routes.Indexes.query(index.borderPieces, e))
            }
            let indices = found.sorted()
            let pieces = ChunkPieces(lonLat: indices.map { context.borderPieces[$0].positions },
                                     boxes: indices.map { context.borderPieceBoxes[$0] }, projection: projection,
                                     asked: runs.dropFirst().reduce(runs[0]) { $0.union($1) })
            let line = projection.forward(Geometry.lineString(LineString(dense)))
            try body(Chunk(from: a, to: b, isLast: c == chunks - 1, projection: projection, line: line, runs: runs,
                           indices: indices, pieces: pieces))
        }
    }
}

/// What one pass over a route's chunks measures against the borders (`BorderProfile.measure`).
struct BorderMeasures {
    var profile: BorderProfile
    var nearest: ClosestApproach?
    var byTerritory: [ClosestApproach] = []
}
