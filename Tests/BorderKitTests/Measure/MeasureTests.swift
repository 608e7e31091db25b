import BorderKit
import GeoCore
import Testing

/// `Measure.run`: which measures apply to which geometry, and the totals.
@Suite struct MeasureTests {
    @Test("lines get a length, polygons an area and perimeter, collections both, no geometry nothing")
    func applicability() throws {
        let square = Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1), Position(0, 0)]])
        let line = LineString([Position(0, 0), Position(0, 1)])
        let features = [
            Feature(id: .integer(1), geometry: .polygon(square)),
            Feature(id: .string("l"), geometry: .lineString(line)),
            Feature(geometry: .geometryCollection(GeometryCollection([.polygon(square), .lineString(line), .point(Point(0, 0))]))),
            Feature(geometry: nil),
            Feature(geometry: .point(Point(5, 5))),
        ]
        let report = try Measure.run(features, source: "t")
        let g = Geodesic.wgs84
        let measured = g.ringAreaAndPerimeter(square.rings[0])
        let area = measured.area, perimeter = measured.perimeter
        let length = g.distance(Position(0, 0), Position(0, 1))
        #expect(report.features[0].area == area && report.features[0].perimeter == perimeter && report.features[0].length == nil)
        #expect(report.features[1].length == length && report.features[1].area == nil)
        #expect(report.features[2].area == area && report.features[2].length == length)
        #expect(report.features[3].geometryType == nil && report.features[3].validity == nil)
        #expect(report.features[4].length == nil && report.features[4].area == nil && report.features[4].vertexCount == 1)
        #expect(report.totalArea == 2 * area)
        #expect(report.totalLength == 2 * length)
        // A 1° × 1° cell at the equator: 12,308.778 km² (GeographicLib Planimeter: 12308778361.469 m²).
        #expect(abs(area - 12_308_778_361.469) < 1)
    }
}
