@testable import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// The shared-edge path of the border analysis (`SharedEdges`): it must give exactly what GEOS's overlay gives, or
/// hand the pair to GEOS. Unit cases where it must refuse, and differential runs (the path on and off) on
/// generated coverages with seeded faults, the test fixtures, the Caucasus extracts and the Natural Earth world.
@Suite struct SharedEdgesTests {
    static func ring(_ points: [(Double, Double)]) -> [Position] {
        let p = points.map { Position($0.0, $0.1) }
        return p + [p[0]]
    }

    static func polygon(_ rings: [[(Double, Double)]]) -> Geometry {
        .multiPolygon(MultiPolygon([Polygon(rings.map(ring))]))
    }

    /// `SharedEdges.lines` for two geometries in the plane, with the box the border analysis would use.
    static func lines(_ a: Geometry, _ b: Geometry) -> [LineString]? {
        let ea = a.envelope!, eb = b.envelope!
        guard let box = ea.shared(with: eb, margin: 1e-6) else { return [] }
        return SharedEdges.lines(a, b, box: box, envelopes: Borders.Envelopes(first: ea, second: eb))
    }

    @Test("neighbours sharing an edge, whatever their rings' orientation: the shared edge")
    func neighbours() throws {
        let a = Self.polygon([[(0, 0), (1, 0), (1, 1), (0, 1)]])
        let clockwise = Self.polygon([[(1, 0), (1, 1), (2, 1), (2, 0)]])
        let counterClockwise = Self.polygon([[(1, 0), (2, 0), (2, 1), (1, 1)]])
        for b in [clockwise, counterClockwise] {
            let found = try #require(Self.lines(a, b))
            #expect(BorderLines.normalised(found) == [LineString([Position(1, 0), Position(1, 1)])])
        }
    }

    @Test("an enclave filling a hole: one closed line, starting at its smallest vertex")
    func enclave() throws {
        let hole = [(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0)]
        let a = Self.polygon([[(0, 0), (3, 0), (3, 3), (0, 3)], hole])
        let b = Self.polygon([hole.reversed()])
        let found = try #require(Self.lines(a, b))
        #expect(BorderLines.normalised(found) == [LineString([Position(1, 1), Position(1, 2), Position(2, 2), Position(2, 1), Position(1, 1)])])
    }

    @Test("refused where GEOS must answer: a point contact, interiors on the same side, a part inside the other, a vertex on one side only")
    func refusals() {
        let square = Self.polygon([[(0, 0), (2, 0), (2, 2), (0, 2)]])
        // Corners touch at a point: GEOS gives the point.
        #expect(Self.lines(square, Self.polygon([[(2, 2), (3, 2), (3, 3), (2, 3)]])) == nil)
        // A triangle on the square's base, inside it, in both ring orientations: the interiors overlap.
        #expect(Self.lines(square, Self.polygon([[(0, 0), (2, 0), (1, 1)]])) == nil)
        #expect(Self.lines(square, Self.polygon([[(2, 0), (0, 0), (1, 1)]])) == nil)
        // An island inside, touching nothing.
        #expect(Self.lines(square, Self.polygon([[(0.5, 0.5), (1, 0.5), (1, 1), (0.5, 1)]])) == nil)
        // The square inside a larger polygon that shares none of its edges.
        #expect(Self.lines(Self.polygon([[(-1, -1), (3, -1), (3, 3), (-1, 3)]]), square) == nil)
        // The neighbour's side has a vertex the square's lacks (the same line, not the same edges).
        #expect(Self.lines(square, Self.polygon([[(2, 0), (3, 0), (3, 2), (2, 2), (2, 1)]])) == nil)
        // Crossing edges.
        #expect(Self.lines(square, Self.polygon([[(1, 1), (3, 1), (3, 3), (1, 3)]])) == nil)
    }

    @Test("apart in the box: no border, without GEOS (an island in the notch of an L)")
    func apart() {
        let l = Self.polygon([[(0, 0), (3, 0), (3, 1), (1, 1), (1, 3), (0, 3)]])
        #expect(Self.lines(l, Self.polygon([[(2, 2), (2.5, 2), (2.5, 2.5), (2, 2.5)]])) == [])
    }

    // MARK: Differential runs

    /// Both runs of `Borders.run`, which must agree in every figure; the number of pairs the path answered.
    @discardableResult
    static func agree(_ territories: [Territory], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let fast = try Borders.run(territories, source: label)
        var options = BorderOptions()
        options.matchesSharedEdges = false
        let reference = try Borders.run(territories, source: label, options: options)
        #expect(reference.pairsFromSharedEdges == 0, sourceLocation: sourceLocation)
        #expect(fast.pairs == reference.pairs, "\(label): pairs differ", sourceLocation: sourceLocation)
        #expect(fast.pointContacts == reference.pointContacts, "\(label): point contacts differ", sourceLocation: sourceLocation)
        #expect(fast.tripoints == reference.tripoints, "\(label): tripoints differ", sourceLocation: sourceLocation)
        #expect(fast.overlaps == reference.overlaps, "\(label): overlaps differ", sourceLocation: sourceLocation)
        #expect(fast.warnings == reference.warnings, "\(label): warnings differ", sourceLocation: sourceLocation)
        if fast.pairs != reference.pairs {
            for (p, q) in zip(fast.pairs, reference.pairs) where p != q {
                Issue.record("\(label): first difference \(p.territories): \(p.segments.map(\.line)) vs \(q.segments.map(\.line))", sourceLocation: sourceLocation)
                break
            }
        }
        return fast.pairsFromSharedEdges
    }

    static func territories(_ features: [Feature], _ label: String) throws -> [Territory] {
        try Territory.load(.featureCollection(FeatureCollection(features)), source: label, idProperty: nil).territories
    }

    @Test("generated coverages (seeded jittered grids with shared multi-vertex edges, multi-part territories, an enclave, reversed rings): the same borders")
    func generated() throws {
        for seed in UInt64(1)...6 {
            let grid = GridCoverage(columns: 9, rows: 7, origin: Position(20 + Double(seed), -10), step: 0.5, seed: seed)
            let clean = try Self.territories(grid.features(), "grid \(seed)")
            let answered = try Self.agree(clean, "grid \(seed)")
            let report = try Borders.run(clean, source: "grid")
            // Every pair with a border came through the path (only point contacts went to GEOS).
            #expect(report.pairs.count > 60)
            #expect(answered >= report.pairs.count, "grid \(seed): \(answered) of \(report.pairs.count) pairs from shared edges")
        }
    }

    @Test("generated coverages with a fault each (a vertex on one side only, a moved vertex, a duplicate, an island inside, a point contact): the same borders and overlaps")
    func faults() throws {
        for seed in UInt64(11)...14 {
            let grid = GridCoverage(columns: 6, rows: 5, origin: Position(-70, 40 + Double(seed)), step: 0.25, seed: seed)
            for fault in GridCoverage.Fault.allCases {
                let features = grid.features(with: fault)
                let label = "grid \(seed), \(fault.rawValue)"
                let territories = try Self.territories(features, label)
                let answered = try Self.agree(territories, label)
                let clean = try Self.agree(try Self.territories(grid.features(), "grid \(seed)"), "grid \(seed)")
                let report = try Borders.run(territories, source: label)
                // The fault is seen: the pairs it touches went to GEOS, or what GEOS finds is reported.
                switch fault {
                case .vertexOnOneSide, .movedVertex: #expect(answered < clean, "\(label): \(answered) vs \(clean)")
                case .duplicate: #expect(report.overlaps.map(\.territories) == [["1-1", "copy"]], "\(label)")
                case .islandInside: #expect(report.overlaps.map(\.territories) == [["2-1", "island"]], "\(label)")
                case .pointContact: #expect(report.pointContacts.map(\.territories).contains(["pair-0", "point"]), "\(label)")
                }
            }
        }
    }

    @Test("areas' overlap scan on generated coverages, clean and with each fault: the same overlaps and land contacts with the path as through GEOS")
    func overlapScan() throws {
        for seed in UInt64(11)...13 {
            let grid = GridCoverage(columns: 6, rows: 5, origin: Position(-70, 40 + Double(seed)), step: 0.25, seed: seed)
            for (label, features) in [("clean", grid.features())] + GridCoverage.Fault.allCases.map({ ($0.rawValue, grid.features(with: $0)) }) {
                let territories = try Self.territories(features, "grid \(seed), \(label)")
                let reference: (overlaps: [TerritoryOverlap], contacts: [Int64: Double])
                do {
                    reference = try Overlaps.scan(territories, tolerance: 1, matchesSharedEdges: false)
                } catch {
                    // GEOS cannot overlay a self-intersecting cell (the moved vertex): nor can the scan with the path,
                    // which an invalid territory never takes.
                    #expect(throws: (any Error).self, "grid \(seed), \(label)") { try Overlaps.scan(territories, tolerance: 1) }
                    continue
                }
                let fast = try Overlaps.scan(territories, tolerance: 1)
                #expect(fast.overlaps == reference.overlaps, "grid \(seed), \(label)")
                #expect(Set(fast.contacts.keys) == Set(reference.contacts.keys), "grid \(seed), \(label)")
                #expect(fast.contacts.count > 40, "grid \(seed), \(label)")
                for (key, length) in reference.contacts {
                    let other = fast.contacts[key] ?? .nan
                    #expect(abs(other - length) <= 1e-9 * length, "grid \(seed), \(label): pair \(key): \(other) vs \(length) m")
                }
            }
        }
    }

    @Test("the test fixtures and the Caucasus extracts: the same borders",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func files() throws {
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/BorderKitCLITests/Fixtures")
        var paths = try FileManager.default.subpathsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".geojson") }.sorted()
            .map { fixtures.appendingPathComponent($0).path }
        paths += ["data/dcw/dcw_caucasus_countries.geojson", "data/naturalearth/caucasus/ne_10m_admin_0_countries_deu_v5.1.1_caucasus.geojson"]
            .map { TestPaths.shared($0).path }
        var checked = 0
        for path in paths {
            guard let geojson = try? GeoJSONReader.read(path: path),
                  let loaded = try? Territory.load(geojson, source: path, idProperty: nil), loaded.territories.count > 1 else { continue }
            try Self.agree(loaded.territories, path)
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("the Natural Earth 10m world: the same 329 borders, every one from shared edges",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func world() throws {
        let path = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let territories = try Territory.load(try GeoJSONReader.read(path: path), source: path, idProperty: "ADM0_A3").territories
        let answered = try Self.agree(territories, path)
        // Egypt's ring crosses itself: its pairs go to GEOS; the rest share vertices exactly.
        #expect(answered >= 320, "\(answered) pairs from shared edges")
    }
}

/// A coverage of quadrilateral cells on a jittered grid: corners and the vertices along each edge are shared
/// exactly by the two cells on either side (rounded to 1e-7°, as files are), some rings run clockwise, two
/// territories are made of two cells apart, and a square with a hole holds an enclave.
struct GridCoverage {
    let columns: Int, rows: Int
    let origin: Position, step: Double
    /// Corners, by column then row.
    var corners: [[Position]] = []
    /// Vertices inside each horizontal edge (column, row: from corner (c, r) to (c + 1, r)) and vertical edge.
    var horizontal: [[[Position]]] = [], vertical: [[[Position]]] = []
    var reversed: Set<Int> = []

    enum Fault: String, CaseIterable {
        case vertexOnOneSide = "a vertex on one side only", movedVertex = "a moved vertex", duplicate = "a duplicate"
        case islandInside = "an island inside", pointContact = "a point contact"
    }

    static func round7(_ v: Double) -> Double { (v * 1e7).rounded() / 1e7 }

    init(columns: Int, rows: Int, origin: Position, step: Double, seed: UInt64) {
        self.columns = columns
        self.rows = rows
        self.origin = origin
        self.step = step
        var random = SeededGenerator(seed: seed)
        func jitter(_ scale: Double) -> Double { Double.random(in: -scale...scale, using: &random) * step }
        corners = (0...columns).map { c in (0...rows).map { r in
            Position(Self.round7(origin.x + Double(c) * step + jitter(0.2)), Self.round7(origin.y + Double(r) * step + jitter(0.2)))
        } }
        func inside(_ a: Position, _ b: Position) -> [Position] {
            let n = Int.random(in: 0...5, using: &random)
            return (0..<n).map { k in
                let t = Double(k + 1) / Double(n + 1)
                return Position(Self.round7(a.x + (b.x - a.x) * t + jitter(0.03)), Self.round7(a.y + (b.y - a.y) * t + jitter(0.03)))
            }
        }
        horizontal = (0..<columns).map { c in (0...rows).map { r in inside(corners[c][r], corners[c + 1][r]) } }
        vertical = (0...columns).map { c in (0..<rows).map { r in inside(corners[c][r], corners[c][r + 1]) } }
        for k in 0..<(columns * rows) where Int.random(in: 0..<3, using: &random) == 0 { reversed.insert(k) }
    }

    /// The ring of cell (c, r), counter-clockwise unless chosen to be reversed, closed.
    func ring(_ c: Int, _ r: Int) -> [Position] {
        var p = [corners[c][r]] + horizontal[c][r] + [corners[c + 1][r]] + vertical[c + 1][r] + [corners[c + 1][r + 1]]
            + horizontal[c][r + 1].reversed() + [corners[c][r + 1]] + vertical[c][r].reversed()
        if reversed.contains(c * rows + r) { p.reverse() }
        return p + [p[0]]
    }

    /// The coverage's features (ids "c-r", "pair-r" for the two-part territories, "frame" and "enclave").
    func features(with fault: Fault? = nil) -> [Feature] {
        var cells: [String: [[[Position]]]] = [:]
        var order: [String] = []
        func add(_ id: String, _ rings: [[Position]]) {
            if cells[id] == nil { order.append(id) }
            cells[id, default: []].append(rings)
        }
        for c in 0..<columns {
            for r in 0..<rows {
                // Columns 0 and 4 of the even rows are one territory each: two parts with a gap.
                add(c % 4 == 0 && c <= 4 && r % 2 == 0 ? "pair-\(r)" : "\(c)-\(r)", [ring(c, r)])
            }
        }
        // A frame with a square hole, and the enclave that fills it, east of the grid touching its last column.
        let x0 = corners[columns][0].x + step, y0 = origin.y
        let hole = [Position(x0 + step, y0 + step), Position(x0 + step, y0 + 2 * step), Position(x0 + 2 * step, y0 + 2 * step), Position(x0 + 2 * step, y0 + step)]
        let frame = [Position(x0, y0), Position(x0 + 3 * step, y0), Position(x0 + 3 * step, y0 + 3 * step), Position(x0, y0 + 3 * step)]
        add("frame", [frame + [frame[0]], hole + [hole[0]]])
        add("enclave", [hole.reversed() + [hole[3]]])
        switch fault {
        case .vertexOnOneSide?:
            // Cell 2-2 gains a vertex midway along its first edge that its neighbour lacks.
            var rings = cells["2-2"]![0]
            let a = rings[0][0], b = rings[0][1]
            rings[0].insert(Position(Self.round7((a.x + b.x) / 2), Self.round7((a.y + b.y) / 2)), at: 1)
            cells["2-2"] = [rings]
        case .movedVertex?:
            var rings = cells["3-2"]![0]
            rings[0][0].x += 0.3 * step
            rings[0][rings[0].count - 1] = rings[0][0]
            cells["3-2"] = [rings]
        case .duplicate?:
            add("copy", cells["1-1"]![0])
        case .islandInside?:
            let c = corners[2][1], d = corners[3][2]
            let mid = Position((c.x + d.x) / 2, (c.y + d.y) / 2), h = step / 50
            let square = [Position(mid.x - h, mid.y - h), Position(mid.x + h, mid.y - h), Position(mid.x + h, mid.y + h), Position(mid.x - h, mid.y + h)]
            add("island", [square + [square[0]]])
        case .pointContact?:
            let v = corners[0][0]
            let triangle = [v, Position(v.x - step, v.y - step / 2), Position(v.x - step / 2, v.y - step)]
            add("point", [triangle + [v]])
        case nil: break
        }
        return order.map { id in
            Feature(id: .string(id), geometry: .multiPolygon(MultiPolygon(cells[id]!.map { Polygon($0) })))
        }
    }
}
