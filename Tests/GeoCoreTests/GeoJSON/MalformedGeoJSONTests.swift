import GeoCore
import Testing

/// Malformed GeoJSON: every input gets a GeoJSONError naming the JSON pointer and the reason.
@Suite struct MalformedGeoJSONTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var pointer: String
        var reason: String
        var line: Int? = nil
        var testDescription: String { name }
    }

    static let point = #"{"type":"Point","coordinates":[44.5,40.2]}"#
    static func fc(_ features: String) -> String { #"{"type":"FeatureCollection","features":["# + features + "]}" }
    static func feature(_ geometry: String) -> String { #"{"type":"Feature","properties":{},"geometry":"# + geometry + "}" }
    static let ok = feature(point)

    static let cases: [Case] = [
        Case(name: "empty input", text: "", pointer: "", reason: "invalid JSON: unexpected end of input", line: 1),
        Case(name: "truncated", text: #"{"type":"Point","coordinates":[1,"#, pointer: "", reason: "invalid JSON: unexpected end of input"),
        Case(name: "trailing comma", text: "{\"type\":\"Point\",\n\"coordinates\":[1,2,]}", pointer: "", reason: "invalid JSON: unexpected character ']'", line: 2),
        Case(name: "NaN literal", text: #"{"type":"Point","coordinates":[NaN,2]}"#, pointer: "", reason: "NaN and Infinity are not JSON numbers"),
        Case(name: "Infinity literal", text: #"{"type":"Point","coordinates":[Infinity,2]}"#, pointer: "", reason: "NaN and Infinity"),
        Case(name: "overflowing number", text: #"{"type":"Point","coordinates":[1e999,2]}"#, pointer: "", reason: "out of range for a double"),
        Case(name: "leading zero", text: #"{"type":"Point","coordinates":[01,2]}"#, pointer: "", reason: "leading zeros"),
        Case(name: "garbage after value", text: point + "x", pointer: "", reason: "unexpected data after the JSON value"),
        Case(name: "invalid UTF-8", text: "{\"type\":\"Feature\",\"properties\":{\"n\":\"\u{FFFD}\"}}", pointer: "", reason: "", line: nil),
        Case(name: "unescaped control character", text: "{\"type\":\"Point\u{01}\"}", pointer: "", reason: "must be escaped"),
        Case(name: "deep nesting", text: String(repeating: "[", count: 100_000), pointer: "", reason: "nesting deeper than 512"),
        Case(name: "top level array", text: "[1,2]", pointer: "", reason: "expected a GeoJSON object, found an array"),
        Case(name: "missing type", text: #"{"coordinates":[1,2]}"#, pointer: "", reason: "missing member \"type\""),
        Case(name: "type not a string", text: #"{"type":null}"#, pointer: "/type", reason: "\"type\" must be a string, found null"),
        Case(name: "unknown type", text: #"{"type":"Circle","coordinates":[1,2]}"#, pointer: "/type", reason: "unknown type \"Circle\""),
        Case(name: "lowercase type", text: #"{"type":"featurecollection","features":[]}"#, pointer: "/type", reason: "case-sensitive: \"FeatureCollection\""),
        Case(name: "no features", text: #"{"type":"FeatureCollection"}"#, pointer: "", reason: "needs a \"features\" member"),
        Case(name: "features not an array", text: #"{"type":"FeatureCollection","features":{}}"#, pointer: "/features", reason: "must be an array, found an object"),
        Case(name: "null feature", text: fc("\(ok),null"), pointer: "/features/1", reason: "expected a Feature object, found null"),
        Case(name: "collection inside a feature list", text: fc(#"{"type":"FeatureCollection","features":[]}"#), pointer: "/features/0/type", reason: "expected a Feature, found a FeatureCollection"),
        Case(name: "collection as a geometry", text: fc(feature(#"{"type":"FeatureCollection","features":[]}"#)), pointer: "/features/0/geometry/type", reason: "expected a geometry, found a FeatureCollection"),
        Case(name: "no geometry member", text: fc(#"{"type":"Feature","properties":{}}"#), pointer: "/features/0", reason: "needs a \"geometry\" member"),
        Case(name: "geometry is a string", text: fc(feature(#""POINT (1 2)""#)), pointer: "/features/0/geometry", reason: "expected a geometry object, found a string"),
        Case(name: "no properties member", text: fc(#"{"type":"Feature","geometry":null}"#), pointer: "/features/0", reason: "needs a \"properties\" member"),
        Case(name: "properties an array", text: fc(#"{"type":"Feature","geometry":null,"properties":[]}"#), pointer: "/features/0/properties", reason: "must be an object or null, found an array"),
        Case(name: "id an object", text: fc(#"{"type":"Feature","id":{},"geometry":null,"properties":null}"#), pointer: "/features/0/id", reason: "must be a string or a number, found an object"),
        Case(name: "bbox of 3", text: #"{"type":"Point","coordinates":[1,2],"bbox":[1,2,3]}"#, pointer: "/bbox", reason: "2×n numbers"),
        Case(name: "bbox with a string", text: #"{"type":"Point","coordinates":[1,2],"bbox":[1,2,3,"4"]}"#, pointer: "/bbox/3", reason: "must be numbers, found a string"),
        Case(name: "missing coordinates", text: #"{"type":"Polygon"}"#, pointer: "", reason: "a Polygon needs a \"coordinates\" member"),
        Case(name: "coordinate is a string", text: fc(feature(#"{"type":"Point","coordinates":["11.7",51.8]}"#)), pointer: "/features/0/geometry/coordinates/0", reason: "a coordinate must be a number, found a string"),
        Case(name: "point too deep", text: #"{"type":"Point","coordinates":[[1,2]]}"#, pointer: "/coordinates/0", reason: "nested too deeply"),
        Case(name: "line too shallow", text: #"{"type":"LineString","coordinates":[102.0,0.0]}"#, pointer: "/coordinates/0", reason: "expected a position (an array of numbers), found a number"),
        Case(name: "polygon too shallow", text: #"{"type":"Polygon","coordinates":[[0,0],[1,0],[1,1],[0,0]]}"#, pointer: "/coordinates/0/0", reason: "expected a position (an array of numbers), found a number"),
        Case(name: "multipolygon one level short", text: #"{"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#, pointer: "/coordinates/0/0/0", reason: "found a number"),
        Case(name: "empty position", text: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[],[0,0]]]}"#, pointer: "/coordinates/0/2", reason: "a position needs at least 2 numbers"),
        Case(name: "one-number position", text: #"{"type":"LineString","coordinates":[[0,0],[1]]}"#, pointer: "/coordinates/1", reason: "at least 2 numbers (longitude, latitude), found 1"),
        Case(name: "latitude too large", text: fc("\(ok),\(ok),\(feature(#"{"type":"LineString","coordinates":[[44,40],[44.5,91.5]]}"#))"), pointer: "/features/2/geometry/coordinates/1/1", reason: "latitude 91.5 is outside [-90, 90]"),
        Case(name: "longitude too small", text: #"{"type":"MultiPoint","coordinates":[[-190.62,52.5]]}"#, pointer: "/coordinates/0/0", reason: "longitude -190.62 is outside [-180, 180]"),
        Case(name: "ring of three", text: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#, pointer: "/coordinates/0", reason: "a linear ring needs at least 4 positions, found 3"),
        Case(name: "unclosed ring", text: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#, pointer: "/coordinates/0", reason: "linear ring is not closed: first position [0, 0] differs from last [0, 1]"),
        Case(name: "unclosed hole", text: #"{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,2]]]}"#, pointer: "/coordinates/1", reason: "not closed"),
        Case(name: "line of one position", text: #"{"type":"LineString","coordinates":[[0,0]]}"#, pointer: "/coordinates", reason: "a LineString needs at least 2 positions, found 1"),
        Case(name: "multiline member of one", text: #"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2]]]}"#, pointer: "/coordinates/1", reason: "at least 2 positions, found 1"),
        Case(name: "null in a geometry collection", text: #"{"type":"GeometryCollection","geometries":[null]}"#, pointer: "/geometries/0", reason: "expected a geometry object, found null"),
        Case(name: "geometries not an array", text: #"{"type":"GeometryCollection","geometries":5}"#, pointer: "/geometries", reason: "must be an array, found a number"),
        Case(name: "deeply nested error pointer", text: #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1,0],[1,true],[0,0]]]]}"#, pointer: "/coordinates/1/1/2/1", reason: "a coordinate must be a number, found a boolean"),
    ]

    @Test("each malformed input: error with its pointer and reason", arguments: cases)
    func malformed(_ c: Case) {
        var bytes = Array(c.text.utf8)
        if c.name == "invalid UTF-8" {
            bytes = Array(#"{"type":"Feature","geometry":null,"properties":{"n":"x"#.utf8) + [0xC3, 0x28] + Array("\"}}".utf8)
        }
        do {
            _ = try GeoJSONReader(source: "in.geojson").read(bytes)
            Issue.record("\(c.name): read without error")
        } catch {
            #expect(error.source == "in.geojson")
            #expect(error.pointer == c.pointer, "\(c.name): \(error)")
            if c.name == "invalid UTF-8" {
                #expect(error.reason.contains("not valid UTF-8"), "\(error)")
            } else {
                #expect(error.reason.contains(c.reason), "\(c.name): \(error)")
            }
            if let line = c.line { #expect(error.line == line, "\(c.name): \(error)") }
            if error.reason.hasPrefix("invalid JSON") { #expect(error.line != nil && error.column != nil) }
            #expect(error.description.hasPrefix("in.geojson"))
        }
    }

    @Test("there are at least 30 malformed cases")
    func count() { #expect(Self.cases.count >= 30) }

    @Test("a syntax error's line and column")
    func lineAndColumn() {
        do {
            _ = try GeoJSONReader(source: "x").read(Array("{\n  \"type\": \"Point\",\n  \"coordinates\": [1, 2,, 3]\n}".utf8))
            Issue.record("no error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 24)
            #expect(error.description == "x:3:24: invalid JSON: unexpected character ','")
        }
    }
}
