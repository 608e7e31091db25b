import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit validate` end to end: exit codes, reasons and locations, repair.
@Suite struct ValidateCommandTests {
    @Test("valid input: exit 0")
    func valid() throws {
        let r = try borderkit(["validate", fixture("shapes.geojson")])
        #expect(r.status == 0)
        #expect(r.stdoutText.contains("3 geometries checked"))
        #expect(r.stdoutText.contains(", 0 invalid."))
    }

    @Test("an invalid geometry: exit 1, feature, reason and location; GEOS prints nothing")
    func invalid() throws {
        let r = try borderkit(["validate", fixture("shapes.geojson"), fixture("bowtie.geojson"), "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty, "\(r.stderrText)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(object["checked"] as? Int == 5)
        let bad = try #require((object["features"] as? [[String: Any]])?.first)
        #expect(bad["index"] as? Int == 1)
        #expect(bad["id"] as? String == "bowtie")
        #expect(bad["name"] as? String == "self-crossing ring")
        #expect(bad["pointer"] as? String == "/features/1")
        #expect(bad["reason"] as? String == "Self-intersection")
        let location = try #require(bad["location"] as? [Double])
        #expect(abs(location[0] - 45.05) < 1e-9 && abs(location[1] - 40.05) < 1e-9)
    }

    @Test("--repair writes repaired GeoJSON and says what changed")
    func repair() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("fixed.geojson").path
        let r = try borderkit(["validate", fixture("bowtie.geojson"), "--repair", "--output", out])
        #expect(r.status == 0, "\(r.stdoutText)\(r.stderrText)")
        #expect(r.stdoutText.contains("| 1 | bowtie | Self-intersection | Polygon | MultiPolygon |"))
        let fixed = try GeoJSONReader.read(path: out)
        #expect(fixed.features.count == 2)
        #expect(try fixed.features.allSatisfy { try $0.geometry?.isValid() == true })
        #expect(fixed.features[0] == (try GeoJSONReader.read(path: fixture("bowtie.geojson"))).features[0])
        let area = Geodesic.wgs84.area(of: fixed.features[1].geometry!)
        #expect(area > 0)
        let check = try borderkit(["validate", out])
        #expect(check.status == 0)
    }
}
