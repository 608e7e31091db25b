import GeoCore
import Testing

/// The geodesic azimuthal equidistant projection against PROJ's `+proj=aeqd` and back.
@Suite struct AzimuthalEquidistantTests {
    @Test("Forward agrees with PROJ's aeqd within 1 mm out to 2,000 km; inverse returns the point within 1e-9°", arguments: [
        Position(45, 40), Position(179.5, 10), Position(-70, -33), Position(0, 89),
    ])
    func againstPROJ(center: Position) throws {
        let ours = AzimuthalEquidistant(center: center), proj = try Projection(center: center)
        for (dx, dy) in [(0.0, 0.0), (0.3, 0.2), (-5, 3), (12, -9), (-0.7, -0.5)] {
            var p = Position(center.lon + dx, max(-89.9, min(89.9, center.lat + dy)))
            if p.x > 180 { p.x -= 360 }
            let a = ours.forward(p), b = try proj.forward(p)
            #expect(abs(a.x - b.x) < 1e-3 && abs(a.y - b.y) < 1e-3, "\(center) \(p): \(a) vs \(b)")
            let back = ours.inverse(a)
            var dlon = back.lon - p.lon
            dlon -= 360 * (dlon / 360).rounded()
            #expect(abs(dlon) < 1e-9 && abs(back.lat - p.lat) < 1e-9, "\(p) → \(back)")
            // Longitudes come back within 180° of the centre's (continuous round the antimeridian).
            #expect(abs(back.lon - center.lon) <= 180)
        }
    }
}
