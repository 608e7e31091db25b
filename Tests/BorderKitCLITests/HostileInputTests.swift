import Foundation
import GeoCore
import Testing
import TestSupport

/// The hostile-input corpus (Tests/BorderKitCLITests/Hostile, made by Tools/hostile/make_corpus.py): every
/// command that reads GeoJSON runs on every file; none crashes, none takes more than 10 s, a failure is exit 2
/// with the file named and leaves no output file; `measure` gives the outcome the manifest expects.
/// (The 10^6-vertex ring is checked by Tools/hostile/check.sh against the release build: the debug build the
/// tests use is ten times slower.)
@Suite struct HostileInputTests {
    struct Case: Decodable, Sendable { var file: String; var measure: String }

    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/BorderKitCLITests/Hostile")
    static let cases: [Case] = {
        let data = (try? Data(contentsOf: folder.appendingPathComponent("expected.json"))) ?? Data("[]".utf8)
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test("the corpus has at least 100 files")
    func size() { #expect(Self.cases.count >= 100) }

    @Test("measure gives the expected outcome for every file")
    func measure() throws {
        for c in Self.cases {
            let path = Self.folder.appendingPathComponent(c.file).path
            let r = try borderkit(["measure", path, "--format", "json"])
            switch c.measure {
            case "ok", "invalid":
                #expect(r.status == 0, "\(c.file): \(r.stderrText)")
                guard r.status == 0, let o = try? JSONSerialization.jsonObject(with: r.stdout) as? [String: Any],
                      let totals = o["totals"] as? [String: Any], let invalid = totals["invalid"] as? Int else { continue }
                #expect((invalid > 0) == (c.measure == "invalid"), "\(c.file): \(invalid) invalid")
                // Measures are never negative, whatever the input (a fuzzing finding: a hole larger than its shell).
                for row in (o["features"] as? [[String: Any]]) ?? [] {
                    for key in ["length_m", "area_m2", "perimeter_m"] {
                        if let v = row[key] as? Double { #expect(v >= 0 && v.isFinite, "\(c.file): \(key) = \(v)") }
                    }
                }
            default:
                let reason = String(c.measure.dropFirst("error:".count))
                #expect(r.status == 2, "\(c.file): exit \(r.status)")
                #expect(r.stderrText.hasPrefix("borderkit: error: \(path)"), "\(c.file): \(r.stderrText)")
                #expect(r.stderrText.contains(reason), "\(c.file): \(r.stderrText)")
                #expect(r.stdout.isEmpty)
            }
        }
    }

    @Test("every command on every file: exit 0, 1 or 2, within 10 s, no output file left behind on failure",
          arguments: cases.map(\.file))
    func everyCommand(_ file: String) throws {
        let out = try scratchFolder()
        let path = Self.folder.appendingPathComponent(file).path
        let target = out.appendingPathComponent("out.json").path
        for args in [["measure", path, "-o", target], ["validate", path], ["borders", "--territories", path, "-o", target],
                     ["areas", "--territories", path, "--claims", path, "-o", target], ["route", "--routes", path, "-o", target],
                     ["diff", path, path, "-o", target], ["convert", path, "-o", target],
                     ["map", "--territories", path, "--routes", path, "-o", target]] {
            let started = Date()
            let r = try borderkit(args)
            let seconds = Date().timeIntervalSince(started)
            #expect([0, 1, 2].contains(r.status), "\(args): exit \(r.status) \(r.stderrText.prefix(300))")
            #expect(seconds < 10, "\(args): \(seconds) s")
            if r.status == 2 {
                #expect(r.stderrText.hasPrefix("borderkit: ") && !r.stderrText.contains("Fatal error"), "\(args): \(r.stderrText.prefix(300))")
                #expect(!FileManager.default.fileExists(atPath: target), "\(args) left \(target)")
            }
            try? FileManager.default.removeItem(atPath: target)
            #expect(listing(out).isEmpty, "\(args) left \(listing(out))")
        }
    }
}
