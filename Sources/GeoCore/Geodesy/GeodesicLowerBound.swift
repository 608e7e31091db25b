import Foundation

/// Lower bounds of geodesic distances, metres on an ellipsoid, from differences of latitude and longitude
/// (degrees) within a band of latitude: a few multiplications, no geodesic solved.
///
/// Why: a search for the nearest of many lines can skip a line without projecting or measuring it when even
/// this bound is no better than the best distance found so far.
///
/// The larger of two bounds, each exact for the ellipsoid: the meridian arc between the latitudes (no curve
/// changes latitude in less: ds ≥ M dφ, and M ≥ a(1 − e²)), and the chord between the meridians at the band's
/// largest |latitude| (every point there is at least a·cos φ from the axis, so two points Δλ apart are at least
/// a·cos φ·sin Δλ apart in space; a geodesic is no shorter than the chord). Gaps of longitude beyond
/// `maxLongitudeGap` count as that gap.
public struct GeodesicLowerBound: Sendable {
    /// Metres at least per degree of latitude between the points: a(1 − e²)·π/180.
    public let metresPerDegreeOfLatitude: Double
    /// Metres at least per degree of longitude between the points, for gaps up to `maxLongitudeGap`:
    /// a·cos φ·sin(g)/g·π/180 at the band's edge φ and g = `maxLongitudeGap` (sin x / x falls as x grows).
    public let metresPerDegreeOfLongitude: Double
    /// The largest gap of longitude, degrees, counted at its size (at most 90).
    public let maxLongitudeGap: Double

    /// Bounds for points whose |latitude| is at most `maxLatitude` degrees.
    public init(maxLatitude: Double, maxLongitudeGap gapAsked: Double = 3, geodesic: Geodesic = .wgs84) {
        let e2 = geodesic.flattening * (2 - geodesic.flattening)
        let gap = min(max(gapAsked, 1e-9), 90)
        let g = gap * .pi / 180
        metresPerDegreeOfLatitude = geodesic.equatorialRadius * (1 - e2) * .pi / 180
        metresPerDegreeOfLongitude = max(0, geodesic.equatorialRadius * cos(min(abs(maxLatitude), 90) * .pi / 180) * sin(g) / g * .pi / 180)
        maxLongitudeGap = gap
    }

    /// At most the geodesic distance between two points `latitudeGap` and `longitudeGap` degrees apart (both ≥ 0,
    /// the longitude gap the shorter way round), metres. A hair below, for the rounding of the arithmetic.
    @inline(__always)
    public func metres(latitudeGap: Double, longitudeGap: Double) -> Double {
        max(latitudeGap * metresPerDegreeOfLatitude, min(longitudeGap, maxLongitudeGap) * metresPerDegreeOfLongitude) * (1 - 1e-12)
    }

    /// At most the geodesic distance between any point of one lon/lat box and any of another, both in the same
    /// frame (no shift of 360° between them), metres.
    @inline(__always)
    public func metres(between a: Envelope, and b: Envelope) -> Double {
        metres(latitudeGap: max(0, b.minY - a.maxY, a.minY - b.maxY), longitudeGap: max(0, b.minX - a.maxX, a.minX - b.maxX))
    }
}
