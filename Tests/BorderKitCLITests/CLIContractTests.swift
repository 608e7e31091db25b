import Foundation
import GeoCore
import Testing
import TestSupport

/// The command line's contract (issue 17): exit codes for usage errors, the formats each command lists,
/// ids as users write them, standard input read once, the status property, diff tolerances, types kept by
/// convert, one CSV table per file.
@Suite struct CLIContractTests {
    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("usage errors exit 2 (not 64) in every command: an unknown option, a bad value, a failed validation",
          arguments: ["measure", "validate", "borders", "areas", "route", "compare", "map", "report", "diff", "convert", "data"])
    func usageErrors(_ command: String) throws {
        let unknown = try borderkit([command, "--no-such-option"])
        #expect(unknown.status == 2 && unknown.stderrText.hasPrefix("Error: ") && unknown.stdout.isEmpty, "\(command): \(unknown.status) \(unknown.stderrText)")
        let badFormat = try borderkit([command, "--format", "xyz"])
        #expect(badFormat.status == 2, "\(command) --format xyz: \(badFormat.status)")
    }

    @Test("validation failures exit 2 with the reason: a date that is not one, decimals out of range, --repair without --output")
    func validationFailures() throws {
        for (args, reason) in [(["areas", "--at", "2099-13-01"], "not an ISO 8601 date"), (["convert", "-", "--decimals", "9"], "--decimals must be between 0 and 7"),
                               (["validate", "--repair"], "--repair needs --output"), (["borders", "--snap=-1"], "--snap must be 0 or more")] {
            let r = try borderkit(args)
            #expect(r.status == 2 && r.stderrText.contains(reason), "\(args): \(r.status) \(r.stderrText)")
        }
    }

    @Test("each command lists, and accepts, only the formats it writes")
    func formats() throws {
        for (command, listed, refused) in [("validate", "'md' and 'json'", "csv"), ("diff", "'md' and 'json'", "geojson"), ("compare", "'md', 'csv' or 'json'", "geojson")] {
            let r = try borderkit([command, "--format", refused])
            #expect(r.status == 2 && r.stderrText.contains(listed), "\(command): \(r.stderrText)")
        }
        let help = try borderkit(["validate", "--help"])
        #expect(help.status == 0 && !help.stdoutText.contains("geojson"))
    }

    @Test("--pair matches ids without regard to case; numeric ids are sorted as numbers (31 before 268)")
    func ids() throws {
        let r = try borderkit(["borders", "--pair", "Armenia,AZERBAIJAN", "-f", "json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((o["pairs"] as? [[String: Any]])?.map { $0["territories"] as? [String] } == [["armenia", "azerbaijan"]])
        let folder = try scratchFolder()
        // Three squares in a row, ids 268 | 31 | 5: pairs (31, 268) and (5, 31) in numeric order.
        func square(_ id: Int, _ x: Int) -> String {
            #"{"type":"Feature","id":\#(id),"properties":{},"geometry":{"type":"Polygon","coordinates":[[[\#(x),0],[\#(x + 1),0],[\#(x + 1),1],[\#(x),1],[\#(x),0]]]}}"#
        }
        let file = try write(#"{"type":"FeatureCollection","features":[\#(square(268, 0)),\#(square(31, 1)),\#(square(5, 2))]}"#, "n.geojson", in: folder)
        let n = try borderkit(["borders", "--territories", file, "-f", "json"])
        let pairs = try #require((try JSONSerialization.jsonObject(with: n.stdout) as? [String: Any])?["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["territories"] as? [String] } == [["5", "31"], ["31", "268"]])
    }

    @Test("the CLI names its flag where the library names its option: a duplicate id asks for --id-property")
    func remedyWording() throws {
        let folder = try scratchFolder()
        let square = #"{"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}"#
        let file = try write(#"{"type":"FeatureCollection","features":[\#(square),\#(square)]}"#, "d.geojson", in: folder)
        let r = try borderkit(["borders", "--territories", file])
        #expect(r.status == 2 && r.stderrText.contains("duplicate territory id \"a\"") && r.stderrText.contains("with --id-property"), "\(r.stderrText)")
    }

    @Test("measure takes --id-property and --workers like the other commands")
    func measureOptions() throws {
        let r = try borderkit(["measure", "--id-property", "iso2", "--workers", "1", "-f", "csv"])
        #expect(r.status == 0 && r.stdoutText.contains("\r\n0,AM,Armenia,") && r.stdoutText.contains(",AZ,Azerbaijan,"), "\(r.stdoutText.prefix(300))")
        #expect(try borderkit(["measure", "--workers", "0"]).status == 2)
    }

    @Test("standard input is read once: '-' given twice is an error, not an empty second file")
    func standardInputOnce() throws {
        let r = try borderkit(["validate", "-", "-"], input: Data(#"{"type":"FeatureCollection","features":[]}"#.utf8))
        #expect(r.status == 2 && r.stderrText.contains("standard input ('-') is read once"), "\(r.stderrText)")
    }

    @Test("--status-property names the property of the status layer; --status-snap how far a line may lie")
    func statusProperty() throws {
        let folder = try scratchFolder()
        let territories = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},{"type":"Feature","id":"b","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}}]}"#, "t.geojson", in: folder)
        // The status line lies 50 m east of the border (0.00045° at the equator).
        let status = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"delimited"},"geometry":{"type":"LineString","coordinates":[[1.00045,0],[1.00045,1]]}}]}"#, "s.geojson", in: folder)
        let missing = try borderkit(["borders", "--territories", territories, "--status", status])
        #expect(missing.status == 2 && missing.stderrText.contains("needs a string property \"status\""))
        func statuses(_ extra: [String]) throws -> [String] {
            let r = try borderkit(["borders", "--territories", territories, "--status", status, "--status-property", "kind", "-f", "json"] + extra)
            #expect(r.status == 0, "\(r.stderrText)")
            let pair = try #require(((try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])?["pairs"] as? [[String: Any]])?.first)
            return ((pair["by_status"] as? [String: Any]) ?? [:]).keys.sorted()
        }
        #expect(try statuses([]) == ["undelimited"], "1 m by default: the line is too far")
        #expect(try statuses(["--status-snap", "60"]) == ["delimited"])
    }

    @Test("diff: --tolerance alone passes a polygon whose vertex moved 0.5 m; a file against its own convert lists nothing within tolerance")
    func diffTolerances() throws {
        let folder = try scratchFolder()
        let moved = Geodesic.wgs84.direct(from: Position(44.5, 40.5), azimuth: 90, distance: 0.5).position
        func polygon(_ corner: Position) -> String {
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"p","properties":{},"geometry":{"type":"Polygon","coordinates":[[[44,40],[44.5,40],[\#(corner.x),\#(corner.y)],[44,40.5],[44,40]]]}}]}"#
        }
        let a = try write(polygon(Position(44.5, 40.5)), "a.geojson", in: folder), b = try write(polygon(moved), "b.geojson", in: folder)
        #expect(try borderkit(["diff", a, b, "--tolerance", "1"]).status == 0)
        #expect(try borderkit(["diff", a, b, "--tolerance", "0.1"]).status == 1)
        #expect(try borderkit(["diff", a, b]).status == 1, "no tolerance given: exact")
        guard TestPaths.sharedAvailable else { return }
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let converted = folder.appendingPathComponent("w.geojson").path
        #expect(try borderkit(["convert", world, "-o", converted]).status == 0)
        let r = try borderkit(["diff", world, converted, "--match-by", "ADM0_A3", "--tolerance", "0.02", "--number-tolerance", "0"])
        #expect(r.status == 0, "\(r.stdoutText)")
        #expect(!r.stdoutText.contains("within tolerance\n") && !r.stdoutText.contains("| true |"))
        #expect(r.stdoutText.components(separatedBy: "\n").count < 12, "a short report: \(r.stdoutText.prefix(400))")
    }

    @Test("convert keeps types: 5.0 stays a real, integers beyond 2^53 and 2^64 keep their digits, bbox members are kept")
    func convertTypes() throws {
        let folder = try scratchFolder()
        let input = try write(#"{"type":"FeatureCollection","bbox":[0,0,1,1],"features":[{"type":"Feature","id":12345678901234567890,"bbox":[0,0,1,1],"properties":{"real":5.0,"exp":1.0e3,"big":12345678901234567890,"near":9007199254740993,"i":7},"geometry":{"type":"Point","coordinates":[0.5,0.5]}}]}"#, "t.geojson", in: folder)
        let r = try borderkit(["convert", input])
        #expect(r.status == 0)
        let text = r.stdoutText
        for piece in [#""real":5.0"#, #""exp":1000.0"#, #""big":12345678901234567890"#, #""near":9007199254740993"#, #""i":7}"#,
                      #""id":12345678901234567890"#, #"{"type":"FeatureCollection","bbox":[0,0,1,1]"#, #""bbox":[0,0,1,1]}"#] {
            #expect(text.contains(piece), "\(piece) in \(text)")
        }
        if let ogrinfo = TestPaths.which("ogrinfo") {
            let converted = try write(text, "c.geojson", in: folder)
            let info = try run(ogrinfo, ["-al", "-so", converted]).stdoutText
            #expect(info.contains("real: Real") && info.contains("exp: Real") && info.contains("i: Integer"), "\(info)")
        }
    }

    @Test("CSV has one table per file: the main one to --output, the others beside it; on standard output the main one and a note")
    func csvTables() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("b.csv").path
        #expect(try borderkit(["borders", "-f", "csv", "-o", out]).status == 0)
        #expect(listing(folder) == ["b.csv", "b.tripoints.csv"])
        let pairs = try String(contentsOfFile: out, encoding: .utf8)
        #expect(pairs.hasPrefix("territory_a,territory_b,") && !pairs.contains("\r\n\r\n") && !pairs.contains("territories,lon,lat"))
        #expect(try String(contentsOfFile: folder.appendingPathComponent("b.tripoints.csv").path, encoding: .utf8).hasPrefix("territories,lon,lat\r\n"))
        let r = try borderkit(["borders", "-f", "csv"])
        #expect(r.status == 0 && !r.stdoutText.contains("territories,lon,lat") && r.stderrText.contains("give --output NAME.csv for the tripoints table"))
        let compare = try borderkit(["compare", "-f", "csv"])
        // The embedded data state their accuracy: each figure with the ends of its interval.
        #expect(compare.stdoutText.hasPrefix("group,route,measure,value,value_low,value_high\r\n") && !compare.stdoutText.contains("\r\n\r\n"))
    }
}
