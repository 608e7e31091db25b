import ArgumentParser
import BorderKit
import GeoCore

struct CompareCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Routes side by side: length, km per jurisdiction, crossings, distance to borders, corridor area.",
        discussion: """
            With no names, the named cases in groups: Nakhchivan links (Syunik route, the Aras route through Iran,
            Kars–Nakhchivan), the Armenia–Karabakh road (Lachin corridor, 2022 bypass), rail to Iran (Julfa–Jolfa–Tabriz).
            """
    )

    @Argument(help: "Routes by id or any name; none: the named groups.") var names: [String] = []
    @Option(help: ArgumentHelp("Routes (LineStrings) as GeoJSON.", valueName: "file")) var routes: String?
    @Option(help: ArgumentHelp("Territories (polygons) as GeoJSON.", valueName: "file")) var territories: String?
    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name")) var idProperty: String?
    @Option(help: ArgumentHelp("Distance-to-border sample spacing, km.", valueName: "km")) var step: Double = 1
    @Option(help: ArgumentHelp("Count the km closer than this to a border.", valueName: "km")) var near: Double = 5
    @Option(help: ArgumentHelp("Corridor total width, km.", valueName: "km")) var corridor: Double = 5
    @Option(help: ArgumentHelp("Tolerance in metres (as for route).", valueName: "metres")) var snap: Double = 100
    @Option(name: .shortAndLong, help: "Output format: md, csv or json.") var format: ReportFormat = .markdown
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard format != .geojson else { throw ValidationError("compare writes md, csv or json; use `borderkit route --format geojson` for maps") }
        guard step > 0, near >= 0, corridor >= 0, snap >= 0 else { throw ValidationError("--step must be positive; --near, --corridor and --snap 0 or more") }
    }

    func execute() throws {
        var options = RouteOptions()
        options.step = step * 1e3; options.near = near * 1e3; options.corridor = corridor * 1e3; options.snap = snap
        let all = try RouteCommand.analyse(names: names, routes: routes, territories: territories, idProperty: idProperty,
                                           options: options, workers: nil)
        let groups: [(group: Comparison.Group, results: [RouteResult], missing: [String])]
        if names.isEmpty {
            groups = Comparison.namedGroups.map { g in
                (g, g.routeIDs.compactMap { id in all.first { $0.route.id == id } }, g.routeIDs.filter { id in !all.contains { $0.route.id == id } })
            }.filter { !$0.results.isEmpty || !$0.missing.isEmpty }
        } else {
            groups = [(Comparison.Group(name: "Routes", question: "The routes asked for.", routeIDs: all.map(\.route.id)), all, [])]
        }
        let comparison = Comparison(groups: groups, options: options)
        switch format {
        case .csv: try output.write(comparison.csv)
        case .json: try output.write(JSONWriter.data(comparison.json) + [0x0A])
        default: try output.write(comparison.markdown)
        }
    }
}
