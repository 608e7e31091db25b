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
    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func validate() throws {
    }

    func execute() throws {
        let options = input.options
        let run = try RouteCommand.analyse(names: names, input: input, workers: nil)
        let all = run.results
        let groups = names.isEmpty ? Comparison.named(run.groups, from: all).filter { !$0.results.isEmpty || !$0.missing.isEmpty }
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
