import GeoCore
import Testing

/// The local azimuthal equidistant projection: distances from its centre are true.
@Suite struct ProjectionTests {
    @Test("distance from the centre equals the geodesic distance (within 1 mm at 300 km)")
    func equidistant() throws {
        let center = Position(45.5, 39.5)
        let projection = try Projection(center: center)
        for (azimuth, distance) in [(0.0, 1_000.0), (37.0, 50_000.0), (135.0, 120_000.0), (260.0, 300_000.0)] {
            let p = Geodesic.wgs84.direct(from: center, azimuth: azimuth, distance: distance).position
            let xy = try projection.forward(p)
            #expect(abs((xy.x * xy.x + xy.y * xy.y).squareRoot() - distance) <= 1e-3)
            let back = try projection.inverse(xy)
            #expect(abs(back.lon - p.lon) <= 1e-9 && abs(back.lat - p.lat) <= 1e-9)
        }
        #expect(try projection.forward(center) == Position(0, 0))
    }

    @Test("a bad centre is a thrown error with PROJ's message, not a crash")
    func badCenter() {
        #expect(throws: ProjError.self) { try Projection(center: Position(0, 95)) }
    }
}
