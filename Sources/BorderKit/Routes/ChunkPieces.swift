import GeoCore

/// The border pieces that can matter to one chunk of a route, in lon/lat, each projected into the chunk's
/// azimuthal equidistant plane only when a question needs it.
///
/// Why: a chunk of 100 km looks up every border piece within its reach (often 50–150 km), a thousand vertices,
/// but the nearest border of its samples lies on a few of them; projecting each vertex solves a geodesic
/// (`geod_geninverse`), and projecting them all was a fifth of `route`. A piece is projected when
/// `Geodesic.distanceLowerBound` of its lon/lat box cannot rule it out; the answers are those of projecting
/// everything, since a piece left out is one that could not have been nearer.
///
/// A class, so the profile, the approaches and the exact nearest of one chunk share the projections; it
/// belongs to the thread measuring the route.
final class ChunkPieces {
    /// The chunk's projection (`nil` for pieces given in the plane already).
    let projection: AzimuthalEquidistant?
    /// Each piece's lon/lat box; empty for pieces given in the plane.
    let lonLatBoxes: [Envelope]
    private let lonLat: [[Position]]
    /// nil where no piece may be skipped (beyond 80° of latitude, or pieces given in the plane).
    private let bound: GeodesicLowerBound?
    private var planar: [[Position]?]
    private var planarBoxes: [Envelope]

    /// Pieces in lon/lat with their boxes, to be projected by `projection` when asked; `asked` bounds every
    /// lon/lat point or box that will be asked about (the chunk's line).
    init(lonLat: [[Position]], boxes: [Envelope], projection: AzimuthalEquidistant, asked: Envelope) {
        self.projection = projection
        self.lonLat = lonLat
        // Each box in the centre's frame (within 180° of its longitude), so that gaps of longitude are the short way.
        lonLatBoxes = boxes.map { b in
            let shift = ((projection.center.x - (b.minX + b.maxX) / 2) / 360).rounded() * 360
            return Envelope(minX: b.minX + shift, minY: b.minY, maxX: b.maxX + shift, maxY: b.maxY)
        }
        let maxLatitude = lonLatBoxes.reduce(max(abs(asked.minY), abs(asked.maxY))) { max($0, abs($1.minY), abs($1.maxY)) }
        bound = maxLatitude <= 80 ? GeodesicLowerBound(maxLatitude: maxLatitude) : nil
        planar = Array(repeating: nil, count: lonLat.count)
        planarBoxes = Array(repeating: Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0), count: lonLat.count)
    }

    /// Pieces already in the plane (metres): nothing to project, no lon/lat bound.
    init(planar pieces: [[Position]]) {
        projection = nil
        lonLat = []
        lonLatBoxes = []
        bound = nil
        planar = pieces
        planarBoxes = pieces.map { Envelope(bounding: $0) }
    }

    /// How many pieces.
    var count: Int { planar.count }

    /// True when the piece's projected positions exist already.
    func isProjected(_ j: Int) -> Bool { planar[j] != nil }

    /// The piece's positions in the plane (metres), projected on first use (`AzimuthalEquidistant.forward`).
    func positions(_ j: Int) -> [Position] {
        if let p = planar[j] { return p }
        let p = lonLat[j].map { projection!.forward($0) }
        planar[j] = p
        planarBoxes[j] = Envelope(bounding: p)
        return p
    }

    /// The piece's box in the plane (metres); projects it first if needed.
    func planarBox(_ j: Int) -> Envelope {
        _ = positions(j)
        return planarBoxes[j]
    }

    /// The piece as a line string in the plane.
    func geometry(_ j: Int) -> Geometry { .lineString(LineString(positions(j))) }

    /// Every piece in the plane, in order (projecting what is not yet).
    func allGeometries() -> [Geometry] { (0..<count).map(geometry) }

    /// A lower bound of the distance, metres, from any point of the lon/lat box `box` (in any frame) to
    /// piece `j` in the plane, without projecting it: the geodesic bound (`GeodesicLowerBound`), which the plane's
    /// distances never undercut (the azimuthal equidistant projection stretches no length, so a straight segment
    /// in it is at least as long as the geodesic between its ends), less `slack` for the points of the piece's
    /// straight segments in the plane, which may stray from its lon/lat box by the bulge of a 1 km segment
    /// (centimetres at 80° of latitude). Beyond 80° of latitude, and for pieces given in the plane, 0.
    @inline(__always)
    func lowerBound(from box: Envelope, to j: Int) -> Double {
        guard let bound else { return 0 }
        return bound.metres(between: inFrame(box), and: lonLatBoxes[j]) - ChunkPieces.slack
    }

    /// `box` moved by whole turns into the centre's frame (within 180° of its longitude), as the pieces' boxes are.
    @inline(__always)
    private func inFrame(_ box: Envelope) -> Envelope {
        guard let center = projection?.center.x, abs((box.minX + box.maxX) / 2 - center) > 180 else { return box }
        let shift = ((center - (box.minX + box.maxX) / 2) / 360).rounded() * 360
        return Envelope(minX: box.minX + shift, minY: box.minY, maxX: box.maxX + shift, maxY: box.maxY)
    }

    /// Metres taken off every lower bound (`lowerBound`): far more than the centimetres a segment of at most
    /// 1 km (the borders and routes are densified to that) strays from its ends' lon/lat box below 80°.
    static let slack = 50.0
}
