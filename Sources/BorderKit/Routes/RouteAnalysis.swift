import GeoCore

/// Options of the route analysis. Distances in metres.
public struct RouteOptions: Sendable {
    /// Spacing of the distance-to-border samples.
    public var step = 1_000.0
    /// Stretches closer than this to a border are reported.
    public var near = 5_000.0
    /// Total width of the corridor (0: none).
    public var corridor = 5_000.0
    /// Pieces shorter than this are merged into their neighbours; a route within this of a border for more than
    /// three times this runs "along the border".
    public var snap = 100.0
    public var workers = Parallel.processorCount
    public init() {}
}

/// A stretch of a route in one jurisdiction (nil: outside every territory), in metres along the route.
public struct RouteStretch: Sendable, Hashable {
    public var jurisdiction: String?
    public var from: Double
    public var to: Double
    public var length: Double { to - from }
}

/// A border crossing: the jurisdictions before and after, where along the route, and where on the ground.
public struct Crossing: Sendable, Hashable {
    public var from: String?
    public var to: String?
    public var at: Double
    public var position: Position
    /// True when the route ran along the border before changing side.
    public var afterRunningAlong: Bool
}

/// What the analysis found for one route.
public struct RouteResult: Sendable {
    public var route: Route
    /// Geodesic length, metres.
    public var length: Double
    public var stretches: [RouteStretch]
    public var crossings: [Crossing]
    /// Stretches running along a border within the snap: the two territories and where.
    public var alongBorder: [(territories: [String], from: Double, to: Double)]
    public var profile: BorderProfile
    public var corridor: Corridor?

    /// Metres per jurisdiction in order of first travel; outside every territory last.
    public var byJurisdiction: [(id: String, length: Double)] {
        var order: [String] = [], sums: [String: Double] = [:]
        for s in stretches {
            guard let j = s.jurisdiction else { continue }
            if sums[j] == nil { order.append(j) }
            sums[j, default: 0] += s.length
        }
        return order.map { ($0, sums[$0]!) }
    }

    public var outside: Double { stretches.filter { $0.jurisdiction == nil }.reduce(0) { $0 + $1.length } }

    /// The jurisdictions in the order the route passes through them, repeats kept ("outside" where none).
    public var sequence: [String] {
        var out: [String] = []
        for s in stretches where out.last != (s.jurisdiction ?? "outside") { out.append(s.jurisdiction ?? "outside") }
        return out
    }
}

/// Everything routes are measured against: the territories and their land borders.
public struct RouteContext: Sendable {
    public var territories: [Territory]
    /// The land borders (from `Borders.run`): distance-to-border and "along the border" use these, never coasts.
    /// Their lines are densified to 1 km along the geodesics, so that a border stays where it is when projected.
    public var borders: [BorderSegment]
    /// The borders cut into short pieces (at most `pieceVertices` vertices, consecutive pieces sharing an end),
    /// so that a nearest-border search measures a few segments, not a whole border, and projects only what
    /// lies near.
    var borderPieces: [LineString]
    static let pieceVertices = 9

    public init(territories: [Territory]) throws {
        self.territories = territories
        var options = BorderOptions()
        options.workers = 1
        borders = try Borders.run(territories, source: "", options: options).pairs.flatMap(\.segments).map { s in
            var dense = s
            dense.line = LineString(Geodesic.wgs84.densify(s.line.positions, maxSegment: 1_000))
            return dense
        }
        var pieces: [LineString] = []
        for b in borders {
            let p = b.line.positions
            var start = 0
            while start < p.count - 1 {
                let end = min(start + RouteContext.pieceVertices - 1, p.count - 1)
                pieces.append(LineString(Array(p[start...end])))
                start = end
            }
        }
        borderPieces = pieces
    }
}

public enum Routes {
    /// Analyses every route (in parallel, one GEOS context per worker thread).
    public static func run(_ routes: [Route], context: RouteContext, options: RouteOptions = RouteOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [RouteResult] {
        let results = Locked([Result<RouteResult, InputError>?](repeating: nil, count: routes.count))
        let done = Locked(0)
        let workers = max(1, min(options.workers, routes.count))
        try Parallel.forEach(count: routes.count, workers: workers) { _ in
            // One set of GEOS indexes per worker thread, built on its first route.
            var index: Indexes?
            return { k in
                let r: Result<RouteResult, InputError>
                do {
                    if index == nil { index = try Indexes(context) }
                    r = .success(try analyse(routes[k], context: context, index: index!, options: options))
                } catch {
                    r = .failure(InputError("route \(routes[k].id): \(error)"))
                }
                results.withLock { $0[k] = r }
                let n = done.withLock { $0 += 1; return $0 }
                progress?(n, routes.count)
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// Per-thread GEOS indexes over the context.
    struct Indexes {
        let territories: STRtree
        let prepared: [PreparedGeometry]
        let boundaries: [PreparedGeometry]
        let borders: STRtree
        let borderPieces: STRtree
        init(_ c: RouteContext) throws {
            borderPieces = try STRtree(c.borderPieces.map(Geometry.lineString))
            territories = try STRtree(c.territories.map(\.geometry))
            prepared = try c.territories.map { try PreparedGeometry($0.geometry) }
            boundaries = try c.territories.map { try PreparedGeometry(try $0.geometry.boundary()) }
            borders = try STRtree(c.borders.map { .lineString($0.line) })
        }
    }

    static func analyse(_ route: Route, context: RouteContext, index: Indexes, options: RouteOptions) throws -> RouteResult {
        let measure = RouteMeasure(route.positions)
        let line = Geometry.lineString(LineString(route.positions))
        // 1. Cut the route wherever it meets a territory's boundary; label each piece by the territory that
        //    holds its middle (or none); merge pieces shorter than the snap into their neighbours.
        var cuts: [Double] = [0, measure.length]
        for i in try index.territories.query(line) {
            try index.boundaries[i].intersection(line).forEachPosition { cuts.append(measure.along($0)) }
        }
        cuts.sort()
        var stretches: [RouteStretch] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b - a > 0.001 {
            let mid = Geometry.point(Point(measure.position(at: (a + b) / 2)))
            var holder: String?
            for i in try index.territories.query(mid) where try index.prepared[i].contains(mid) {
                holder = context.territories[i].id
                break
            }
            if let last = stretches.last, last.jurisdiction == holder {
                stretches[stretches.count - 1].to = b
            } else {
                stretches.append(RouteStretch(jurisdiction: holder, from: a, to: b))
            }
        }
        stretches = merged(stretches, shorterThan: options.snap)

        // 2. Along the border: route within the snap of a border for more than three snaps.
        let along = try alongBorder(route, measure: measure, context: context, index: index, options: options)
        // 3. Crossings: changes of jurisdiction, one per along-the-border stretch.
        var crossings: [Crossing] = []
        func label(at s: Double) -> String? { stretches.first { $0.from <= s && s < $0.to }?.jurisdiction ?? stretches.last?.jurisdiction }
        for (a, b) in zip(stretches, stretches.dropFirst()) where a.jurisdiction != b.jurisdiction {
            if along.contains(where: { b.from >= $0.from - options.snap && b.from <= $0.to + options.snap }) { continue }
            crossings.append(Crossing(from: a.jurisdiction, to: b.jurisdiction, at: b.from, position: measure.position(at: b.from), afterRunningAlong: false))
        }
        for stretch in along {
            let before = label(at: max(stretch.from - options.snap - 1, 0)), after = label(at: min(stretch.to + options.snap + 1, measure.length))
            if before != after {
                crossings.append(Crossing(from: before, to: after, at: stretch.to, position: measure.position(at: stretch.to), afterRunningAlong: true))
            }
        }
        crossings.sort { $0.at < $1.at }
        return RouteResult(route: route, length: measure.length, stretches: stretches, crossings: crossings, alongBorder: along,
                           profile: try BorderProfile.sample(measure, context: context, index: index, step: options.step, near: options.near),
                           corridor: options.corridor > 0 ? try Corridor.build(measure, width: options.corridor, context: context, index: index) : nil)
    }

    /// Stretches shorter than `minimum` join the previous one (the next, at the start); neighbours alike merge.
    static func merged(_ stretches: [RouteStretch], shorterThan minimum: Double) -> [RouteStretch] {
        var out: [RouteStretch] = []
        for s in stretches {
            if let last = out.last, last.jurisdiction == s.jurisdiction || s.length < minimum {
                out[out.count - 1].to = s.to
            } else if let last = out.last, last.length < minimum {
                out[out.count - 1] = RouteStretch(jurisdiction: s.jurisdiction, from: last.from, to: s.to)
            } else {
                out.append(s)
            }
        }
        return out
    }

    static func alongBorder(_ route: Route, measure: RouteMeasure, context: RouteContext, index: Indexes,
                            options: RouteOptions) throws -> [(territories: [String], from: Double, to: Double)] {
        let line = Geometry.lineString(LineString(route.positions))
        guard let e = line.envelope else { return [] }
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let projected = try projection.forward(Geometry.lineString(LineString(Geodesic.wgs84.densify(route.positions, maxSegment: 1_000))))
        var out: [(territories: [String], from: Double, to: Double)] = []
        let margin = options.snap / 111_320 / 0.17
        for j in try index.borders.query(e.expanded(by: margin)) {
            let zone = try projection.forward(Geometry.lineString(context.borders[j].line)).buffer(options.snap)
            for part in try projected.intersection(zone).lineStrings where part.positions.count > 1 {
                let ends = try [part.positions.first!, part.positions.last!].map { measure.along(try projection.inverse($0)) }
                if abs(ends[1] - ends[0]) > 3 * options.snap {
                    out.append((context.borders[j].territories, min(ends[0], ends[1]), max(ends[0], ends[1])))
                }
            }
        }
        return out.sorted { $0.from < $1.from }
    }
}
