import BorderKit
import GeoCore
import Testing

/// `Validation`: invalid features found with name and pointer; repair leaves valid ones alone.
@Suite struct ValidationTests {
    let bowtie = Geometry.polygon(Polygon([[Position(0, 0), Position(1, 1), Position(1, 0), Position(0, 1), Position(0, 0)]]))
    let square = Geometry.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1), Position(0, 0)]]))

    @Test("check names the feature, its pointer, reason and location")
    func check() throws {
        let collection = GeoJSON.featureCollection(FeatureCollection([
            Feature(geometry: square), Feature(geometry: nil), Feature(id: .integer(9), geometry: bowtie, properties: ["name": .string("B")]),
        ]))
        let results = try Validation.check(collection)
        #expect(results.count == 2)
        let bad = try #require(results.first { !$0.validity.isValid })
        #expect(bad.index == 2 && bad.pointer == "/features/2" && bad.name == "B" && bad.id == .integer(9))
        #expect(bad.validity.reason == "Self-intersection" && bad.validity.location == Position(0.5, 0.5))
    }

    @Test("repair: the bow-tie becomes two triangles with the area of both loops; valid features untouched")
    func repair() throws {
        let repaired = try Validation.repair([Feature(geometry: square), Feature(geometry: bowtie)])
        let features = repaired.features, repairs = repaired.repairs
        #expect(features[0].geometry == square)
        #expect(repairs.count == 1)
        #expect(repairs[0].typeAfter == .multiPolygon)
        // The two loops wind opposite ways, so measured as one ring their areas cancel; repaired, they add up.
        #expect(repairs[0].areaBefore < 1e6)
        let half = Geodesic.wgs84.area(of: square) / 2
        #expect(abs(repairs[0].areaAfter - half) / half < 1e-3)
    }
}
