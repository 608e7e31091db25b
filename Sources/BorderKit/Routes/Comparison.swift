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

    /// One group's table: a row per measure, a column per route.
    public func table(_ results: [RouteResult]) -> Table {
        func km(_ m: Double) -> Cell { .number(m / 1e3, decimals: 3) }
        var rows: [[Cell]] = []
        rows.append([.text("length_km")] + results.map { km($0.length) })
        let jurisdictions = Set(results.flatMap { $0.byJurisdiction.map(\.id) }).idSorted()
        for j in jurisdictions {
            rows.append([.text("\(j)_km")] + results.map { r in km(r.byJurisdiction.first { $0.id == j }?.length ?? 0) })
        }
        rows.append([.text("outside_km")] + results.map { km($0.outside) })
        rows.append([.text("jurisdictions traversed")] + results.map { .text($0.sequence.joined(separator: " → ")) })
        rows.append([.text("crossings")] + results.map { .integer($0.borderCrossings.count) })
        rows.append([.text("coast_crossings")] + results.map { .integer($0.crossings.count - $0.borderCrossings.count) })
        rows.append([.text("min_to_border_km")] + results.map { r in r.nearestBorder.map { km($0.distance) } ?? .empty })
        rows.append([.text("within_\(JSONNumberFormat.shortest(options.near / 1e3))_km_of_border_km")] + results.map { km($0.profile.nearLength) })
        let corridorJurisdictions = Set(results.flatMap { $0.corridor?.byJurisdiction.map(\.id) ?? [] }).idSorted()
        for j in corridorJurisdictions {
            rows.append([.text("corridor_\(j)_km2")] + results.map { r in
                .number((r.corridor?.byJurisdiction.first { $0.id == j }?.area ?? 0) / 1e6, decimals: 3)
            })
        }
        return Table(columns: ["measure"] + results.map(\.route.id), rows: rows)
    }

    /// The comparison as Markdown: per group, a row per measure and a column per route.
    public var markdown: String {
        var text = "# Route comparison\n\nFigures from `borderkit route` with the same options: lengths geodesic on WGS84; "
        text += "distance to a border sampled every \(JSONNumberFormat.shortest(options.step / 1e3)) km; corridor "
        text += "\(JSONNumberFormat.shortest(options.corridor / 1e3)) km wide.\n"
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
        for g in groups where !g.results.isEmpty {
            let (group, results) = (g.group, g.results)
            let t = table(results)
            for row in t.rows {
                for (k, route) in results.enumerated() { rows.append([.text(group.name), .text(route.route.id), row[0], row[k + 1]]) }
            }
        }
        return CSVTables([.init(name: "comparison", table: Table(columns: ["group", "route", "measure", "value"], rows: rows))])
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
