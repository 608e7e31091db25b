import Foundation
import Testing
import TestSupport

/// The world's files (issue 16): the antimeridian, multi-part routes, overlaps and gaps, a legacy `crs`, null
/// and empty features, exclaves by land — on small files written for these tests (Fixtures/World) and on the
/// Natural Earth world, each figure against GeographicLib's GeodSolve/Planimeter or a hand calculation.
@Suite(.enabled(if: GeographicLib.available, Comment(rawValue: GeographicLib.missingReason)))
struct WorldFilesTests {
    static func world(_ name: String) -> String { fixture("World/\(name)") }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try borderkit(arguments + ["-f", "json"])
        #expect(r.status == 0, "\(arguments): \(r.stderrText)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    func near(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-6) -> Bool {
        abs(a - b) <= max(absolute, relative * abs(b))
    }

    // MARK: - The antimeridian

    @Test("a ring from 170° E to 170° W read the short way: the shared edge is 20° of the equator, no more")
    func unsplitRing() throws {
        let o = try json(["borders", "--territories", Self.world("antimeridian-unsplit.geojson")])
        let pairs = try #require(o["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        // Hand calculation: the equator is a geodesic; 20° of it is 20/360 of 2π a.
        let expected = 20.0 / 360 * 2 * Double.pi * 6_378_137
        #expect(near(pairs[0]["length_m"] as! Double, expected), "\(pairs[0])")
        let m = try json(["measure", Self.world("antimeridian-unsplit.geojson")])
        let south = try #require((m["features"] as? [[String: Any]])?.first)
        let planimeter = try GeographicLib.polygon([(170, -10), (190, -10), (190, 0), (170, 0)])
        #expect(near(south["area_m2"] as! Double, planimeter.area, relative: 1e-9))
    }

    @Test("a territory split at ±180°: one body (no exclave, no border with itself), no cut in its perimeter; output split again")
    func splitTerritory() throws {
        let file = Self.world("antimeridian-split.geojson")
        let o = try json(["borders", "--territories", file])
        let pairs = try #require(o["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1 && (pairs[0]["territories"] as? [String]) == ["cap", "east"])
        let expected = try GeographicLib.length([(170, 30), (180, 30), (190, 30)])
        #expect(near(pairs[0]["length_m"] as! Double, expected), "\(pairs[0]) vs \(expected)")
        #expect((o["warnings"] as? [String])?.isEmpty == true, "no invalid-geometry warning for a ring that jumps")

        let areas = try json(["areas", "--territories", file])
        #expect((areas["exclaves"] as? [Any])?.isEmpty == true && (areas["detached_parts"] as? [Any])?.isEmpty == true)

        let m = try json(["measure", file])
        let east = try #require((m["features"] as? [[String: Any]])?.first)
        let joined = try GeographicLib.polygon([(170, 20), (180, 20), (190, 20), (190, 30), (180, 30), (170, 30)])
        #expect(near(east["perimeter_m"] as! Double, joined.perimeter, relative: 1e-9), "perimeter without the cut")
        #expect(near(east["area_m2"] as! Double, joined.area, relative: 1e-9))

        // RFC 7946 output: the border written split at 180°, every longitude within ±180°.
        let r = try borderkit(["borders", "--territories", file, "-f", "geojson"])
        let fc = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let segment = try #require((fc["features"] as? [[String: Any]])?.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "border_segment" })
        let geometry = try #require(segment["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiLineString")
        let lines = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(lines.count == 2 && lines.allSatisfy { $0.allSatisfy { abs($0[0]) <= 180 } })
        #expect(lines.contains { $0.contains { $0[0] == 180 } } && lines.contains { $0.contains { $0[0] == -180 } })
    }

    @Test("routes across ±180°: measured whole, crossings where they are, a line split at 180° joined again")
    func antimeridianRoutes() throws {
        let o = try json(["route", "--territories", Self.world("antimeridian-split.geojson"), "--routes", Self.world("routes-antimeridian.geojson")])
        let routes = try #require(o["routes"] as? [[String: Any]])
        let eastWest = try #require(routes.first { $0["id"] as? String == "east-west" })
        #expect(near(eastWest["length_m"] as! Double, try GeographicLib.distance(172, 25, -172, 25)))
        #expect((eastWest["stretches"] as? [[String: Any]])?.map { $0["jurisdiction"] as? String } == ["east"])
        let split = try #require(routes.first { $0["id"] as? String == "split-line" })
        #expect(near(split["length_m"] as! Double, try GeographicLib.length([(175, 25), (180, 26), (185, 35)])))
        #expect(split["parts"] == nil, "parts meeting at 180° are one line")
        let crossings = try #require(split["crossings"] as? [[String: Any]])
        #expect(crossings.count == 1 && crossings[0]["from"] as? String == "east" && crossings[0]["to"] as? String == "cap" && crossings[0]["kind"] as? String == "border")
        #expect(abs(crossings[0]["lon"] as! Double) <= 180)
        #expect((split["nearest_border"] as? [String: Any])?["min_m"] as? Double == 0)
    }

    @Test("a route across the antimeridian on the Natural Earth world: no GEOS failure, measured whole in Russia and the sea",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func chukotka() throws {
        let folder = try scratchFolder()
        let routes = folder.appendingPathComponent("chukotka.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"chukotka","properties":{"name":"chukotka"},"geometry":{"type":"LineString","coordinates":[[177.5,64.73],[-178.0,65.5],[-173.23,64.42]]}}]}"#.utf8).write(to: routes)
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let o = try json(["route", "--territories", world, "--id-property", "ADM0_A3", "--routes", routes.path])
        let r = try #require((o["routes"] as? [[String: Any]])?.first)
        #expect(near(r["length_m"] as! Double, try GeographicLib.length([(177.5, 64.73), (-178, 65.5), (-173.23, 64.42)])))
        let jurisdictions = Set((r["stretches"] as? [[String: Any]])?.compactMap { $0["jurisdiction"] as? String } ?? [])
        #expect(jurisdictions == ["RUS"])
        #expect((r["crossings"] as? [[String: Any]])?.allSatisfy { $0["kind"] as? String == "coast" } == true)
        let corridor = try #require(r["corridor"] as? [String: Any])
        // A 5 km corridor along 483.5 km: about 5 km × length plus the round ends.
        #expect(abs((corridor["area_m2"] as! Double) / ((r["length_m"] as! Double) * 5_000) - 1) < 0.02)
    }

    @Test("maps across ±180°: centred on the data, and a --bbox whose west edge is east of its east edge")
    func antimeridianMaps() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("split.svg").path
        let r = try borderkit(["map", "--territories", Self.world("antimeridian-split.geojson"), "-o", out])
        #expect(r.status == 0, "\(r.stderrText)")
        let doc = try SVGDocument(try String(contentsOf: URL(fileURLWithPath: out), encoding: .utf8))
        #expect(doc.texts.contains { $0.contains("central meridian 180.00° E") || $0.contains("central meridian 180° E") }, "\(doc.texts.filter { $0.contains("meridian") })")
        let boxed = folder.appendingPathComponent("box.svg").path
        let b = try borderkit(["map", "--territories", Self.world("antimeridian-split.geojson"), "--bbox", "160,10,-160,45", "-o", boxed])
        #expect(b.status == 0, "\(b.stderrText)")
        let boxedDoc = try SVGDocument(try String(contentsOf: URL(fileURLWithPath: boxed), encoding: .utf8))
        #expect(boxedDoc.texts.contains { $0.contains("central meridian 180") }, "\(boxedDoc.texts.filter { $0.contains("meridian") })")
        let negative = try borderkit(["map", "--territories", Self.world("antimeridian-split.geojson"), "--bbox", "-175,10,-165,45", "-o", boxed])
        #expect(negative.status == 0, "a west edge below 0 needs no '=': \(negative.stderrText)")
    }

    // MARK: - Routes

    @Test("a MultiLineString's parts are measured apart: nothing in the gap, no crossing made up there")
    func multiPartRoute() throws {
        let o = try json(["route", "--territories", Self.world("land-sea.geojson"), "--routes", Self.world("routes-world.geojson"), "gap"])
        let r = try #require((o["routes"] as? [[String: Any]])?.first)
        let a = try GeographicLib.distance(0.2, 0.5, 0.4, 0.5), b = try GeographicLib.distance(1.6, 0.5, 1.8, 0.5)
        #expect(near(r["length_m"] as! Double, a + b))
        let stretches = try #require(r["stretches"] as? [[String: Any]])
        #expect(stretches.map { $0["jurisdiction"] as? String } == ["a", "b"] && stretches.map { $0["part"] as? Int } == [0, 1])
        #expect(near(stretches[0]["to_m"] as! Double, a) && near(stretches[1]["to_m"] as! Double, a + b))
        #expect((r["crossings"] as? [Any])?.isEmpty == true)
        #expect(r["parts"] as? Int == 2 && (r["gaps"] as? [Any])?.count == 1)
    }

    @Test("crossings are the changes between consecutive stretches; a coast is not a border; the nearest border is exact")
    func crossingsAndApproaches() throws {
        let o = try json(["route", "--territories", Self.world("land-sea.geojson"), "--routes", Self.world("routes-world.geojson")])
        let routes = Dictionary(uniqueKeysWithValues: try #require(o["routes"] as? [[String: Any]]).map { ($0["id"] as! String, $0) })
        for (id, r) in routes where r["parts"] == nil {
            let s = (r["stretches"] as? [[String: Any]]) ?? [], c = (r["crossings"] as? [[String: Any]]) ?? []
            #expect(c.count == s.count - 1, "\(id)")
            for (k, crossing) in c.enumerated() {
                #expect(crossing["from"] as? String == s[k]["jurisdiction"] as? String && crossing["to"] as? String == s[k + 1]["jurisdiction"] as? String)
                #expect(crossing["at_m"] as? Double == s[k + 1]["from_m"] as? Double)
            }
        }
        let cross = try #require(routes["cross"])
        #expect((cross["crossings"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["border"])
        #expect((cross["nearest_border"] as? [String: Any])?["min_m"] as? Double == 0, "a route that crosses a border is 0 m from it")
        let coast = try #require(routes["coast"])
        #expect((coast["crossings"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["coast", "coast"])
        #expect((coast["stretches"] as? [[String: Any]])?.map { $0["jurisdiction"] as? String } == ["b", nil, "c"])
        // The route turns back 0.01° short of b: the closest approach to b's border, exact to a millimetre.
        let near = try #require(routes["near"])
        let expected = try GeographicLib.distance(0.99, 0.5, 1, 0.5)
        let approach = try #require((near["closest_approach"] as? [[String: Any]])?.first)
        #expect(approach["territory"] as? String == "b" && abs((approach["min_m"] as! Double) - expected) < 1e-3, "\(approach) vs \(expected)")
        #expect(abs(((near["nearest_border"] as? [String: Any])?["min_m"] as! Double) - expected) < 1e-3)
        #expect(abs((approach["lon"] as! Double) - 0.99) < 1e-9 && abs((approach["lat"] as! Double) - 0.5) < 1e-6)
    }

    // MARK: - Overlaps, gaps, crs, empty features

    @Test("two territories that overlap: warned on stderr and in JSON with the area; areas counts it in each and says so")
    func overlaps() throws {
        let file = Self.world("overlap.geojson")
        let r = try borderkit(["borders", "--territories", file, "-f", "json"])
        #expect(r.status == 0 && r.stderrText.contains("territories \"a\" and \"b\" overlap by"))
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let overlap = try #require((o["overlaps"] as? [[String: Any]])?.first)
        let expected = try GeographicLib.polygon([(10.3, 10), (10.5, 10), (10.5, 10.5), (10.3, 10.5)]).area
        #expect(near(overlap["area_m2"] as! Double, expected, relative: 1e-9), "\(overlap) vs \(expected)")
        #expect((o["warnings"] as? [String])?.contains { $0.contains("overlap") } == true)
        let areas = try json(["areas", "--territories", file])
        #expect((areas["overlaps"] as? [Any])?.count == 1 && (areas["notes"] as? [String])?.contains { $0.contains("counted in every territory") } == true)
        let quiet = try json(["borders", "--territories", file, "--overlap-tolerance", "2e9"])
        #expect((quiet["overlaps"] as? [Any])?.isEmpty == true)
    }

    @Test("validate --coverage: overlaps and gaps (one closed off by features touching at points), exit 1")
    func coverage() throws {
        let r = try borderkit(["validate", "--coverage", Self.world("coverage-gap-overlap.geojson"), "-f", "json"])
        #expect(r.status == 1, "\(r.stderrText)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let c = try #require((o["coverage"] as? [[String: Any]])?.first)
        let overlap = try #require((c["overlaps"] as? [[String: Any]])?.first)
        #expect(overlap["features"] as? [String] == ["e", "o"])
        #expect(near(overlap["area_m2"] as! Double, try GeographicLib.polygon([(1.9, 0.9), (2, 0.9), (2, 1), (1.9, 1)]).area, relative: 1e-9))
        let gap = try #require((c["gaps"] as? [[String: Any]])?.first)
        let expected = try GeographicLib.polygon([(1, 0), (1.1, 0.4), (1.1, 0.6), (1, 1), (1, 0.6), (1, 0.4)]).area
        #expect(near(gap["area_m2"] as! Double, expected, relative: 1e-9), "\(gap) vs \(expected)")
        let clean = try borderkit(["validate", "--coverage", Self.world("land-sea.geojson")])
        #expect(clean.status == 0, "\(clean.stdoutText)")
    }

    @Test("a legacy crs naming EPSG:3857 is reprojected (a 50 m × 10 m square is that, not 24.6 million km²); an unknown one is refused")
    func legacyCRS() throws {
        let r = try borderkit(["measure", Self.world("crs-3857.geojson"), "-f", "json"])
        #expect(r.status == 0 && r.stderrText.contains("warning") && r.stderrText.contains("reprojected from urn:ogc:def:crs:EPSG::3857"), "\(r.stderrText)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let area = try #require((o["features"] as? [[String: Any]])?.first?["area_m2"] as? Double)
        // Hand calculation: spherical Mercator's inverse on the WGS84 semi-major axis, then Planimeter.
        let a = 6_378_137.0
        func lonLat(_ x: Double, _ y: Double) -> (Double, Double) { (x / a * 180 / .pi, (2 * atan(exp(y / a)) - .pi / 2) * 180 / .pi) }
        let expected = try GeographicLib.polygon([lonLat(1_000_000, 5_000_000), lonLat(1_000_050, 5_000_000),
                                                  lonLat(1_000_050, 5_000_010), lonLat(1_000_000, 5_000_010)]).area
        #expect(abs(area - expected) < 1e-6 * expected, "\(area) vs \(expected)")
        let b = try borderkit(["borders", "--territories", Self.world("crs-3857.geojson")])
        #expect(b.status == 0 && b.stderrText.contains("reprojected from urn:ogc:def:crs:EPSG::3857"))
        let bad = try borderkit(["measure", Self.world("crs-unknown.geojson")])
        #expect(bad.status == 2 && bad.stderrText.contains("/crs") && bad.stderrText.contains("EPSG:999999") && bad.stdout.isEmpty, "\(bad.stderrText)")
    }

    @Test("null and empty geometries are skipped with a warning naming the feature; a duplicate id is a clear error")
    func nullsAndDuplicates() throws {
        for command in [["areas"], ["borders"], ["map", "-o", "/dev/null"]] {
            let r = try borderkit(command + ["--territories", Self.world("null-empty.geojson")])
            #expect(r.status == 0, "\(command): \(r.stderrText)")
            #expect(r.stderrText.contains("/features/0: a: null geometry, skipped") && r.stderrText.contains("/features/1: b: empty polygon, skipped"))
        }
        // Written to as a device, not replaced by a file renamed over it.
        #expect((try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType) == .typeCharacterSpecial)
        let dup = try borderkit(["areas", "--territories", Self.world("null-empty-duplicate.geojson")])
        #expect(dup.status == 2 && dup.stderrText.contains("duplicate territory id \"c\"") && dup.stdout.isEmpty)
    }

    // MARK: - The world file

    @Test("exclaves by land on the Natural Earth world: Kaliningrad, Alaska, Nakhchivan, Cabinda, Musandam, Temburong, Oecusse; islands are detached parts",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func worldExclaves() throws {
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let o = try json(["areas", "--territories", world, "--id-property", "ADM0_A3"])
        let exclaves = try #require(o["exclaves"] as? [[String: Any]])
        func has(_ list: [[String: Any]], _ country: String, _ neighbour: String) -> Bool {
            list.contains { $0["territory"] as? String == country && (($0["neighbours"] as? [String]) ?? []).contains(neighbour) }
        }
        for (country, neighbour) in [("RUS", "LTU"), ("USA", "CAN"), ("AZE", "ARM"), ("AGO", "COD"), ("OMN", "ARE"), ("BRN", "MYS"), ("TLS", "IDN")] {
            #expect(has(exclaves, country, neighbour), "\(country) exclave by \(neighbour)")
        }
        #expect(!exclaves.contains { ["GBR", "IDN", "GRC", "JPN", "PHL", "NZL", "NOR", "CHL", "ARG"].contains($0["territory"] as? String ?? "") },
                "no island is an exclave")
        #expect(exclaves.count < 40, "\(exclaves.count) exclaves: islands are not")
        let detached = try #require(o["detached_parts"] as? [[String: Any]])
        #expect(has(detached, "GBR", "IRL") && has(detached, "IDN", "PNG") && has(detached, "CHL", "ARG"))
        #expect(detached.count > 1_000)
        #expect((o["overlaps"] as? [Any])?.isEmpty == true, "Natural Earth is a clean coverage")
    }
}
