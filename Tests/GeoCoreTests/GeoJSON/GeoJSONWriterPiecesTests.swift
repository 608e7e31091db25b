import GeoCore
import Testing

/// A collection written a feature at a time (`convert` streams so) is the collection written whole.
@Suite struct GeoJSONWriterPiecesTests {
    @Test func piecesAreTheWhole() throws {
        let features = (0..<5_000).map { i in
            Feature(id: .integer(Int64(i)), geometry: .point(Point(Position(Double(i) / 100, 1.25))), properties: ["n": .integer(Int64(i))])
        }
        let collection = FeatureCollection(features, foreignMembers: ["name": .string("pts")])
        let writer = GeoJSONWriter()
        var streamed: [UInt8] = []
        writer.writeHead(of: FeatureCollection([], foreignMembers: collection.foreignMembers), to: &streamed)
        for (i, f) in features.enumerated() { writer.writeFeature(f, at: i, to: &streamed) }
        writer.writeTail(count: features.count, to: &streamed)
        #expect(streamed == writer.data(collection))
        var empty: [UInt8] = []
        writer.writeHead(of: FeatureCollection([]), to: &empty)
        writer.writeTail(count: 0, to: &empty)
        #expect(empty == writer.data(FeatureCollection([])))
    }
}
