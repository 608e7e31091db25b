import GeoCore

/// SVG path data for projected geometry, in whole pixels: "M x y" then the next points, "Z" closing rings.
///
/// Consecutive positions that round to the same pixel are written once; a ring left with fewer than three
/// distinct pixels, or a line with fewer than two, is dropped, so that the file holds no more than the scale
/// can show.
enum SVGPath {
    static func data(_ geometry: Geometry, _ frame: MapFrame) -> String {
        var out = ""
        for polygon in geometry.polygons {
            for ring in polygon.rings { append(ring, closed: true, frame, to: &out) }
        }
        for line in geometry.lineStrings { append(line.positions, closed: false, frame, to: &out) }
        return out
    }

    private static func append(_ positions: [Position], closed: Bool, _ frame: MapFrame, to out: inout String) {
        var points: [(Int, Int)] = []
        points.reserveCapacity(positions.count)
        for p in positions {
            let q = frame.pixel(p)
            let pt = (Int(q.x.rounded()), Int(q.y.rounded()))
            if let last = points.last, last == pt { continue }
            points.append(pt)
        }
        if closed, points.count > 1, points.first! == points.last! { points.removeLast() }
        guard points.count >= (closed ? 3 : 2) else { return }
        out += "M\(points[0].0) \(points[0].1)"
        for (i, p) in points.dropFirst().enumerated() { out += (i == 0 ? "L" : " ") + "\(p.0) \(p.1)" }
        if closed { out += "Z" }
    }
}
