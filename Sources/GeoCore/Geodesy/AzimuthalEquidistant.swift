import Foundation

/// The ellipsoidal azimuthal equidistant projection centred on a point, computed with geodesics
/// (`geod_geninverse`, `geod_gendirect`): metres east (x) and north (y) of the centre, along the true azimuth at the
/// distance of the geodesic. The same projection as PROJ's `+proj=aeqd +ellps=WGS84` (which also solves geodesics),
/// without a PROJ context.
///
/// Why: analyses that work in metres round each pair of territories, each piece or each route need a projection
/// of their own, 10^5–10^6 of them; a `Projection` creates a PROJ context and parses a pipeline each time (about
/// 30 µs, most of `borders --accuracy` on a coverage), this costs nothing to make. A value type: `Sendable`.
public struct AzimuthalEquidistant: Sendable {
    /// The centre (lon/lat); its longitude may lie east of 180° (geometry in the east-shifted frame).
    public let center: Position
    let geodesic: Geodesic

    /// The projection centred on `center`, on `geodesic`'s ellipsoid (WGS84 by default).
    public init(center: Position, geodesic: Geodesic = .wgs84) {
        self.center = center
        self.geodesic = geodesic
    }

    /// Metres east and north of the centre for a lon/lat position: the geodesic distance along its azimuth.
    public func forward(_ p: Position) -> Position {
        let i = geodesic.inverse(center, p)
        let azimuth = i.azimuth1 * .pi / 180
        return Position(i.distance * sin(azimuth), i.distance * cos(azimuth))
    }

    /// The lon/lat position of projected metres, its longitude within 180° of the centre's (so geometry round the
    /// antimeridian comes back continuous).
    public func inverse(_ q: Position) -> Position {
        let distance = (q.x * q.x + q.y * q.y).squareRoot()
        guard distance > 0 else { return center }
        let azimuth = atan2(q.x, q.y) * 180 / .pi
        return geodesic.direct(from: center, azimuth: azimuth, distance: distance, unrollLongitude: true).position
    }

    /// `geometry` projected (every position).
    public func forward(_ geometry: Geometry) -> Geometry { geometry.mapPositions(forward) }

    /// `geometry` back to lon/lat (every position).
    public func inverse(_ geometry: Geometry) -> Geometry { geometry.mapPositions(inverse) }
}
