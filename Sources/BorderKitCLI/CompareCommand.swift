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
    @OptionGroup var input: RouteInputOptions
    @Option(name: .shortAndLong, help: "Output format: md, csv or json.") var format: TableFormat = .markdown
    @Option(help: ArgumentHelp("Compare only batch k of n (1 ≤ k ≤ n): the k-th of n runs of consecutive named groups, for `merge` (JSON).", valueName: "k/n"))
    var batch: RouteBatch?
    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func validate() throws {
        if batch != nil {
            guard names.isEmpty else { throw ValidationError("--batch splits the named groups; the routes asked for by name are one group: give many routes to `route --batch`") }
            guard format == .json else { throw ValidationError("--batch writes JSON (-f json), which `merge` combines") }
            guard map.map == nil else { throw ValidationError("--map draws every group: not with --batch") }
        }
    }

    func execute() throws {
        let options = input.options
        // A batch measures only the routes of its groups.
        let batchGroups = { (groups: [Comparison.Group]) -> [Comparison.Group] in
            guard let batch else { return groups }
            return Array(groups[batch.range(of: groups.count)])
        }
        let run = try RouteCommand.analyse(names: names, input: input, workers: nil) { routes, groups in
            guard batch != nil else { return routes }
            let ids = Set(batchGroups(groups).flatMap(\.routeIDs))
            return routes.filter { ids.contains($0.id) }
        }
        let all = run.results
        let groups = names.isEmpty ? Comparison.named(batchGroups(run.groups), from: all).filter { !$0.results.isEmpty || !$0.missing.isEmpty }
            : [Comparison.GroupResult(group: Comparison.Group(name: "Routes", question: "The routes asked for.", routeIDs: all.map(\.route.id)), results: all)]
        let comparison = Comparison(groups: groups, options: options)
        switch format {
        case .csv: try output.write(comparison.csv)
        case .json: try output.write(JSONWriter.data(comparison.json) + [0x0A])
        default: try output.write(comparison.markdown)
        }
        try map.write(try run.scene(title: names.isEmpty ? "Candidate routes compared" : "Routes compared"))
    }
}
