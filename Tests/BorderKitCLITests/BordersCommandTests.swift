import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit borders` end to end on the embedded data.
@Suite struct BordersCommandTests {
    @Test("Markdown: the Armenia–Azerbaijan row shows the delimited 12.7 km and the undelimited rest")
    func markdown() throws {
        let r = try borderkit(["borders"])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.contains("| territory_a | territory_b | segments | length_km | delimited_km | undelimited_km |"))
        let row = try #require(r.stdoutText.split(separator: "\n").first { $0.hasPrefix("| armenia | azerbaijan |") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(abs(Double(cells[4])! - 12.7) < 0.05)
        #expect(abs(Double(cells[3])! - Double(cells[4])! - Double(cells[5])!) < 0.002)
        #expect(r.stdoutText.contains("## Tripoints"))
    }

    @Test("GeoJSON: border segments and tripoints; the same bytes twice and with one or two workers")
    func geojson() throws {
        let a = try borderkit(["borders", "--format", "geojson"])
        let b = try borderkit(["borders", "--format", "geojson", "--workers", "1"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let features = try GeoJSONReader(source: "out").read(Array(a.stdout)).features
        let segments = features.filter { $0.properties?["kind"] == .string("border_segment") }
        let tripoints = features.filter { $0.properties?["kind"] == .string("tripoint") }
        #expect(segments.count == 24 && tripoints.count == 9)
        let delimited = try #require(segments.first { $0.properties?["status"] == .string("delimited") })
        #expect(delimited.properties?["territories"] == .array([.string("armenia"), .string("azerbaijan")]))
        #expect(delimited.properties?["names"] == .array([.string("Armenia"), .string("Azerbaijan")]))
        #expect(delimited.properties?["length_m"]?.doubleValue ?? 0 > 12_000)
    }

    @Test("--pair restricts the pairs; an unknown id is a clear error")
    func pair() throws {
        let r = try borderkit(["borders", "--pair", "iran,armenia", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((object["pairs"] as? [[String: Any]])?.count == 1)
        let bad = try borderkit(["borders", "--pair", "armenia,atlantis"])
        #expect(bad.status == 2 && bad.stderrText.contains("no territory \"atlantis\""))
    }
}
