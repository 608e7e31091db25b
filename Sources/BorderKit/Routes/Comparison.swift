import GeoCore

/// Routes side by side, one column each, in named groups.
public struct Comparison: Sendable {
    /// A question `compare` answers by putting routes side by side.
    public struct Group: Sendable {
        /// The group's title.
        public var name: String
        /// The question the group answers.
        public var question: String
        /// The route ids, in the order shown.
        public var routeIDs: [String]
        /// A group of routes.
        public init(name: String, question: String, routeIDs: [String]) {
            self.name = name
            self.question = question
            self.routeIDs = routeIDs
        }
    }

    /// The named groups of a routes file: its collection's `groups` member, a list of
    /// `{"name": …, "question": …, "routes": [route ids]}` (GeoData's routes carry the South Caucasus cases;
    /// a user's routes file may carry its own). None when the member is absent.
    public static func groups(of routes: GeoJSON, source: String) throws -> [Group] {
        guard case .featureCollection(let c) = routes, let member = c.foreignMembers["groups"] else { return [] }
        guard case .array(let list) = member else { throw InputError("\(source): /groups: must be an array of groups") }
        return try list.enumerated().map { i, g in
            guard case .string(let name)? = g["name"], case .array(let ids)? = g["routes"] else {
                throw InputError("\(source): /groups/\(i): a group needs a string \"name\" and an array \"routes\" of route ids")
            }
            return Group(name: name, question: g["question"]?.stringValue ?? "", routeIDs: ids.compactMap(\.stringValue))
        }
    }

    /// A group with the results of the routes found for it and the ids of those the data lacks.
    public struct GroupResult: Sendable {
        /// The group.
        public var group: Group
        /// The results of its routes that were found.
        public var results: [RouteResult]
        /// Route ids of the group that the routes analysed do not have.
        public var missing: [String]
        /// A group with its results.
        public init(group: Group, results: [RouteResult], missing: [String] = []) {
            self.group = group
            self.results = results
            self.missing = missing
        }
    }

    /// The groups compared.
    public var groups: [GroupResult]
    /// The options the routes were measured with.
    public var options: RouteOptions

    /// Routes side by side in `groups`.
    public init(groups: [GroupResult], options: RouteOptions) {
        self.groups = groups
        self.options = options
    }

    /// `groups` filled with the results whose routes they name, in each group's order.
    public static func named(_ groups: [Group], from results: [RouteResult]) -> [GroupResult] {
        let byID = Dictionary(results.map { ($0.route.id, $0) }, uniquingKeysWith: { a, _ in a })
        return groups.map { g in
            GroupResult(group: g, results: g.routeIDs.compactMap { byID[$0] }, missing: g.routeIDs.filter { byID[$0] == nil })
        }
    }

    /// One measure of a group's table: its name, a cell per route, and each cell's interval where the
    /// accuracy is known (figures in units of `scale`: 1e3 for km, 1e6 for km²).
    struct Measure {
        var name: String
        var cells: [Cell]
        var intervals: [FigureInterval?]
        var scale: Double = 1e3
        var values: [Double] = []
    }

    /// The measures of a group, a column per route.
    func measures(_ results: [RouteResult]) -> [Measure] {
        func km(_ name: String, _ value: (RouteResult) -> Double?, _ interval: (RouteIntervals) -> FigureInterval?, scale: Double = 1e3) -> Measure {
            let values = results.map(value)
            return Measure(name: name, cells: values.map { $0.map { .number($0 / scale, decimals: 3) } ?? .empty },
                           intervals: zip(results, values).map { r, v in v == nil ? nil : r.intervals.flatMap(interval) },
                           scale: scale, values: values.map { $0 ?? 0 })
        }
        func plain(_ name: String, _ cells: [Cell]) -> Measure { Measure(name: name, cells: cells, intervals: cells.map { _ in nil }) }
        var rows: [Measure] = [km("length_km", { $0.length }, \.length)]
        let jurisdictions = Set(results.flatMap { $0.byJurisdiction.map(\.id) }).idSorted()
        for j in jurisdictions {
            rows.append(km("\(j)_km", { r in r.byJurisdiction.first { $0.id == j }?.length ?? 0 }, { $0.byJurisdiction[j] ?? FigureInterval(low: 0, high: 0) }))
        }
        rows.append(km("outside_km", { $0.outside }, \.outside))
        rows.append(plain("jurisdictions traversed", results.map { .text($0.sequence.joined(separator: " → ")) }))
        rows.append(plain("crossings", results.map { .integer($0.borderCrossings.count) }))
        rows.append(plain("coast_crossings", results.map { .integer($0.crossings.count - $0.borderCrossings.count) }))
        rows.append(km("min_to_border_km", { $0.nearestBorder?.distance }, \.nearestBorder))
        rows.append(km("within_\(JSONNumberFormat.shortest(options.near / 1e3))_km_of_border_km", { $0.profile.nearLength }, \.nearLength))
        let corridorJurisdictions = Set(results.flatMap { $0.corridor?.byJurisdiction.map(\.id) ?? [] }).idSorted()
        for j in corridorJurisdictions {
            rows.append(km("corridor_\(j)_km2", { r in r.corridor?.byJurisdiction.first { $0.id == j }?.area ?? 0 },
                           { $0.corridorByJurisdiction[j] ?? FigureInterval(low: 0, high: 0) }, scale: 1e6))
        }
        return rows
    }

    /// One group's table: a row per measure, a column per route; a figure with an interval is shown as
    /// "81 (77–85)", to the digits its interval supports.
    public func table(_ results: [RouteResult]) -> Table {
        Table(columns: ["measure"] + results.map(\.route.id), rows: measures(results).map { m in
            [.text(m.name)] + m.cells.indices.map { k in
                m.intervals[k].map { .text($0.text(m.values[k], scale: m.scale, maximum: 3)) } ?? m.cells[k]
            }
        })
    }

    /// The comparison as Markdown: per group, a row per measure and a column per route.
    public var markdown: String {
        var text = "# Route comparison\n\nFigures from `borderkit route` with the same options: lengths geodesic on WGS84; "
        text += "distance to a border sampled every \(JSONNumberFormat.shortest(options.step / 1e3)) km; corridor "
        text += "\(JSONNumberFormat.shortest(options.corridor / 1e3)) km wide.\n"
        if let i = groups.lazy.flatMap(\.results).compactMap(\.intervals).first {
            text += "\nAccuracy: territories ± \(JSONNumberFormat.shortest(i.territoryAccuracy)) m; each route's own accuracy as its "
                + "file states (accuracy_m). Intervals: \(RouteIntervals.method).\n"
        }
        for g in groups {
            let (group, results, missing) = (g.group, g.results, g.missing)
            text += "\n## \(group.name)\n\n\(group.question)\n\n"
            if !results.isEmpty { text += table(results).markdown }
            if !missing.isEmpty { text += "\nNot in the data: \(missing.joined(separator: ", ")).\n" }
        }
        return text
    }

    /// CSV: one long table (group, route, measure, value), since each group has its own routes as columns.
    public var csv: CSVTables {
        var rows: [[Cell]] = []
        let hasIntervals = groups.contains { $0.results.contains { $0.intervals != nil } }
        for g in groups where !g.results.isEmpty {
            let (group, results) = (g.group, g.results)
            for m in measures(results) {
                for (k, route) in results.enumerated() {
                    let row: [Cell] = [.text(group.name), .text(route.route.id), .text(m.name)]
                        + (m.intervals[k] == nil ? [m.cells[k]] + (hasIntervals ? [.empty, .empty] : [])
                           : FigureInterval.cells(m.values[k], m.intervals[k], scale: m.scale, format: .csv, intervalColumns: true))
                    rows.append(row)
                }
            }
        }
        return CSVTables([.init(name: "comparison", table: Table(columns: ["group", "route", "measure", "value"] + (hasIntervals ? ["value_low", "value_high"] : []), rows: rows))])
    }

    /// The comparison as JSON: per group, its routes as `route` gives them.
    public var json: JSONValue {
        .object(["groups": .array(groups.map { g in
            let routeJSON = RouteReport(results: g.results, options: options).json
            var routes: JSONValue = .array([])
            if case .object(let o) = routeJSON, let r = o["routes"] { routes = r }
            return .object(["name": .string(g.group.name), "question": .string(g.group.question), "routes": routes,
                            "missing": .array(g.missing.map(JSONValue.string))])
        })])
    }
}
