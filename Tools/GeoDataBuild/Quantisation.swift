import GeoCore

/// DCW-GMT stores coordinates as 16-bit steps between a country's extremes, so its accuracy differs per
/// country. The step, measured from the data: the smallest positive gap between distinct longitudes,
/// and between distinct latitudes, in metres at the frame's middle latitude (the larger of the two).
func quantisationMetres(_ segments: [GMTSegment], latitude: Double) -> Double {
    func smallestGap(_ values: [Double]) -> Double {
        let sorted = Array(Set(values)).sorted()
        var gap = Double.infinity
        for (a, b) in zip(sorted, sorted.dropFirst()) where b - a > 1e-12 { gap = min(gap, b - a) }
        return gap
    }
    let positions = segments.flatMap(\.ring)
    let dLon = smallestGap(positions.map(\.x)), dLat = smallestGap(positions.map(\.y))
    let g = Geodesic.wgs84
    let east = g.distance(Position(0, latitude), Position(dLon, latitude))
    let north = g.distance(Position(0, latitude), Position(0, latitude + dLat))
    return max(east, north)
}
