import Foundation
import Testing
import TestSupport

/// `borderkit route` and `borderkit compare` end to end on the embedded data.
@Suite struct RouteCommandTests {
    @Test("one route, every name: \"Zangezur corridor\", \"TRIPP\" and \"syunik route\" give the same bytes")
    func names() throws {
        let a = try borderkit(["route", "Zangezur corridor", "--format", "json"])
        let b = try borderkit(["route", "TRIPP", "--format", "json"])
        let c = try borderkit(["route", "syunik route", "--format", "json"])
        #expect(a.status == 0, "\(a.stderrText)")
        #expect(a.stdout == b.stdout && b.stdout == c.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: a.stdout) as? [String: Any])
        let route = try #require((object["routes"] as? [[String: Any]])?.first)
        #expect(route["id"] as? String == "syunik-route")
        let jurisdictions = try #require(route["jurisdictions"] as? [[String: Any]])
        let armenia = jurisdictions.first { $0["id"] as? String == "armenia" }?["length_m"] as? Double ?? 0
        #expect((40_000...47_000).contains(armenia))
        #expect(route["corridor"] is [String: Any] && route["nearest_border"] is [String: Any])
        let unknown = try borderkit(["route", "Atlantis"])
        #expect(unknown.status == 2 && unknown.stderrText.contains("known routes: syunik-route"))
    }

    @Test("GeoJSON: route pieces, crossings and the corridor; the same bytes with one worker")
    func geojson() throws {
        let a = try borderkit(["route", "--format", "geojson", "--profile"])
        let b = try borderkit(["route", "--format", "geojson", "--profile", "--workers", "1"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let text = a.stdoutText
        for kind in ["route_piece", "crossing", "corridor", "profile_point"] { #expect(text.contains("\"kind\":\"\(kind)\"")) }
    }

    @Test("compare with no names prints the three groups, the 2022 Lachin road beside the old one")
    func compare() throws {
        let r = try borderkit(["compare"])
        #expect(r.status == 0, "\(r.stderrText)")
        for heading in ["## Nakhchivan links", "## Armenia–Karabakh road", "## Rail to Iran"] { #expect(r.stdoutText.contains(heading)) }
        #expect(r.stdoutText.contains("| measure | syunik-route | road-aras-via-iran | rail-kars-nakhchivan |"))
        #expect(r.stdoutText.contains("| measure | road-lachin-corridor | road-lachin-bypass-2022 |"))
        #expect(!r.stdoutText.contains("Not in the data"))
        #expect(r.stdoutText.contains("azerbaijan → iran → azerbaijan"))
    }
}
