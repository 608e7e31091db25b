@testable import BorderKit
import GeoCore
import Testing
import TestSupport

/// Border pieces projected on demand (`ChunkPieces`): the profile's nearest points and the exact nearest border
/// are those of projecting every piece, on seeded random pieces round a chunk, while far pieces stay unprojected.
@Suite struct ChunkPiecesTests {
    /// A chunk of about 100 km of line from `start` heading `azimuth`, densified to 1 km, and `count` random border
    /// pieces of up to 9 vertices 1 km apart within about 150 km of its middle.
    static func chunk(start: Position, azimuth: Double, count: Int, seed: UInt64) -> (chunk: BorderProfile.Chunk, pieces: [[Position]]) {
        var rng = SeededGenerator(seed: seed)
        let g = Geodesic.wgs84
        let dense = (0...100).map { g.direct(from: start, azimuth: azimuth, distance: Double($0) * 1_000).position }
        let center = dense[50]
        var pieces: [[Position]] = []
        for _ in 0..<count {
            var p = g.direct(from: center, azimuth: .random(in: 0..<360, using: &rng), distance: .random(in: 0...150_000, using: &rng)).position
            var heading = Double.random(in: 0..<360, using: &rng)
            var piece = [p]
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                heading += .random(in: -40...40, using: &rng)
                p = g.direct(from: p, azimuth: heading, distance: .random(in: 200...1_000, using: &rng)).position
                piece.append(p)
            }
            pieces.append(piece)
        }
        let projection = AzimuthalEquidistant(center: center)
        var runs: [Envelope] = []
        for s in stride(from: 0, to: dense.count - 1, by: 16) {
            runs.append(Geometry.lineString(LineString(Array(dense[s...min(s + 16, dense.count - 1)]))).envelope!)
        }
        let boxes = pieces.map { Geometry.lineString(LineString($0)).envelope! }
        let lazy = ChunkPieces(lonLat: pieces, boxes: boxes, projection: projection, asked: runs.dropFirst().reduce(runs[0]) { $0.union($1) })
        return (BorderProfile.Chunk(from: 0, to: 100_000, isLast: true, projection: projection,
                                    line: projection.forward(.lineString(LineString(dense))), runs: runs,
                                    indices: Array(pieces.indices), pieces: lazy), pieces)
    }

    static let cases: [(start: Position, azimuth: Double)] = [
        (Position(45, 40), 60), (Position(179.6, -17), 90), (Position(-70, -54), 200), (Position(10, 78.5), 10),
    ]

    @Test("Every sample's nearest point is the one found with every piece projected, to the last bit; most pieces stay unprojected",
          arguments: 0..<4)
    func lazyNearestIsEager(k: Int) {
        let (chunk, pieces) = Self.chunk(start: Self.cases[k].start, azimuth: Self.cases[k].azimuth, count: 400, seed: UInt64(k + 1))
        let eager = ChunkPieces(planar: pieces.map { $0.map(chunk.projection.forward) })
        var lazy = PlanarNearest(chunk.pieces), all = PlanarNearest(eager)
        for s in stride(from: 0.0, through: 100_000, by: 1_000) {
            let p = Geodesic.wgs84.direct(from: Self.cases[k].start, azimuth: Self.cases[k].azimuth, distance: s).position
            let q = chunk.projection.forward(p)
            let found = lazy.nearest(to: q, lonLat: p)?.point, expected = all.nearest(to: q)?.point
            #expect(found == expected, "sample at \(s) m")
        }
        let projected = (0..<chunk.pieces.count).filter(chunk.pieces.isProjected).count
        if abs(Self.cases[k].start.lat) < 75 {
            #expect(projected < chunk.pieces.count / 2, "\(projected) of \(chunk.pieces.count) projected")
        } else {
            // Beyond 80° of latitude no piece is skipped.
            #expect(projected == chunk.pieces.count)
        }
    }

    @Test("The candidates for the exact nearest hold the piece GEOS's STRtree finds among all of them, at its distance",
          arguments: 0..<4)
    func candidatesHoldTheNearest(k: Int) throws {
        let chunk = Self.chunk(start: Self.cases[k].start, azimuth: Self.cases[k].azimuth, count: 400, seed: UInt64(k + 11)).chunk
        var nearest = PlanarNearest(chunk.pieces)
        var closest = Double.infinity
        for s in stride(from: 0.0, through: 100_000, by: 1_000) {
            let p = Geodesic.wgs84.direct(from: Self.cases[k].start, azimuth: Self.cases[k].azimuth, distance: s).position
            let point = try #require(nearest.nearest(to: chunk.projection.forward(p), lonLat: p)?.point)
            closest = min(closest, Geodesic.wgs84.distance(p, chunk.projection.inverse(point)))
        }
        let all = chunk.pieces.allGeometries()
        let j = try #require(try STRtree(all).nearest(to: chunk.line))
        func distance(_ other: Geometry) throws -> Double {
            let n = try chunk.line.nearestPoints(other)
            return ((n.onSelf.x - n.onOther.x) * (n.onSelf.x - n.onOther.x) + (n.onSelf.y - n.onOther.y) * (n.onSelf.y - n.onOther.y)).squareRoot()
        }
        let best = try distance(all[j])
        let candidates = BorderProfile.candidates(chunk, within: closest)
        let subset = candidates.map { all[$0] }
        let i = try #require(try STRtree(subset).nearest(to: chunk.line))
        #expect(try distance(subset[i]) == best)
        if abs(Self.cases[k].start.lat) < 75 { #expect(candidates.count < all.count / 4, "\(candidates.count) of \(all.count)") }
    }
}
