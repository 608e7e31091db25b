import Foundation
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

    @Option(help: ArgumentHelp("Territories (polygons): GeoJSON, '-', or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file())
    var territories: String?

    @Option(help: ArgumentHelp("The layer of --territories to read, for sources of several layers (GeoPackage).", valueName: "name"))
    var layer: String?

    @Option(help: ArgumentHelp("Border-status lines (property status, optional date and source).", valueName: "file"), completion: .file())
    var status: String?

    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name"))
    var idProperty: String?

    @Option(help: ArgumentHelp("Tolerance in metres for sources that do not share vertices (0 = exact).", valueName: "metres"))
    var snap: Double = 0

    @Option(help: ArgumentHelp("Only this pair (repeatable), e.g. --pair armenia,azerbaijan; ids match without regard to case.", valueName: "a,b"))
    var pair: [String] = []

    @Option(help: ArgumentHelp("The property of the status layer that holds each line's status.", valueName: "name"))
    var statusProperty = "status"

    @Option(help: ArgumentHelp("How far a status line may lie from a border and still give it its status, metres (default: --snap, at least 1).", valueName: "metres"))
    var statusSnap: Double?

    @Option(help: ArgumentHelp("Status of border stretches no status line matches.", valueName: "status"))
    var unmatchedStatus = "undelimited"

    @Option(help: ArgumentHelp("Warn about territories overlapping by more than this many m².", valueName: "m2"))
    var overlapTolerance: Double = 1

    @Option(help: "Worker threads, each with its own GEOS context (default: one per processor).")
    var workers: Int?

    @Option(help: ArgumentHelp("Name the territories' file this way in the report and messages (a tile: the file it was cut from).", valueName: "name"))
    var label: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Report only what this tile owns: pairs whose envelopes' intersection has its lower-left corner in [W,E)×[S,N), tripoints in it (see `partition`; negative values need no '=').", valueName: "W,S,E,N"))
    var ownerExtent: String?

    @OptionGroup var accuracy: AccuracyOption

    @Option(help: ArgumentHelp("Territories from another source: each pair's border length in both, and the median and maximum distance between the two lines.", valueName: "file"), completion: .file())
    var compareTerritories: String?

    @Option(help: ArgumentHelp("The property that holds each territory's id in --compare-territories (default: --id-property).", valueName: "name"))
    var compareIdProperty: String?

    @Option(name: .shortAndLong, help: "Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output's ending, else md).")
    var format: TopologyFormat?

    @OptionGroup var quantize: QuantizeOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func validate() throws {
        guard snap >= 0, snap.isFinite else { throw ValidationError("--snap must be 0 or more metres") }
        guard overlapTolerance >= 0, overlapTolerance.isFinite else { throw ValidationError("--overlap-tolerance must be 0 or more m²") }
        guard (statusSnap ?? 0) >= 0, (statusSnap ?? 0).isFinite else { throw ValidationError("--status-snap must be 0 or more metres") }
        guard (workers ?? 1) >= 1 else { throw ValidationError("--workers must be at least 1") }
        if let ownerExtent, TileExtent(ownerExtent) == nil {
            throw ValidationError("--owner-extent takes W,S,E,N with W < E and S < N, e.g. -10,35,20,60 (got \(ownerExtent))")
        }
        if ownerExtent != nil, snap > 0 {
            // Two territories within the snap whose envelopes do not meet may share no tile: refused, not guessed.
            throw ValidationError("--owner-extent with --snap: territories within the snap of each other whose envelopes do not meet may lie in no common tile; run snapped borders in one process")
        }
        if ownerExtent != nil, accuracy.stated != nil || compareTerritories != nil {
            // Intervals and comparisons are of whole pairs and totals, which `merge` does not add up.
            throw ValidationError("--owner-extent with --accuracy or --compare-territories: run the comparison in one process")
        }
        for p in pair where p.split(separator: ",").count != 2 {
            throw ValidationError("--pair takes two ids separated by a comma, e.g. armenia,azerbaijan (got \(p))")
        }
    }

    func execute() throws {
        let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: TopologyFormat.allCases.map(\.kind), fallback: .report(.markdown))
        let grid = try quantize.value()
        var inputs = InputSet(territories: territories, status: status, idProperty: idProperty)
        inputs.layer = layer
        inputs.territoriesLabel = label
        inputs.statusProperty = statusProperty
        let loaded = try inputs.loadTerritories()
        let list = loaded.territories, source = loaded.source, warnings = loaded.warnings
        let statusLines = try inputs.loadStatusLines()
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        // Ids as the file spells them, matched without regard to case (as route names are); indexed only when
        // pairs are asked for (a million ids lowercased and hashed for nothing, otherwise).
        let known = pair.isEmpty ? [] : Set(list.map(\.id))
        let byFolded = pair.isEmpty ? [:] : Dictionary(grouping: list.map(\.id), by: { $0.lowercased() })
        func resolve(_ name: String, in p: String) throws -> String {
            if known.contains(name) { return name }
            guard let matches = byFolded[name.lowercased()] else { throw InputError("--pair \(p): no territory \"\(name)\" in \(source)", kind: .unknownName) }
            guard matches.count == 1 else {
                throw InputError("--pair \(p): \"\(name)\" matches \(matches.idSorted().map { "\"\($0)\"" }.joined(separator: " and ")); give the id as the file spells it")
            }
            return matches[0]
        }
        let pairs = try pair.map { p in try p.split(separator: ",").map { try resolve(String($0).trimmingCharacters(in: .whitespaces), in: p) } }
        var options = BorderOptions()
        options.snap = snap
        options.pairs = pairs.isEmpty ? nil : pairs
        options.unmatchedStatus = unmatchedStatus
        options.overlapTolerance = overlapTolerance
        options.statusSnap = statusSnap
        if let workers { options.workers = workers }
        // The territories' accuracy: --accuracy, else the embedded territories' provenance, else unknown.
        var sourceAccuracy: SourceAccuracy?
        if let accuracy = accuracy.stated {
            sourceAccuracy = SourceAccuracy(metres: accuracy, statement: "--accuracy \(JSONNumberFormat.shortest(accuracy))")
        } else if inputs.usesEmbeddedTerritories, ownerExtent == nil, !accuracy.isNone {
            sourceAccuracy = try SourceAccuracy.embeddedTerritories(try EmbeddedData.locate())
        }
        // The lines are kept only for what draws, writes, compares or simplifies them; a report of lengths needs
        // their lengths.
        options.keepsLines = ![.report(.markdown), .report(.csv), .report(.json)].contains(kind) || map.map != nil
            || compareTerritories != nil || sourceAccuracy?.metres != nil
        let progress: (@Sendable (Int, Int) -> Void)? = FileIO.standardErrorIsTerminal ? showProgress : nil
        var report = try Borders.run(list, status: statusLines, source: source, warnings: warnings, options: options,
                                     progress: progress)
        if let extent = ownerExtent.flatMap(TileExtent.init) { report = report.owned(by: extent, territories: list) }
        if let compareTerritories {
            let other = InputSet(territories: compareTerritories, idProperty: compareIdProperty ?? idProperty)
            let loadedOther = try other.loadTerritories()
            for w in loadedOther.warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
            var otherOptions = options
            otherOptions.keepsLines = true
            otherOptions.statusSnap = nil
            let otherReport = try Borders.run(loadedOther.territories, source: loadedOther.source, options: otherOptions)
            let comparison = try BorderComparison.compare(report, with: otherReport, workers: workers)
            report.comparison = comparison
            sourceAccuracy = (sourceAccuracy ?? SourceAccuracy(metres: nil, statement: "not stated")).referring(to: comparison)
        }
        if let sourceAccuracy, sourceAccuracy.metres != nil || sourceAccuracy.referenceSource != nil {
            report.intervals = try BorderIntervals.compute(report, accuracy: sourceAccuracy, workers: workers)
        }
        for o in report.overlaps { FileIO.writeToStandardError("borderkit: warning: \(Borders.overlapWarning(o, source: source))\n") }
        switch kind {
        case .report(.csv): try output.write(report.csvPieces)
        case .report(.markdown), .report(.json):
            let out = try AtomicOutput(output.output ?? "-")
            try report.write(kind == .report(.json) ? .json : .markdown) { try out.write($0) }
            try out.commit()
        default:
            let features = report.featureCollection
            try output.writeFeatures(features, as: kind, quantize: grid) {
                [TopoJSONObject(name: "territories", features: list.map(\.feature)),
                 TopoJSONObject(name: "borders", features: features.features.filter { $0.properties?["kind"] == .string("border_segment") }),
                 TopoJSONObject(name: "tripoints", features: features.features.filter { $0.properties?["kind"] == .string("tripoint") })]
            }
        }
        try map.write({
            var scene = try MapScene.borders(report, territories: list, credits: try inputs.credits(routesShown: false))
            scene.borderStatusKnown = !statusLines.isEmpty
            return scene
        }())
    }
}

/// Writes "borders: done/total pairs" over itself on stderr (used only when stderr is a terminal).
@Sendable func showProgress(_ done: Int, _ total: Int) {
    guard done == total || done % 10 == 0 else { return }
    let end = done == total ? "\n" : ""
    FileIO.writeToStandardError("\rborders: \(done)/\(total) pairs\(end)")
}
