import GeoCore

/// Border lines in one canonical form, whichever way they were found (GEOS's overlay and line merge, or the
/// shared edges of `SharedEdges`) and in whatever direction or from whichever vertex GEOS happened to return them.
enum BorderLines {
    /// `lines` (merged: they meet only at their ends) each in canonical form, in lexicographic order of their
    /// positions.
    ///
    /// An open line starts at its lexicographically smaller end (lon, then lat). A closed line that starts at a
    /// node (an end of another line too, or a loop's end where two loops meet) keeps that start; one that
    /// meets nothing (an enclave's whole border) starts at its smallest vertex. A closed line then runs towards
    /// the smaller of its start's two neighbours.
    static func normalised(_ lines: [LineString]) -> [LineString] {
        var ends: [XY: Int] = [:]
        for l in lines where l.positions.count > 1 {
            ends[XY(l.positions[0].x, l.positions[0].y), default: 0] += 1
            ends[XY(l.positions[l.positions.count - 1].x, l.positions[l.positions.count - 1].y), default: 0] += 1
        }
        let out = lines.filter { $0.positions.count > 1 }.map { l -> LineString in
            var p = l.positions
            let first = XY(p[0].x, p[0].y), last = XY(p[p.count - 1].x, p[p.count - 1].y)
            guard first == last else { return XY.precedes(last, first) ? LineString(p.reversed()) : l }
            guard p.count > 3 else { return l }
            if ends[first] ?? 0 <= 2 {
                // Rotate to the smallest vertex (the closing vertex dropped and put back).
                p.removeLast()
                let k = p.indices.min { XY.precedes(XY(p[$0].x, p[$0].y), XY(p[$1].x, p[$1].y)) }!
                p = Array(p[k...] + p[..<k])
                p.append(p[0])
            }
            let second = XY(p[1].x, p[1].y), beforeLast = XY(p[p.count - 2].x, p[p.count - 2].y)
            return XY.precedes(beforeLast, second) ? LineString(p.reversed()) : LineString(p)
        }
        return out.sorted { a, b in
            for (p, q) in zip(a.positions, b.positions) where p.x != q.x || p.y != q.y {
                return XY.precedes(XY(p.x, p.y), XY(q.x, q.y))
            }
            return a.positions.count < b.positions.count
        }
    }
}
