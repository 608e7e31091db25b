@testable import BorderKit
import GeoCore
import Testing

/// The profile's planar nearest point against GEOS's (`GEOSSTRtree_nearest_r` then `GEOSNearestPoints_r`), on
/// seeded random pieces and points: the same distance, to the last bit, whatever the order of the asks.
@Suite struct PlanarNearestTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test func sameDistanceAsGEOS() throws {
        var rng = Rng(state: 42)
        for _ in 0..<20 {
            var pieces: [Geometry] = []
            for _ in 0..<Int(1 + rng.next() * 40) {
                var x = rng.next() * 100_000, y = rng.next() * 100_000
                var line = [Position(x, y)]
                for _ in 0..<Int(1 + rng.next() * 8) {
                    x += (rng.next() - 0.5) * 2_000
                    y += (rng.next() - 0.5) * 2_000
                    line.append(Position(x, y))
                }
                pieces.append(.lineString(LineString(line)))
            }
            let tree = try STRtree(pieces)
            var planar = PlanarNearest(pieces)
            for _ in 0..<50 {
                let q = Position(rng.next() * 120_000 - 10_000, rng.next() * 120_000 - 10_000)
                let point = Geometry.point(Point(q))
                let j = try #require(try tree.nearest(to: point))
                let geos = try point.nearestPoints(pieces[j]).onOther
                let found = planar.nearest(to: q)
                let mine = try #require(found)
                let d = { (p: Position) in ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot() }
                #expect(d(mine.point) == d(geos), "point \(q)")
            }
        }
        var none = PlanarNearest([])
        let nothing = none.nearest(to: Position(0, 0))
        #expect(nothing == nil)
    }
}
