import GeoCore

/// The nearest point of a few short polylines to a point, in a plane (projected metres).
///
/// Why: the distance-to-border profile asks this once per sample (every kilometre of every route) against
/// the border pieces near a chunk; through GEOS each ask built a point and a piece in GEOS and walked an
/// STRtree (a fifth of `route`). Here the pieces are arrays with their boxes (`ChunkPieces`), and a piece is
/// skipped when its box is farther than the best point so far, starting from the previous answer; a piece not
/// yet projected is skipped, unprojected, when the lower bound of its lon/lat box's distance is no better.
/// The point on a segment is GEOS's (`LineSegment::closestPoint`: the projection factor clamped to [0, 1]).
struct PlanarNearest {
    private let pieces: ChunkPieces
    /// The piece that held the last answer, tried first next time (samples follow each other along a route).
    private var last = 0

    /// The nearest point among `pieces`.
    init(_ pieces: ChunkPieces) {
        self.pieces = pieces
    }

    /// Pieces already in the plane, each a line string in projected metres.
    init(_ pieces: [Geometry]) {
        self.init(ChunkPieces(planar: pieces.map { $0.lineStrings.first?.positions ?? [] }))
    }

    /// The nearest point to `q` on any piece, and that piece's index; nil when there are no pieces. `lonLat`,
    /// the asked point in lon/lat, lets pieces be ruled out before they are projected.
    mutating func nearest(to q: Position, lonLat: Position? = nil) -> (point: Position, piece: Int)? {
        guard pieces.count > 0 else { return nil }
        var best = Double.infinity, bestPoint = q, bestPiece = -1
        let asked = lonLat.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) }
        func scan(_ j: Int) {
            if bestPiece >= 0, let asked, !pieces.isProjected(j) {
                let bound = pieces.lowerBound(from: asked, to: j)
                guard bound * bound < best else { return }
            }
            let b = pieces.planarBox(j)
            let dx = max(b.minX - q.x, 0, q.x - b.maxX), dy = max(b.minY - q.y, 0, q.y - b.maxY)
            guard dx * dx + dy * dy < best || bestPiece < 0 else { return }
            let p = pieces.positions(j)
            if p.count == 1 {
                let d = (p[0].x - q.x) * (p[0].x - q.x) + (p[0].y - q.y) * (p[0].y - q.y)
                if d < best { (best, bestPoint, bestPiece) = (d, p[0], j) }
                return
            }
            for k in 0..<(p.count - 1) {
                let a = p[k], b = p[k + 1]
                let ex = b.x - a.x, ey = b.y - a.y
                let len2 = ex * ex + ey * ey
                var c = a
                if len2 > 0 {
                    let r = ((q.x - a.x) * ex + (q.y - a.y) * ey) / len2
                    if r >= 1 { c = b } else if r > 0 { c = Position(a.x + r * ex, a.y + r * ey) }
                }
                let d = (c.x - q.x) * (c.x - q.x) + (c.y - q.y) * (c.y - q.y)
                if d < best { (best, bestPoint, bestPiece) = (d, c, j) }
            }
        }
        scan(last)
        for j in 0..<pieces.count where j != last { scan(j) }
        last = bestPiece
        return (bestPoint, bestPiece)
    }
}
