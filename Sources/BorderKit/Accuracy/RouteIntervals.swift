import Foundation
import GeoCore

/// The interval of every figure of a route's analysis, from the positional accuracy of the territories (`a`
/// metres) and of the route (`r` metres); `method` states how each is made.
///
/// - length: the route simplified at `r` (Douglas–Peucker with topology kept in a local projection,
///   `GEOSTopologyPreserveSimplify_r`), less `r` at each end of each part, to its length plus `r` at each end;
/// - length in a jurisdiction (and outside every one): each crossing at either end of a stretch moves along the
///   route by `a / sin θ`, θ the angle between route and border (or coast) there, at most to the next crossing;
///   a stretch that starts or ends a part moves by `r` there. A route that follows a border on one bank keeps
///   its bank: only where it crosses is the border's accuracy felt;
/// - distance to the nearest border: ± (`a` + `r`), but exactly 0 where the route crosses a border;
/// - length within `near` of a border: the profile's samples within `near` − (`a` + `r`) to those within `near` + (`a` + `r`);
/// - corridor area in a jurisdiction: the corridor met with the territory shrunk and grown by `a` (`GEOSBuffer_r`
///   in a local azimuthal equidistant projection); the whole corridor: ± the width times `r` at each end of each part.
public struct RouteIntervals: Sendable, Hashable {
    /// The territories' positional accuracy, metres (0 when not stated).
    public var territoryAccuracy: Double
    /// The route's positional accuracy, metres (0 when not stated).
    public var routeAccuracy: Double
    /// The route's length.
    public var length: FigureInterval
    /// Each jurisdiction's length, by territory id.
    public var byJurisdiction: [String: FigureInterval]
    /// The length outside every territory.
    public var outside: FigureInterval
    /// The distance to the nearest border, when there is one.
    public var nearestBorder: FigureInterval?
    /// The length within `RouteOptions.near` of a border.
    public var nearLength: FigureInterval
    /// The corridor's area, when there is one.
    public var corridor: FigureInterval?
    /// The corridor's area in each jurisdiction, by territory id.
    public var corridorByJurisdiction: [String: FigureInterval]

    /// How the intervals are made, in words, for reports.
    public static let method = "route length: the route simplified at its accuracy (Douglas–Peucker), less the accuracy at each end, "
        + "to its length plus it; length in a jurisdiction: each crossing moved along the route by the territories' accuracy / sin θ "
        + "(θ the angle between route and border there), at most to the next crossing, and each end of the route by the route's "
        + "accuracy; distance to the nearest border: ± both accuracies (0 where the route crosses one); length near a border: the "
        + "samples within the distance less and plus both accuracies; corridor area in a jurisdiction: the corridor met with the "
        + "territory shrunk and grown by its accuracy; figures are printed to the first digit of their interval's half-width"

    /// The intervals of `result`'s figures, with territories `a` and route `r` metres accurate (nil: not stated, 0).
    static func compute(_ result: RouteResult, territoryAccuracy a: Double?, routeAccuracy r: Double?, context: RouteContext,
                        options: RouteOptions) throws -> RouteIntervals {
        let a = a ?? 0, r = r ?? 0, g = Geodesic.wgs84
        // The length, part by part.
        var length = FigureInterval(low: 0, high: 0)
        for part in result.route.parts where part.count > 1 {
            let full = g.length(part)
            var simple = full
            if r > 0, let box = Geometry.lineString(LineString(part)).envelope {
                let projection = AzimuthalEquidistant(center: Geodesic.middle(of: box))
                simple = g.length(of: projection.inverse(try projection.forward(.lineString(LineString(part))).simplified(tolerance: r)))
            }
            length = length + FigureInterval(low: max(0, simple - 2 * r), high: full + 2 * r)
        }
        // Each stretch's ends: a crossing moves by a / sin θ (at most to the neighbouring crossings); a part's end by r.
        let path = RoutePath(result.route)
        let stretches = result.stretches
        // Each crossing by its part and metre (the same sums as the stretches' ends): found by hashing, so a route of
        // many crossings is not scanned once per stretch.
        struct At: Hashable { let part: Int, at: Double }
        let crossingAt = Dictionary(result.crossings.map { (At(part: $0.part, at: $0.at), $0) }, uniquingKeysWith: { a, _ in a })
        var perStretch: [FigureInterval] = []
        for (k, s) in stretches.enumerated() {
            var shrink = 0.0, grow = 0.0
            for (end, neighbour) in [(s.from, k > 0 ? stretches[k - 1] : nil), (s.to, k + 1 < stretches.count ? stretches[k + 1] : nil)] {
                if let n = neighbour, n.part == s.part, let c = crossingAt[At(part: s.part, at: end)] {
                    let shift = try crossingShift(c, accuracy: a, path: path, context: context)
                    shrink += min(shift, s.length)
                    grow += min(shift, n.length)
                } else {
                    shrink += r
                    grow += r
                }
            }
            perStretch.append(FigureInterval(low: max(0, s.length - shrink), high: s.length + grow))
        }
        var byJurisdiction: [String: FigureInterval] = [:]
        var outside = FigureInterval(low: 0, high: 0)
        for (s, i) in zip(stretches, perStretch) {
            if let j = s.jurisdiction { byJurisdiction[j] = (byJurisdiction[j] ?? FigureInterval(low: 0, high: 0)) + i } else { outside = outside + i }
        }
        let both = a + r
        let nearest = result.nearestBorder.map { n in
            n.distance == 0 && !result.borderCrossings.isEmpty ? FigureInterval(low: 0, high: 0) : FigureInterval(low: max(0, n.distance - both), high: n.distance + both)
        }
        var shrunk = result.profile, grown = result.profile
        shrunk.near = max(0, options.near - both)
        grown.near = options.near + both
        var corridor: FigureInterval?, corridorBy: [String: FigureInterval] = [:]
        if let c = result.corridor {
            let ends = Double(2 * result.route.parts.count) * r * c.width
            corridor = FigureInterval(low: max(0, c.area - ends), high: c.area + ends)
            let local = a > 0 ? LocalCorridor(c) : nil
            for j in c.byJurisdiction {
                corridorBy[j.id] = try local.map { try corridorInterval($0, territory: j.id, accuracy: a, context: context) } ?? FigureInterval(low: j.area, high: j.area)
            }
        }
        return RouteIntervals(territoryAccuracy: a, routeAccuracy: r, length: length, byJurisdiction: byJurisdiction, outside: outside,
                              nearestBorder: nearest, nearLength: FigureInterval(low: shrunk.nearLength, high: grown.nearLength),
                              corridor: corridor, corridorByJurisdiction: corridorBy)
    }

    /// How far along the route crossing `c` may lie from where it is drawn: a / sin θ, θ the angle between the
    /// route (50 m either side of the crossing) and the nearest segment of the border (or coast) it crosses (of
    /// two as near, at a vertex, the one at the smaller angle).
    static func crossingShift(_ c: Crossing, accuracy a: Double, path: RoutePath, context: RouteContext) throws -> Double {
        guard a > 0 else { return 0 }
        let g = Geodesic.wgs84
        let before = path.position(at: max(0, c.at - 50)), after = path.position(at: min(path.length, c.at + 50))
        let routeAzimuth = g.inverse(before, after).azimuth1
        // The lines the crossing is on: the pair's border, else the territory's rings (a coast).
        var lines: [[Position]] = []
        if let from = c.from, let to = c.to {
            lines = (context.bordersOfPair[SourceAccuracy.key([from, to])] ?? []).map { context.borders[$0].line.positions }
        } else if let id = c.from ?? c.to, let k = context.territoryIndex[id] {
            lines = context.territories[k].geometry.polygons.flatMap(\.rings)
        }
        // The nearest segments: where the line's nearest point is a vertex (a crossing placed beside a bend of the
        // border, as after running along it), both segments at it are as near, to the last digits, and the one
        // at the smaller angle (the larger shift) counts, so the interval holds either reading and does not flip
        // with the last digit of the crossing's position.
        var best = Double.infinity
        var nearest: [(d: Double, a: Position, b: Position)] = []
        func tie(_ d: Double) -> Bool { d <= best * (1 + 1e-9) + RouteIntervals.vertexTie }
        for line in lines {
            for (p, q) in zip(line, line.dropFirst()) {
                let d = planarDistance(c.position, p, q)
                guard tie(d) else { continue }
                best = min(best, d)
                nearest.append((d, p, q))
            }
        }
        let tied = nearest.filter { tie($0.d) }
        guard !tied.isEmpty else { return a }
        let sine = tied.map { abs(sin((routeAzimuth - g.inverse($0.a, $0.b).azimuth1) * .pi / 180)) }.min()!
        return a / max(sine, 1e-9)
    }

    /// Squared degrees within which two segments are as near to a crossing (`crossingShift`), besides a relative
    /// 1e-9: (1e-9°)², a tenth of a millimetre.
    static let vertexTie = 1e-18

    /// Squared distance in degrees (longitude scaled by the cosine of the latitude) from `q` to the segment a–b:
    /// only to pick the nearest segment.
    static func planarDistance(_ q: Position, _ a: Position, _ b: Position) -> Double {
        let k = cos(q.lat * .pi / 180)
        var ax = a.lon - q.lon, bx = b.lon - q.lon
        if ax > 180 { ax -= 360 } else if ax < -180 { ax += 360 }
        if bx > 180 { bx -= 360 } else if bx < -180 { bx += 360 }
        let (x1, y1, x2, y2) = (ax * k, a.lat - q.lat, bx * k, b.lat - q.lat)
        let dx = x2 - x1, dy = y2 - y1
        let t = dx == 0 && dy == 0 ? 0 : max(0, min(1, -(x1 * dx + y1 * dy) / (dx * dx + dy * dy)))
        let px = x1 + t * dx, py = y1 + t * dy
        return px * px + py * py
    }

    /// The corridor's area in territory `id` shrunk and grown by `a` metres: the territory clipped to the
    /// corridor's box widened by twice `a` (so its cut edges stay clear of the corridor), buffered in an azimuthal
    /// equidistant projection centred on the corridor, met with the corridor, areas geodesic.
    static func corridorInterval(_ c: LocalCorridor, territory id: String, accuracy a: Double, context: RouteContext) throws -> FigureInterval {
        guard let k = context.territoryIndex[id] else { return FigureInterval(low: 0, high: 0) }
        let t = context.territories[k]
        let margin = (2 * a + 1000) / 111_000 / max(0.1, cos(min(abs(c.box.minY), abs(c.box.maxY), 89) * .pi / 180))
        let clipped = try t.geometry.intersection(c.box.expanded(by: margin).polygon)
        let local = c.projection.forward(clipped)
        func area(_ d: Double) throws -> Double {
            Geodesic.wgs84.area(of: c.projection.inverse(try c.projected.intersection(try local.buffer(d))))
        }
        return FigureInterval(low: try area(-a), high: try area(a))
    }

    /// A corridor projected once for all its jurisdictions: its box, the azimuthal equidistant projection
    /// centred on the box, the corridor in it.
    struct LocalCorridor {
        let box: Envelope
        let projection: AzimuthalEquidistant
        let projected: Geometry

        init?(_ c: Corridor) {
            guard let box = c.geometry.envelope else { return nil }
            self.box = box
            projection = AzimuthalEquidistant(center: Geodesic.middle(of: box))
            projected = projection.forward(c.geometry)
        }
    }
}
