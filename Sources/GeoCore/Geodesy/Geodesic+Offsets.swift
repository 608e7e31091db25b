import CPROJ

/// How far one line lies from another: geodesic offsets of evenly spaced samples, metres on WGS84.
///
/// The measure GeoData/README.md gives for DCW against Natural Earth, and `borders --compare-territories` for any
/// two sources: read it as "the first line is within `median` of the second half the way, and never further than
/// `maximum`" (up to the sample spacing).
public struct LineOffsets: Sendable, Hashable, Codable {
    /// The number of samples taken.
    public var samples: Int
    /// The median offset, metres (the upper median: the middle sample of the sorted offsets).
    public var median: Double
    /// The largest offset, metres.
    public var maximum: Double

    /// Offsets summarised from samples `samples` and their metres.
    public init(samples: Int, median: Double, maximum: Double) {
        self.samples = samples
        self.median = median
        self.maximum = maximum
    }
}

extension Geodesic {
    /// Positions every `spacing` metres along the geodesics through `positions`, from its first position, and its
    /// last (`geod_inverseline`, `geod_position`): samples whose count follows the line's length, not how densely
    /// it was digitised. A `spacing` that is not a positive number gives the positions as they are.
    public func samples(along positions: [Position], every spacing: Double) -> [Position] {
        guard positions.count > 1, spacing > 0, spacing.isFinite else { return positions }
        var out: [Position] = [positions[0]]
        var carried = 0.0  // metres walked since the last sample
        for (a, b) in zip(positions, positions.dropFirst()) {
            var line = geod_geodesicline()
            geod_inverseline(&line, g, a.lat, a.lon, b.lat, b.lon, 0)
            var s = spacing - carried
            while s < line.s13 {
                var lat = 0.0, lon = 0.0
                geod_position(&line, s, &lat, &lon, nil)
                out.append(Position(lon, lat))
                s += spacing
            }
            carried = line.s13 - (s - spacing)
        }
        if carried > 0 { out.append(positions[positions.count - 1]) }
        return out
    }

    /// The offsets of `line` from `reference`, both lineal, sampled every `spacing` metres along each part of
    /// `line` (`samples(along:every:)`).
    ///
    /// Each sample's nearest point on `reference` (densified to `spacing`, at most 1 km, along its geodesics) is
    /// found in a local azimuthal equidistant projection
    /// (`AzimuthalEquidistant`, geodesic) centred at `center` (default: the middle of both lines' envelope), with
    /// `GEOSPreparedNearestPoints_r` on the projected reference, so each sample costs a logarithm of the
    /// reference's size; the offset is then the geodesic distance from the sample to that point, so the
    /// projection decides only which point is nearest (its scale error, 7% at 4,000 km from the centre, changes
    /// the offset by its square). Nil when either line is empty.
    public func offsets(of line: Geometry, from reference: Geometry, every spacing: Double = 1000,
                        center: Position? = nil) throws -> LineOffsets? {
        guard !line.isEmpty, !reference.isEmpty, let e1 = line.envelope, let e2 = reference.envelope else { return nil }
        let projection = AzimuthalEquidistant(center: center ?? Self.middle(of: e1.union(e2)))
        // The reference densified along its geodesics first, so its projected segments stay within millimetres
        // of the geodesics (a 500 km straight border would otherwise bow metres away from its chord).
        let dense = Geometry.multiLineString(MultiLineString(reference.lineStrings.map { LineString(densify($0.positions, maxSegment: min(spacing, 1000))) }))
        let prepared = try PreparedGeometry(projection.forward(dense))
        var offsets: [Double] = []
        for part in line.lineStrings {
            for p in samples(along: part.positions, every: spacing) {
                let nearest = try prepared.nearestPoints(.point(Point(projection.forward(p)))).onSelf
                offsets.append(distance(p, projection.inverse(nearest)))
            }
        }
        guard !offsets.isEmpty else { return nil }
        offsets.sort()
        return LineOffsets(samples: offsets.count, median: offsets[offsets.count / 2], maximum: offsets[offsets.count - 1])
    }

    /// The middle of an envelope; for one spanning more than 180° of longitude (a line on both sides of ±180°),
    /// the middle of its longitudes taken east of 0° (so 179° E and 179° W give 180°, not 0°).
    public static func middle(of e: Envelope) -> Position {
        if e.maxX - e.minX > 180 { return Position((e.minX + 360 + e.maxX) / 2, (e.minY + e.maxY) / 2) }
        return Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2)
    }
}
