import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit measure` end to end: formats, units, stdin, output files, determinism.
@Suite struct MeasureCommandTests {
    @Test("json: SI units, one row per feature, totals; numbers agree with the library")
    func json() throws {
        let r = try borderkit(["measure", fixture("shapes.geojson"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let rows = try #require(object["features"] as? [[String: Any]])
        #expect(rows.count == 4)
        let square = [Position(44, 40), Position(45, 40), Position(45, 41), Position(44, 41), Position(44, 40)]
        let expected = Geodesic.wgs84.ringAreaAndPerimeter(square)
        #expect(rows[0]["id"] as? String == "square")
        #expect(rows[0]["name"] as? String == "one-degree square")
        #expect(abs((rows[0]["area_m2"] as? Double ?? 0) - expected.area) < 1e-3)
        #expect(abs((rows[0]["perimeter_m"] as? Double ?? 0) - expected.perimeter) < 1e-6)
        #expect(rows[0]["length_m"] is NSNull)
        #expect(abs((rows[1]["length_m"] as? Double ?? 0) - Geodesic.wgs84.distance(Position(44, 40), Position(45, 40))) < 1e-6)
        #expect(rows[2]["geometry_type"] is NSNull)
        #expect((rows[3]["area_m2"] as? Double ?? 0) < (rows[0]["area_m2"] as? Double ?? 0))
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["features"] as? Int == 4)
        #expect(totals["invalid"] as? Int == 0)
    }

    @Test("md and csv: km and km² with 3 decimals, units in the column names")
    func tables() throws {
        let md = try borderkit(["measure", fixture("shapes.geojson")])
        #expect(md.status == 0)
        #expect(md.stdoutText.contains("| index | id | name | geometry_type | vertices | valid | invalid_reason | length_km | area_km2 | perimeter_km |"))
        // 85.393 km: GeographicLib Planimeter -l gives 85393.409 m for this line.
        #expect(md.stdoutText.contains("| 1 | 2 | parallel at 40° N | LineString | 2 | true |  | 85.393 |"))
        let csv = try borderkit(["measure", fixture("shapes.geojson"), "--format", "csv"])
        let lines = csv.stdoutText.split(separator: "\r\n")
        #expect(lines.first == "index,id,name,geometry_type,vertices,valid,invalid_reason,length_km,area_km2,perimeter_km")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("0,square,one-degree square,Polygon,5,true,,,"))
    }

    @Test("geojson: the input features with length_m, area_m2 and perimeter_m added")
    func geojson() throws {
        let r = try borderkit(["measure", fixture("shapes.geojson"), "--format", "geojson"])
        #expect(r.status == 0)
        let read = try GeoJSONReader(source: "out").read(Array(r.stdout))
        let features = read.features
        #expect(features.count == 4)
        #expect(features[0].properties?["rank"] == .integer(1))
        #expect(features[0].properties?["area_m2"]?.doubleValue ?? 0 > 9e9)
        #expect(features[1].properties?["length_m"] != nil)
        #expect(features[3].properties?["perimeter_m"] != nil)
    }

    @Test("stdin, and --output writes the same bytes; twice gives the same bytes")
    func stdinAndOutput() throws {
        let folder = try scratchFolder()
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("shapes.geojson")))
        let fromStdin = try borderkit(["measure", "-", "--format", "json"], input: data)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdoutText.contains(#""source":"<stdin>""#))
        let out = folder.appendingPathComponent("m.csv").path
        let written = try borderkit(["measure", fixture("shapes.geojson"), "--format", "csv", "--output", out])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let again = try borderkit(["measure", fixture("shapes.geojson"), "--format", "csv"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == again.stdout)
        #expect(listing(folder) == ["m.csv"])
    }
}
