import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit borders` end to end on the embedded data.
@Suite struct BordersCommandTests {
    @Test("Markdown: the Armenia–Azerbaijan row shows the delimited 12.7 km and the undelimited rest, each with its interval")
    func markdown() throws {
        let r = try borderkit(["borders"])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.contains("| territory_a | territory_b | segments | length_km | delimited_km | undelimited_km |"))
        let row = try #require(r.stdoutText.split(separator: "\n").first { $0.hasPrefix("| armenia | azerbaijan |") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // Printed to the digits the embedded data's accuracy supports: "13 (7–17)" for the delimited 12.7 km.
        #expect(cells[4].hasPrefix("13 ("), "\(row)")
        #expect(r.stdoutText.contains("## Tripoints"))
        let json = try borderkit(["borders", "--format", "json", "--pair", "armenia,azerbaijan"])
        let pair = try #require(((try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])?["pairs"] as? [[String: Any]])?.first)
        let byStatus = try #require(pair["by_status"] as? [String: Double])
        #expect(abs(byStatus["delimited"]! - 12_700) < 50)
        #expect(abs((pair["length_m"] as! Double) - byStatus["delimited"]! - byStatus["undelimited"]!) < 0.002)
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
