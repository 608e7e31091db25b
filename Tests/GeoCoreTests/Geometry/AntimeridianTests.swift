import GeoCore
import Testing

/// The antimeridian rule (`Geometry+Antimeridian.swift`): jumps read the short way, split parts found, the
/// east-shifted frame exact to the bit, RFC 7946 output split at ±180°.
@Suite struct AntimeridianTests {
    static func ring(_ points: [(Double, Double)]) -> [Position] { (points + [points[0]]).map { Position($0.0, $0.1) } }

    @Test("forms: none, crosses (a jump over 180°), split (parts on +180 and −180), around a pole")
    func forms() throws {
        #expect(Geometry.polygon(Polygon([Self.ring([(0, 0), (1, 0), (1, 1)])])).antimeridianForm == .none)
        #expect(Geometry.lineString(LineString([Position(170, 0), Position(-170, 0)])).antimeridianForm == .crosses)
        let split = Geometry.multiPolygon(MultiPolygon([Polygon([Self.ring([(170, 0), (180, 0), (180, 5)])]),
                                                        Polygon([Self.ring([(-180, 0), (-175, 0), (-180, 5)])])]))
        #expect(split.antimeridianForm == .split)
        // Natural Earth's Antarctica: one ring from −180° to +180° closed along the pole.
        let antarctica = Geometry.polygon(Polygon([Self.ring([(-180, -90), (-180, -80), (0, -70), (180, -80), (180, -90), (0, -90)])]))
        #expect(antarctica.antimeridianForm == .aroundPole)
        #expect(try antarctica.continuousAcrossAntimeridian() == antarctica)
    }

    @Test("east-shifted: parts west of 0° move by exactly x + 360, parts straddling 0° stay; a line round the world is refused")
    func eastShifted() throws {
        let x = -179.123456789
        let shifted = Geometry.multiPolygon(MultiPolygon([Polygon([Self.ring([(x, 1), (-170, 1), (-170, 2)])]),
                                                          Polygon([Self.ring([(-2, 40), (3, 40), (3, 45)])])])).eastShifted()
        #expect(shifted.polygons[0].rings[0][0].x == x + 360)
        #expect(shifted.polygons[1].rings[0][0].x == -2, "a part straddling 0° stays")
        #expect(Position(x, 1).eastShiftedKey == Position(x + 360, 1).eastShiftedKey)
        let round = Geometry.lineString(LineString([Position(-10, 0), Position(100, 0), Position(-150, 0), Position(-10, 1)]))
        #expect(throws: AntimeridianError.self) { try round.continuousAcrossAntimeridian() }
    }

    @Test("split parts joined: one polygon, the cut gone, every vertex kept")
    func joined() throws {
        let split = Geometry.multiPolygon(MultiPolygon([Polygon([Self.ring([(170, 20), (180, 20), (180, 30), (170, 30)])]),
                                                        Polygon([Self.ring([(-180, 20), (-170, 20), (-170, 30), (-180, 30)])])]))
        let body = try split.continuousAcrossAntimeridian().joinedAcrossAntimeridian()
        #expect(body.polygons.count == 1)
        #expect(body.polygons[0].rings[0].contains(Position(180, 20)) && body.polygons[0].rings[0].contains(Position(190, 30)))
    }

    @Test("written as RFC 7946: a crossing line and a shifted polygon come out split at ±180°, every longitude within range")
    func writtenSplit() throws {
        func write(_ g: Geometry) throws -> GeoJSON {
            try GeoJSONReader(source: "t").read(GeoJSONWriter().data(.geometry(g)))
        }
        guard case .geometry(let line) = try write(.lineString(LineString([Position(170, 10), Position(-170, 10)]))) else { Issue.record("not a geometry"); return }
        #expect(line.lineStrings.count == 2 && line.lineStrings.allSatisfy { $0.positions.allSatisfy { abs($0.x) <= 180 } })
        #expect(Set(line.lineStrings.flatMap(\.positions).map(\.x)) == [170, 180, -180, -170])
        let box = Geometry.polygon(Polygon([Self.ring([(175, 0), (185, 0), (185, 5), (175, 5)])]))
        guard case .geometry(let split) = try write(box) else { Issue.record("not a geometry"); return }
        #expect(split.polygons.count == 2 && split.antimeridianForm == .split)
        // The cut adds vertices where the lon/lat edges meet 180° (as GDAL's -wrapdateline does); with those in the
        // whole, nothing is lost or gained.
        let withCut = Geometry.polygon(Polygon([Self.ring([(175, 0), (180, 0), (185, 0), (185, 5), (180, 5), (175, 5)])]))
        #expect(abs(Geodesic.wgs84.area(of: split) - Geodesic.wgs84.area(of: withCut)) < 1e-9 * Geodesic.wgs84.area(of: withCut))
        guard case .geometry(let point) = try write(.point(Point(190, 3))) else { Issue.record("not a geometry"); return }
        #expect(point.pointPosition == Position(-170, 3))
    }

    @Test("a local projection centred east of 180° gives positions back near its centre")
    func projection() throws {
        let p = try Projection(center: Position(185, 60))
        let back = try p.inverse(try p.forward(Position(183, 61)))
        #expect(abs(back.x - 183) < 1e-9 && abs(back.y - 61) < 1e-9)
    }
}
