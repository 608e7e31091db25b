import GeoCore

/// The offset of our border between two territories from Natural Earth's, sampled every kilometre.
struct BorderCrossCheck {
    var pair: (String, String)
    var lengthMetres: Double
    var samples: Int
    var medianOffset: Double
    var maxOffset: Double
}

/// The border of `a` and `b`: their shared boundary lines, merged (`GEOSIntersection_r` of the boundaries).
func sharedBorder(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    let lines = try a.boundary().intersection(b.boundary())
    return try Geometry.multiLineString(MultiLineString(lines.lineStrings)).lineMerged()
}

/// Compares every border of `ours` with the same pair's border in `reference`: our border is sampled every
/// 1 km along the geodesic; each sample's nearest point on the reference border is found in a local
/// azimuthal equidistant projection centred on the frame, and the offset re-measured geodesically.
func crossCheck(ours: [(code: String, geometry: Geometry)], reference: [String: Geometry], center: Position) throws -> [BorderCrossCheck] {
    let projection = try Projection(center: center)
    let g = Geodesic.wgs84
    var out: [BorderCrossCheck] = []
    for (i, a) in ours.enumerated() {
        for b in ours[(i + 1)...] {
            let border = try sharedBorder(a.geometry, b.geometry)
            let length = g.length(of: border)
            guard length > 0, let refA = reference[a.code], let refB = reference[b.code] else { continue }
            let refBorder = try sharedBorder(refA, refB)
            guard !refBorder.isEmpty else { continue }
            let refProjected = try projection.forward(refBorder)
            var offsets: [Double] = []
            for line in border.lineStrings {
                for p in g.densify(line.positions, maxSegment: 1000) {
                    let nearest = try Geometry.point(Point(try projection.forward(p))).nearestPoints(refProjected).onOther
                    offsets.append(g.distance(p, try projection.inverse(nearest)))
                }
            }
            offsets.sort()
            out.append(BorderCrossCheck(pair: (a.code, b.code), lengthMetres: length, samples: offsets.count,
                                        medianOffset: offsets[offsets.count / 2], maxOffset: offsets.last ?? 0))
        }
    }
    return out
}
