import Foundation
import Testing
@testable import GeoCore

/// GeoJSON text sequences read by BorderKit's own reader: newline-delimited and RFC 8142, errors by record and line.
struct SequenceReaderTests {
    func file(_ text: String, _ ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seq-\(UUID().uuidString).\(ext)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let a = #"{"type":"Feature","id":7,"properties":{"n":1.0},"geometry":{"type":"Point","coordinates":[1,2]}}"#
    static let b = #"{"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#

    @Test("newline-delimited and RFC 8142 give the features a FeatureCollection of the same features gives, FIDs from 0")
    func same() throws {
        let collection = try GeoJSONReader(source: "c").read(Array(#"{"type":"FeatureCollection","features":[\#(Self.a),\#(Self.b)]}"#.utf8))
        for (text, ext) in [("\(Self.a)\n\(Self.b)\n", "geojsonl"), ("\u{1E}\(Self.a)\n\u{1E}\(Self.b)\n", "geojsons"), ("\u{1E}\(Self.a)\u{1E}\(Self.b)", "json")] {
            let root = try VectorSource(try file(text, ext)).read()
            #expect(root.features == collection.features, "\(ext)")
            guard case .featureCollection(let c) = root else { Issue.record("no collection"); continue }
            #expect(c.origin?.fids == [0, 1])
            #expect(root.pointer(toFeature: 1).contains("FID 1"))
        }
    }

    @Test("a bad record is named by its number and line, with the pointer inside it; two texts on a line are refused")
    func errors() throws {
        let bad = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,95]}}"#
        let e = try #require(throws: GeoJSONError.self) { try VectorSource(try file("\(Self.a)\n\n\(bad)\n", "geojsonl")).read() }
        #expect(e.pointer == "record 1 (line 3) at /geometry/coordinates/1" && e.reason.contains("latitude 95"), "\(e)")
        let two = try #require(throws: GeoJSONError.self) { try VectorSource(try file("\(Self.a) \(Self.b)\n", "geojsonl")).read() }
        #expect(two.line == 1 && two.reason.contains("one JSON text per record"), "\(two)")
        let syntax = try #require(throws: GeoJSONError.self) { try VectorSource(try file("\(Self.a)\n{\"type\": }\n", "ndjson")).read() }
        #expect(syntax.line == 2 && syntax.reason.contains("record 1"), "\(syntax)")
    }
}
