/// The arcs of a set of geometries, each shared stretch stored once: TopoJSON's join, cut and dedup.
///
/// Why: a TopoJSON border between two territories is one arc both rings point at, so a simplifier or a mesh
/// keeps neighbours together. Built in linear time by hashing: a point is a junction where its neighbours differ
/// between two passes through it (or a line ends there); every ring and line is cut at its junctions (a ring
/// with none is one closed arc, started at its smallest point); each arc is stored in one direction (from its
/// smaller end) and found again from either end by hashing its points. Positions are compared exactly, after
/// rounding to the output's grid (`TopoJSONWriter`), so neighbours must share vertices to share arcs, as in
/// topojson-server.
struct Topology {
    /// A point on the output grid: degrees rounded to the decimals, or quantised integers.
    struct XY: Hashable, Comparable {
        var x: Double
        var y: Double
        static func < (a: XY, b: XY) -> Bool { a.x < b.x || (a.x == b.x && a.y < b.y) }
    }

    /// A geometry's shape with its rings and lines as paths (indices into `paths`), points as they are.
    indirect enum Shape {
        case none
        case points([XY], multi: Bool)
        case lines([Int], multi: Bool)
        case polygons([[Int]], multi: Bool)
        case collection([Shape])
    }

    /// Every ring (closed, first point repeated last) and line, in the order the shapes were added.
    private(set) var paths: [[XY]] = []
    private var closed: [Bool] = []
    /// The arcs, each from its smaller end.
    private(set) var arcs: [[XY]] = []
    /// Each path's arcs: an index, or ~index (TopoJSON's one's complement) for an arc walked backwards.
    private(set) var pathArcs: [[Int]] = []

    /// Adds a geometry whose positions `place` maps onto the grid; rings must already wind as they are to be written.
    mutating func add(_ g: Geometry?, _ place: (Position) -> XY) -> Shape {
        guard let g else { return .none }
        func path(_ positions: [Position], ring: Bool) -> Int {
            var out: [XY] = []
            out.reserveCapacity(positions.count)
            for p in positions {
                let q = place(p)
                if out.last != q { out.append(q) }
            }
            if ring, out.count > 1, out.first == out.last, out.count < 4 {
                // Collapsed on the grid: kept as it is, and the writer's check reports it.
            }
            paths.append(out)
            closed.append(ring)
            return paths.count - 1
        }
        switch g {
        case .point(let p): return .points(p.position.map { [place($0)] } ?? [], multi: false)
        case .multiPoint(let m): return .points(m.points.compactMap { $0.position.map(place) }, multi: true)
        case .lineString(let l): return .lines(l.positions.isEmpty ? [] : [path(l.positions, ring: false)], multi: false)
        case .multiLineString(let m): return .lines(m.lineStrings.filter { !$0.positions.isEmpty }.map { path($0.positions, ring: false) }, multi: true)
        case .polygon(let p): return .polygons([p.rings.map { path($0, ring: true) }], multi: false)
        case .multiPolygon(let m): return .polygons(m.polygons.map { $0.rings.map { path($0, ring: true) } }, multi: true)
        case .geometryCollection(let c): return .collection(c.geometries.map { add($0, place) })
        }
    }

    /// Finds the junctions, cuts every path into arcs and stores each arc once.
    mutating func build() {
        let junctions = findJunctions()
        var index: [[XY]: Int] = [:]
        pathArcs = []
        pathArcs.reserveCapacity(paths.count)
        for (i, p) in paths.enumerated() {
            var refs: [Int] = []
            for arc in cut(p, closed: closed[i], junctions) {
                let (key, backwards) = Topology.canonical(arc)
                let k: Int
                if let found = index[key] {
                    k = found
                } else {
                    k = arcs.count
                    arcs.append(key)
                    index[key] = k
                }
                refs.append(backwards ? ~k : k)
            }
            pathArcs.append(refs)
        }
    }

    /// Points where two passes disagree about the neighbours, and the ends of lines.
    private func findJunctions() -> Set<XY> {
        var junctions = Set<XY>()
        var neighbours: [XY: (XY, XY)] = [:]
        func visit(_ p: XY, _ a: XY, _ b: XY) {
            if junctions.contains(p) { return }
            if let (c, d) = neighbours[p] {
                if !((c == a && d == b) || (c == b && d == a)) {
                    junctions.insert(p)
                    neighbours[p] = nil
                }
            } else {
                neighbours[p] = (a, b)
            }
        }
        for (i, p) in paths.enumerated() where !p.isEmpty {
            if closed[i] {
                let m = p.count - 1
                guard m >= 1 else { continue }
                for k in 0..<m { visit(p[k], p[(k + m - 1) % m], p[(k + 1) % m]) }
            } else {
                junctions.insert(p[0])
                junctions.insert(p[p.count - 1])
                for k in 1..<max(1, p.count - 1) { visit(p[k], p[k - 1], p[k + 1]) }
            }
        }
        return junctions
    }

    /// A path's arcs: a line cut at each junction, a ring started at its first junction (or its smallest point).
    private func cut(_ p: [XY], closed: Bool, _ junctions: Set<XY>) -> [[XY]] {
        guard p.count >= 2 else { return p.isEmpty ? [] : [p + p] }
        var points = p
        if closed {
            let m = p.count - 1
            let start = (0..<m).first { junctions.contains(p[$0]) } ?? (0..<m).min { p[$0] < p[$1] }!
            points = Array(p[start..<m]) + Array(p[0...start])
        }
        var out: [[XY]] = []
        var current: [XY] = [points[0]]
        for q in points.dropFirst() {
            current.append(q)
            if junctions.contains(q) {
                out.append(current)
                current = [q]
            }
        }
        if current.count > 1 { out.append(current) }
        return out
    }

    /// The arc from its smaller end (for a closed arc, toward its smaller neighbour), and whether that reverses it.
    private static func canonical(_ arc: [XY]) -> ([XY], Bool) {
        let n = arc.count
        var backwards = arc[n - 1] < arc[0]
        if arc[0] == arc[n - 1], n > 2 { backwards = arc[n - 2] < arc[1] }
        return backwards ? (arc.reversed(), true) : (arc, false)
    }
}
