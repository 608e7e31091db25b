import ArgumentParser
import BorderKit
import GeoCore

struct DiffCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two GeoJSON files feature by feature within tolerances (for regression suites).",
        discussion: """
            Features are matched by id (or --match-by PROPERTY). Geometry: type and Hausdorff distance in metres
            (in a local azimuthal equidistant projection); geodesic length and area; every property (numbers within
            --number-tolerance, others exactly). Each tolerance applies only when given; with none of --tolerance,
            --length-tolerance and --area-tolerance, geometry must match exactly, and with any of them only those
            given are checked (a Hausdorff distance within --tolerance bounds how far every vertex moved). Markdown
            lists what is beyond tolerance; --verbose also what differs within it.
            Exit 0: all within tolerance; 1: something beyond it; 2: bad input.
            """
    )

    @Argument(help: "The expected (golden) GeoJSON.", completion: .file()) var expected: String
    @Argument(help: "The actual GeoJSON.", completion: .file()) var actual: String
    @Option(help: ArgumentHelp("Match features by id or by this property.", valueName: "id|property")) var matchBy = "id"
    @Option(help: ArgumentHelp("Largest Hausdorff distance allowed, metres.", valueName: "metres")) var tolerance: Double?
    @Option(help: ArgumentHelp("Largest length difference allowed, percent.", valueName: "pct")) var lengthTolerance: Double?
    @Option(help: ArgumentHelp("Largest area difference allowed, percent.", valueName: "pct")) var areaTolerance: Double?
    @Option(help: ArgumentHelp("Largest difference allowed in numeric properties (default: equal).", valueName: "value")) var numberTolerance: Double?
    @Flag(help: "List the features that differ within tolerance too, with a note for each property that does.") var verbose = false
    @Option(help: ArgumentHelp("A property not to compare (repeatable).", valueName: "property")) var ignore: [String] = []
    @Option(name: .shortAndLong, help: "Report format: md or json.") var format: CheckFormat = .markdown
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard [tolerance, lengthTolerance, areaTolerance, numberTolerance].compactMap({ $0 }).allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ValidationError("tolerances must be 0 or more")
        }
    }

    func execute() throws {
        var t = DiffTolerances()
        t.distance = tolerance; t.lengthPercent = lengthTolerance; t.areaPercent = areaTolerance; t.number = numberTolerance
        t.ignore = Set(ignore)
        let report = try FeatureDiff.run(expected: try VectorSource.read(path: expected), actual: try VectorSource.read(path: actual),
                                         expectedName: expected, actualName: actual, matchBy: matchBy, tolerances: t)
        try output.write(format == .json ? JSONWriter.data(report.json) + [0x0A] : Array(report.markdown(verbose: verbose).utf8))
        if report.beyondTolerance > 0 { throw ExitCode(1) }
    }
}
