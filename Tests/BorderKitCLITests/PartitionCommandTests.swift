import Foundation
import Testing
import TestSupport

/// `partition`, `borders --owner-extent` and `merge` (issue 20): run tile by tile, the tiles report every pair,
/// point contact and tripoint of the whole file exactly once, with the very numbers the whole file gives, and
/// merged they are the whole file's JSON and GeoJSON byte for byte.
struct PartitionCommandTests {
    /// A seeded coverage of jittered grid cells (neighbours share vertices), `n` × `n`, with ids "C<i>".
    static func coverage(_ n: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var nodes: [[(Double, Double)]] = []
        for i in 0...n {
            nodes.append((0...n).map { j in
                let dx = i == 0 || i == n ? 0 : Double(Int.random(in: -3000...3000, using: &rng)) / 10_000
                let dy = j == 0 || j == n ? 0 : Double(Int.random(in: -3000...3000, using: &rng)) / 10_000
                return (10 + Double(i) + dx, 40 + Double(j) * 0.5 + dy * 0.5)
            })
        }
        var features: [String] = []
        for i in 0..<n { for j in 0..<n {
            let ring = [nodes[i][j], nodes[i + 1][j], nodes[i + 1][j + 1], nodes[i][j + 1], nodes[i][j]]
            let coords = ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
            features.append(#"{"type":"Feature","properties":{"code":"C\#(i * n + j)"},"geometry":{"type":"Polygon","coordinates":[[\#(coords)]]}}"#)
        } }
        return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#
    }

    /// The pairs, point contacts and tripoints of a borders JSON report, each as canonical JSON text.
    func results(_ data: Data) throws -> [String: [String]] {
        let o = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var out: [String: [String]] = [:]
        for key in ["pairs", "point_contacts", "tripoints"] {
            out[key] = try (o[key] as? [Any] ?? []).map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
        }
        out["warnings"] = o["warnings"] as? [String] ?? []
        out["source"] = [o["source"] as? String ?? ""]
        return out
    }

    func check(_ file: String, id: String, tiles: Int) throws {
        let dir = try scratchFolder()
        let parts = dir.appendingPathComponent("parts").path
        let p = try borderkit(["partition", file, "--tiles", String(tiles), "-o", parts])
        #expect(p.status == 0, "\(p.stderrText)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: parts + "/manifest.json"))) as? [String: Any])
        let list = manifest["tiles"] as? [[String: Any]] ?? []
        #expect(list.count == tiles)
        let whole = try borderkit(["borders", "--territories", file, "--id-property", id, "-f", "json"])
        let expected = try results(whole.stdout)
        var got: [String: [String]] = [:]
        var outputs: [String: [String]] = [:]
        for t in list where (t["features"] as? Int ?? 0) > 0 {
            let tile = parts + "/" + (t["file"] as! String)
            for format in ["json", "geojson"] {
                let out = dir.appendingPathComponent("\(t["file"] as! String).\(format)").path
                let r = try borderkit(["borders", "--territories", tile, "--id-property", id, "--owner-extent", t["owner_extent"] as! String,
                                       "--label", manifest["input"] as! String, "-f", format, "-o", out])
                #expect(r.status == 0, "\(r.stderrText)")
                outputs[format, default: []].append(out)
                if format == "json" { for (k, v) in try results(Data(contentsOf: URL(fileURLWithPath: out))) { got[k, default: []] += v } }
            }
        }
        // Merged, the tiles' outputs are the whole file's, byte for byte.
        for format in ["json", "geojson"] {
            let merged = try borderkit(["merge"] + outputs[format]!)
            #expect(merged.status == 0, "\(merged.stderrText)")
            let wholeOutput = try borderkit(["borders", "--territories", file, "--id-property", id, "-f", format])
            #expect(merged.stdout == wholeOutput.stdout, "\(tiles) tiles: merged \(format) differs from the whole file's")
        }
        for key in ["pairs", "point_contacts", "tripoints"] {
            #expect(got[key]?.count == expected[key]?.count, "\(tiles) tiles: \(key) reported once each")
            #expect(got[key]?.sorted() == expected[key]?.sorted(), "\(tiles) tiles: \(key) the same, to the last bit")
        }
        // Labelled with the whole file and naming its features, the tiles warn as the whole file does.
        #expect(Set(got["warnings"] ?? []) == Set(expected["warnings"] ?? []), "\(got["warnings"] ?? [])")
        #expect(Set(got["source"] ?? []) == Set(expected["source"] ?? []))
    }

    @Test("a seeded 30 × 30 coverage in 1, 2, 7 and 16 tiles: every pair and tripoint once, the whole file's numbers; merged, the whole file's bytes")
    func coverage() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("cells.geojson")
        try Data(Self.coverage(30, seed: 20).utf8).write(to: file)
        for tiles in [1, 2, 7, 16] { try check(file.path, id: "code", tiles: tiles) }
    }

    @Test("the Natural Earth world in 7 tiles (countries across ±180°, islands, Egypt's invalid ring, warned of as the whole file warns); merged, the whole file's bytes",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func world() throws {
        try check(TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path, id: "ADM0_A3", tiles: 7)
    }

    @Test("squares across ±180°, one split at 180° (tripoints on it): in 1 to 5 tiles, the pairs across the antimeridian once each; merged, the whole file's bytes")
    func antimeridian() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("antimeridian.geojson")
        let squares: [(String, Double, Double, Double, Double)] = [
            ("A", 170, 0, 180, 1), ("B", -180, 0, -170, 1), ("C", -170, 0, -160, 1), ("D", 160, 0, 170, 1),
            ("F", -175, 1, -165, 2), ("G", 165, 1, 175, 2),
        ]
        func ring(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String { "[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]" }
        var features = squares.map { c, w, s, e, n in
            #"{"type":"Feature","properties":{"code":"\#(c)"},"geometry":{"type":"Polygon","coordinates":\#(ring(w, s, e, n))}}"#
        }
        // E is split at 180° (RFC 7946 §3.1.9): its envelope is the whole turn.
        features.append(#"{"type":"Feature","properties":{"code":"E"},"geometry":{"type":"MultiPolygon","coordinates":[\#(ring(175, 1, 180, 2)),\#(ring(-180, 1, -175, 2))]}}"#)
        try Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ",\n"))]}"#.utf8).write(to: file)
        let whole = try results(try borderkit(["borders", "--territories", file.path, "--id-property", "code", "-f", "json"]).stdout)
        // The pairs that meet only across ±180°, and the tripoint on it, are there to be lost.
        #expect(whole["pairs"]?.contains { $0.contains(#"["A","B"]"#) } == true)
        #expect(whole["pairs"]?.contains { $0.contains(#"["B","E"]"#) } == true)
        #expect(whole["tripoints"]?.contains { $0.contains(#""territories":["A","B","E"]"#) } == true, "\(whole["tripoints"] ?? [])")
        for tiles in 1...5 { try check(file.path, id: "code", tiles: tiles) }
    }

    @Test("merge refuses reports of different runs and a mix of JSON and GeoJSON, naming the files; writes nothing")
    func mergeRefuses() throws {
        let dir = try scratchFolder()
        let cells = dir.appendingPathComponent("cells.geojson")
        try Data(Self.coverage(3, seed: 5).utf8).write(to: cells)
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path, g = dir.appendingPathComponent("g.geojson").path
        #expect(try borderkit(["borders", "--territories", cells.path, "--id-property", "code", "-o", a]).status == 0)
        #expect(try borderkit(["borders", "-o", b]).status == 0)
        #expect(try borderkit(["borders", "-f", "geojson", "-o", g]).status == 0)
        let out = dir.appendingPathComponent("m.json").path
        let runs = try borderkit(["merge", a, b, "-o", out])
        #expect(runs.status == 2 && runs.stderrText.contains(b) && runs.stderrText.contains("different runs"), "\(runs.stderrText)")
        let snapped = try borderkit(["borders", "--territories", cells.path, "--id-property", "code", "--owner-extent", "-540,-91,540,91", "--snap", "5"])
        #expect(snapped.status == 2 && snapped.stderrText.contains("--snap"), "\(snapped.stderrText)")
        let kinds = try borderkit(["merge", a, g, "-o", out])
        #expect(kinds.status == 2 && kinds.stderrText.contains("one kind at a time"), "\(kinds.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("tiles hold the features bit for bit; more tiles than features leaves tiles empty; a folder that is not a partition is not replaced")
    func files() throws {
        let dir = try scratchFolder()
        let file = dir.appendingPathComponent("cells.geojson")
        try Data(Self.coverage(2, seed: 3).utf8).write(to: file)
        let parts = dir.appendingPathComponent("parts").path
        #expect(try borderkit(["partition", file.path, "--tiles", "9", "-o", parts]).status == 0)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: parts + "/manifest.json"))) as? [String: Any])
        let tiles = manifest["tiles"] as? [[String: Any]] ?? []
        #expect(tiles.count == 9 && tiles.contains { ($0["features"] as? Int) == 0 })
        // Each record is the file's feature at its borderkit_index, every member and number as read.
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let original = whole["features"] as? [[String: Any]] ?? []
        var seen = Set<Int>()
        for t in tiles {
            let text = try String(contentsOfFile: parts + "/" + (t["file"] as! String), encoding: .utf8)
            for line in text.split(separator: "\n") {
                var record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let index = try #require(record.removeValue(forKey: "borderkit_index") as? Int)
                #expect(NSDictionary(dictionary: record) == NSDictionary(dictionary: original[index]))
                seen.insert(index)
            }
        }
        #expect(seen == Set(original.indices))
        let other = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let r = try borderkit(["partition", file.path, "--tiles", "2", "-o", other.path])
        #expect(r.status == 2)
        #expect(listing(other) == ["notes.txt"])
    }
}
