import Foundation
import GeoCore

/// The borders' nodes, matched as the borders come (`add`), for the tripoints (`finish`).
///
/// Exact positions when the snap is 0 (matched by hashing, in the east-shifted frame so that the same point
/// from either side of ±180° is one); otherwise a node joins the earliest node found before it within the snap
/// (looked up in a grid of snap-sized cells on the unit sphere, confirmed geodesically). Linear in the number
/// of nodes. Borders are added as they are computed, so a border's nodes are never kept with it: a coverage
/// of a million cells has six million.
struct NodeIndex {
    private let snap: Double
    /// Each node's first position (two doubles: the altitude plays no part).
    private var positions: [SIMD2<Double>] = []
    /// Each node's first four territories (indices; -1 for none yet), and the rest of the few that have more.
    private var members: [SIMD4<Int32>] = [], more: [Int: [Int32]] = [:]
    /// Exact: an open-addressing table of node indices by their east-shifted position (`slots`, a power of two
    /// long, at most 70% full, -1 for empty): 4 bytes a slot where a dictionary of positions takes 40.
    private var slots: [Int32] = []
    /// Within a snap: the nodes in cells of the snap.
    private var grid: NodeGrid

    /// An empty index for nodes matched within `snap` metres (0: exactly).
    init(snap: Double) {
        self.snap = snap
        grid = NodeGrid(cell: max(snap, 1))
        if snap == 0 { slots = [Int32](repeating: -1, count: 1024) }
    }

    /// The number of distinct nodes so far.
    var count: Int { positions.count }

    /// Room for `nodes` distinct nodes: growing a table of millions rehashes all it holds each time.
    mutating func reserveCapacity(_ nodes: Int) {
        positions.reserveCapacity(nodes)
        members.reserveCapacity(nodes)
        if snap == 0 { resize(to: nodes) }
    }

    /// The east-shifted position of `p` with -0 as 0, so that equal keys have equal bits.
    private static func key(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let k = Position(p.x, p.y).eastShiftedKey
        return SIMD2(k.x + 0, k.y + 0)
    }

    private static func hash(_ k: SIMD2<Double>) -> Int {
        var h = k.x.bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ (k.y.bitPattern &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// The table made long enough for `nodes` at most 70% full, its nodes placed again.
    private mutating func resize(to nodes: Int) {
        var length = 1024
        while 7 * length < 10 * nodes { length *= 2 }
        guard length > slots.count else { return }
        slots = [Int32](repeating: -1, count: length)
        let mask = length - 1
        for (i, p) in positions.enumerated() {
            var s = Self.hash(Self.key(p)) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(i)
        }
    }

    /// The node at exactly `q` (east-shifted), added when new.
    private mutating func exactNode(_ q: Position) -> (index: Int, isNew: Bool) {
        if 10 * (positions.count + 1) > 7 * slots.count { resize(to: 2 * (positions.count + 1)) }
        let k = Self.key(SIMD2(q.x, q.y)), mask = slots.count - 1
        var s = Self.hash(k) & mask
        while slots[s] >= 0 {
            let i = Int(slots[s])
            if Self.key(positions[i]) == k { return (i, false) }
            s = (s + 1) & mask
        }
        slots[s] = Int32(positions.count)
        return (positions.count, true)
    }

    /// Adds the nodes of one border between the territories `t` (indices).
    mutating func add(_ nodes: [Position], territories t: SIMD2<Int32>) {
        for q in nodes {
            let k: Int, isNew: Bool
            if snap > 0 {
                if let near = grid.first(near: q, within: snap) { (k, isNew) = (near, false) } else {
                    grid.insert(q)
                    (k, isNew) = (positions.count, true)
                }
            } else {
                (k, isNew) = exactNode(q)
            }
            if isNew {
                positions.append(SIMD2(q.x, q.y))
                members.append(SIMD4(t.x, t.y, -1, -1))
            } else {
                insert(t.x, into: k)
                insert(t.y, into: k)
            }
        }
    }

    /// Adds territory `t` to node `k` unless it is there.
    private mutating func insert(_ t: Int32, into k: Int) {
        let m = members[k]
        for i in 0..<4 {
            if m[i] == t { return }
            if m[i] < 0 {
                members[k][i] = t
                return
            }
        }
        if more[k]?.contains(t) ?? false { return }
        more[k, default: []].append(t)
    }

    /// Node `k`'s territories, in the order added.
    private func territories(of k: Int) -> [Int32] {
        let m = members[k]
        return (0..<4).compactMap { m[$0] >= 0 ? m[$0] : nil } + (more[k] ?? [])
    }

    /// The nodes of three or more territories, each one's territories in the order of their `rank` (`IDOrder`),
    /// sorted as the report lists them; territories handled by index, their `ids` looked up when read. Empties
    /// the index.
    mutating func finish(ids: [String], rank: [Int32]) -> Tripoints {
        slots = []
        grid = NodeGrid(cell: grid.cell)
        // A node of three or more has its third slot filled; its territories sorted by rank.
        var found: [Int32] = []
        var sorted: [Int: [Int32]] = [:]
        var total = 0
        for k in members.indices where members[k][2] >= 0 {
            let list = territories(of: k).sorted { rank[Int($0)] < rank[Int($1)] }
            if list.count <= 4 {
                for (i, t) in list.enumerated() { members[k][i] = t }
            } else {
                sorted[k] = list
            }
            found.append(Int32(k))
            total += list.count
        }
        more = [:]
        var out = Tripoints(ids: ids)
        // The columns made one after the other, each node list let go when its column is made: the peak of a
        // million-cell coverage is here.
        do {
            let (members, positions) = (self.members, self.positions)
            self.members = []
            func count(_ k: Int) -> Int { sorted[k]?.count ?? (members[k][3] >= 0 ? 4 : 3) }
            func member(_ k: Int, _ i: Int) -> Int32 { sorted[k]?[i] ?? members[k][i] }
            found.sort { a, b in
                let (a, b) = (Int(a), Int(b))
                let (na, nb) = (count(a), count(b))
                for i in 0..<min(na, nb) {
                    let (ta, tb) = (member(a, i), member(b, i))
                    if ta != tb { return rank[Int(ta)] < rank[Int(tb)] }
                }
                if na != nb { return na < nb }
                return (positions[a].x, positions[a].y) < (positions[b].x, positions[b].y)
            }
            out.reserveCapacity(found.count, members: total)
            for k in found {
                let k = Int(k)
                out.appendTerritories((0..<count(k)).lazy.map { member(k, $0) })
            }
        }
        let positions = self.positions
        self.positions = []
        for k in found {
            let p = Position(positions[Int(k)].x, positions[Int(k)].y).wrappedLongitude
            out.appendPosition(SIMD2(p.x, p.y))
        }
        return out
    }
}

/// Positions bucketed in cubes of `cell` metres on a sphere of the Earth's mean radius, for finding the nodes
/// within a snap of a node without scanning them all. A chord is never longer than the geodesic it spans (to
/// within the sphere's approximation, covered by looking one cell further), so no node within the snap is missed.
struct NodeGrid {
    let cell: Double
    private var buckets: [SIMD3<Int64>: [Int]] = [:]
    /// The stored positions, by index in the order inserted.
    private(set) var positions: [Position] = []

    init(cell: Double) { self.cell = cell }

    private func key(_ p: Position) -> SIMD3<Int64> {
        let r = 6_371_008.8, lat = p.lat * .pi / 180, lon = p.lon * .pi / 180
        let v = SIMD3(r * cos(lat) * cos(lon), r * cos(lat) * sin(lon), r * sin(lat)) / cell
        return SIMD3(Int64(v.x.rounded(.down)), Int64(v.y.rounded(.down)), Int64(v.z.rounded(.down)))
    }

    /// Stores `p` with the next index.
    mutating func insert(_ p: Position) {
        buckets[key(p), default: []].append(positions.count)
        positions.append(p)
    }

    /// The smallest index of a stored node within `distance` metres (geodesic) of `q`.
    func first(near q: Position, within distance: Double) -> Int? {
        let k = key(q)
        var best: Int?
        for dx in -2...2 as ClosedRange<Int64> { for dy in -2...2 as ClosedRange<Int64> { for dz in -2...2 as ClosedRange<Int64> {
            for i in buckets[k &+ SIMD3(dx, dy, dz)] ?? [] where best.map({ i < $0 }) ?? true {
                if Geodesic.wgs84.distance(positions[i], q) <= distance { best = i }
            }
        } } }
        return best
    }
}

