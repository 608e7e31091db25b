@testable import BorderKit
import GeoCore
import Testing

/// The report's columns (`PairBorders`, `Tripoints`) give back what was put in, and `Borders.run` taken in
/// chunks gives the report of one chunk.
@Suite struct PairBordersTests {
    static func segment(_ number: Int, _ territories: [String], _ status: String, date: String? = nil, source: String? = nil,
                        line: [Position] = [], length: Double) -> BorderSegment {
        BorderSegment(number: number, territories: territories, status: status, statusDate: date, statusSource: source,
                      line: LineString(line), length: length)
    }

    @Test("pairs of every shape read back as they were put in")
    func roundTrip() {
        let ab = ["a", "b"], bc = ["b", "c"]
        let pairs = [
            // one segment, the plain case
            PairBorder(territories: ab, segments: [Self.segment(1, ab, "undelimited", length: 12.5)], touchPoints: []),
            // several statuses with dates and sources, a line on the second segment only, numbers not 1, 2
            PairBorder(territories: bc, segments: [Self.segment(3, bc, "delimited", date: "2024-04-19", source: "protocol", length: 1),
                                                   Self.segment(7, bc, "undelimited", line: [Position(1, 2), Position(1, 3, 40)], length: 2)],
                       touchPoints: [Position(5, 5)], overlapArea: 42),
            // a segment whose territories are not its pair's; an id seen before; no segments, touch points only
            PairBorder(territories: ["c", "a"], segments: [Self.segment(1, ["x", "y"], "undelimited", length: 3)], touchPoints: []),
            PairBorder(territories: ["a", "d"], segments: [], touchPoints: [Position(0, 0), Position(1, 1)]),
        ]
        let columns = PairBorders(pairs)
        #expect(Array(columns) == pairs)
        #expect(columns.count == 4)
        #expect(columns.segmentCount == 4)
        #expect(columns.statusNames == ["delimited", "undelimited"])
        #expect(columns.length(at: 1) == 3)
        #expect(columns.territories(at: 2) == ["c", "a"])
        var grown: PairBorders = []
        for p in pairs { grown.append(p) }
        #expect(grown == columns)
        #expect(grown.hashValue == columns.hashValue)
        #expect(PairBorders(pairs.dropLast()) != columns)
    }

    @Test("tripoints read back as they were put in, an altitude with them")
    func tripointsRoundTrip() {
        let list = [Tripoint(territories: ["a", "b", "c"], position: Position(1, 2)),
                    Tripoint(territories: ["b", "c", "d", "e", "f"], position: Position(-179.5, 3, 120)),
                    Tripoint(territories: ["a", "c", "d"], position: Position(0, 0))]
        let columns = Tripoints(list)
        #expect(Array(columns) == list)
        #expect(columns[1].position.z == 120)
        #expect(columns[0].position.z == nil)
        let literal: Tripoints = [list[0]]
        #expect(literal.count == 1 && literal[0] == list[0])
    }

    /// A grid of `n` × `n` squares of 0.01°, near ±180° when `east` is 179.8 (some cells given in the west frame).
    static func grid(_ n: Int, east: Double = 10) -> [Territory] {
        var out: [Territory] = []
        for i in 0..<n {
            for j in 0..<n {
                // Each coordinate from whole hundredths, so that neighbours share vertices to the bit.
                let (w, e) = ((east * 100 + Double(i)) / 100, (east * 100 + Double(i + 1)) / 100)
                let (s, north) = ((4000 + Double(j)) / 100, (4000 + Double(j + 1)) / 100)
                var ring = [Position(w, s), Position(e, s), Position(e, north), Position(w, north), Position(w, s)]
                if e > 180 { ring = ring.map { Position($0.x - 360, $0.y) } }
                let t = Territory(id: "c\(i * n + j)", geometry: .multiPolygon(MultiPolygon([Polygon([ring])])), index: out.count, pointer: "/features/\(out.count)")
                out.append(t)
            }
        }
        return out
    }

    @Test("taken in chunks of 97 candidates, the report is the one of a single chunk (exact, across 180°, with a snap)",
          arguments: [(10.0, 0.0), (179.9, 0.0), (10.0, 5.0)])
    func chunks(east: Double, snap: Double) throws {
        let cells = Self.grid(30, east: east)
        var options = BorderOptions()
        options.snap = snap
        options.keepsLines = false
        let whole = try Borders.run(cells, source: "grid", options: options)
        options.pairChunk = 97
        let chunked = try Borders.run(cells, source: "grid", options: options)
        if snap == 0 {
            // 2 × 29 × 30 shared edges; 29 × 29 inner nodes where four cells meet.
            #expect(whole.pairs.count == 1740)
            #expect(whole.tripoints.count == 841)
            #expect(whole.tripoints.allSatisfy { $0.territories.count == 4 })
        } else {
            // Within 5 m, cells that meet at a corner share a few metres of boundary too: more pairs and nodes.
            #expect(whole.pairs.count > 1740)
        }
        #expect(chunked.pairs == whole.pairs)
        #expect(chunked.tripoints == whole.tripoints)
        #expect(chunked.pointContacts == whole.pointContacts)
    }

    @Test("the node table grows past its first size and still matches every node once")
    func nodeTableGrows() {
        var index = NodeIndex(snap: 0)
        // 3,000 nodes, each given by three borders: the table starts at 1,024 slots and grows twice.
        for round in 0..<3 {
            for k in 0..<3000 {
                let p = Position(Double(k) * 0.001 - (k % 2 == 0 ? 0 : 180), 10)
                index.add([p], territories: SIMD2(Int32(k), Int32(3000 + (k + round) % 3000)))
            }
        }
        #expect(index.count == 3000)
        let ids = (0..<6000).map { "t\($0)" }
        let tripoints = index.finish(ids: ids, rank: (0..<6000).map(Int32.init))
        #expect(tripoints.count == 3000)
        #expect(tripoints.allSatisfy { $0.territories.count == 4 })
    }
}
