import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// `Routes.run`: crossings and lengths on a grid (against GeodSolve), a route along a border, a corridor's edge
/// distance at 60° N, name lookup, and the embedded cases.
@Suite struct RoutesTests {
    static func cell(_ id: String, _ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Territory {
        Territory(id: id, geometry: .polygon(Polygon([[Position(w, s), Position(e, s), Position(e, n), Position(w, n), Position(w, s)]])))
    }

    static func geodSolve(_ a: Position, _ b: Position) throws -> Double {
        guard let exe = TestPaths.which("GeodSolve") else { Issue.record("GeodSolve not found"); return .nan }
        let r = try run(exe, ["-i", "-p", "9"], input: Data("\(a.lat) \(a.lon) \(b.lat) \(b.lon)\n".utf8))
        return Double(r.stdoutText.split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    var options: RouteOptions {
        var o = RouteOptions()
        o.corridor = 0
        return o
    }

    @Test("a route along the equator across three cells: two crossings in order, lengths against GeodSolve")
    func equator() throws {
        // Borders on meridians and a route on the equator: all three are geodesics, so GeodSolve gives every figure.
        let cells = [Self.cell("w", 0, -1, 1, 1), Self.cell("m", 1, -1, 2, 1), Self.cell("e", 2, -1, 3, 1)]
        let route = Route(id: "r", name: "r", positions: [Position(0.5, 0), Position(2.5, 0)])
        let r = try #require(try Routes.run([route], context: RouteContext(territories: cells), options: options).first)
        #expect(r.crossings.map { [$0.from ?? "-", $0.to ?? "-"] } == [["w", "m"], ["m", "e"]])
        let first = try Self.geodSolve(Position(0.5, 0), Position(1, 0)), middle = try Self.geodSolve(Position(1, 0), Position(2, 0))
        #expect(abs(r.crossings[0].at - first) < 0.01 && abs(r.crossings[1].at - (first + middle)) < 0.01)
        #expect(abs(r.crossings[0].position.lon - 1) < 1e-7 && abs(r.crossings[0].position.lat) < 1e-7)
        let lengths = Dictionary(uniqueKeysWithValues: r.byJurisdiction.map { ($0.id, $0.length) })
        #expect(abs(lengths["m"]! - middle) < 0.01 && abs(lengths["w"]! - first) < 0.01)
        #expect(abs(r.length - (try Self.geodSolve(Position(0.5, 0), Position(2.5, 0)))) < 1e-6)
        #expect(r.outside == 0)
        for sample in r.profile.samples {
            let expected = min(try Self.geodSolve(sample.position, Position(1, 0)), try Self.geodSolve(sample.position, Position(2, 0)))
            #expect(abs(sample.distance - expected) < 0.01, "at \(sample.at) m")
        }
        let minimum = try #require(r.profile.minimum)
        #expect(minimum.distance <= 500)   // a sample falls within half a step of each crossing
    }

    @Test("a long route of 19,968 segments across 40 cells (cut run by run, some runs ending on a border): 39 crossings on the meridians, each cell's degree of the equator as GeodSolve gives it, the corridor's areas per cell adding up to its area")
    func longRouteAcrossManyCells() throws {
        let cells = (0..<40).map { k in Self.cell(String(format: "c%02d", k), Double(k), -1, Double(k + 1), 1) }
        // A vertex every 1/512°: the runs of 256 segments end every half degree, on every meridian between cells.
        let route = Route(id: "r", name: "r", positions: (0...(39 * 512)).map { Position(0.5 + Double($0) / 512, 0) })
        var options = RouteOptions()
        options.corridor = 5_000
        let r = try #require(try Routes.run([route], context: RouteContext(territories: cells), options: options).first)
        #expect(r.crossings.count == 39)
        let half = try Self.geodSolve(Position(0.5, 0), Position(1, 0)), degree = try Self.geodSolve(Position(1, 0), Position(2, 0))
        for (k, c) in r.crossings.enumerated() {
            #expect(c.from == String(format: "c%02d", k) && c.to == String(format: "c%02d", k + 1))
            #expect(abs(c.position.lon - Double(k + 1)) < 1e-9 && abs(c.at - (half + Double(k) * degree)) < 0.01, "crossing \(k): \(c.position) at \(c.at)")
        }
        let lengths = Dictionary(uniqueKeysWithValues: r.byJurisdiction.map { ($0.id, $0.length) })
        #expect(lengths.count == 40 && abs(lengths["c00"]! - half) < 0.01 && abs(lengths["c39"]! - half) < 0.01)
        for k in 1..<39 { #expect(abs(lengths[String(format: "c%02d", k)]! - degree) < 0.01) }
        let corridor = try #require(r.corridor)
        #expect(corridor.byJurisdiction.count == 40)
        let sum = corridor.byJurisdiction.reduce(0) { $0 + $1.area }
        #expect(abs(sum - corridor.area) < 1e-9 * corridor.area, "\(sum) m² against \(corridor.area) m²")
    }

    @Test("a route crossing eleven borders: its nearest border is 0 m at the first crossing, whichever the index finds")
    func nearestAtFirstCrossing() throws {
        // Twelve cells of 0.1° in a row; the route crosses the meridians 0.1° … 1.1° in order, the first at 0.1° E.
        let cells = (0..<12).map { Self.cell("c\($0)", Double($0) / 10, -1, Double($0 + 1) / 10, 1) }
        let route = Route(id: "r", name: "r", positions: [Position(0.05, 0.01), Position(1.15, -0.01)])
        let r = try #require(try Routes.run([route], context: RouteContext(territories: cells), options: options).first)
        #expect(r.crossings.count == 11)
        let nearest = try #require(r.nearestBorder)
        #expect(nearest.distance == 0)
        #expect(abs(nearest.at - r.crossings[0].at) < 0.01, "\(nearest.at) vs first crossing \(r.crossings[0].at)")
        #expect(abs(nearest.position.lon - 0.1) < 1e-7)
    }

    @Test("a route running along a shared border is one stretch along it, not a flurry of crossings")
    func alongBorder() throws {
        let cells = [Self.cell("w", 0, 0, 1, 2), Self.cell("e", 1, 0, 2, 2)]
        // Zigzags across the border at x = 1 within 30 m for 1°, then leaves into the east cell. The run goes to
        // the side that holds most of it: starting on the west side, the west (the route crosses after running
        // along); starting on the east side, the east (it crosses where it reached the border).
        for (firstSide, holder) in [(-1.0, "w"), (1.0, "e")] {
            var positions = [Position(0.5, 0.1), Position(1, 0.2)]
            for k in 0..<40 { positions.append(Position(1 + (k % 2 == 0 ? 0.0002 : -0.0002) * firstSide, 0.2 + Double(k + 1) * 0.025)) }
            positions.append(Position(1.5, 1.5))
            let route = Route(id: "z", name: "z", positions: positions)
            let r = try #require(try Routes.run([route], context: RouteContext(territories: cells), options: options).first)
            #expect(r.alongBorder.count >= 1)
            #expect(r.crossings.count == 1 && r.stretches.count == 2, "\(r.stretches)")
            #expect(r.crossings[0].from == "w" && r.crossings[0].to == "e")
            #expect(r.crossings[0].afterRunningAlong == (holder == "w"))
            let along = try #require(r.stretches.first { !$0.alongBorder.isEmpty })
            #expect(along.jurisdiction == holder, "the along-border stretch goes to \(holder)")
        }
    }

    @Test("a 300 km corridor at 60° N: its edge lies half the width from the route within 1 m (geodesic)")
    func corridor() throws {
        let start = Position(20, 60)
        let end = Geodesic.wgs84.direct(from: start, azimuth: 70, distance: 300_000).position
        let cells = [Self.cell("a", 15, 55, 30, 65)]
        var o = RouteOptions()
        o.corridor = 5_000
        let route = Route(id: "long", name: "long", positions: [start, end])
        let r = try #require(try Routes.run([route], context: RouteContext(territories: cells), options: o).first)
        let c = try #require(r.corridor)
        let dense = Geodesic.wgs84.densify([start, end], maxSegment: 10)
        var worst = 0.0, checked = 0
        for (k, p) in c.geometry.polygons[0].rings[0].enumerated() where k % 7 == 0 {
            let d = dense.map { Geodesic.wgs84.distance($0, p) }.min()!
            worst = max(worst, abs(d - 2_500))
            checked += 1
        }
        print("corridor edge at 60° N: worst |distance − 2,500 m| = \(worst) m over \(checked) vertices")
        #expect(checked > 50)
        #expect(worst <= 1)
        #expect(abs(c.area - 300_000 * 5_000 - Double.pi * 2_500 * 2_500) / c.area < 0.01)
    }

    @Test("names: id or any name, case- and accent-insensitive; unknown names list the routes")
    func names() throws {
        let routes = [Route(id: "syunik-route", name: "Syunik route", names: ["syunik-route", "Zangezur corridor", "Zəngəzur dəhlizi", "TRIPP"], positions: [])]
        for q in ["TRIPP", "tripp", "Zangezur Corridor", "zəngəzur dəhlizi", "ZENGEZUR DEHLIZI", "syunik-route"] {
            #expect(try Route.find(q, in: routes).id == "syunik-route", "\(q)")
        }
        #expect(performing: { _ = try Route.find("Atlantis", in: routes) }, throws: { "\($0)".contains("known routes: syunik-route") })
    }

    @Test("embedded: Syunik route 40–47 km in Armenia, none in Iran; Yeraskh–Horadiz split; Lachin corridor's area per jurisdiction")
    func embedded() throws {
        let data = try EmbeddedData.locate()
        let routes = try Route.load(try data.read("routes"), source: "r")
        let loaded = try Territory.load(try data.read("territories"), source: "t", idProperty: nil)
        let territories = loaded.territories
        let results = try Routes.run(routes, context: RouteContext(territories: territories))
        func km(_ id: String, _ j: String) -> Double {
            (results.first { $0.route.id == id }!.byJurisdiction.first { $0.id == j }?.length ?? 0) / 1e3
        }
        #expect((40...47).contains(km("syunik-route", "armenia")) && km("syunik-route", "iran") == 0)
        #expect(abs(km("rail-yeraskh-horadiz", "armenia") - 42) / 42 <= 0.10)
        let syunik = results.first { $0.route.id == "syunik-route" }!
        #expect(syunik.crossings.map { [$0.from ?? "", $0.to ?? ""] } == [["azerbaijan", "armenia"], ["armenia", "azerbaijan"]])
        let lachin = results.first { $0.route.id == "road-lachin-corridor" }!
        let areas = Dictionary(uniqueKeysWithValues: lachin.corridor!.byJurisdiction.map { ($0.id, $0.area) })
        #expect(areas["armenia"]! > 0 && areas["azerbaijan"]! > areas["armenia"]!)
        print("Lachin corridor road, 5 km corridor: " + lachin.corridor!.byJurisdiction.map { "\($0.id) \($0.area / 1e6) km²" }.joined(separator: ", "))
    }
}
