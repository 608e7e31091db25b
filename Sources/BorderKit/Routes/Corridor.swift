import Foundation
import GeoCore

/// A corridor of a given total width along a route, with its geodesic area per jurisdiction.
public struct Corridor: Sendable {
    /// Total width, metres.
    public var width: Double
    /// The corridor's polygons (lon/lat on WGS84).
    public var geometry: Geometry
    /// Geodesic area, m².
    public var area: Double
    /// Geodesic m² per jurisdiction, in `IDOrder`.
    public var byJurisdiction: [JurisdictionArea]

    /// Buffers the route by half the width: its densified parts (`RoutePath(densified:)`, 1 km) cut into pieces
    /// of at most 200 km, each buffered in its own azimuthal equidistant projection centred on the piece
    /// (`AzimuthalEquidistant`: geodesics, no PROJ context; `GEOSBuffer_r`, 16 segments a quarter circle), back
    /// to lon/lat, unioned (`GEOSUnaryUnion_r`). At 100 km from a centre the projection's
    /// scale error is about 4e-5, a tenth of a metre on a 2.5 km half-width.
    static func build(_ path: RoutePath, width: Double, context: RouteContext, index: Routes.Indexes) throws -> Corridor {
        let pieceLength = 200_000.0
        var parts: [Geometry] = []
        for measure in path.parts where measure.length > 0 {
            let count = max(1, Int((measure.length / pieceLength).rounded(.up)))
            for k in 0..<count {
                let a = measure.length * Double(k) / Double(count), b = measure.length * Double(k + 1) / Double(count)
                var positions = [measure.position(at: a)]
                for (i, c) in measure.cumulative.enumerated() where c > a && c < b { positions.append(measure.positions[i]) }
                positions.append(measure.position(at: b))
                // The part is densified to 1 km already (`RoutePath(densified:)`).
                let dense = positions
                // The projection's inverse keeps longitudes near the centre's, so a piece across ±180° stays whole.
                let projection = AzimuthalEquidistant(center: measure.position(at: (a + b) / 2))
                let buffered = try projection.forward(Geometry.lineString(LineString(dense))).buffer(width / 2, style: BufferStyle(quadrantSegments: 16))
                parts.append(projection.inverse(buffered))
            }
        }
        let geometry = parts.isEmpty ? Geometry.multiPolygon(MultiPolygon([])) : try Geometry.union(of: parts)
        var byJurisdiction: [(String, Double)] = []
        if let box = geometry.envelope?.expanded(by: 0.01) {
            // The territories near the route, within the half-width of a run of 16 of its segments (no other
            // meets the corridor: a long corridor's box holds many territories it never comes near), each met
            // with the whole corridor, converted to GEOS once per frame (`PreparedGeometry`), not once per territory.
            var near = Set<Int>(), frames: [Double: PreparedGeometry] = [:]
            for measure in path.parts where measure.length > 0 {
                for (_, run) in measure.runs(of: 16) {
                    // Degrees of latitude per metre are at most 1 / 110,574; of longitude they grow with latitude.
                    let latitude = min(89.0, max(abs(run.minY), abs(run.maxY)) + width / 110_000)
                    let dx = width / 2 / (111_000 * max(cos(latitude * .pi / 180), 0.01)) * 1.1 + 0.001
                    let dy = width / 2 / 110_000 * 1.1 + 0.001
                    let grown = Envelope(minX: run.minX - dx, minY: run.minY - dy, maxX: run.maxX + dx, maxY: run.maxY + dy)
                    for (i, _) in try index.territories(near: grown) { near.insert(i) }
                }
            }
            for (i, dx) in try index.territories(near: box) where near.contains(i) {
                // Clipping the territory to the corridor's box first (`GEOSClipByRect_r`) spares the overlay the
                // thousands of vertices of a whole country.
                let clipped = try context.territories[i].geometry.clipped(to: box.translated(dx: dx))
                if frames[dx] == nil { frames[dx] = try PreparedGeometry(geometry.translated(dx: dx)) }
                let area = Geodesic.wgs84.area(of: try frames[dx]!.intersection(clipped))
                if area > 0 { byJurisdiction.append((context.territories[i].id, area)) }
            }
        }
        return Corridor(width: width, geometry: geometry, area: Geodesic.wgs84.area(of: geometry),
                        byJurisdiction: byJurisdiction.sorted { IDOrder.less($0.0, $1.0) }.map { JurisdictionArea(id: $0.0, area: $0.1) })
    }
}
