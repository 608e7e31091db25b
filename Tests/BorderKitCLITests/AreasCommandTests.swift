import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit areas` end to end on the embedded data.
@Suite struct AreasCommandTests {
    @Test("--at 2021-01-01 and --at 2024-06-01 give different tables of who holds what")
    func dates() throws {
        let a = try borderkit(["areas", "--at", "2021-01-01", "--format", "csv"])
        let b = try borderkit(["areas", "--at", "2024-06-01", "--format", "csv"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderrText)\(b.stderrText)")
        #expect(a.stdoutText != b.stdoutText)
        #expect(a.stdoutText.contains("Russian peacekeeping contingent") && !b.stdoutText.contains("Russian peacekeeping contingent"))
        let bad = try borderkit(["areas", "--at", "2021-13-01"])
        #expect(bad.status != 0 && bad.stderrText.contains("not an ISO 8601 date"))
    }

    @Test("GeoJSON: area pieces with territory, claimants, holder and area; enclave and exclave points")
    func geojson() throws {
        let r = try borderkit(["areas", "--at", "2010-01-01", "--format", "geojson"])
        #expect(r.status == 0)
        let features = try GeoJSONReader(source: "out").read(Array(r.stdout)).features
        let kinds = Set(features.compactMap { $0.properties?["kind"]?.stringValue })
        #expect(kinds == ["area_piece", "enclave", "exclave"])
        #expect(features.contains { $0.properties?["holder"]?.stringValue?.hasPrefix("Armenian forces") == true })
        let again = try borderkit(["areas", "--at", "2010-01-01", "--format", "geojson"])
        #expect(again.stdout == r.stdout)
    }
}
