import ArgumentParser
import BorderKit
import GeoCore

struct RouteCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Length per jurisdiction, ordered border crossings, distance to the nearest border, corridor area.",
        discussion: """
            With no inputs, the embedded routes and territories. Routes are found by id or by any of their names,
            case- and accent-insensitive ("Zangezur corridor", "TRIPP" and "Syunik route" are one route); with no
            names, every route. Distances are geodesic on WGS84; borders are land borders between territories.
            """
    )

    @Argument(help: "Routes by id or any name; none: all.") var names: [String] = []
    @OptionGroup var input: RouteInputOptions
    @Flag(help: "Include the distance-to-border samples in JSON and GeoJSON.") var profile = false
    @Option(help: "Worker threads (default: one per processor).") var workers: Int?
    @Option(name: .shortAndLong, help: "Output format: md, csv, json or geojson.") var format: ReportFormat = .markdown
    @OptionGroup var output: OutputOptions

    func execute() throws {
        let report = try RouteCommand.analyse(names: names, input: input, workers: workers)
        let full = RouteReport(results: report, options: input.options, profile: profile)
        switch format {
        case .markdown: try output.write(full.markdown)
        case .csv: try output.write(full.csv)
        case .json: try output.write(JSONWriter.data(full.json) + [0x0A])
        case .geojson: try output.write(GeoJSONWriter().data(full.featureCollection))
        }
    }

    /// Loads routes and territories (embedded unless given), picks the named routes and analyses them.
    static func analyse(names: [String], input: RouteInputOptions, workers: Int?) throws -> [RouteResult] {
        let (routes, territories, idProperty, options) = (input.routes, input.territories, input.idProperty, input.options)
        let data = routes == nil || territories == nil ? try EmbeddedData.locate() : nil
        let routeFile = routes ?? data!.label(of: "routes"), territoryFile = territories ?? data!.label(of: "territories")
        let all = try Route.load(try routes.map { try GeoJSONReader.read(path: $0) } ?? data!.read("routes"), source: routeFile)
        let chosen = names.isEmpty ? all : try names.map { try Route.find($0, in: all) }
        let (list, warnings) = try Territory.load(try territories.map { try GeoJSONReader.read(path: $0) } ?? data!.read("territories"),
                                                  source: territoryFile, idProperty: idProperty)
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        var o = options
        if let workers { o.workers = max(1, workers) }
        let progress: (@Sendable (Int, Int) -> Void)? = FileIO.standardErrorIsTerminal && chosen.count > 1 ? showRouteProgress : nil
        return try Routes.run(chosen, context: try RouteContext(territories: list), options: o, progress: progress)
    }
}

/// Writes "routes: done/total" over itself on stderr (used only when stderr is a terminal).
@Sendable func showRouteProgress(_ done: Int, _ total: Int) {
    let end = done == total ? "\n" : ""
    FileIO.writeToStandardError("\rroutes: \(done)/\(total)\(end)")
}
