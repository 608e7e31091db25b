import GeoCore

/// Our border between two territories against Natural Earth's: both lengths, and the offsets sampled every kilometre.
struct BorderCrossCheck {
    var pair: (String, String)
    var lengthMetres: Double
    /// Natural Earth's border of the pair inside the frame, geodesic metres.
    var referenceLengthMetres: Double
    var offsets: LineOffsets
}

/// The border of `a` and `b`: their shared boundary lines, merged (`GEOSIntersection_r` of the boundaries).
func sharedBorder(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    let lines = try a.boundary().intersection(b.boundary())
    return try Geometry.multiLineString(MultiLineString(lines.lineStrings)).lineMerged()
}

/// Compares every border of `ours` with the same pair's border in `reference`: our border sampled every 1 km
/// along the geodesic, each sample's offset from the reference border (`Geodesic.offsets`, an azimuthal
/// equidistant projection centred at `center`), and the reference border's length inside `frame`.
func crossCheck(ours: [(code: String, geometry: Geometry)], reference: [String: Geometry], center: Position,
                frame: Envelope) throws -> [BorderCrossCheck] {
    let g = Geodesic.wgs84
    var out: [BorderCrossCheck] = []
    for (i, a) in ours.enumerated() {
        for b in ours[(i + 1)...] {
            let border = try sharedBorder(a.geometry, b.geometry)
            let length = g.length(of: border)
            guard length > 0, let refA = reference[a.code], let refB = reference[b.code] else { continue }
            let refBorder = try sharedBorder(refA, refB)
            guard let offsets = try g.offsets(of: border, from: refBorder, every: 1000, center: center) else { continue }
            out.append(BorderCrossCheck(pair: (a.code, b.code), lengthMetres: length,
                                        referenceLengthMetres: g.length(of: try refBorder.intersection(frame.polygon)),
                                        offsets: offsets))
        }
    }
    return out
}
