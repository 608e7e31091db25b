import Foundation
import Testing
import TestSupport

/// The GIS world's formats (issue 19): the Natural Earth world converted by `ogr2ogr` to GeoPackage, Shapefile,
/// FlatGeobuf and GeoJSONSeq gives the GeoJSON's numbers; a projected two-layer GeoPackage, a latin-1 Shapefile,
/// a damaged GeoPackage; outputs through GDAL and TopoJSON read back by GDAL.
@Suite(.enabled(if: GDALTools.available, Comment(rawValue: GDALTools.missingReason)))
struct GDALFormatsTests {
    static let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path

    /// Runs `ogr2ogr` with `arguments`; the test fails with its message if it does.
    static func ogr2ogr(_ arguments: [String]) throws {
        let r = try run("/usr/bin/ogr2ogr", arguments)
        #expect(r.status == 0, "ogr2ogr \(arguments): \(r.stderrText)")
    }

    /// A command's JSON report without what names the input (source, warnings naming the file, method).
    func report(_ arguments: [String]) throws -> [String: Any] {
        let r = try borderkit(arguments + ["-f", "json"])
        #expect(r.status == 0, "\(arguments): \(r.stderrText)")
        var o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        for k in ["source", "warnings", "method"] { o[k] = nil }
        return o
    }

    /// `measure`'s rows keyed by id (a FlatGeobuf hands features over in its index's order).
    func rows(_ o: [String: Any]) -> [String: NSDictionary] {
        var out: [String: NSDictionary] = [:]
        for f in o["features"] as? [[String: Any]] ?? [] {
            var row = f
            row["index"] = nil
            out["\(f["id"] ?? "")"] = row as NSDictionary
        }
        return out
    }

    @Test("the world as GeoPackage, Shapefile, FlatGeobuf and GeoJSONSeq: borders, areas and measure give the GeoJSON's very numbers",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func worldInEveryFormat() throws {
        let dir = try scratchFolder()
        let files = [("GPKG", "world.gpkg"), ("ESRI Shapefile", "world.shp"), ("FlatGeobuf", "world.fgb"), ("GeoJSONSeq", "world.geojsonl")]
        for (driver, name) in files { try Self.ogr2ogr(["-f", driver, dir.appendingPathComponent(name).path, Self.world]) }
        let borders = try report(["borders", "--territories", Self.world, "--id-property", "ADM0_A3"])
        let areas = try report(["areas", "--territories", Self.world, "--id-property", "ADM0_A3"])
        let measure = try report(["measure", Self.world, "--id-property", "ADM0_A3"])
        #expect((borders["pairs"] as? [Any])?.count == 329)
        for (_, name) in files {
            let path = dir.appendingPathComponent(name).path
            let b = try report(["borders", "--territories", path, "--id-property", "ADM0_A3"])
            #expect(NSDictionary(dictionary: b) == NSDictionary(dictionary: borders), "borders from \(name)")
            let a = try report(["areas", "--territories", path, "--id-property", "ADM0_A3"])
            #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: areas), "areas from \(name)")
            let m = try report(["measure", path, "--id-property", "ADM0_A3"])
            #expect(rows(m) == rows(measure), "measure from \(name)")
            #expect(NSDictionary(dictionary: m["totals"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: measure["totals"] as? [String: Any] ?? [:]))
        }
    }

    /// Two cells sharing an edge, near Vienna, as GeoJSON.
    static let cells = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"W","when":"2024-04-19"},"geometry":{"type":"Polygon","coordinates":[[[16.0,48.0],[16.5,48.0],[16.5,48.5],[16.0,48.5],[16.0,48.0]]]}},
        {"type":"Feature","properties":{"code":"E","when":"2024-04-20"},"geometry":{"type":"Polygon","coordinates":[[[16.5,48.0],[17.0,48.0],[17.0,48.5],[16.5,48.5],[16.5,48.0]]]}}]}
        """

    @Test("a GeoPackage of two layers in EPSG:3035: a layer must be chosen (both named); read with --layer or PATH:LAYER it is reprojected and named, the border's length within 1 mm of the lon/lat file's")
    func projectedTwoLayers() throws {
        let dir = try scratchFolder()
        let source = dir.appendingPathComponent("cells.geojson")
        try Data(Self.cells.utf8).write(to: source)
        let gpkg = dir.appendingPathComponent("cells.gpkg").path
        try Self.ogr2ogr(["-f", "GPKG", "-t_srs", "EPSG:3035", "-nln", "cells", gpkg, source.path])
        try Self.ogr2ogr(["-update", "-f", "GPKG", "-nln", "copy", gpkg, source.path])
        let refused = try borderkit(["borders", "--territories", gpkg, "--id-property", "code"])
        #expect(refused.status == 2)
        #expect(refused.stderrText.contains("2 layers") && refused.stderrText.contains("\"cells\"") && refused.stderrText.contains("\"copy\""), "\(refused.stderrText)")
        let expected = try report(["borders", "--territories", source.path, "--id-property", "code"])
        let expectedLength = try #require((expected["pairs"] as? [[String: Any]])?.first?["length_m"] as? Double)
        for arguments in [["--territories", gpkg, "--layer", "cells"], ["--territories", gpkg + ":cells"]] {
            let r = try borderkit(["borders"] + arguments + ["--id-property", "code", "-f", "json"])
            #expect(r.status == 0, "\(r.stderrText)")
            let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
            let length = try #require((o["pairs"] as? [[String: Any]])?.first?["length_m"] as? Double)
            #expect(abs(length - expectedLength) < 1e-3, "\(length) vs \(expectedLength)")
            #expect(r.stderrText.contains("EPSG:3035") || "\(o["warnings"] ?? "")".contains("EPSG:3035"), "the CRS is named: \(r.stderrText)")
        }
        let m = try report(["measure", gpkg, "--layer", "copy"])
        #expect((m["features"] as? [Any])?.count == 2)
    }

    @Test("a Shapefile whose .dbf is latin-1 with a .cpg: names arrive as UTF-8")
    func latin1Shapefile() throws {
        let dir = try scratchFolder()
        let source = dir.appendingPathComponent("towns.geojson")
        try Data(Self.cells.replacingOccurrences(of: "\"code\":\"W\"", with: "\"code\":\"W\",\"name\":\"Zürich\"")
            .replacingOccurrences(of: "\"code\":\"E\"", with: "\"code\":\"E\",\"name\":\"São Tomé\"").utf8).write(to: source)
        let shp = dir.appendingPathComponent("towns.shp").path
        try Self.ogr2ogr(["-f", "ESRI Shapefile", "-lco", "ENCODING=ISO-8859-1", shp, source.path])
        let dbf = try Data(contentsOf: dir.appendingPathComponent("towns.dbf"))
        #expect(dbf.contains(0xFC), "ü is one latin-1 byte in the .dbf")
        #expect(!dbf.contains(0xC3), "no UTF-8 in the .dbf")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("towns.cpg").path))
        let m = try report(["measure", shp, "--id-property", "name"])
        let ids = Set((m["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(ids == ["Zürich", "São Tomé"])
    }

    /// A scratch folder holding `cells` as cells.geojson and, converted by `ogr2ogr`, cells.gpkg.
    static func cellsAsGeoPackage() throws -> (folder: URL, geojson: URL, geopackage: URL) {
        let dir = try scratchFolder()
        let source = dir.appendingPathComponent("cells.geojson")
        try Data(Self.cells.utf8).write(to: source)
        let gpkg = dir.appendingPathComponent("cells.gpkg")
        try Self.ogr2ogr(["-f", "GPKG", gpkg.path, source.path])
        return (dir, source, gpkg)
    }

    @Test("a damaged GeoPackage: exit 2, the file and GDAL's reason named, nothing written")
    func damaged() throws {
        let (dir, _, gpkg) = try Self.cellsAsGeoPackage()
        let whole = try Data(contentsOf: gpkg)
        try whole.prefix(whole.count / 3).write(to: gpkg)
        let out = dir.appendingPathComponent("out.fgb").path
        let r = try borderkit(["borders", "--territories", gpkg.path, "--id-property", "code", "-o", out])
        #expect(r.status == 2)
        #expect(r.stderrText.contains(gpkg.path), "\(r.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(listing(dir) == ["cells.geojson", "cells.gpkg"])
    }

    @Test("GDAL is loaded only when a source needs it: GeoJSON works without it; with BORDERKIT_GDAL naming no library a GeoPackage read or written is exit 2 naming the file and why, nothing written; naming the real one, it reads")
    func gdalLoadedOnDemand() throws {
        let (dir, source, gpkg) = try Self.cellsAsGeoPackage()
        func withGDAL(_ library: String, _ arguments: [String]) throws -> RunResult {
            try run("/usr/bin/env", ["BORDERKIT_GDAL=\(library)", TestPaths.borderkit.path] + arguments)
        }
        let missing = dir.appendingPathComponent("no-such-libgdal.so").path
        let geojson = try withGDAL(missing, ["borders", "--territories", source.path, "--id-property", "code", "--format", "json"])
        #expect(geojson.status == 0, "\(geojson.stderrText)")
        let read = try withGDAL(missing, ["borders", "--territories", gpkg.path, "--id-property", "code", "--format", "json"])
        #expect(read.status == 2 && read.stderrText.contains(gpkg.path) && read.stderrText.contains("GDAL (\(missing)) cannot be loaded"), "\(read.stderrText)")
        let out = dir.appendingPathComponent("out.gpkg").path
        let write = try withGDAL(missing, ["borders", "--territories", source.path, "--id-property", "code", "-o", out])
        #expect(write.status == 2 && write.stderrText.contains("cannot be loaded"), "\(write.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let version = try withGDAL(missing, ["--version"])
        #expect(version.status == 0)
        let real = try #require(["/usr/lib/x86_64-linux-gnu/libgdal.so", "/usr/lib/aarch64-linux-gnu/libgdal.so"].first { FileManager.default.fileExists(atPath: $0) })
        let chosen = try withGDAL(real, ["borders", "--territories", gpkg.path, "--id-property", "code", "--format", "json"])
        #expect(chosen.status == 0 && chosen.stdout == geojson.stdout.replacingSource(source.path, with: gpkg.path), "\(chosen.stderrText)")
    }

    @Test("the embedded routes written as a GeoPackage by convert and read back by route: the same routes, ids and figures")
    func routesThroughGeoPackage() throws {
        let dir = try scratchFolder()
        let gpkg = dir.appendingPathComponent("routes.gpkg").path
        let c = try borderkit(["convert", TestPaths.packageRoot.appendingPathComponent("GeoData/routes.geojson").path, "-o", gpkg])
        #expect(c.status == 0, "\(c.stderrText)")
        let embedded = try report(["route"]), through = try report(["route", "--routes", gpkg])
        #expect(NSDictionary(dictionary: through) == NSDictionary(dictionary: embedded))
    }

    @Test("the embedded borders written as FlatGeobuf, GeoPackage, Shapefile and GeoJSONSeq read back through GDAL with every segment, its pair and length")
    func outputs() throws {
        let dir = try scratchFolder()
        let expected = try report(["borders"])
        let segments = (expected["totals"] as? [String: Any])?["segments"] as? Int ?? 0
        #expect(segments > 0)
        for name in ["b.fgb", "b.gpkg", "b.shp", "b.geojsonl"] {
            let path = dir.appendingPathComponent(name).path
            let r = try borderkit(["borders", "-o", path])
            #expect(r.status == 0, "\(name): \(r.stderrText)")
            let back = dir.appendingPathComponent(name + ".geojson").path
            try Self.ogr2ogr(["-f", "GeoJSON", back, path] + (name == "b.gpkg" ? ["borders"] : []))
            let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any])
            let features = (o["features"] as? [[String: Any]] ?? []).filter { (($0["properties"] as? [String: Any])?["kind"] as? String) == "border_segment" }
            #expect(features.count == segments, "\(name)")
            for f in features {
                let p = f["properties"] as! [String: Any]
                #expect((p["length_m"] as? Double ?? 0) > 0)
                let pair = p["territories"] ?? p["territorie"]
                #expect((pair as? [String])?.count == 2 || ((pair as? String)?.contains(",") ?? false), "\(name): \(p)")
            }
        }
    }

    @Test("TopoJSON: the world's territories and borders open in GDAL, every border with its pair; converted back through GDAL every vertex is the input's to 7 decimals; quantised to 1e5 the embedded territories lie within 10 m; a grid that breaks the world's polygons is refused",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func topojson() throws {
        let dir = try scratchFolder()
        let topo = dir.appendingPathComponent("world.topojson").path
        let r = try borderkit(["borders", "--territories", Self.world, "--id-property", "ADM0_A3", "-f", "topojson", "-o", topo])
        #expect(r.status == 0, "\(r.stderrText)")
        let bordersBack = dir.appendingPathComponent("borders.geojson").path
        try Self.ogr2ogr(["-f", "GeoJSON", bordersBack, topo, "borders"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bordersBack))) as? [String: Any])
        let features = o["features"] as? [[String: Any]] ?? []
        #expect(features.count == 376)
        #expect(features.allSatisfy { (($0["properties"] as? [String: Any])?["territories"] as? [String])?.count == 2 })

        // Unquantised, through GDAL's reader: every feature's vertices are the input's, rounded to 7 decimals.
        let converted = dir.appendingPathComponent("c.topojson").path
        let c = try borderkit(["convert", Self.world, "-o", converted])
        #expect(c.status == 0, "\(c.stderrText)")
        let rebuilt = dir.appendingPathComponent("c.geojson").path
        try Self.ogr2ogr(["-f", "GeoJSON", rebuilt, converted])
        let original = try Self.vertices(Self.world, key: "ADM0_A3"), back = try Self.vertices(rebuilt, key: "ADM0_A3")
        #expect(original.count == 250 && back.count == 250)
        let differing = original.keys.filter { original[$0] != back[$0] }
        #expect(differing.isEmpty, "features whose vertices differ: \(differing.sorted().prefix(5))")

        // Quantised to 1e5 over the embedded territories (a grid step of about 7 m): within 10 m of the input.
        let territories = TestPaths.packageRoot.appendingPathComponent("GeoData/territories.geojson").path
        let grid = dir.appendingPathComponent("q.topojson").path
        let q = try borderkit(["convert", territories, "-o", grid, "--quantize", "1e5"])
        #expect(q.status == 0, "\(q.stderrText)")
        let quantised = dir.appendingPathComponent("q.geojson").path
        try Self.ogr2ogr(["-f", "GeoJSON", quantised, grid])
        let d = try borderkit(["diff", territories, quantised, "--match-by", "name", "--tolerance", "10", "--ignore", "names", "--ignore", "id"])
        #expect(d.status == 0, "\(d.stdoutText.prefix(2000))")

        let coarse = dir.appendingPathComponent("coarse.topojson").path
        let refused = try borderkit(["convert", Self.world, "-o", coarse, "--quantize", "1e5"])
        #expect(refused.status == 2)
        #expect(refused.stderrText.contains("--quantize") && refused.stderrText.contains("invalid"), "\(refused.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: coarse))
    }
}

extension GDALFormatsTests {
    /// Each feature's positions rounded to 7 decimals, sorted (rings may start elsewhere after a round trip), by `key`.
    static func vertices(_ path: String, key: String) throws -> [String: [[Double]]] {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var out: [String: [[Double]]] = [:]
        func collect(_ v: Any, into list: inout [[Double]]) {
            if let p = v as? [Double], p.count >= 2 { list.append([(p[0] * 1e7).rounded() / 1e7, (p[1] * 1e7).rounded() / 1e7]); return }
            if let a = v as? [Any] {
                let ring = a.compactMap { $0 as? [Double] }
                guard ring.count == a.count, !ring.isEmpty else { for x in a { collect(x, into: &list) }; return }
                // A ring's positions once each: the closing repeat and a repeat in a row (the writer drops it) counted once.
                var kept: [[Double]] = []
                for p in ring {
                    let q = [(p[0] * 1e7).rounded() / 1e7, (p[1] * 1e7).rounded() / 1e7]
                    if kept.last != q { kept.append(q) }
                }
                if kept.count > 1, kept.first == kept.last { kept.removeLast() }
                list += kept
            }
        }
        for f in o["features"] as? [[String: Any]] ?? [] {
            guard let id = (f["properties"] as? [String: Any])?[key] as? String, let g = f["geometry"] as? [String: Any] else { continue }
            var list: [[Double]] = []
            collect(g["coordinates"] ?? [], into: &list)
            out[id] = list.sorted { $0.lexicographicallyPrecedes($1) }
        }
        return out
    }
}

/// Whether GDAL's command-line tools are here (CI installs gdal-bin; a user's machine may not have it).
enum GDALTools {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr")
    static let missingReason = "ogr2ogr is not installed (Debian gdal-bin; Tools/setup.sh installs it): GDAL format tests skipped"
}

private extension Data {
    /// The same JSON text with one file's path (as JSON writes it) changed to another.
    func replacingSource(_ path: String, with other: String) -> Data {
        Data(String(decoding: self, as: UTF8.self).replacingOccurrences(of: path.replacingOccurrences(of: "/", with: "\\/"),
                                                                    with: other.replacingOccurrences(of: "/", with: "\\/"))
            .replacingOccurrences(of: path, with: other).utf8)
    }
}
