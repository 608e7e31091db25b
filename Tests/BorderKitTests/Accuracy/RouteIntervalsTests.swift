@testable import BorderKit
import Foundation
import GeoCore
import Testing

/// How far a crossing may move (`RouteIntervals.crossingShift`) where the border bends at the crossing.
@Suite struct RouteIntervalsTests {
    static func territory(_ id: String, _ ring: [Position]) -> Territory {
        Territory(id: id, name: nil, geometry: .multiPolygon(MultiPolygon([Polygon([ring + [ring[0]]])])), index: 0, pointer: "")
    }

    @Test("A route crossing at the vertex where the border bends: a / sin θ at the segment of the smaller angle, whichever way the border runs")
    func crossingAtABend() throws {
        // The border runs north from (0, −1) to (0, 0), then north-east to (0.5, 1); the route runs east along the
        // equator through the bend.
        let west = Self.territory("a", [Position(-1, -1), Position(0, -1), Position(0, 0), Position(0.5, 1), Position(-1, 1)])
        let east = Self.territory("b", [Position(0, -1), Position(1, -1), Position(1, 1), Position(0.5, 1), Position(0, 0)])
        let route = Route(id: "r", name: "r", positions: [Position(-0.5, 0), Position(0.5, 0)])
        let g = Geodesic.wgs84
        let along = g.distance(Position(-0.5, 0), Position(0, 0))
        // The angle at each segment (the route heads due east, 90°): the northward segment meets it at 90°, the
        // north-eastern one at 90° less its azimuth.
        let sineNorth = abs(sin((90 - g.inverse(Position(0, -1), Position(0, 0)).azimuth2) * .pi / 180))
        let sineNorthEast = abs(sin((90 - g.inverse(Position(0, 0), Position(0.5, 1)).azimuth1) * .pi / 180))
        #expect(sineNorthEast < 0.95 && abs(sineNorth - 1) < 1e-9)
        for territories in [[west, east], [east, west]] {
            let context = try RouteContext(territories: territories)
            let crossing = Crossing(from: territories[0].id, to: territories[1].id, at: along, position: Position(0, 0), afterRunningAlong: false)
            let shift = try RouteIntervals.crossingShift(crossing, accuracy: 1_000, path: RoutePath(route), context: context)
            #expect(abs(shift - 1_000 / sineNorthEast) < 1e-6, "\(shift) m, expected \(1_000 / sineNorthEast) (not \(1_000 / sineNorth))")
        }
    }
}
