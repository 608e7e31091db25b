import Foundation
import Testing
import TestSupport

/// `borderkit data`, and commands run with no input on the embedded GeoData.
@Suite struct DataCommandTests {
    @Test("data lists every layer with its feature count and provenance; show prints one")
    func list() throws {
        let r = try borderkit(["data", "--format", "json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let sets = try #require(object["datasets"] as? [[String: Any]])
        #expect(sets.map { $0["name"] as? String ?? "" } == ["border-status", "claims", "control", "places", "routes", "territories"])
        for d in sets {
            #expect((d["features"] as? Int ?? 0) > 0)
            let provenance = try #require(d["provenance"] as? [String: Any])
            #expect(provenance["source"] is String && provenance["licence"] is String && provenance["accuracy"] is String)
        }
        let show = try borderkit(["data", "show", "territories"])
        #expect(show.status == 0 && show.stdoutText.contains("**licence**: LGPL-3.0-or-later"))
        let unknown = try borderkit(["data", "show", "nothing"])
        #expect(unknown.status == 2 && unknown.stderrText.contains("no dataset \"nothing\""))
    }

    @Test("with no input, measure reads the embedded territories and validate checks every layer")
    func defaults() throws {
        let folder = try scratchFolder()   // run from elsewhere: GeoData is found from the executable
        let m = try borderkit(["measure", "--format", "csv"], in: folder)
        #expect(m.status == 0, "\(m.stderrText)")
        #expect(m.stdoutText.contains(",armenia,Armenia,MultiPolygon,"))
        let v = try borderkit(["validate"], in: folder)
        #expect(v.status == 0)
        #expect(v.stdoutText.contains("0 invalid"))
    }

    @Test("BORDERKIT_GEODATA: a folder without the data, or a damaged file, is a clear error")
    func damaged() throws {
        let empty = try scratchFolder()
        let missing = try runWithEnvironment(["BORDERKIT_GEODATA": empty.path], ["measure"])
        #expect(missing.status == 2)
        #expect(missing.stderrText.contains("GeoData layer \"territories\" is missing"))
        let damaged = try scratchFolder()
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature""#.utf8)
            .write(to: damaged.appendingPathComponent("territories.geojson"))
        let broken = try runWithEnvironment(["BORDERKIT_GEODATA": damaged.path], ["measure"])
        #expect(broken.status == 2)
        #expect(broken.stderrText.contains("territories.geojson:1:") && broken.stderrText.contains("invalid JSON"))
        let notFolder = try runWithEnvironment(["BORDERKIT_GEODATA": "/nonexistent"], ["data"])
        #expect(notFolder.status == 2 && notFolder.stderrText.contains("is not a folder"))
    }

    func runWithEnvironment(_ environment: [String: String], _ arguments: [String]) throws -> RunResult {
        var args = ["-i"]
        for (k, v) in ProcessInfo.processInfo.environment where k == "PATH" || k == "HOME" { args.append("\(k)=\(v)") }
        for (k, v) in environment { args.append("\(k)=\(v)") }
        return try run("/usr/bin/env", args + [TestPaths.borderkit.path] + arguments)
    }
}
