import BorderKit
import GeoCore
import Testing

/// Typed errors (issue 17): a program using BorderKit can tell kinds of bad input apart without reading
/// message text, and the library's messages name its own options, not the CLI's flags.
@Suite struct ErrorKindsTests {
    func read(_ text: String) throws(GeoJSONError) -> GeoJSON { try GeoJSONReader(source: "t.geojson").read(Array(text.utf8)) }

    @Test("GeoJSONError.kind: syntax, structure, position, crs")
    func geojsonKinds() {
        for (text, kind) in [("{", GeoJSONError.Kind.syntax),
                             (#"{"type":"Feature","properties":{}}"#, .structure),
                             (#"{"type":"Point","coordinates":[0,91]}"#, .position),
                             (#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:999999"}},"features":[]}"#, .crs)] {
            do { _ = try read(text); Issue.record("\(text) read") } catch { #expect(error.kind == kind, "\(text): \(error.kind)") }
        }
    }

    @Test("InputError.kind and remedy: a duplicate id; the library's words name no CLI flag")
    func inputKinds() throws {
        func square(_ id: String) -> String {
            #"{"type":"Feature","id":"\#(id)","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}"#
        }
        let twice = try read(#"{"type":"FeatureCollection","features":[\#(square("a")),\#(square("a"))]}"#)
        #expect(performing: { _ = try Territory.load(twice, source: "t.geojson", idProperty: nil) }, throws: { error in
            guard let e = error as? InputError else { return false }
            return e.kind == .duplicateID && e.remedy == .idProperty && !e.description.contains("--") && e.description.contains("the property that holds each territory's id")
        })
        #expect(performing: { _ = try Route.find("Silk Road", in: []) }, throws: { ($0 as? InputError)?.kind == .unknownName })
    }
}
