import Foundation
import Testing
import TestSupport

/// Bad input: one clear line on stderr naming the file, the pointer and the reason; exit 2; no output file.
@Suite struct BadInputTests {
    static let inputs: [(String, String, String)] = [
        ("latitude.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[44,95]}}]}"#,
         "/features/0/geometry/coordinates/1: latitude 95 is outside [-90, 90]"),
        ("syntax.geojson", "{\"type\":\"Point\",\n \"coordinates\": [1 2]}", ":2:20: invalid JSON: expected ',' or ']' in an array"),
        ("ring.geojson", #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#, "/coordinates/0: linear ring is not closed"),
        ("empty.geojson", "", "invalid JSON: unexpected end of input"),
    ]

    @Test("malformed GeoJSON: measure and validate exit 2 with file, pointer and reason; nothing written")
    func malformed() throws {
        let folder = try scratchFolder()
        for (name, text, message) in Self.inputs {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            for command in [["measure", path, "--output", folder.appendingPathComponent("out.json").path], ["validate", path]] {
                let r = try borderkit(command)
                #expect(r.status == 2, "\(command): \(r.stderrText)")
                #expect(r.stderrText.hasPrefix("borderkit: error: \(path)"), "\(r.stderrText)")
                #expect(r.stderrText.contains(message), "\(r.stderrText)")
                #expect(r.stderrText.split(separator: "\n").count == 1)
                #expect(r.stdout.isEmpty)
            }
        }
        #expect(!listing(folder).contains { $0.hasPrefix("out") || $0.hasPrefix(".out") })
    }

    @Test("a missing file, a folder, and an unwritable output folder are clear errors")
    func files() throws {
        let missing = try borderkit(["measure", "/nonexistent/x.geojson"])
        #expect(missing.status == 2)
        #expect(missing.stderrText == "borderkit: error: /nonexistent/x.geojson: cannot open: No such file or directory\n")
        let folder = try scratchFolder()
        let dir = try borderkit(["measure", folder.path])
        #expect(dir.status == 2 && dir.stderrText.contains("is a directory"))
        let out = try borderkit(["measure", fixture("shapes.geojson"), "--output", "/nonexistent/dir/out.md"])
        #expect(out.status == 2 && out.stderrText.contains("/nonexistent/dir/out.md: cannot create a file in /nonexistent/dir"))
    }

    @Test("a failed run leaves an existing output file as it was")
    func keepsOldOutput() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("report.md")
        try Data("previous\n".utf8).write(to: out)
        let bad = folder.appendingPathComponent("bad.geojson")
        try Data("{".utf8).write(to: bad)
        let r = try borderkit(["measure", bad.path, "--output", out.path])
        #expect(r.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous\n")
        #expect(listing(folder) == ["bad.geojson", "report.md"])
    }

    @Test("usage errors exit non-zero with a usage message")
    func usage() throws {
        let r = try borderkit(["measure", fixture("shapes.geojson"), "--format", "xml"])
        #expect(r.status != 0)
        #expect(r.stderrText.contains("--format"))
        let v = try borderkit(["validate", fixture("bowtie.geojson"), "--output", "x.geojson"])
        #expect(v.status != 0 && v.stderrText.contains("--output goes with --repair"))
    }
}
