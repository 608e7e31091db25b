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

    /// Metres along the route of a point on (or next to) it: the nearest segment in the lon/lat plane (among
    /// `segments`, by the index of their first position, when the caller knows where the point lies: a search
    /// over every segment for each of many points would cost the route's length each time), plus the geodesic
    /// distance from that segment's start.
    func along(_ q: Position, segments: Range<Int>? = nil) -> Double {
        var best = (d: Double.infinity, i: segments?.lowerBound ?? 0)
        let all = 0..<max(positions.count - 1, 0)
        for i in segments?.clamped(to: all) ?? all {
            let a = positions[i], b = positions[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y
            let t = dx == 0 && dy == 0 ? 0 : max(0, min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy)))
            let px = a.x + t * dx - q.x, py = a.y + t * dy - q.y
            let d = px * px + py * py
            if d < best.d { best = (d, i) }
        }
        return min(cumulative[best.i] + Geodesic.wgs84.distance(positions[best.i], q), cumulative[min(best.i + 1, cumulative.count - 1)])
    }

    /// Consecutive runs of `segments` segments (the last may be shorter; neighbours share a position), each with
    /// its positions' indices and lon/lat box: what the route is met with territories and borders by, so that a
    /// long route meets only what lies near each run.
    func runs(of segments: Int) -> [(positions: ClosedRange<Int>, box: Envelope)] {
        var out: [(positions: ClosedRange<Int>, box: Envelope)] = []
        var start = 0
        while start < positions.count - 1 {
            let end = min(start + segments, positions.count - 1)
            out.append((start...end, Envelope(bounding: positions[start...end])))
            start = end
        }
        return out
    }

    /// The segments (by the index of their first position) that hold the metres from `a` to `b` along the route.
    func segments(from a: Double, to b: Double) -> Range<Int> {
        guard positions.count > 1 else { return 0..<0 }
        return segment(at: a)..<(segment(at: b) + 1)
    }

    /// The last segment starting at or before `s` metres (binary search).
    private func segment(at s: Double) -> Int {
        let clamped = max(0, min(s, length))
        var lo = 0, hi = cumulative.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if cumulative[mid] < clamped { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The position `s` metres along the route (geodesic within each segment).
    func position(at s: Double) -> Position {
        guard positions.count > 1 else { return positions.first ?? Position(0, 0) }
        let clamped = max(0, min(s, length))
        // The last segment start at or before `clamped` (binary search: routes of 10^5 vertices are sampled
        // thousands of times).
        let i = segment(at: clamped)
        let a = positions[i], b = positions[i + 1]
        let inv = Geodesic.wgs84.inverse(a, b)
        // geod_direct returns a longitude within ±180°: keep it in the route's frame (near the segment's start),
        // so a route held east-shifted across the antimeridian stays continuous.
        var p = Geodesic.wgs84.direct(from: a, azimuth: inv.azimuth1, distance: clamped - cumulative[i]).position
        let d = p.x - a.x
        if d > 180 || d < -180 { p.x = a.x + d - 360 * (d / 360).rounded() }
        return p
    }
}

/// A route's parts measured one after the other: metres along the route run through each part in turn and
/// skip the gaps between parts, so nothing is measured where the route is not drawn.
struct RoutePath {
    let parts: [RouteMeasure]
    /// Metres along the route where each part starts.
    let starts: [Double]

    /// Total length, metres: the sum of the parts' geodesic lengths, each the sum of its segments' as given.
    let length: Double

    init(_ route: Route) {
        let parts = route.parts.map { RouteMeasure($0) }
        self.init(parts: parts, lengths: parts.map(\.length))
    }

    /// The route as the analysis measures it: each part densified to 1 km along its geodesics
    /// (`Geodesic.densify`), once, so that cutting it at boundaries, sampling it and buffering it need no
    /// densifying of their own (the geodesic and the line through the dense positions are within millimetres).
    /// Parts start, and the route's length is, where `init(_:)` puts them (the sums over the positions as given),
    /// so the length and its interval (`RouteIntervals`) are one figure.
    init(densified route: Route) {
        let lengths = route.parts.map { positions in
            zip(positions, positions.dropFirst()).reduce(0.0) { $0 + Geodesic.wgs84.distance($1.0, $1.1) }
        }
        self.init(parts: route.parts.map { RouteMeasure(Geodesic.wgs84.densify($0, maxSegment: RoutePath.maxSegment)) }, lengths: lengths)
    }

    /// Metres at most between consecutive positions of a densified path.
    static let maxSegment = 1_000.0

    private init(parts: [RouteMeasure], lengths: [Double]) {
        self.parts = parts
        var s = [0.0]
        for l in lengths.dropLast() { s.append(s.last! + l) }
        starts = s
        length = (s.last ?? 0) + (lengths.last ?? 0)
    }

    /// The part that holds metre `s` along the route (the later part at a boundary between two).
    func part(at s: Double) -> Int {
        var k = 0
        while k + 1 < starts.count && starts[k + 1] <= s { k += 1 }
        return k
    }

    /// The position `s` metres along the route.
    func position(at s: Double) -> Position {
        let k = part(at: s)
        return parts[k].position(at: s - starts[k])
    }
}
