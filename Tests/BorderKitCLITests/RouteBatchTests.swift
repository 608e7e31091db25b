import Foundation
import Testing
import TestSupport

/// `route --batch k/n` and `merge` (issue 20): the batches of a routes file, merged in their order, are the output
/// of all the routes byte for byte.
struct RouteBatchTests {
    @Test("the embedded routes in 1 to 8 batches (more batches than routes leaves some empty): merged JSON and GeoJSON are the whole run's bytes")
    func batches() throws {
        let dir = try scratchFolder()
        for format in ["json", "geojson"] {
            let whole = try borderkit(["route", "-f", format])
            #expect(whole.status == 0, "\(whole.stderrText)")
            for n in [1, 2, 3, 8] {
                var files: [String] = []
                var routes = 0
                for k in 1...n {
                    let out = dir.appendingPathComponent("batch-\(k)-of-\(n).\(format)").path
                    let r = try borderkit(["route", "--batch", "\(k)/\(n)", "-f", format, "-o", out])
                    #expect(r.status == 0, "\(r.stderrText)")
                    if format == "json", let o = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any] {
                        routes += (o["routes"] as? [Any])?.count ?? 0
                    }
                    files.append(out)
                }
                let merged = try borderkit(["merge"] + files)
                #expect(merged.status == 0, "\(merged.stderrText)")
                #expect(merged.stdout == whole.stdout, "\(n) batches: merged \(format) differs from the whole run's")
                if format == "json" {
                    let all = try #require(try JSONSerialization.jsonObject(with: whole.stdout) as? [String: Any])
                    #expect(routes == (all["routes"] as? [Any])?.count, "every route in exactly one batch")
                }
            }
        }
    }

    @Test("compare --batch over the embedded named groups in 1 to 4 batches: merged, the whole comparison's JSON; with names or Markdown it refuses")
    func compareBatches() throws {
        let dir = try scratchFolder()
        let whole = try borderkit(["compare", "-f", "json"])
        #expect(whole.status == 0, "\(whole.stderrText)")
        for n in 1...4 {
            var files: [String] = []
            for k in 1...n {
                let out = dir.appendingPathComponent("compare-\(k)-of-\(n).json").path
                let r = try borderkit(["compare", "--batch", "\(k)/\(n)", "-f", "json", "-o", out])
                #expect(r.status == 0, "\(r.stderrText)")
                files.append(out)
            }
            let merged = try borderkit(["merge"] + files)
            #expect(merged.status == 0, "\(merged.stderrText)")
            #expect(merged.stdout == whole.stdout, "\(n) batches: merged comparison differs from the whole run's")
        }
        let named = try borderkit(["compare", "TRIPP", "--batch", "1/2", "-f", "json"])
        #expect(named.status == 2 && named.stderrText.contains("route --batch"), "\(named.stderrText)")
        let markdown = try borderkit(["compare", "--batch", "1/2"])
        #expect(markdown.status == 2 && markdown.stderrText.contains("-f json"), "\(markdown.stderrText)")
    }

    @Test("--batch refuses 0/3, 4/3 and words; merge refuses batches measured with other options, writing nothing")
    func refusals() throws {
        for bad in ["0/3", "4/3", "one/two", "3"] {
            let r = try borderkit(["route", "--batch", bad, "-f", "json"])
            #expect(r.status == 2 && r.stderrText.contains("--batch"), "\(bad): \(r.stderrText)")
        }
        let dir = try scratchFolder()
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try borderkit(["route", "--batch", "1/2", "-f", "json", "-o", a]).status == 0)
        #expect(try borderkit(["route", "--batch", "2/2", "--step", "2", "-f", "json", "-o", b]).status == 0)
        let out = dir.appendingPathComponent("m.json").path
        let r = try borderkit(["merge", a, b, "-o", out])
        #expect(r.status == 2 && r.stderrText.contains("step_m") && r.stderrText.contains("different runs"), "\(r.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
