import GeoCore

/// Distances along a route's positions, for placing points found by GEOS at metres along the route.
struct RouteMeasure {
    let positions: [Position]
    /// Geodesic metres from the start to each position.
    let cumulative: [Double]

    init(_ positions: [Position]) {
        self.positions = positions
        var c = [0.0]
        for (a, b) in zip(positions, positions.dropFirst()) { c.append(c.last! + Geodesic.wgs84.distance(a, b)) }
        cumulative = c
    }

    var length: Double { cumulative.last ?? 0 }

    /// Metres along the route of a point on (or next to) it: the nearest segment in the lon/lat plane, plus the
    /// geodesic distance from that segment's start.
    func along(_ q: Position) -> Double {
        var best = (d: Double.infinity, i: 0)
        for i in 0..<max(positions.count - 1, 0) {
            let a = positions[i], b = positions[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y
            let t = dx == 0 && dy == 0 ? 0 : max(0, min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy)))
            let px = a.x + t * dx - q.x, py = a.y + t * dy - q.y
            let d = px * px + py * py
            if d < best.d { best = (d, i) }
        }
        return min(cumulative[best.i] + Geodesic.wgs84.distance(positions[best.i], q), cumulative[min(best.i + 1, cumulative.count - 1)])
    }

    /// The position `s` metres along the route (geodesic within each segment).
    func position(at s: Double) -> Position {
        guard positions.count > 1 else { return positions.first ?? Position(0, 0) }
        let clamped = max(0, min(s, length))
        var i = 0
        while i < cumulative.count - 2 && cumulative[i + 1] < clamped { i += 1 }
        let a = positions[i], b = positions[i + 1]
        let inv = Geodesic.wgs84.inverse(a, b)
        return Geodesic.wgs84.direct(from: a, azimuth: inv.azimuth1, distance: clamped - cumulative[i]).position
    }
}
