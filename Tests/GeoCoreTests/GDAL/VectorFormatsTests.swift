import Foundation
import Testing
@testable import GeoCore

/// GeoPackage, FlatGeobuf and Shapefile written through GDAL and read back: types, geometry, all-or-nothing.
struct VectorFormatsTests {
    func scratch() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geocore-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static let features: [Feature] = [
        Feature(id: .string("a"), geometry: .polygon(Polygon([[Position(10, 40), Position(11, 40), Position(11, 41), Position(10, 40)]])),
                properties: ["name": .string("Zürich – Ōsaka"), "count": .integer(3), "big": .integer(1 << 40), "share": .number(0.25),
                             "whole": .number(5.0), "ok": .bool(true), "tags": .array([.string("x"), .string("y")]), "none": .null]),
        Feature(id: .string("b"), geometry: .multiPolygon(MultiPolygon([Polygon([[Position(-5, -5), Position(-4, -5), Position(-4, -4), Position(-5, -5)]])])),
                properties: ["name": .string("b"), "count": .integer(-7), "big": .integer(2), "share": .number(1e-9),
                             "whole": .number(-2.0), "ok": .bool(false), "tags": .array([]), "none": .null]),
    ]

    @Test("GeoPackage and FlatGeobuf: integers, reals (5.0 stays a real), booleans, JSON arrays, nulls and UTF-8 come back as written; a Polygon beside a MultiPolygon comes back multi")
    func typesRoundTrip() throws {
        let dir = try scratch()
        for format in [VectorFormat.gpkg, .fgb] {
            let path = "\(dir)/t\(format.fileExtension)"
            let outcome = try VectorWriter(format: format).write(FeatureCollection(Self.features, foreignMembers: ["name": .string("cells")]), to: path)
            #expect(outcome.files == [path])
            let back = try VectorSource(path).read()
            guard case .featureCollection(let c) = back else { Issue.record("not a collection"); continue }
            #expect(c.origin?.layer == "cells")
            #expect(c.features.count == 2)
            for (f, g) in zip(Self.features, c.features) {
                for m in f.properties!.members {
                    // GDAL 3.6's FlatGeobuf driver keeps no JSON subtype: arrays come back as their JSON text.
                    let expected: JSONValue = format == .fgb && m.key == "tags" ? .string(String(decoding: JSONWriter.data(m.value), as: UTF8.self)) : m.value
                    #expect(g.properties?[m.key] == expected, "\(format) \(m.key)")
                }
                #expect(g.properties?["id"] == f.id.map { .string($0.description) })
                #expect(try g.geometry!.equalsExact(asMulti(f.geometry!)), "\(format)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["t.fgb", "t.gpkg"], "no temporary file left")
    }

    @Test("Shapefile: long names cut to 10 characters, unique, listed beside it; points and polygons in two files")
    func shapefile() throws {
        let dir = try scratch()
        var features = Self.features
        features[0].properties!["territories_of"] = .string("1")
        features[0].properties!["territories_on"] = .string("2")
        features.append(Feature(geometry: .point(Point(1, 2)), properties: ["name": .string("p")]))
        let outcome = try VectorWriter(format: .shp).write(FeatureCollection(features), to: "\(dir)/x.shp")
        #expect(outcome.files == ["\(dir)/x.shp", "\(dir)/x.points.shp"])
        let csv = try String(contentsOfFile: "\(dir)/x.fields.csv", encoding: .utf8)
        #expect(csv.contains("territories_of,territorie\n") && csv.contains("territories_on,territor_1\n"), "\(csv)")
        let back = try VectorSource("\(dir)/x.shp").read()
        #expect(back.features.count == 2)
        #expect(back.features[0].properties?["territorie"] == .string("1"))
        #expect(back.features[0].properties?["name"] == .string("Zürich – Ōsaka"))
        #expect(try VectorSource("\(dir)/x.points.shp").read().features.count == 1)
    }

    @Test("a source that is not one: the file and GDAL's reason; a layer that does not exist: the layers there are")
    func errors() throws {
        let dir = try scratch()
        try Array("not a database at all".utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(dir)/bad.gpkg")) }
        let bad = try #require(throws: SourceError.self) { try VectorSource("\(dir)/bad.gpkg").read() }
        #expect(bad.source == "\(dir)/bad.gpkg" && bad.reason.contains("GDAL cannot open it"), "\(bad)")
        _ = try VectorWriter(format: .gpkg).write(FeatureCollection(Self.features, foreignMembers: ["name": .string("cells")]), to: "\(dir)/ok.gpkg")
        let missing = try #require(throws: SourceError.self) { try VectorSource("\(dir)/ok.gpkg", layer: "nope").read() }
        #expect(missing.reason.contains("no layer \"nope\"") && missing.reason.contains("\"cells\""), "\(missing)")
        #expect(try VectorSource("\(dir)/ok.gpkg:cells").read().features.count == 2)
    }

    func asMulti(_ g: Geometry) -> Geometry {
        if case .polygon(let p) = g { return .multiPolygon(MultiPolygon([p])) }
        return g
    }
}
