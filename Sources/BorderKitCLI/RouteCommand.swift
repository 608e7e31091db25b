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
    @Option(help: ArgumentHelp("Measure only batch k of n (1 ≤ k ≤ n): the k-th of n runs of consecutive routes, for `merge` (JSON or GeoJSON).", valueName: "k/n"))
    var batch: RouteBatch?
    @Option(name: .shortAndLong, help: "Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output's ending, else md).") var format: FeatureFormat?
    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func execute() throws {
        let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: FeatureFormat.allCases.map(\.kind), fallback: .report(.markdown))
        let run = try RouteCommand.analyse(names: names, input: input, workers: workers, batch: batch)
        let full = RouteReport(results: run.results, options: input.options, profile: profile)
        switch kind {
        case .report(.markdown): try output.write(full.markdown)
        case .report(.csv): try output.write(full.csv)
        case .report(.json): try output.write(JSONWriter.data(full.json) + [0x0A])
        default: try output.writeFeatures(full.featureCollection, as: kind) { [] }
        }
        try map.write(try run.scene(title: run.results.count == 1 ? run.results[0].route.name : "Routes"))
    }

    /// Loads routes and territories (embedded unless given), picks the named routes and analyses them.
    /// `pick` narrows the routes chosen, knowing the file's named groups (`compare --batch`).
    static func analyse(names: [String], input: RouteInputOptions, workers: Int?, batch: RouteBatch? = nil,
                        pick: ([Route], [Comparison.Group]) -> [Route] = { routes, _ in routes }) throws -> RouteRun {
        let inputs = input.inputSet
        let layer = try inputs.loadRouteLayer()
        let all = layer.routes
        var chosen = names.isEmpty ? all : try names.map { try Route.find($0, in: all) }
        if let batch { chosen = Array(chosen[batch.range(of: chosen.count)]) }
        chosen = pick(chosen, layer.groups)
        let loaded = try inputs.loadTerritories()
        let list = loaded.territories, warnings = loaded.warnings
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        var o = input.options
        if let workers { o.workers = max(1, workers) }
        // The embedded territories state their accuracy (provenance `accuracy_m`); a user's file, with --accuracy.
        o.territoryAccuracy = try input.accuracy.metres(for: inputs)
        let progress: (@Sendable (Int, Int) -> Void)? = FileIO.standardErrorIsTerminal && chosen.count > 1 ? showRouteProgress : nil
        // The borders once, with their status: the routes are measured against them and the map draws them.
        let statusLines = try inputs.loadStatusLines()
        let borders = try Borders.run(list, status: statusLines, source: loaded.source)
        let context = try RouteContext(territories: list, borders: borders)
        return RouteRun(results: try Routes.run(chosen, context: context, options: o, progress: progress), context: context,
                        borders: borders, groups: layer.groups, inputs: inputs, borderStatusKnown: !statusLines.isEmpty)
    }
}

/// Routes analysed, with what a map of them needs.
struct RouteRun {
    var results: [RouteResult]
    var context: RouteContext
    var borders: BorderReport
    /// The named groups the routes file carries, for `compare`.
    var groups: [Comparison.Group]
    var inputs: InputSet
    /// Whether a status layer said what kind each border is.
    var borderStatusKnown: Bool

    /// The map of these routes: territories, borders, the routes with crossings and corridors, places.
    func scene(title: String) throws -> MapScene {
        var scene = try MapScene.routes(results, context: context, borders: borders, places: try inputs.loadPlaces(),
                                        credits: try inputs.credits(), title: title)
        scene.borderStatusKnown = borderStatusKnown
        return scene
    }
}

/// Writes "routes: done/total" over itself on stderr (used only when stderr is a terminal).
@Sendable func showRouteProgress(_ done: Int, _ total: Int) {
    let end = done == total ? "\n" : ""
    FileIO.writeToStandardError("\rroutes: \(done)/\(total)\(end)")
}

/// `--batch k/n`: the k-th of n runs of consecutive routes, so that many processes share a routes file and
/// `merge` puts their outputs back in the file's order.
struct RouteBatch: ExpressibleByArgument {
    /// Which batch, from 1.
    var k: Int
    /// How many batches.
    var n: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.k = k
        self.n = n
    }

    /// The indices of batch k among `count` routes: [count·(k−1)/n, count·k/n), so every route is in one batch.
    func range(of count: Int) -> Range<Int> { (count * (k - 1) / n)..<(count * k / n) }
}
