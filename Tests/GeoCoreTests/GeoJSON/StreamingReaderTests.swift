import Foundation
import GeoCore
import Testing
import TestSupport

/// The streaming reader against the JSON-tree decoder it replaced: the same GeoJSON, or the same error
/// (pointer, reason, line and column), on every GeoJSON file the project and ../shared hold and on seeded
/// mutations of them.
@Suite struct StreamingReaderTests {
    static func files() -> [URL] {
        var roots = [TestPaths.packageRoot.appendingPathComponent("Tests"), TestPaths.packageRoot.appendingPathComponent("GeoData")]
        if TestPaths.sharedAvailable { roots.append(TestPaths.shared("conformance/geojson")) }
        var out: [URL] = []
        for root in roots {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if ["geojson", "json"].contains(url.pathExtension) { out.append(url) }
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Both readers' results on `bytes`.
    static func both(_ bytes: [UInt8]) -> (streamed: Result<GeoJSON, GeoJSONError>, tree: Result<GeoJSON, GeoJSONError>) {
        let reader = GeoJSONReader(source: "f.geojson")
        let streamed = Result { () throws(GeoJSONError) in try reader.read(bytes) }
        let tree = Result { () throws(GeoJSONError) in try reader.decode(try JSONValue.read(bytes, source: "f.geojson")) }
        return (streamed, tree)
    }

    @Test func sameAsTheTreeOnEveryFile() throws {
        let files = Self.files()
        #expect(files.count > 100, "the project's and ../shared's GeoJSON files")
        var valid = 0
        for url in files {
            let (streamed, tree) = Self.both(Array(try Data(contentsOf: url)))
            #expect(streamed == tree, "\(url.path)")
            if case .success = streamed { valid += 1 }
        }
        #expect(valid > 50)
    }

    /// One byte deleted, doubled or replaced by a structural character, at seeded places of the small files:
    /// whatever the text becomes, both readers say the same of it.
    @Test func sameAsTheTreeOnMutations() throws {
        var rng = SplitMix(seed: 42)
        let replacements = Array("[]{},:\"0-.e ".utf8)
        var compared = 0, errors = 0
        for url in Self.files() {
            let original = Array(try Data(contentsOf: url))
            guard !original.isEmpty, original.count < 50_000 else { continue }
            for _ in 0..<12 {
                var bytes = original
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = replacements[Int(rng.next() % UInt64(replacements.count))]
                }
                let (streamed, tree) = Self.both(bytes)
                #expect(streamed == tree, "\(url.lastPathComponent) mutated at byte \(at)")
                compared += 1
                if case .failure = tree { errors += 1 }
            }
        }
        #expect(compared > 500 && errors > 100, "\(compared) mutations, \(errors) errors")
    }

    /// Legacy crs after the features, duplicate members, a crs that moves the check: the look ahead sees them.
    @Test func membersAfterTheFeatures() throws {
        let square = #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,5000000],[50,5000000],[50,5000010],[0,5000010],[0,5000000]]]}}"#
        let cases = [
            #"{"type":"FeatureCollection","features":["# + square + #"],"crs":{"type":"name","properties":{"name":"EPSG:3857"}}}"#,
            #"{"features":["# + square + #"],"type":"FeatureCollection","bbox":[0,0,1,1]}"#,
            #"{"type":"FeatureCollection","features":[],"features":["# + square + #"]}"#,
            #"{"type":"Feature","properties":{},"geometry":null,"geometry":{"type":"Point","coordinates":[1,2]}}"#,
            #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]},"geometry":null}"#,
            #"{"type":"Point","coordinates":[1,2],"coordinates":"x"}"#,
            #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[[1,2]]}]}"#,
        ]
        for text in cases {
            let (streamed, tree) = Self.both(Array(text.utf8))
            #expect(streamed == tree, "\(text)")
        }
        // Members named like geometry members, where they are foreign, are kept as read on both paths (two
        // "features" members send the text to the JSON tree; one keeps it streamed).
        for features in [#""features":[],"#, ""] {
            let text = #"{"type":"FeatureCollection","# + features + #""features":[{"type":"Feature","properties":{},"geometry":null,"coordinates":[1,2]}],"geometry":{"a":1}}"#
            guard case .featureCollection(let c) = try GeoJSONReader(source: "t").read(Array(text.utf8)) else { Issue.record("a collection"); continue }
            #expect(c.features[0].foreignMembers["coordinates"] == .array([.integer(1), .integer(2)]))
            #expect(c.foreignMembers["geometry"] == .object(["a": .integer(1)]))
        }
        let reprojected = try GeoJSONReader(source: "t").read(Array(cases[0].utf8))
        #expect(reprojected.notes.count == 1)
        #expect(abs(reprojected.features[0].geometry!.polygons[0].rings[0][1].x - 50 / 111_319.490_793_273_6) < 1e-12)
    }

    /// `stream` hands out each feature once, in order, after the collection's members.
    @Test func streamsFeaturesInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("borderkit-stream-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("points.geojson").path
        let features = (0..<20_000).map { #"{"type":"Feature","id":\#($0),"properties":null,"geometry":{"type":"Point","coordinates":[\#(Double($0) / 1000),1.5]}}"# }
        try (#"{"type":"FeatureCollection","name":"pts","features":["# + features.joined(separator: ",") + "]}").write(toFile: path, atomically: true, encoding: .utf8)
        var head: FeatureCollection?
        var seen: [Int] = []
        let root = try GeoJSONReader.stream(path: path, onCollection: { head = $0 }) { feature, index in
            #expect(head != nil)
            #expect(feature.id == .integer(Int64(index)))
            seen.append(index)
        }
        #expect(seen == Array(0..<20_000))
        #expect(head?.foreignMembers["name"] == .string("pts"))
        guard case .featureCollection(let c) = root else { Issue.record("a collection"); return }
        #expect(c.features.isEmpty)
    }
}

/// A small seeded generator (SplitMix64), the same on every platform.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
