import GeoCore
import Testing
import TestSupport

/// The lower bounds of geodesic distance from lon/lat gaps, against Karney's distance (`geod_inverse`): never
/// above it, and close to it where one gap dominates.
@Suite struct GeodesicLowerBoundTests {
    @Test("20,000 seeded pairs up to 89.9° of latitude and 5° apart: the bound never exceeds the geodesic distance")
    func neverAbove() {
        var rng = SeededGenerator(seed: 7)
        var worst = 0.0
        for k in 0..<20_000 {
            let lat1 = Double.random(in: (k % 10 == 0 ? -89.9 : -80)...(k % 10 == 0 ? 89.9 : 80), using: &rng)
            let scale = [1e-5, 1e-3, 0.1, 1, 5][k % 5]
            let lat2 = max(-89.9, min(89.9, lat1 + Double.random(in: -scale...scale, using: &rng)))
            let lon1 = Double.random(in: -180..<180, using: &rng)
            let lon2 = lon1 + Double.random(in: -scale...scale, using: &rng)
            let bound = GeodesicLowerBound(maxLatitude: max(abs(lat1), abs(lat2)))
            let b = bound.metres(latitudeGap: abs(lat2 - lat1), longitudeGap: abs(lon2 - lon1))
            let d = Geodesic.wgs84.distance(Position(lon1, lat1), Position(lon2, lat2))
            #expect(b <= d, "(\(lon1), \(lat1)) → (\(lon2), \(lat2)): bound \(b) m, geodesic \(d) m")
            worst = max(worst, b / max(d, 1e-300))
        }
        #expect(worst > 0.99, "the bound is that close somewhere (\(worst))")
    }

    @Test("Along a meridian and along a parallel the bound is within 1% of the distance (up to 60° of latitude, 3° apart)")
    func tightAlongOneGap() {
        for lat in stride(from: -60.0, through: 60, by: 7.5) {
            for gap in [0.001, 0.1, 1, 3] {
                let meridian = Geodesic.wgs84.distance(Position(30, lat), Position(30, min(lat + gap, 89)))
                let m = GeodesicLowerBound(maxLatitude: max(abs(lat), abs(min(lat + gap, 89)))).metres(latitudeGap: min(lat + gap, 89) - lat, longitudeGap: 0)
                #expect(m <= meridian && m > 0.99 * meridian, "meridian at \(lat)° over \(gap)°: \(m) vs \(meridian)")
                let parallel = Geodesic.wgs84.distance(Position(30, lat), Position(30 + gap, lat))
                let p = GeodesicLowerBound(maxLatitude: abs(lat)).metres(latitudeGap: 0, longitudeGap: gap)
                #expect(p <= parallel && p > 0.99 * parallel, "parallel at \(lat)° over \(gap)°: \(p) vs \(parallel)")
            }
        }
    }

    @Test("Between boxes: below the distance of any two points drawn from them (2,000 seeded pairs of boxes)")
    func boxes() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            func box() -> Envelope {
                let x = Double.random(in: 40...50, using: &rng), y = Double.random(in: 35...45, using: &rng)
                return Envelope(minX: x, minY: y, maxX: x + Double.random(in: 0...0.3, using: &rng), maxY: y + Double.random(in: 0...0.3, using: &rng))
            }
            let a = box(), b = box()
            let bound = GeodesicLowerBound(maxLatitude: max(a.maxY, b.maxY)).metres(between: a, and: b)
            for _ in 0..<5 {
                let p = Position(Double.random(in: a.minX...a.maxX, using: &rng), Double.random(in: a.minY...a.maxY, using: &rng))
                let q = Position(Double.random(in: b.minX...b.maxX, using: &rng), Double.random(in: b.minY...b.maxY, using: &rng))
                #expect(bound <= Geodesic.wgs84.distance(p, q), "\(a) \(b): \(bound)")
            }
        }
    }
}
