import GeoCore

/// Options of the route analysis. Distances in metres.
public struct RouteOptions: Sendable {
    /// Spacing of the distance-to-border samples.
    public var step = 1_000.0
    /// Stretches closer than this to a border are reported, and territories not entered whose border comes
    /// this close are listed with their closest approach.
    public var near = 5_000.0
    /// Total width of the corridor (0: none).
    public var corridor = 5_000.0
    /// Pieces shorter than this are merged into their neighbours; a route within this of a border for more than
    /// three times this runs "along the border".
    public var snap = 100.0
    /// Worker threads, each with its own GEOS context.
    public var workers = Parallel.processorCount
    /// The territories' positional accuracy in metres, where known: each figure then gets an interval
    /// (`RouteIntervals`).
    public var territoryAccuracy: Double?
    /// The routes' positional accuracy in metres, for routes whose file states none (`Route.accuracy`).
    public var routeAccuracy: Double?
    /// The default options: 1 km samples, 5 km near, a 5 km corridor, a 100 m snap.
    public init() {}
}

/// A stretch where the route runs along a border (within the snap): the two territories and where, in metres.
public struct AlongBorder: Sendable, Hashable, Codable {
    /// The two territory ids, sorted.
    public var territories: [String]
    /// Metres along the route where the run starts.
    public var from: Double
    /// Metres along the route where it ends.
    public var to: Double
}

/// A stretch of a route in one jurisdiction (nil: outside every territory), in metres along the route.
public struct RouteStretch: Sendable, Hashable {
    /// The territory the stretch lies in; nil: outside every territory.
    public var jurisdiction: String?
    /// Metres along the route where the stretch starts.
    public var from: Double
    /// Metres along the route where it ends.
    public var to: Double
    /// The route part (0-based) the stretch lies on.
    public var part: Int = 0
    /// Where within it the route runs along a border (the stretch stays one stretch there).
    public var alongBorder: [AlongBorder] = []
    /// Its length, metres.
    public var length: Double { to - from }
}

/// What kind of change a crossing is.
public enum CrossingKind: String, Sendable, Hashable, Codable {
    /// From one territory into another.
    case border
    /// From a territory to outside every territory, or back (a coast, or the edge of the data).
    case coast
}

/// A change of jurisdiction between two consecutive stretches of one route part.
public struct Crossing: Sendable, Hashable {
    /// The jurisdiction before (nil: outside every territory).
    public var from: String?
    /// The jurisdiction after (nil: outside every territory).
    public var to: String?
    /// Metres along the route.
    public var at: Double
    /// Where (lon/lat, longitude within ±180°).
    public var position: Position
    /// True when the route ran along the border before changing side.
    public var afterRunningAlong: Bool
    /// `border` or `coast`.
    public var kind: CrossingKind = .border
    /// The route part (0-based) the crossing lies on.
    public var part: Int = 0
}

/// The nearest a route comes to something: how far (geodesic metres), where on the route, and the point it
/// comes closest to.
public struct ClosestApproach: Sendable, Hashable {
    /// The territory whose border it is (for `RouteResult.closestApproaches`), or nil for the nearest border.
    public var territory: String?
    /// Geodesic metres.
    public var distance: Double
    /// Metres along the route, and the position there.
    public var at: Double
    /// Where on the route (lon/lat).
    public var position: Position
    /// The nearest point of the border.
    public var borderPosition: Position
    /// The route part (0-based) the point lies on.
    public var part: Int
}

/// A gap between two parts of a MultiLineString route: not measured, not given to anybody.
public struct RouteGap: Sendable, Hashable {
    /// Metres along the route where the gap falls (the end of part `afterPart`).
    public var at: Double
    /// The part before the gap (0-based).
    public var afterPart: Int
    /// Geodesic metres between the end of one part and the start of the next (for information only).
    public var span: Double
}

/// What the analysis found for one route.
public struct RouteResult: Sendable {
    /// The route.
    public var route: Route
    /// Geodesic length, metres: the sum of the parts (gaps between parts are not measured).
    public var length: Double
    /// The route from 0 to its length, part by part, in stretches of one jurisdiction.
    public var stretches: [RouteStretch]
    /// The changes between consecutive stretches of each part, in order: a part of n stretches has n − 1.
    public var crossings: [Crossing]
    /// Stretches running along a border within the snap: the two territories and where.
    public var alongBorder: [AlongBorder]
    /// The distance to the nearest land border, sampled every `RouteOptions.step`.
    public var profile: BorderProfile
    /// The corridor, when `RouteOptions.corridor` is positive.
    public var corridor: Corridor?
    /// The exact nearest approach to any land border (0 where the route meets one: the first such point); nil without borders.
    public var nearestBorder: ClosestApproach?
    /// For each territory the route does not enter whose border comes within `RouteOptions.near`: its nearest
    /// approach, sorted by distance.
    public var closestApproaches: [ClosestApproach] = []
    /// The gaps between the parts of a MultiLineString route.
    public var gaps: [RouteGap] = []
    /// Each figure's interval, when the territories' or the route's accuracy is known.
    public var intervals: RouteIntervals?

    /// Metres per jurisdiction in order of first travel; outside every territory last.
    public var byJurisdiction: [JurisdictionLength] {
        var order: [String] = [], sums: [String: Double] = [:]
        for s in stretches {
            guard let j = s.jurisdiction else { continue }
            if sums[j] == nil { order.append(j) }
            sums[j, default: 0] += s.length
        }
        return order.map { JurisdictionLength(id: $0, length: sums[$0, default: 0]) }
    }

    /// Metres outside every territory.
    public var outside: Double { stretches.filter { $0.jurisdiction == nil }.reduce(0) { $0 + $1.length } }

    /// Border crossings (one territory to another), leaving out coasts.
    public var borderCrossings: [Crossing] { crossings.filter { $0.kind == .border } }

    /// The jurisdictions in the order the route passes through them, repeats kept ("outside" where none).
    public var sequence: [String] {
        var out: [String] = []
        for s in stretches where out.last != (s.jurisdiction ?? "outside") { out.append(s.jurisdiction ?? "outside") }
        return out
    }
}

/// Everything routes are measured against: the territories and their land borders.
public struct RouteContext: Sendable {
    /// The territories, in their frames across ±180°.
    public var territories: [Territory]
    /// The land borders (from `Borders.run`): distance-to-border and "along the border" use these, never coasts.
    /// Their lines are densified to 1 km along the geodesics, so that a border stays where it is when projected.
    public var borders: [BorderSegment]
    /// The borders cut into short pieces (at most `pieceVertices` vertices, consecutive pieces sharing an end),
    /// so that a nearest-border search measures a few segments, not a whole border, and projects only what
    /// lies near.
    var borderPieces: [LineString]
    /// For each piece, the index of its border in `borders`.
    var pieceBorder: [Int]
    /// Each piece's lon/lat box, for the lower bounds that spare projecting far pieces (`ChunkPieces`).
    var borderPieceBoxes: [Envelope]
    static let pieceVertices = 9
    /// The indices in `borders` of each pair's lines, keyed by `SourceAccuracy.key` of the two ids (for the
    /// border a crossing crosses, `RouteIntervals`), and each territory's index by id: found by hashing, not a scan.
    var bordersOfPair: [String: [Int]] = [:]
    var territoryIndex: [String: Int] = [:]

    /// The context of `territories`, finding their borders (`Borders.run`, on one thread: routes run in parallel).
    public init(territories: [Territory]) throws {
        var options = BorderOptions()
        options.workers = 1
        try self.init(territories: territories, borders: try Borders.run(territories, source: "", options: options))
    }

    /// The context from a border analysis already made on the same territories, so a command or a report
    /// computes the borders once. Segments split by status are joined again per pair (`GEOSLineMerge_r`): a
    /// route runs along a border whatever its status.
    public init(territories: [Territory], borders report: BorderReport) throws {
        var lines: [BorderSegment] = []
        for pair in report.pairs {
            guard let first = pair.segments.first else { continue }
            let merged = pair.segments.count == 1 ? [first.line]
                : try Geometry.multiLineString(MultiLineString(pair.segments.map(\.line))).lineMerged().lineStrings
            for line in merged where line.positions.count > 1 {
                var s = first
                s.line = line
                s.length = Geodesic.wgs84.length(line.positions)
                lines.append(s)
            }
        }
        try self.init(territories: territories, segments: lines)
    }

    /// The context from border segments already computed on the same territories.
    public init(territories: [Territory], segments: [BorderSegment]) throws {
        self.territories = territories
        for (k, t) in territories.enumerated() where territoryIndex[t.id] == nil { territoryIndex[t.id] = k }
        for (k, s) in segments.enumerated() { bordersOfPair[SourceAccuracy.key(s.territories), default: []].append(k) }
        borders = segments.map { s in
            var dense = s
            dense.line = LineString(Geodesic.wgs84.densify(s.line.positions, maxSegment: 1_000))
            return dense
        }
        var pieces: [LineString] = [], owner: [Int] = []
        for (k, b) in borders.enumerated() {
            let p = b.line.positions
            var start = 0
            while start < p.count - 1 {
                let end = min(start + RouteContext.pieceVertices - 1, p.count - 1)
                pieces.append(LineString(Array(p[start...end])))
                owner.append(k)
                start = end
            }
        }
        borderPieces = pieces
        pieceBorder = owner
        borderPieceBoxes = pieces.map { Geometry.lineString($0).envelope! }
    }
}

/// The route analysis (`run`).
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
        let envelopes: [Envelope?]
        let borders: STRtree
        let borderPieces: STRtree
        init(_ c: RouteContext) throws {
            borderPieces = try STRtree(c.borderPieces.map(Geometry.lineString))
            territories = try STRtree(c.territories.map(\.geometry))
            prepared = try c.territories.map { try PreparedGeometry($0.geometry) }
            boundaries = try c.territories.map { try PreparedGeometry(try $0.geometry.boundary()) }
            envelopes = c.territories.map(\.geometry.envelope)
            borders = try STRtree(c.borders.map { .lineString($0.line) })
        }

        /// Territories whose envelope meets `e`, each with the longitude move (0 or ±360°) that brings a
        /// geometry in `e`'s frame into the territory's.
        func territories(near e: Envelope) throws -> [(index: Int, dx: Double)] {
            var out: [(Int, Double)] = [], seen = Set<Int>()
            for copy in e.antimeridianCopies {
                let dx = copy.minX - e.minX
                for i in try territories.query(copy) where seen.insert(i).inserted { out.append((i, dx)) }
            }
            return out.sorted { $0.0 < $1.0 }
        }

        /// Items of `tree` whose envelope meets `e` or its copies across the antimeridian, sorted.
        static func query(_ tree: STRtree, _ e: Envelope) throws -> [Int] {
            var seen = Set<Int>()
            for copy in e.antimeridianCopies { for i in try tree.query(copy) { seen.insert(i) } }
            return seen.sorted()
        }
    }

    static func analyse(_ route: Route, context: RouteContext, index: Indexes, options: RouteOptions) throws -> RouteResult {
        // The route between two positions is the geodesic: cut where the geodesic meets a boundary, not where the
        // straight line in lon/lat does (km apart on a long segment). Densified to 1 km, the two are within
        // millimetres; the densified part has the same length.
        let path = RoutePath(densified: route)
        var stretches: [RouteStretch] = [], crossings: [Crossing] = [], along: [AlongBorder] = [], gaps: [RouteGap] = []
        for (k, measure) in path.parts.enumerated() {
            let start = path.starts[k]
            let raw = try labelledPieces(measure, context: context, index: index, options: options)
            let runs = try alongBorder(measure, context: context, index: index, options: options)
            let partStretches = stretchesOf(raw, runs: runs, snap: options.snap)
            for (a, b) in zip(partStretches, partStretches.dropFirst()) {
                let ranAlong = runs.contains { abs($0.to - b.from) <= options.snap }
                crossings.append(Crossing(from: a.jurisdiction, to: b.jurisdiction, at: start + b.from, position: measure.position(at: b.from).wrappedLongitude,
                                          afterRunningAlong: ranAlong, kind: a.jurisdiction == nil || b.jurisdiction == nil ? .coast : .border, part: k))
            }
            for var s in partStretches {
                s.from += start
                s.to += start
                s.part = k
                s.alongBorder = s.alongBorder.map { AlongBorder(territories: $0.territories, from: $0.from + start, to: $0.to + start) }
                stretches.append(s)
            }
            along += runs.map { AlongBorder(territories: $0.territories, from: $0.from + start, to: $0.to + start) }
            if k + 1 < path.parts.count, let end = measure.positions.last, let next = path.parts[k + 1].positions.first {
                gaps.append(RouteGap(at: start + measure.length, afterPart: k, span: Geodesic.wgs84.distance(end, next)))
            }
        }
        let entered = Set(stretches.compactMap(\.jurisdiction))
        let border = try BorderProfile.measure(path, context: context, index: index, step: options.step, near: options.near, entered: entered)
        var result = RouteResult(route: route, length: path.length, stretches: stretches, crossings: crossings, alongBorder: along,
                                 profile: border.profile,
                                 corridor: options.corridor > 0 ? try Corridor.build(path, width: options.corridor, context: context, index: index) : nil,
                                 nearestBorder: border.nearest, closestApproaches: border.byTerritory, gaps: gaps)
        let routeAccuracy = route.accuracy ?? options.routeAccuracy
        if options.territoryAccuracy != nil || routeAccuracy != nil {
            result.intervals = try RouteIntervals.compute(result, territoryAccuracy: options.territoryAccuracy, routeAccuracy: routeAccuracy,
                                                          context: context, options: options)
        }
        return result
    }

    /// The part cut wherever it meets a territory's boundary, each piece labelled by the territory that holds
    /// its middle (or nil), in metres along the part. Territories across the antimeridian are met in their
    /// own frame (the part moved by ±360°).
    ///
    /// The part is met run by run (`runSegments` segments each, consecutive runs sharing a position), each run
    /// against the boundaries near its own box, and each piece's middle against the territories whose box holds
    /// it: a long route across many territories costs its length plus their number, not their product.
    static func labelledPieces(_ measure: RouteMeasure, context: RouteContext, index: Indexes, options: RouteOptions) throws -> [RouteStretch] {
        guard measure.positions.count > 1, measure.length > 0 else { return [] }
        var cuts: [Double] = [0, measure.length]
        for (range, box) in measure.runs(of: runSegments) {
            let run = Geometry.lineString(LineString(Array(measure.positions[range])))
            for (i, dx) in try index.territories(near: box) {
                try index.boundaries[i].intersection(run.translated(dx: dx)).forEachPosition {
                    cuts.append(measure.along(Position($0.x - dx, $0.y), segments: range.lowerBound..<range.upperBound))
                }
            }
        }
        cuts.sort()
        var pieces: [RouteStretch] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b - a > 0.001 {
            let mid = measure.position(at: (a + b) / 2)
            var holder: String?
            for (i, dx) in try index.territories(near: Envelope(minX: mid.x, minY: mid.y, maxX: mid.x, maxY: mid.y)) {
                if try index.prepared[i].contains(.point(Point(mid.x + dx, mid.y))) { holder = context.territories[i].id; break }
            }
            if let last = pieces.last, last.jurisdiction == holder { pieces[pieces.count - 1].to = b } else { pieces.append(RouteStretch(jurisdiction: holder, from: a, to: b)) }
        }
        return pieces
    }

    /// Segments of a route part met with the boundaries at a time (`labelledPieces`) and with a border's zone
    /// (`alongBorder`).
    static let runSegments = 256

    /// Stretches of one part from its labelled pieces: each along-the-border run is given to the side that holds
    /// most of its length, so that a route running along a border is one stretch, not a flurry; then pieces
    /// shorter than the snap join their neighbours and neighbours alike merge.
    static func stretchesOf(_ pieces: [RouteStretch], runs: [AlongBorder], snap: Double) -> [RouteStretch] {
        var labelled = pieces
        for run in runs {
            // The side that holds most of the run's length, so the route's length per jurisdiction stays what the
            // geometry says to within the snap; where the two sides hold about as much (within the snap: a route
            // zigzagging on the line), the side the route came from, so it crosses after running along.
            var onSide: [String: Double] = [:]
            for p in pieces where p.to > run.from && p.from < run.to {
                guard let j = p.jurisdiction, run.territories.contains(j) else { continue }
                onSide[j, default: 0] += min(p.to, run.to) - max(p.from, run.from)
            }
            guard let most = run.territories.max(by: { (onSide[$0] ?? 0, $1) < (onSide[$1] ?? 0, $0) }), onSide[most] != nil else { continue }
            let before = pieces.last { $0.from < run.from }?.jurisdiction
            let side = before.map { run.territories.contains($0) && (onSide[$0] ?? 0) >= (onSide[most] ?? 0) - snap } == true ? before! : most
            var out: [RouteStretch] = []
            for p in labelled {
                if p.to <= run.from || p.from >= run.to { out.append(p); continue }
                if p.from < run.from { out.append(RouteStretch(jurisdiction: p.jurisdiction, from: p.from, to: run.from)) }
                out.append(RouteStretch(jurisdiction: side, from: max(p.from, run.from), to: min(p.to, run.to)))
                if p.to > run.to { out.append(RouteStretch(jurisdiction: p.jurisdiction, from: run.to, to: p.to)) }
            }
            labelled = merged(out, shorterThan: 0)
        }
        var stretches = merged(labelled, shorterThan: snap)
        for run in runs {
            let middle = (run.from + run.to) / 2
            if let k = stretches.firstIndex(where: { $0.from <= middle && middle < $0.to }) { stretches[k].alongBorder.append(run) }
        }
        return stretches
    }

    /// Stretches shorter than `minimum` join the previous one (the next, at the start); neighbours alike merge.
    static func merged(_ stretches: [RouteStretch], shorterThan minimum: Double) -> [RouteStretch] {
        var out: [RouteStretch] = []
        for s in stretches where s.to > s.from {
            if let last = out.last, last.jurisdiction == s.jurisdiction || s.length < minimum {
                out[out.count - 1].to = s.to
            } else if let last = out.last, last.length < minimum {
                out[out.count - 1] = RouteStretch(jurisdiction: s.jurisdiction, from: last.from, to: s.to)
            } else {
                out.append(s)
            }
        }
        // A first stretch that ended up short (its only neighbour came after it) joins that neighbour.
        if out.count > 1, out[0].length < minimum {
            out[1].from = out[0].from
            out.removeFirst()
        }
        return out
    }

    /// Runs where the part (densified to 1 km by the caller) stays within the snap of one border for more than
    /// three snaps, in metres along it.
    ///
    /// Each border near a run of the part's segments (`runSegments`, boxes grown by a margin that holds the
    /// snap at any latitude up to 80°) is taken by the edges that meet those boxes, buffered by the snap in an
    /// azimuthal equidistant projection of the part, and met with the part's runs of edges that meet the buffer's
    /// box: a long route along many borders costs its length plus theirs, not their product.
    static func alongBorder(_ measure: RouteMeasure, context: RouteContext, index: Indexes, options: RouteOptions) throws -> [AlongBorder] {
        let positions = measure.positions
        guard positions.count > 1, let e = Geometry.lineString(LineString(positions)).envelope, measure.length > 0 else { return [] }
        let projection = AzimuthalEquidistant(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let projected = positions.map(projection.forward)
        let margin = options.snap / 111_320 / 0.17
        // The boxes of the part's runs that meet each border's box.
        var boxesOf: [Int: [Envelope]] = [:]
        for run in measure.runs(of: runSegments) {
            let box = run.box.expanded(by: margin)
            for j in try Indexes.query(index.borders, box) { boxesOf[j, default: []].append(box) }
        }
        var out: [AlongBorder] = []
        for j in boxesOf.keys.sorted() {
            let border = context.borders[j].line.positions
            let near = edgeRuns(of: border) { a, b in boxesOf[j]!.contains { Self.edge(a, b, meets: $0) } }.map { LineString(Array(border[$0])) }
            guard !near.isEmpty else { continue }
            let zone = try projection.forward(near.count == 1 ? Geometry.lineString(near[0]) : Geometry.multiLineString(MultiLineString(near))).buffer(options.snap)
            guard let zoneBox = zone.envelope else { continue }
            for run in edgeRuns(of: projected, meeting: { Self.edge($0, $1, meets: zoneBox) }) {
                let line = Geometry.lineString(LineString(Array(projected[run])))
                for part in try line.intersection(zone).lineStrings where part.positions.count > 1 {
                    let ends = [part.positions.first!, part.positions.last!].map {
                        measure.along(projection.inverse($0), segments: run.lowerBound..<run.upperBound)
                    }
                    if abs(ends[1] - ends[0]) > 3 * options.snap {
                        out.append(AlongBorder(territories: context.borders[j].territories, from: min(ends[0], ends[1]), to: max(ends[0], ends[1])))
                    }
                }
            }
        }
        return out.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// True when the box of the edge a–b meets `box`.
    @inline(__always)
    static func edge(_ a: Position, _ b: Position, meets box: Envelope) -> Bool {
        min(a.x, b.x) <= box.maxX && max(a.x, b.x) >= box.minX && min(a.y, b.y) <= box.maxY && max(a.y, b.y) >= box.minY
    }

    /// The maximal runs of consecutive edges of `positions` for which `meets` holds, as ranges of position
    /// indices (each from an edge's first position to the last's second).
    static func edgeRuns(of positions: [Position], meeting meets: (Position, Position) -> Bool) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var first: Int?
        for k in positions.indices.dropFirst() {
            if meets(positions[k - 1], positions[k]) {
                if first == nil { first = k - 1 }
            } else if let f = first {
                out.append(f...(k - 1))
                first = nil
            }
        }
        if let f = first { out.append(f...(positions.count - 1)) }
        return out
    }
}
