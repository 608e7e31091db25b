import ArgumentParser
import BorderKit
import GeoCore

struct BordersCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "borders",
        abstract: "Shared borders of every pair of territories: segments by status with geodesic lengths, and tripoints.",
        discussion: """
            With no --territories, the embedded territories and border-status layers. Exact by default (sources that
            share vertices); --snap METRES finds borders whose sources differ by up to that much. Lengths are
            geodesic on WGS84. Territory ids: --id-property, else the feature id, else the first of the properties
            \(Territory.fallbackIDProperties.joined(separator: ", ")).
            """
    )

    @Option(help: ArgumentHelp("Territories (polygons) as GeoJSON, or '-'.", valueName: "file"))
    var territories: String?

    @Option(help: ArgumentHelp("Border-status lines (property status, optional date and source).", valueName: "file"))
    var status: String?

    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name"))
    var idProperty: String?

    @Option(help: ArgumentHelp("Tolerance in metres for sources that do not share vertices (0 = exact).", valueName: "metres"))
    var snap: Double = 0

    @Option(help: ArgumentHelp("Only this pair (repeatable), e.g. --pair armenia,azerbaijan.", valueName: "a,b"))
    var pair: [String] = []

    @Option(help: ArgumentHelp("Status of border stretches no status line matches.", valueName: "status"))
    var unmatchedStatus = "undelimited"

    @Option(help: ArgumentHelp("Warn about territories overlapping by more than this many m².", valueName: "m2"))
    var overlapTolerance: Double = 1

    @Option(help: "Worker threads, each with its own GEOS context (default: one per processor).")
    var workers: Int?

    @Option(name: .shortAndLong, help: "Output format: md, csv, json or geojson.")
    var format: ReportFormat = .markdown

    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func validate() throws {
        guard snap >= 0, snap.isFinite else { throw ValidationError("--snap must be 0 or more metres") }
        guard overlapTolerance >= 0, overlapTolerance.isFinite else { throw ValidationError("--overlap-tolerance must be 0 or more m²") }
        guard (workers ?? 1) >= 1 else { throw ValidationError("--workers must be at least 1") }
        for p in pair where p.split(separator: ",").count != 2 {
            throw ValidationError("--pair takes two ids separated by a comma, e.g. armenia,azerbaijan (got \(p))")
        }
    }

    func execute() throws {
        let inputs = InputSet(territories: territories, status: status, idProperty: idProperty)
        let (list, source, warnings) = try inputs.loadTerritories()
        let statusLines = try inputs.loadStatusLines()
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        let known = Set(list.map(\.id))
        for p in pair {
            for id in p.split(separator: ",").map(String.init) where !known.contains(id) {
                throw InputError("--pair \(p): no territory \"\(id)\" in \(source)")
            }
        }
        var options = BorderOptions()
        options.snap = snap
        options.pairs = pair.isEmpty ? nil : pair.map { $0.split(separator: ",").map(String.init) }
        options.unmatchedStatus = unmatchedStatus
        options.overlapTolerance = overlapTolerance
        if let workers { options.workers = workers }
        let progress: (@Sendable (Int, Int) -> Void)? = FileIO.standardErrorIsTerminal ? showProgress : nil
        let report = try Borders.run(list, status: statusLines, source: source, warnings: warnings, options: options,
                                     progress: progress)
        for o in report.overlaps { FileIO.writeToStandardError("borderkit: warning: \(Borders.overlapWarning(o, source: source))\n") }
        switch format {
        case .markdown: try output.write(report.markdown)
        case .csv: try output.write(report.csv)
        case .json: try output.write(JSONWriter.data(report.json) + [0x0A])
        case .geojson: try output.write(GeoJSONWriter().data(report.featureCollection))
        }
        try map.write(try MapScene.borders(report, territories: list, credits: try inputs.credits(routesShown: false)))
    }
}

/// Writes "borders: done/total pairs" over itself on stderr (used only when stderr is a terminal).
@Sendable func showProgress(_ done: Int, _ total: Int) {
    guard done == total || done % 10 == 0 else { return }
    let end = done == total ? "\n" : ""
    FileIO.writeToStandardError("\rborders: \(done)/\(total) pairs\(end)")
}
