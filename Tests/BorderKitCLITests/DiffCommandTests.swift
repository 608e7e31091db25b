import Foundation
import GeoCore
import Testing
import TestSupport

/// `borderkit diff`: exit codes, Hausdorff distance in metres, properties, added and removed features.
@Suite struct DiffCommandTests {
    let base = Position(44.5, 40.2)

    func write(_ features: [Feature], _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try FileIO.writeAtomically(GeoJSONWriter().data(FeatureCollection(features)), to: path)
        return path
    }

    func line(_ end: Position, id: String = "l", properties: JSONObject = ["n": .integer(1), "s": .string("x")]) -> Feature {
        Feature(id: .string(id), geometry: .lineString(LineString([base, Position(44.6, 40.3), end])), properties: properties)
    }

    @Test("identical files: exit 0")
    func identical() throws {
        let folder = try scratchFolder()
        let a = try write([line(Position(44.7, 40.25))], "a.geojson", in: folder)
        let r = try borderkit(["diff", a, a])
        #expect(r.status == 0, "\(r.stdoutText)\(r.stderrText)")
        #expect(r.stdoutText.contains("1 matched, 0 added, 0 removed; 0 beyond tolerance"))
    }

    @Test("a vertex moved 0.5 m: within --tolerance 1, beyond --tolerance 0.1, Hausdorff 0.5 m ± 1 cm")
    func moved() throws {
        let folder = try scratchFolder()
        let end = Position(44.7, 40.25)
        // 0.5 m: more than the 7-decimal grid (about 1 cm), so it survives writing.
        let moved = Geodesic.wgs84.direct(from: end, azimuth: 90, distance: 0.5).position
        let a = try write([line(end)], "a.geojson", in: folder), b = try write([line(moved)], "b.geojson", in: folder)
        #expect(try borderkit(["diff", a, b, "--tolerance", "1", "--length-tolerance", "1"]).status == 0)
        let r = try borderkit(["diff", a, b, "--tolerance", "0.1", "--length-tolerance", "1", "--format", "json"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let feature = try #require((object["features"] as? [[String: Any]])?.first)
        let h = try #require(feature["hausdorff_m"] as? Double)
        let written = try #require(try GeoJSONReader.read(path: b).features.first?.geometry?.lineStrings.first?.positions.last)
        #expect(abs(h - Geodesic.wgs84.distance(end, written)) < 0.01)
        #expect(abs(h - 0.5) < 0.02)   // the writer's 7 decimals move the vertex by up to about 1 cm
    }

    @Test("a changed property, added and removed features, another geometry type: exit 1, each named")
    func differences() throws {
        let folder = try scratchFolder()
        let a = try write([line(Position(44.7, 40.25)), line(Position(44.8, 40.3), id: "gone"),
                           Feature(id: .string("t"), geometry: .point(Point(base)))], "a.geojson", in: folder)
        let b = try write([line(Position(44.7, 40.25), properties: ["n": .integer(2), "s": .string("x")]),
                           line(Position(44.8, 40.3), id: "new"),
                           Feature(id: .string("t"), geometry: .multiPoint(MultiPoint([Point(base)])))], "b.geojson", in: folder)
        let r = try borderkit(["diff", a, b, "--format", "json"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(object["added"] as? [String] == ["new"] && object["removed"] as? [String] == ["gone"])
        let features = try #require(object["features"] as? [[String: Any]])
        let t = try #require(features.first { $0["id"] as? String == "t" })
        #expect((t["reasons"] as? [String])?.first == "geometry type Point → MultiPoint")
        let l = try #require(features.first { $0["id"] as? String == "l" })
        #expect((l["properties"] as? [[String: Any]])?.first?["key"] as? String == "n")
        #expect(try borderkit(["diff", a, b, "--number-tolerance", "1", "--format", "json"]).status == 1)   // still added/removed
        let ignored = try borderkit(["diff", a, a, "--ignore", "n"])
        #expect(ignored.status == 0)
    }

    @Test("bad input: exit 2 with the file named")
    func badInput() throws {
        let folder = try scratchFolder()
        let bad = folder.appendingPathComponent("bad.geojson")
        try Data("{\"type\":".utf8).write(to: bad)
        let a = try write([line(Position(44.7, 40.25))], "a.geojson", in: folder)
        let r = try borderkit(["diff", a, bad.path])
        #expect(r.status == 2 && r.stderrText.contains(bad.path))
        let noID = try write([Feature(geometry: .point(Point(base)))], "noid.geojson", in: folder)
        let m = try borderkit(["diff", noID, noID])
        #expect(m.status == 2 && m.stderrText.contains("/features/0: no id to match features by"))
    }
}
