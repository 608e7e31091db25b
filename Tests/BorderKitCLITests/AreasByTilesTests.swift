import Foundation
import Testing
import TestSupport

/// `areas --owner-extent` and `merge` (issue 20): the tiles' parts merge into the whole file's `areas` report,
/// byte for byte in JSON, Markdown and GeoJSON, with exclaves whose land link runs through other tiles.
struct AreasByTilesTests {
    /// Partitions `file` into `tiles`, runs `areas` on every non-empty tile and merges; expects the whole file's bytes.
    func check(_ file: String, id: String, tiles: Int) throws {
        let dir = try scratchFolder()
        let parts = dir.appendingPathComponent("parts").path
        let p = try borderkit(["partition", file, "--tiles", String(tiles), "-o", parts])
        #expect(p.status == 0, "\(p.stderrText)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: parts + "/manifest.json"))) as? [String: Any])
        var outputs: [String] = []
        for t in manifest["tiles"] as? [[String: Any]] ?? [] where (t["features"] as? Int ?? 0) > 0 {
            let out = dir.appendingPathComponent("\(t["file"] as! String).part.geojson").path
            let r = try borderkit(["areas", "--territories", parts + "/" + (t["file"] as! String), "--id-property", id,
                                   "--owner-extent", t["owner_extent"] as! String, "--label", manifest["input"] as! String, "-o", out])
            #expect(r.status == 0, "\(r.stderrText)")
            outputs.append(out)
        }
        for format in ["json", "md", "geojson"] {
            let merged = try borderkit(["merge"] + outputs + ["-f", format])
            #expect(merged.status == 0, "\(merged.stderrText)")
            let whole = try borderkit(["areas", "--territories", file, "--id-property", id, "-f", format])
            #expect(merged.stdout == whole.stdout, "\(tiles) tiles: merged \(format) differs from the whole file's")
        }
    }

    /// A strip west to east: A's main body, B (with C, an enclave, in a hole), A's exclave beyond B, D beyond it,
    /// and an island of A in the sea to the south; E across ±180° from F.
    static let strip: String = {
        func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
            "[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]"
        }
        let features = [
            #"{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"MultiPolygon","coordinates":[[\#(box(0, 0, 1, 1))],[\#(box(9, 0, 10, 1))],[\#(box(5, -3, 6, -2))]]}}"#,
            #"{"type":"Feature","properties":{"code":"B"},"geometry":{"type":"Polygon","coordinates":[\#(box(1, 0, 9, 1)),[[4,0.25],[4,0.75],[5,0.75],[5,0.25],[4,0.25]]]}}"#,
            #"{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[\#(box(4, 0.25, 5, 0.75))]}}"#,
            #"{"type":"Feature","properties":{"code":"D"},"geometry":{"type":"Polygon","coordinates":[\#(box(10, 0, 12, 1))]}}"#,
            #"{"type":"Feature","properties":{"code":"E"},"geometry":{"type":"Polygon","coordinates":[\#(box(170, 0, 180, 1))]}}"#,
            #"{"type":"Feature","properties":{"code":"F"},"geometry":{"type":"MultiPolygon","coordinates":[[\#(box(-180, 0, -170, 1))],[\#(box(-179, 5, -178, 6))]]}}"#,
        ]
        return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#
    }()

    @Test("a strip with an exclave linked through another territory, an enclave, islands and a pair across ±180°: the whole file's answer by hand; in 1 to 6 tiles, merged, the same bytes")
    func strip() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("strip.geojson")
        try Data(Self.strip.utf8).write(to: file)
        let whole = try borderkit(["areas", "--territories", file.path, "--id-property", "code", "-f", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: whole.stdout) as? [String: Any])
        // By hand: A's part at 9–10° reaches A's main body over land through B: an exclave; A's part at 5–6° S is
        // an island (detached); C lies in B's hole: an enclave of B; F's island is detached.
        let exclaves = (report["exclaves"] as? [[String: Any]] ?? []).map { "\($0["territory"]!) \($0["lon"]!)" }
        #expect(exclaves == ["A 9.5"], "\(exclaves)")
        let enclaves = (report["enclaves"] as? [[String: Any]] ?? []).map { "\($0["territory"]!) in \($0["surrounded_by"]!)" }
        #expect(enclaves == ["C in B"], "\(enclaves)")
        let detached = (report["detached_parts"] as? [[String: Any]] ?? []).map { "\($0["territory"]!)" }
        #expect(detached == ["A", "F"], "\(detached)")
        for tiles in 1...6 { try check(file.path, id: "code", tiles: tiles) }
    }

    @Test("a seeded 30 × 30 coverage in 1, 2, 7 and 16 tiles: merged, the whole file's areas report")
    func coverage() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("cells.geojson")
        try Data(PartitionCommandTests.coverage(30, seed: 21).utf8).write(to: file)
        for tiles in [1, 2, 7, 16] { try check(file.path, id: "code", tiles: tiles) }
    }

    @Test("the Natural Earth world in 7 tiles (Kaliningrad, Lesotho, Nakhchivan, islands, countries across ±180°): merged, the whole file's areas report",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func world() throws {
        try check(TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path, id: "ADM0_A3", tiles: 7)
    }

    @Test("a tile's areas refuse claims, control and --snap, and formats other than GeoJSON; merge refuses a mix of kinds")
    func refusals() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("strip.geojson")
        try Data(Self.strip.utf8).write(to: file)
        let out = dir.appendingPathComponent("part.geojson").path
        for extra in [["--snap", "5"], ["--claims", file.path], ["-f", "json"]] {
            let r = try borderkit(["areas", "--territories", file.path, "--id-property", "code", "--owner-extent", "-540,-91,540,91", "-o", out] + extra)
            #expect(r.status == 2 && (r.stderrText.contains("--owner-extent") || r.stderrText.contains("GeoJSON")), "\(extra): \(r.stderrText)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try borderkit(["areas", "--territories", file.path, "--id-property", "code", "--owner-extent", "-540,-91,540,91", "-o", out]).status == 0)
        let report = dir.appendingPathComponent("b.json").path
        #expect(try borderkit(["borders", "--territories", file.path, "--id-property", "code", "-o", report]).status == 0)
        let mixed = try borderkit(["merge", out, report])
        #expect(mixed.status == 2 && mixed.stderrText.contains("one kind at a time"), "\(mixed.stderrText)")
    }
}
