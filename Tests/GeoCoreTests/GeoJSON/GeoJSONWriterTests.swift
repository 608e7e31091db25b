import GeoCore
import Testing

/// The writer: RFC 7946 winding, 7 decimals, stable member order, integers kept; read → write → read.
@Suite struct GeoJSONWriterTests {
    func read(_ text: String) throws -> GeoJSON { try GeoJSONReader(source: "t").read(Array(text.utf8)) }
    func write(_ g: GeoJSON, decimals: Int = 7) -> String { String(decoding: GeoJSONWriter(decimals: decimals).data(g), as: UTF8.self) }

    @Test("exterior rings come out counter-clockwise and holes clockwise")
    func winding() throws {
        // Exterior clockwise, hole counter-clockwise: both reversed on output.
        let text = #"{"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]]}"#
        let out = write(try read(text))
        #expect(out == #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}"# + "\n")
        // Already right: unchanged.
        #expect(write(try read(out)) == out)
    }

    @Test("at most 7 decimals, rounded, trailing zeros dropped, no exponent, no -0")
    func precision() throws {
        let text = #"{"type":"LineString","coordinates":[[44.123456789,40.10000000],[-0.00000001,1e-3],[45,-90],[179.99999999,0.00000005]]}"#
        #expect(write(try read(text)) == #"{"type":"LineString","coordinates":[[44.1234568,40.1],[0,0.001],[45,-90],[180,0.0000001]]}"# + "\n")
        #expect(JSONNumberFormat.fixed(-12.5, decimals: 0) == "-13")
        #expect(JSONNumberFormat.fixed(0.1 + 0.2, decimals: 7) == "0.3")
        #expect(JSONNumberFormat.fixedPadded(1.5, decimals: 3) == "1.500")
    }

    @Test("features: members in a fixed order, properties in theirs, integers stay integers, crs dropped")
    func members() throws {
        let text = #"{"crs":{"type":"name"},"name":"x","features":[{"geometry":null,"properties":{"z":1,"a":2.5,"n":null,"s":"Xankəndi \"q\"","big":12345678901234,"arr":[1,{"k":true}]},"id":7,"type":"Feature","title":"t"}],"type":"FeatureCollection"}"#
        let out = write(try read(text))
        #expect(out == """
            {"type":"FeatureCollection","name":"x","features":[
            {"type":"Feature","id":7,"properties":{"z":1,"a":2.5,"n":null,"s":"Xankəndi \\"q\\"","big":12345678901234,"arr":[1,{"k":true}]},"geometry":null,"title":"t"}
            ]}

            """)
    }

    @Test("read → write → read gives the same geometry (at 7 decimals)")
    func roundTrip() throws {
        let text = #"""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"a","properties":{"k":1},"geometry":{"type":"MultiPolygon","coordinates":[[[[44.1,40.1],[44.6,40.1],[44.6,40.6],[44.1,40.6],[44.1,40.1]],[[44.2,40.2],[44.2,40.3],[44.3,40.3],[44.2,40.2]]],[[[45,41],[45.5,41],[45.5,41.5],[45,41]]]]}},
         {"type":"Feature","properties":null,"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[46.75,39.8166667,1200.5]},{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8],[9,10]]]}]}},
         {"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}},
         {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[]}}
        ]}
        """#
        let first = try read(text)
        let second = try read(write(first))
        #expect(first == second)
        #expect(write(second) == write(first))
    }

    @Test("the writer rounds once: writing a read of its output gives the same bytes")
    func stable() throws {
        let text = #"{"type":"Point","coordinates":[45.123456789123,39.98765432198]}"#
        let once = write(try read(text))
        #expect(write(try read(once)) == once)
    }
}
