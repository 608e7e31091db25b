import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// The outputs of borders, areas, route and compare on the embedded data, pinned as golden files beside this
/// test and compared with the diff library: the border segments feature by feature (matched by id) within 1 mm
/// and 1e-9 relative; area pieces, route pieces and JSON reports as JSON, numbers within 1e-9 relative. BORDERKIT_RECORD_GOLDEN=1 re-records them, printing the diff first.
/// Also: every command gives the same bytes twice, with one or two workers, and in another locale.
@Suite struct GoldenOutputTests {
    static let golden = TestPaths.packageRoot.appendingPathComponent("Tests/BorderKitCLITests/Golden")
    static let record = ProcessInfo.processInfo.environment["BORDERKIT_RECORD_GOLDEN"] == "1"

    static let cases: [(name: String, arguments: [String])] = [
        ("borders.geojson", ["borders", "--format", "geojson"]),
        ("borders.json", ["borders", "--format", "json"]),
        ("areas-2010.json", ["areas", "--at", "2010-01-01", "--format", "json"]),
        ("areas-2010.geojson", ["areas", "--at", "2010-01-01", "--format", "geojson"]),
        ("route.json", ["route", "--format", "json"]),
        ("route.geojson", ["route", "--format", "geojson"]),
        ("compare.json", ["compare", "--format", "json"]),
    ]

    @Test("outputs match their golden files", arguments: cases.map(\.name))
    func golden(_ name: String) throws {
        let arguments = Self.cases.first { $0.name == name }!.arguments
        let r = try borderkit(arguments)
        #expect(r.status == 0, "\(r.stderrText)")
        let path = Self.golden.appendingPathComponent(name)
        var differences: [String]
        do {
            differences = try Self.compare(name, path: path, output: r.stdout)
        } catch {
            differences = ["cannot compare: \(error)"]
        }
        if Self.record {
            if !differences.isEmpty { print("re-recording \(name); it differed:\n" + differences.prefix(20).joined(separator: "\n")) }
            try r.stdout.write(to: path)
            return
        }
        #expect(differences.isEmpty, "\(name) differs from its golden file (BORDERKIT_RECORD_GOLDEN=1 re-records):\n\(differences.prefix(20).joined(separator: "\n"))")
    }

    /// The differences between an output and its golden file (empty: within tolerance).
    static func compare(_ name: String, path: URL, output: Data) throws -> [String] {
        let differences: [String]
        if FileManager.default.fileExists(atPath: path.path) {
            let expected = Array(try Data(contentsOf: path)), actual = Array(output)
            if name == "borders.geojson" {   // features with ids: the feature diff; the others as JSON
                var t = DiffTolerances()
                t.distance = 0.001; t.lengthPercent = 1e-7; t.areaPercent = 1e-7; t.number = 1e-6
                let report = try FeatureDiff.run(expected: try GeoJSONReader(source: name).read(expected),
                                                 actual: try GeoJSONReader(source: "output").read(actual),
                                                 expectedName: name, actualName: "output", tolerances: t)
                differences = report.beyondTolerance == 0 ? [] : [report.markdown(verbose: true)]
            } else {
                differences = JSONDiff.run(try JSONValue.read(expected, source: name), try JSONValue.read(actual, source: "output"), relative: 1e-9)
            }
        } else {
            differences = ["no golden file yet"]
        }
        return differences
    }

    @Test("same input, same bytes: twice, with one or two workers, and under another locale")
    func determinism() throws {
        for (_, arguments) in Self.cases + [("measure", ["measure", "--format", "json"])] {
            let a = try borderkit(arguments), b = try borderkit(arguments)
            #expect(a.status == 0 && a.stdout == b.stdout, "\(arguments)")
            if arguments[0] == "borders" || arguments[0] == "route" {
                #expect(try borderkit(arguments + ["--workers", "1"]).stdout == a.stdout, "\(arguments) with one worker")
                #expect(try borderkit(arguments + ["--workers", "2"]).stdout == a.stdout, "\(arguments) with two workers")
            }
            let german = try run("/usr/bin/env", ["LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", TestPaths.borderkit.path] + arguments)
            #expect(german.stdout == a.stdout, "\(arguments) under de_DE")
        }
    }
}
