import Foundation
import GeoCore

/// The exact border of two valid polygonal territories from the edges their rings share, where it can be proved
/// to be what GEOS's overlay gives; nil where it cannot, and the pair goes to GEOS.
///
/// Why: in a coverage whose neighbours share vertices (Natural Earth, admin boundaries, Voronoi cells), a
/// border is made of edges both rings hold (what TopoJSON's arcs are). Finding them by comparing edges is a
/// fraction of the cost of a polygon overlay (`GEOSIntersection_r`), and no GEOS geometry has to be built.
///
/// The proof, in the pair's frame, with exact signs (`PlanarPredicates`; a sign rounding could have decided gives
/// nil):
/// 1. every edge of A meets every edge of B only where both have a common end, or not at all, or is the same
///    segment (a shared edge); so the boundaries meet in the shared edges and in common vertices, and GEOS's
///    noding adds no vertex;
/// 2. every common vertex is an end of a shared edge (else the pair also touches at a point: GEOS answers);
/// 3. at every common vertex the sectors the two interiors fill around it (from each ring's orientation,
///    shell or hole) have no angle in common; so the interiors do not overlap near the boundaries;
/// 4. a ring of one that meets the other's boundary nowhere lies outside the other (one of its vertices, by
///    ray crossing); so neither holds a part of the other.
/// Then the intersection of the two polygons is exactly the shared edges, line-merged at vertices of degree
/// two; the overlap is empty and there are no touch points.
enum SharedEdges {
    /// The working arrays of one worker, kept from pair to pair so that a pair allocates almost nothing (a
    /// million-cell coverage has three million pairs; a large country's arrays would each be a fresh mapping).
    struct Scratch {
        var a = Side(), b = Side()
        var sharedOfA: [Int32] = []
        var vertices: [XY] = []
        var vertexEndsShared: [Bool] = []
        var vertexIndex: [XY: Int32] = [:]
        /// (vertex << 1 | side) and the ring position (ring << 32 | index), one per edge pair that met there.
        var occurrences: [Occurrence] = []
        var gridA = Grid(), gridB = Grid()
        var touchingA: [Bool] = [], touchingB: [Bool] = []
        var points: [XY] = []

        init() {}

        mutating func reset() {
            sharedOfA.removeAll(keepingCapacity: true)
            vertices.removeAll(keepingCapacity: true)
            vertexEndsShared.removeAll(keepingCapacity: true)
            if !vertexIndex.isEmpty { vertexIndex.removeAll(keepingCapacity: true) }
            occurrences.removeAll(keepingCapacity: true)
        }
    }

    /// A common vertex met by one side's ring at one position.
    struct Occurrence {
        var vertex: Int32
        var onB: Bool
        var ring: Int32
        var index: Int32
    }

    /// One side of the pair: its rings that have an edge in the pair's box (the geometry's own arrays, closed,
    /// possibly with repeated consecutive positions, which no edge is made of), and those edges.
    struct Side {
        var rings: [[Position]] = []
        var isShell: [Bool] = []
        /// Per ring: +1 interior on the left of its direction, −1 on the right, 0 not yet known.
        var interiorSide: [Int8] = []
        var edges: [Edge] = []

        mutating func reset() {
            rings.removeAll(keepingCapacity: true)
            isShell.removeAll(keepingCapacity: true)
            interiorSide.removeAll(keepingCapacity: true)
            edges.removeAll(keepingCapacity: true)
        }

        /// The number of distinct positions of ring `r` (its closing position not counted).
        func count(_ r: Int) -> Int { rings[r].count - 1 }

        func point(_ r: Int, _ i: Int) -> XY { XY(rings[r][i].x, rings[r][i].y) }

        /// The nearest position before (step −1) or after (+1) position i of ring r that differs from it.
        func neighbour(_ r: Int, _ i: Int, step: Int) -> XY {
            let n = count(r), here = point(r, i)
            var j = i
            repeat {
                j = (j + step + n) % n
            } while point(r, j) == here && j != i
            return point(r, j)
        }
    }

    /// An edge from `rings[ring][index]` to the next position.
    struct Edge {
        var a: XY
        var b: XY
        var ring: Int32
        var index: Int32
        var minX: Double { min(a.x, b.x) }
        var maxX: Double { max(a.x, b.x) }
        var minY: Double { min(a.y, b.y) }
        var maxY: Double { max(a.y, b.y) }
        func meetsBox(of other: Edge) -> Bool {
            minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
        }
    }

    /// Edge indices per cell of a grid, compressed (`start[c]..<start[c + 1]` in `items`).
    struct Grid {
        var start: [Int32] = []
        var items: [Int32] = []
    }

    /// The pair's border lines (in its frame, not yet in a canonical order), or nil where GEOS must answer.
    /// `a` and `b` are valid polygonal geometries in a common frame, with their `envelopes`; `box` holds every
    /// point they share. `scratch` is the calling worker's.
    static func lines(_ a: Geometry, _ b: Geometry, box: Envelope, envelopes: Borders.Envelopes) -> [LineString]? {
        var scratch = Scratch()
        return lines(a, b, box: box, envelopes: envelopes, indexes: Indexes(first: Index(a), second: Index(b)), scratch: &scratch)
    }

    /// The `Index` of each of a pair's territories (nil: none, scan the rings).
    struct Indexes {
        var first: Index?
        var second: Index?
    }

    /// `lines`, with the territories' `indexes` and the calling worker's `scratch`.
    static func lines(_ a: Geometry, _ b: Geometry, box: Envelope, envelopes: Borders.Envelopes, indexes: Indexes,
                      scratch w: inout Scratch) -> [LineString]? {
        w.reset()
        guard side(a, box: box, index: indexes.first, into: &w.a), side(b, box: box, index: indexes.second, into: &w.b) else { return nil }
        w.sharedOfA.append(contentsOf: repeatElement(-1, count: w.a.edges.count))
        func vertex(_ v: XY) -> Int32 {
            if w.vertices.count < 16 {
                if let k = w.vertices.firstIndex(of: v) { return Int32(k) }
            } else {
                if w.vertexIndex.isEmpty { for (k, u) in w.vertices.enumerated() { w.vertexIndex[u] = Int32(k) } }
                if let k = w.vertexIndex[v] { return k }
                w.vertexIndex[v] = Int32(w.vertices.count)
            }
            w.vertices.append(v)
            w.vertexEndsShared.append(false)
            return Int32(w.vertices.count - 1)
        }
        func note(_ v: XY, _ ea: Edge, _ eb: Edge, shared: Bool) {
            let k = vertex(v)
            if shared { w.vertexEndsShared[Int(k)] = true }
            let ia = v == ea.a ? Int(ea.index) : (Int(ea.index) + 1) % w.a.count(Int(ea.ring))
            let ib = v == eb.a ? Int(eb.index) : (Int(eb.index) + 1) % w.b.count(Int(eb.ring))
            w.occurrences.append(Occurrence(vertex: k, onB: false, ring: ea.ring, index: Int32(ia)))
            w.occurrences.append(Occurrence(vertex: k, onB: true, ring: eb.ring, index: Int32(ib)))
        }
        // 1. Every edge of A against every edge of B whose box meets its box.
        var failed = false
        func compare(_ ia: Int, _ ib: Int) {
            let ea = w.a.edges[ia], eb = w.b.edges[ib]
            guard ea.meetsBox(of: eb) else { return }
            switch PlanarPredicates.contact(ea.a, ea.b, eb.a, eb.b) {
            case .disjoint: break
            case .identical:
                guard w.sharedOfA[ia] < 0 else { return }
                w.sharedOfA[ia] = Int32(ib)
                note(ea.a, ea, eb, shared: true)
                note(ea.b, ea, eb, shared: true)
            case .commonEnd(let v): note(v, ea, eb, shared: false)
            case .other: failed = true
            }
        }
        var gridA = Grid(), gridB = Grid()
        swap(&gridA, &w.gridA)
        swap(&gridB, &w.gridB)
        let complete = forEachCandidate(w.a.edges, w.b.edges, box: box, &gridA, &gridB, compare, stop: { failed })
        swap(&gridA, &w.gridA)
        swap(&gridB, &w.gridB)
        if !complete || failed { return nil }
        // 2 and 3: every common vertex ends a shared edge, and the interiors around it do not overlap.
        guard !w.vertexEndsShared.contains(false) else { return nil }
        if !w.occurrences.isEmpty {
            // By vertex, and each occurrence once (every edge pair that met at a vertex noted it).
            w.occurrences.sort { ($0.vertex, $0.onB ? 1 : 0, $0.ring, $0.index) < ($1.vertex, $1.onB ? 1 : 0, $1.ring, $1.index) }
            var kept = 0
            for o in w.occurrences.indices {
                let x = w.occurrences[o]
                if kept > 0, case let y = w.occurrences[kept - 1], y.vertex == x.vertex, y.onB == x.onB, y.ring == x.ring, y.index == x.index { continue }
                w.occurrences[kept] = x
                kept += 1
            }
            w.occurrences.removeLast(w.occurrences.count - kept)
            var from = 0
            while from < w.occurrences.count {
                var to = from + 1
                while to < w.occurrences.count, w.occurrences[to].vertex == w.occurrences[from].vertex { to += 1 }
                guard let apart = sectorsApart(at: w.vertices[Int(w.occurrences[from].vertex)], from..<to, &w), apart else { return nil }
                from = to
            }
        }
        // 4. Rings that meet the other's boundary nowhere lie outside it.
        w.touchingA.removeAll(keepingCapacity: true)
        w.touchingA.append(contentsOf: repeatElement(false, count: w.a.rings.count))
        w.touchingB.removeAll(keepingCapacity: true)
        w.touchingB.append(contentsOf: repeatElement(false, count: w.b.rings.count))
        for o in w.occurrences {
            if o.onB { w.touchingB[Int(o.ring)] = true } else { w.touchingA[Int(o.ring)] = true }
        }
        guard outside(w.a, except: w.touchingA, of: b, envelope: envelopes.second, index: indexes.second, points: &w.points),
              outside(w.b, except: w.touchingB, of: a, envelope: envelopes.first, index: indexes.first, points: &w.points) else { return nil }
        return chains(w.a.edges.indices.filter { w.sharedOfA[$0] >= 0 }.map { w.a.edges[$0] })
    }

    /// Puts the rings of `g` with an edge in `box`, and those edges, into `s` (looking only at the runs of
    /// edges in the box where `g` has an `index`); false for a geometry that is not polygonal or has a ring of
    /// fewer than three distinct positions or not closed there.
    static func side(_ g: Geometry, box: Envelope, index: Index?, into s: inout Side) -> Bool {
        s.reset()
        switch g {
        case .polygon, .multiPolygon: break
        default: return false
        }
        var flat = -1
        for polygon in g.polygons {
            for (k, ring) in polygon.rings.enumerated() {
                flat += 1
                if let index {
                    let runs = index.runs(ofRing: flat, meeting: box, edgeCount: ring.count - 1)
                    guard !runs.isEmpty else { continue }
                    guard ring.count >= 4, ring[0].x == ring[ring.count - 1].x, ring[0].y == ring[ring.count - 1].y else { return false }
                    let r = Int32(s.rings.count)
                    for range in runs {
                        for i in range {
                            let a = XY(ring[i].x, ring[i].y), b = XY(ring[i + 1].x, ring[i + 1].y)
                            guard a != b else { continue }
                            if min(a.x, b.x) <= box.maxX, max(a.x, b.x) >= box.minX, min(a.y, b.y) <= box.maxY, max(a.y, b.y) >= box.minY {
                                s.edges.append(Edge(a: a, b: b, ring: r, index: Int32(i)))
                            }
                        }
                    }
                    s.rings.append(ring)
                    s.isShell.append(k == 0)
                    s.interiorSide.append(index.interior[flat])
                    continue
                }
                guard ring.count > 1, ringMeets(ring, box) else { continue }
                guard ring.count >= 4, ring[0].x == ring[ring.count - 1].x, ring[0].y == ring[ring.count - 1].y else { return false }
                let r = Int32(s.rings.count)
                var distinct = 0
                var a = XY(ring[0].x, ring[0].y)
                for i in 0..<(ring.count - 1) {
                    let b = XY(ring[i + 1].x, ring[i + 1].y)
                    defer { a = b }
                    guard a != b else { continue }
                    distinct += 1
                    if min(a.x, b.x) <= box.maxX, max(a.x, b.x) >= box.minX, min(a.y, b.y) <= box.maxY, max(a.y, b.y) >= box.minY {
                        s.edges.append(Edge(a: a, b: b, ring: r, index: Int32(i)))
                    }
                }
                guard distinct >= 3 else { return false }
                s.rings.append(ring)
                s.isShell.append(k == 0)
                s.interiorSide.append(0)
            }
        }
        return true
    }

    private static func ringMeets(_ ring: [Position], _ box: Envelope) -> Bool {
        var previous = ring[0]
        for p in ring.dropFirst() {
            if min(p.x, previous.x) <= box.maxX, max(p.x, previous.x) >= box.minX,
               min(p.y, previous.y) <= box.maxY, max(p.y, previous.y) >= box.minY { return true }
            previous = p
        }
        return false
    }

    /// Calls `body` with every pair of an edge of A and an edge of B that may meet (at least once; a pair may
    /// come more than once): all pairs when they are few, else the pairs in each cell of a grid over `box`.
    /// False when the grid would hold too many entries (edges spanning most of the box): the caller gives up.
    static func forEachCandidate(_ a: [Edge], _ b: [Edge], box: Envelope, _ gridA: inout Grid, _ gridB: inout Grid,
                                 _ body: (Int, Int) -> Void, stop: () -> Bool) -> Bool {
        let na = a.count, nb = b.count
        if na * nb <= 4096 {
            for i in 0..<na {
                for j in 0..<nb { body(i, j) }
                if stop() { return true }
            }
            return true
        }
        let n = Double(na + nb)
        let width = max(box.maxX - box.minX, .leastNormalMagnitude), height = max(box.maxY - box.minY, .leastNormalMagnitude)
        let nx = max(1, min(2048, Int((n * width / height).squareRoot()))), ny = max(1, min(2048, Int((n * height / width).squareRoot())))
        let sx = Double(nx) / width, sy = Double(ny) / height
        func cx(_ x: Double) -> Int { max(0, min(nx - 1, Int(((x - box.minX) * sx).rounded(.down)))) }
        func cy(_ y: Double) -> Int { max(0, min(ny - 1, Int(((y - box.minY) * sy).rounded(.down)))) }
        func index(_ edges: [Edge], into grid: inout Grid) -> Bool {
            grid.start.removeAll(keepingCapacity: true)
            grid.start.append(contentsOf: repeatElement(0, count: nx * ny + 1))
            var total = 0
            for e in edges {
                let x0 = cx(e.minX), x1 = cx(e.maxX), y0 = cy(e.minY), y1 = cy(e.maxY)
                total += (x1 - x0 + 1) * (y1 - y0 + 1)
                if total > 64 * edges.count + 1_000_000 { return false }
                for y in y0...y1 { for x in x0...x1 { grid.start[y * nx + x + 1] += 1 } }
            }
            for k in 1..<grid.start.count { grid.start[k] += grid.start[k - 1] }
            grid.items.removeAll(keepingCapacity: true)
            grid.items.append(contentsOf: repeatElement(0, count: total))
            // Filled from each cell's end backwards, so `start` needs no copy.
            for (i, e) in edges.enumerated().reversed() {
                let x0 = cx(e.minX), x1 = cx(e.maxX), y0 = cy(e.minY), y1 = cy(e.maxY)
                for y in y0...y1 { for x in x0...x1 { grid.start[y * nx + x + 1] -= 1; grid.items[Int(grid.start[y * nx + x + 1])] = Int32(i) } }
            }
            // Each cell's end (kept one place on) moved back to its start: shift the starts down by one place.
            grid.start.removeFirst()
            grid.start.append(Int32(total))
            return true
        }
        guard index(a, into: &gridA), index(b, into: &gridB) else { return false }
        for c in 0..<(nx * ny) {
            let ra = Int(gridA.start[c])..<Int(gridA.start[c + 1]), rb = Int(gridB.start[c])..<Int(gridB.start[c + 1])
            guard !ra.isEmpty, !rb.isEmpty else { continue }
            for i in ra {
                for j in rb { body(Int(gridA.items[i]), Int(gridB.items[j])) }
            }
            if stop() { return true }
        }
        return true
    }

    /// Whether the sectors A's interior fills around `v` have no angle in common with B's; nil when that cannot be
    /// decided exactly (two distinct rays in nearly one direction, a ring whose orientation is not certain).
    static func sectorsApart(at v: XY, _ range: Range<Int>, _ w: inout Scratch) -> Bool? {
        // Each occurrence's sector: walking previous → v → next, the interior on the left fills the angle from
        // the ray to next, counter-clockwise, to the ray to previous.
        var sectors: [(from: XY, to: XY, onB: Bool)] = []
        for o in w.occurrences[range] {
            let r = Int(o.ring), i = Int(o.index)
            let previous = o.onB ? w.b.neighbour(r, i, step: -1) : w.a.neighbour(r, i, step: -1)
            let next = o.onB ? w.b.neighbour(r, i, step: 1) : w.a.neighbour(r, i, step: 1)
            var side = o.onB ? w.b.interiorSide[r] : w.a.interiorSide[r]
            if side == 0 {
                guard let found = interiorSide(o.onB ? w.b.rings[r] : w.a.rings[r], isShell: o.onB ? w.b.isShell[r] : w.a.isShell[r]) else { return nil }
                side = found
                if o.onB { w.b.interiorSide[r] = found } else { w.a.interiorSide[r] = found }
            }
            sectors.append(side > 0 ? (next, previous, o.onB) : (previous, next, o.onB))
        }
        // Inside a run of shared edges (most common vertices): one sector each, between the same two rays. They
        // are apart exactly when they run between them in opposite directions (the two sides of the run).
        if sectors.count == 2, sectors[0].onB != sectors[1].onB, sectors[0].from != sectors[0].to {
            if sectors[0].from == sectors[1].to, sectors[0].to == sectors[1].from { return true }
            if sectors[0].from == sectors[1].from, sectors[0].to == sectors[1].to { return false }
        }
        // The distinct rays around v, by angle.
        var ends: [XY] = []
        for s in sectors {
            if !ends.contains(s.from) { ends.append(s.from) }
            if !ends.contains(s.to) { ends.append(s.to) }
        }
        guard ends.count <= 64 else { return nil }
        let angles = ends.map { atan2($0.y - v.y, $0.x - v.x) }
        let order = ends.indices.sorted { angles[$0] < angles[$1] }
        for k in order.indices {
            let here = angles[order[k]], next = k + 1 < order.count ? angles[order[k + 1]] : angles[order[0]] + 2 * .pi
            // Differences of positions are exact or within one rounding, atan2 within two: 1e-12 rad is far apart.
            if next - here < 1e-12 { return nil }
        }
        var rank = [Int](repeating: 0, count: ends.count)
        for (k, e) in order.enumerated() { rank[e] = k }
        var masks: [UInt64] = [0, 0]
        for s in sectors {
            let from = rank[ends.firstIndex(of: s.from)!], to = rank[ends.firstIndex(of: s.to)!]
            guard from != to else { return nil }
            var k = from
            while k != to {
                masks[s.onB ? 1 : 0] |= 1 << UInt64(k)
                k = (k + 1) % order.count
            }
        }
        return masks[0] & masks[1] == 0
    }

    /// +1 when the polygon's interior lies on the left of the (closed) ring's direction, −1 on the right; nil
    /// when the sign of its area is not certain.
    static func interiorSide(_ ring: [Position], isShell: Bool) -> Int8? {
        let o = ring[0]
        var twice = 0.0, magnitude = 0.0
        for i in 1..<(ring.count - 1) {
            let p = ring[i], q = ring[i + 1]
            let t1 = (p.x - o.x) * (q.y - o.y), t2 = (q.x - o.x) * (p.y - o.y)
            twice += t1 - t2
            magnitude += abs(t1) + abs(t2)
        }
        guard abs(twice) > Double(ring.count + 4) * 0x1p-50 * magnitude else { return nil }
        return (twice > 0) == isShell ? 1 : -1
    }

    /// Whether every ring of `s` not `touching` lies outside `other` (a ring that meets the other's boundary
    /// nowhere lies wholly inside or wholly outside; one position tells which). False also when undecidable.
    static func outside(_ s: Side, except touching: [Bool], of other: Geometry, envelope: Envelope?, index: Index?,
                        points: inout [XY]) -> Bool {
        guard let box = envelope else { return true }
        points.removeAll(keepingCapacity: true)
        for r in s.rings.indices where !touching[r] {
            let p = s.point(r, 0)
            if p.x >= box.minX, p.x <= box.maxX, p.y >= box.minY, p.y <= box.maxY { points.append(p) }
        }
        guard !points.isEmpty else { return true }
        // A few points: one pass over the other's edges. Many (a country's islands): the edges in bands first.
        if points.count > 8 {
            let within = Envelope(minX: points.map(\.x).min()!, minY: points.map(\.y).min()!,
                                  maxX: points.map(\.x).max()!, maxY: points.map(\.y).max()!)
            if let index {
                let crossings = RunCrossings(other, index: index, rays: within)
                return points.allSatisfy { crossings.contains($0) == false }
            }
            let crossings = RayCrossings(other)
            return points.allSatisfy { crossings.contains($0) == false }
        }
        var inside: UInt16 = 0
        var flat = -1
        for polygon in other.polygons {
            for ring in polygon.rings {
                flat += 1
                guard ring.count > 1, index?.ring(flat, mayCross: points) ?? true else { continue }
                var a = XY(ring[0].x, ring[0].y)
                for k in 1..<ring.count {
                    let b = XY(ring[k].x, ring[k].y)
                    defer { a = b }
                    for (i, p) in points.enumerated() where (a.y > p.y) != (b.y > p.y) {
                        guard let right = RayCrossings.passesRight(a, b, of: p) else { return false }
                        if right { inside ^= 1 << UInt16(i) }
                    }
                }
            }
        }
        return inside == 0
    }

    /// The shared edges joined into lines at vertices where exactly two meet: the lines GEOS's line merge gives.
    static func chains(_ edges: [Edge]) -> [LineString] {
        guard !edges.isEmpty else { return [] }
        // One run (most pairs of a coverage): each edge's end is the next edge's start, or its end.
        if edges.count == 1 { return [LineString([Position(edges[0].a.x, edges[0].a.y), Position(edges[0].b.x, edges[0].b.y)])] }
        var at: [XY: [Int]] = [:]
        at.reserveCapacity(edges.count + 1)
        for (k, e) in edges.enumerated() {
            at[e.a, default: []].append(k)
            at[e.b, default: []].append(k)
        }
        var used = [Bool](repeating: false, count: edges.count)
        func walk(from start: XY, along first: Int) -> LineString {
            var line = [Position(start.x, start.y)]
            var here = start, e = first
            while true {
                used[e] = true
                let there = edges[e].a == here ? edges[e].b : edges[e].a
                line.append(Position(there.x, there.y))
                let next = at[there]!
                guard next.count == 2 else { break }
                let n = next[0] == e ? next[1] : next[0]
                if used[n] { break }
                here = there
                e = n
            }
            return LineString(line)
        }
        var out: [LineString] = []
        for (v, list) in at where list.count != 2 {
            for e in list where !used[e] { out.append(walk(from: v, along: e)) }
        }
        for e in edges.indices where !used[e] { out.append(walk(from: edges[e].a, along: e)) }
        return out
    }
}

/// Point in polygon by counting the crossings of a ray towards +x with the polygon's edges, which are kept in
/// horizontal bands so that a point looks only at the edges of its band.
struct RayCrossings {
    private var edges: [(XY, XY)] = []
    private var start: [Int32] = []
    private var items: [Int32] = []
    private let minY: Double, scale: Double, bands: Int

    /// Every edge of `g`, in bands.
    init(_ g: Geometry) {
        var list: [(XY, XY)] = []
        var lo = Double.infinity, hi = -Double.infinity
        for polygon in g.polygons {
            for ring in polygon.rings where ring.count > 1 {
                for k in 1..<ring.count {
                    let a = XY(ring[k - 1].x, ring[k - 1].y), b = XY(ring[k].x, ring[k].y)
                    guard a != b else { continue }
                    list.append((a, b))
                    lo = min(lo, a.y, b.y)
                    hi = max(hi, a.y, b.y)
                }
            }
        }
        edges = list
        bands = max(1, min(65_536, list.count / 4))
        minY = lo.isFinite ? lo : 0
        scale = hi > lo ? Double(bands) / (hi - lo) : 0
        var count = [Int32](repeating: 0, count: bands + 1)
        for (a, b) in list { for k in band(min(a.y, b.y))...band(max(a.y, b.y)) { count[k + 1] += 1 } }
        for k in 1..<count.count { count[k] += count[k - 1] }
        var fill = count
        items = [Int32](repeating: 0, count: Int(count[bands]))
        for (i, (a, b)) in list.enumerated() {
            for k in band(min(a.y, b.y))...band(max(a.y, b.y)) { items[Int(fill[k])] = Int32(i); fill[k] += 1 }
        }
        start = count
    }

    private func band(_ y: Double) -> Int { max(0, min(bands - 1, Int(((y - minY) * scale).rounded(.down)))) }

    /// Whether `p` lies inside (an odd number of crossings); nil when `p` lies on an edge or a sign is not certain.
    func contains(_ p: XY) -> Bool? {
        var inside = false
        let k = band(p.y)
        for i in Int(start[k])..<Int(start[k + 1]) {
            let (a, b) = edges[Int(items[i])]
            guard (a.y > p.y) != (b.y > p.y) else { continue }
            guard let right = Self.passesRight(a, b, of: p) else { return nil }
            if right { inside.toggle() }
        }
        return inside
    }

    /// Whether edge a–b, which spans p's latitude (one end above, the other not), passes to the right of p; nil
    /// when p lies on it or the sign is not certain.
    @inline(__always)
    static func passesRight(_ a: XY, _ b: XY, of p: XY) -> Bool? {
        guard let o = PlanarPredicates.orientation(a, b, p), o != 0 else { return nil }
        // Upward edge: p on its left means the edge passes to the right of p.
        return (b.y > a.y) == (o > 0)
    }
}
