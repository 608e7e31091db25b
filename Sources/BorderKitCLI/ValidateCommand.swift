import ArgumentParser
import BorderKit
import GeoCore

struct ValidateCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Report every invalid geometry with its feature, GEOS's reason and location; repair on request.",
        discussion: """
            Exit code 1 if any geometry is invalid, 0 if all are valid, 2 on unreadable or malformed input.
            With --repair --output PATH, invalid geometries are repaired with GEOS make-valid and written to PATH;
            the report says per feature what changed (type, geodesic area before and after). With --repair the
            exit code is 0 when every repaired geometry is valid.
            With --coverage, each file is also checked as a coverage: pairs of features that overlap and gaps (areas
            enclosed by features that none covers) larger than --min-area m²; exit code 1 if any is found.
            """
    )

    @Argument(help: ArgumentHelp("GeoJSON files, or '-' for standard input; none: every embedded layer.", valueName: "file"), completion: .file())
    var files: [String] = []

    @Flag(help: "Repair invalid geometries (GEOS make-valid) and write the result to --output.")
    var repair = false

    @Option(name: .shortAndLong, help: ArgumentHelp("With --repair: where to write the repaired GeoJSON.", valueName: "path"), completion: .file())
    var output: String?

    @Flag(help: "Also check each file as a coverage: overlaps between features and gaps between them.")
    var coverage = false

    @Option(help: ArgumentHelp("With --coverage: overlaps and gaps below this many m² are not listed.", valueName: "m2"))
    var minArea: Double = 1

    @Option(name: .shortAndLong, help: "Report format: md or json.")
    var format: CheckFormat = .markdown

    func validate() throws {
        guard minArea >= 0, minArea.isFinite else { throw ValidationError("--min-area must be 0 or more m²") }
        if repair {
            guard output != nil else { throw ValidationError("--repair needs --output PATH for the repaired GeoJSON") }
            guard files.count == 1 else { throw ValidationError("--repair takes one input file") }
        } else if output != nil {
            throw ValidationError("--output goes with --repair")
        }
    }

    func execute() throws {
        var report = ValidationReport()
        var coverageReports: [CoverageReport] = []
        let files = try self.files.isEmpty ? EmbeddedData.locate().datasets().map(\.file) : self.files
        for file in files {
            let geojson = try VectorSource.read(path: file)
            let name = VectorSource(file).label
            for note in geojson.notes { FileIO.writeToStandardError("borderkit: warning: \(name): \(note)\n") }
            report.add(file: name, results: try Validation.check(geojson))
            if coverage { coverageReports.append(try CoverageCheck.check(geojson, source: name, minArea: minArea)) }
            if repair, let output {
                let repaired = try Validation.repair(geojson.features)
                let features = repaired.features, repairs = repaired.repairs
                var collection = FeatureCollection(features)
                if case .featureCollection(let c) = geojson { collection.foreignMembers = c.foreignMembers }
                try FileIO.writeAtomically(GeoJSONWriter().data(collection), to: output)
                report.repairs = repairs
                report.repairedValid = try features.allSatisfy { try $0.geometry?.isValid() ?? true }
                report.repairedOutput = output
            }
        }
        var json = report.json
        if coverage, case .object(var o) = json {
            o["coverage"] = ValidationReport.coverageJSON(coverageReports)
            json = .object(o)
        }
        let text = format == .json ? String(decoding: JSONWriter.data(json) + [0x0A], as: UTF8.self)
            : report.markdown + (coverage ? ValidationReport.coverageMarkdown(coverageReports) : "")
        try FileIO.writeAtomically(Array(text.utf8), to: "-")
        if repair ? !report.repairedValid : report.invalidCount > 0 { throw ExitCode(1) }
        if coverageReports.contains(where: { !$0.isClean }) { throw ExitCode(1) }
    }
}
