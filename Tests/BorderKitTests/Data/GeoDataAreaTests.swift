import BorderKit
import GeoCore
import Testing

/// The claims, control and border-status layers against published figures and what they must contain.
@Suite struct GeoDataAreaTests {
    let claims: [String: Feature]
    let control: [String: Feature]
    let status: [String: Feature]
    let territories: [String: Geometry]
    let routes: [String: Geometry]
    let g = Geodesic.wgs84

    init() throws {
        let data = try EmbeddedData.locate()
        claims = try data.features(byID: "claims")
        control = try data.features(byID: "control")
        status = try data.features(byID: "border-status")
        territories = try data.geometries(byID: "territories")
        routes = try data.geometries(byID: "routes")
    }

    @Test("the former oblast: 4,388 km² ± 5%")
    func oblast() throws {
        let km2 = g.area(of: claims["claim-nkr-former-nkao"]!.geometry!) / 1e6
        print("GeoData former NKAO: \(km2) km² (published 4,388)")
        #expect(abs(km2 - 4_388) / 4_388 <= 0.05)
    }

    @Test("held 1994–2020: inside Azerbaijan, holds Lachin, Kalbajar, Khankendi and Shusha, not Baku or Barda's plain")
    func held() throws {
        let held = control["control-armenian-forces-1994-2020"]!.geometry!
        for (name, lon, lat) in [("Lachin", 46.54977, 39.63742), ("Kalbajar", 46.04446, 40.10984),
                                 ("Khankendi", 46.7528, 39.8177), ("Shusha", 46.74989, 39.76006)] {
            #expect(try held.contains(.point(Point(lon, lat))), "\(name) is not in the held area")
        }
        #expect(try !held.contains(.point(Point(49.89201, 40.37767))))
        let outside = g.area(of: try held.difference(territories["azerbaijan"]!))
        #expect(outside < 1)
        let km2 = g.area(of: held) / 1e6
        print("GeoData held 1994–2020: \(km2) km²")
        #expect(km2 > 4_388 && km2 < 86_600 * 0.2)
    }

    @Test("the Lachin corridor is 5 km wide: its edge lies 2,500 m from the road (± 5 m, geodesic) away from the border")
    func corridorWidth() throws {
        let corridor = control["control-lachin-corridor-2020-2022"]!.geometry!
        let road = g.densify(routes["road-lachin-corridor"]!.lineStrings[0].positions, maxSegment: 20)
        let armenia = try territories["armenia"]!.boundary()
        var checked = 0
        for polygon in corridor.polygons {
            for p in polygon.rings[0] {
                if try armenia.planarDistance(to: .point(Point(p))) < 0.001 { continue }   // cut by the border
                let d = road.map { g.distance($0, p) }.min()!
                #expect(abs(d - 2_500) <= 5, "corridor edge \(d) m from the road at \(p)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("exclaves: Artsvashen claimed by Armenia and held by Azerbaijan; Yukhari Askipara, Barkhudarly–Sofulu and Karki held by Armenia")
    func exclaves() throws {
        #expect(claims["claim-am-exclave-1"]?.properties?["claimant"] == .string("Armenia"))
        #expect(control["control-am-exclave-1"]?.properties?["holder"] == .string("Azerbaijan"))
        #expect(try claims["claim-am-exclave-1"]!.geometry!.contains(.point(Point(45.51, 40.637))))
        for i in 1...2 {
            #expect(claims["claim-az-exclave-\(i)"]?.properties?["claimant"] == .string("Azerbaijan"))
            #expect(control["control-az-exclave-\(i)"]?.properties?["holder"] == .string("Armenia"))
        }
        // Named by the villages (Wikipedia coordinates) in or within 2 km of Natural Earth's parts.
        #expect(claims["claim-az-exclave-1"]?.properties?["name"] == .string("Yukhari Askipara"))
        #expect(claims["claim-az-exclave-2"]?.properties?["name"] == .string("Barkhudarly and Sofulu"))
        // Karki: a disc of the published 19 km² (by construction) around the village, inside Armenia's territory.
        let karki = try #require(claims["claim-az-exclave-karki"]?.geometry)
        #expect(control["control-az-exclave-karki"]?.properties?["holder"] == .string("Armenia"))
        #expect(try karki.contains(.point(Point(44.94361, 39.78556))))
        #expect(abs(g.area(of: karki) / 1e6 - 19) < 0.1)
        #expect(g.area(of: try karki.difference(territories["armenia"]!)) < 1)
    }

    /// A control feature, its geometry and its geodesic area in km², printed beside the published figure.
    func measured(_ id: String, published: String) throws -> (feature: Feature, geometry: Geometry, km2: Double) {
        let f = try #require(control[id])
        let km2 = g.area(of: f.geometry!) / 1e6
        print("GeoData \(id): \(km2) km² (published \(published))")
        return (f, f.geometry!, km2)
    }

    @Test("held by Armenian forces 2020–2023: about 2,800–3,170 km² (published, ± 10%), inside the oblast, Khankendi in, Shusha out")
    func held2020() throws {
        let (f, held, km2) = try measured("control-armenian-forces-2020-2023", published: "about 2,800–3,170")
        #expect(km2 >= 2_800 * 0.9 && km2 <= 3_170 * 1.1)
        #expect(g.area(of: try held.difference(claims["claim-nkr-former-nkao"]!.geometry!)) < 1)
        #expect(try held.contains(.point(Point(46.7528, 39.8177))))     // Khankendi / Stepanakert
        #expect(try !held.contains(.point(Point(46.74989, 39.76006))))  // Shusha
        #expect(f.properties?["from"] == .string("2020-11-10") && f.properties?["to"] == .string("2023-09-20"))
    }

    @Test("the four villages returned in 2024: 6.5 km² ± 30% in Azerbaijan along the delimited section, by the located villages")
    func returnedVillages() throws {
        let (f, strip, km2) = try measured("control-returned-villages-2024", published: "6.5; the depth is sized to it, GeoData/README.md")
        #expect(abs(km2 - 6.5) / 6.5 <= 0.30)
        #expect(f.properties?["holder"] == .string("Armenia") && f.properties?["to"] == .string("2024-05-24"))
        // Outside Azerbaijan: no more than the layer's 1e-7° grid (about 1 cm) allows along 12.7 km of border.
        let outside = g.area(of: try strip.difference(territories["azerbaijan"]!))
        #expect(outside < 200, "\(outside) m² outside Azerbaijan")
        // Placement is the data: Baghanis Ayrum and Ashagi Askipara (Wikipedia) lie within 2 km of the strip.
        let projection = try Projection(center: Position(45.08, 41.09))
        let projected = try projection.forward(strip)
        for (name, lon, lat) in [("Baghanis Ayrum", 45.08194, 41.09667), ("Ashagi Askipara", 45.08278, 41.07556)] {
            let d = try projected.planarDistance(to: .point(Point(try projection.forward(Position(lon, lat)))))
            #expect(d < 2_000, "\(name) is \(d) m from the returned strip")
        }
    }

    @Test("Armenian territory held by Azerbaijan since 2021–2022: 139 km² (published, by construction) inside Armenia by its eastern border")
    func heldInArmenia() throws {
        let (f, strip, km2) = try measured("control-azerbaijan-in-armenia-2021-2022", published: "139; the depth is sized to it")
        #expect(abs(km2 - 139) < 0.5)
        #expect(f.properties?["holder"] == .string("Azerbaijan") && f.properties?["from"] == .string("2021-05-12"))
        #expect(g.area(of: try strip.difference(territories["armenia"]!)) < 1)
        let e = try #require(strip.envelope)
        #expect(e.minY > 39.1 && e.maxY < 40.3 && e.minX > 45.3)
    }

    @Test("the 2024 delimited section lies on the Armenia–Azerbaijan border and starts by Baghanis")
    func delimited() throws {
        let f = try #require(status["delimited-2024-tavush-gazakh"])
        #expect(f.properties?["status"] == .string("delimited"))
        let line = f.geometry!
        let border = try territories["armenia"]!.boundary().intersection(territories["azerbaijan"]!.boundary())
        // On the border: nothing of it further than 1e-6° (about 0.1 m) from the border line.
        #expect(g.length(of: try line.difference(border.buffer(1e-6))) < 1)
        // Its length is the published 12.7 km by construction (GeoData/README.md), so only its place is checked.
        let start = line.lineStrings[0].positions[0]
        #expect(g.distance(start, Position(45.05658, 41.10925)) < 5_000)   // Baghanis (GeoNames 616829)
    }

    @Test("the 1994–2020 line of contact is a historic line of control inside Azerbaijan")
    func lineOfControl() throws {
        let f = try #require(status["line-of-control-1994-2020"])
        #expect(f.properties?["status"] == .string("line of control"))
        #expect(f.properties?["historic"] == .bool(true))
        let line = f.geometry!
        #expect(g.length(of: try line.difference(territories["azerbaijan"]!)) < 100)
        let km = g.length(of: line) / 1e3
        #expect(km > 150 && km < 300)
    }
}
