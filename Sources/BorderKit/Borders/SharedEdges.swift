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
    /// One side of the pair: its rings that have an edge in the pair's box, open (no closing vertex) and without
    /// repeated consecutive vertices, and those edges.
    struct Side {
        var rings: [[XY]] = []
        var isShell: [Bool] = []
        /// Per ring: +1 interior on the left of its direction, −1 on the right, 0 not yet known.
        var interiorSide: [Int8] = []
        var edges: [Edge] = []
    }

    /// An edge from `rings[ring][index]` to the next vertex.
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

    /// Where both have a vertex: the ring positions (ring << 32 | index) on each side, and whether a shared edge
    /// ends there.
    struct CommonVertex {
        var onA: [Int] = []
        var onB: [Int] = []
        var endsSharedEdge = false
    }

    /// The pair's border lines (in its frame, not yet in a canonical order), or nil where GEOS must answer.
    /// `a` and `b` are valid polygonal geometries in a common frame, with their `envelopes`; `box` holds every
    /// point they share.
    static func lines(_ a: Geometry, _ b: Geometry, box: Envelope, envelopes: Borders.Envelopes) -> [LineString]? {
        guard var sa = side(a, box: box), var sb = side(b, box: box) else { return nil }
        var sharedOfA = [Int32](repeating: -1, count: sa.edges.count)
        var vertices: [XY: Int] = [:]
        var common: [CommonVertex] = []
        func occurrence(_ e: Edge, at v: XY, in s: Side) -> Int {
            let n = s.rings[Int(e.ring)].count
            let i = v == e.a ? Int(e.index) : (Int(e.index) + 1) % n
            return Int(e.ring) << 32 | i
        }
        func note(_ v: XY, _ ea: Edge, _ eb: Edge, shared: Bool) {
            let k: Int
            if let found = vertices[v] { k = found } else {
                k = common.count
                vertices[v] = k
                common.append(CommonVertex())
            }
            let oa = occurrence(ea, at: v, in: sa), ob = occurrence(eb, at: v, in: sb)
            if !common[k].onA.contains(oa) { common[k].onA.append(oa) }
            if !common[k].onB.contains(ob) { common[k].onB.append(ob) }
            if shared { common[k].endsSharedEdge = true }
        }
        // 1. Every edge of A against every edge of B whose box meets its box.
        var failed = false
        func compare(_ ia: Int, _ ib: Int) {
            let ea = sa.edges[ia], eb = sb.edges[ib]
            guard ea.meetsBox(of: eb) else { return }
            switch PlanarPredicates.contact(ea.a, ea.b, eb.a, eb.b) {
            case .disjoint: break
            case .identical:
                guard sharedOfA[ia] < 0 else { return }
                sharedOfA[ia] = Int32(ib)
                note(ea.a, ea, eb, shared: true)
                note(ea.b, ea, eb, shared: true)
            case .commonEnd(let v): note(v, ea, eb, shared: false)
            case .other: failed = true
            }
        }
        if !forEachCandidate(sa.edges, sb.edges, box: box, compare, stop: { failed }) || failed { return nil }
        // 2 and 3: every common vertex ends a shared edge, and the interiors around it do not overlap.
        for v in vertices.keys {
            let c = common[vertices[v]!]
            guard c.endsSharedEdge, let apart = sectorsApart(at: v, c, &sa, &sb), apart else { return nil }
        }
        // 4. Rings that meet the other's boundary nowhere lie outside it.
        var touching = [Set<Int>](repeating: [], count: 2)
        for c in common {
            for o in c.onA { touching[0].insert(o >> 32) }
            for o in c.onB { touching[1].insert(o >> 32) }
        }
        guard outside(sa, except: touching[0], of: b, envelope: envelopes.second),
              outside(sb, except: touching[1], of: a, envelope: envelopes.first) else { return nil }
        return chains(sa.edges.indices.filter { sharedOfA[$0] >= 0 }.map { sa.edges[$0] })
    }

    /// The rings of `g` with an edge in `box`; nil for a geometry that is not polygonal or has a ring of fewer
    /// than three distinct vertices there.
    static func side(_ g: Geometry, box: Envelope) -> Side? {
        switch g {
        case .polygon, .multiPolygon: break
        default: return nil
        }
        var s = Side()
        for polygon in g.polygons {
            for (k, ring) in polygon.rings.enumerated() {
                guard ring.count > 1, ringMeets(ring, box) else { continue }
                var points: [XY] = []
                points.reserveCapacity(ring.count)
                for p in ring {
                    let q = XY(p.x, p.y)
                    if points.last != q { points.append(q) }
                }
                if points.count > 1, points.first == points.last { points.removeLast() }
                guard points.count >= 3 else { return nil }
                let r = Int32(s.rings.count)
                for i in points.indices {
                    let e = Edge(a: points[i], b: points[i + 1 == points.count ? 0 : i + 1], ring: r, index: Int32(i))
                    if e.minX <= box.maxX, e.maxX >= box.minX, e.minY <= box.maxY, e.maxY >= box.minY { s.edges.append(e) }
                }
                s.rings.append(points)
                s.isShell.append(k == 0)
                s.interiorSide.append(0)
            }
        }
        return s
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

    /// Calls `body` with every pair of an edge of `a` and an edge of `b` that may meet (at least once; a pair may
    /// come more than once): all pairs when they are few, else the pairs in each cell of a grid over `box`.
    /// False when the grid would hold too many entries (edges spanning most of the box): the caller gives up.
    static func forEachCandidate(_ a: [Edge], _ b: [Edge], box: Envelope, _ body: (Int, Int) -> Void, stop: () -> Bool) -> Bool {
        if a.count * b.count <= 4096 {
            for i in a.indices {
                for j in b.indices { body(i, j) }
                if stop() { return true }
            }
            return true
        }
        let n = Double(a.count + b.count)
        let width = max(box.maxX - box.minX, .leastNormalMagnitude), height = max(box.maxY - box.minY, .leastNormalMagnitude)
        let nx = max(1, min(2048, Int((n * width / height).squareRoot()))), ny = max(1, min(2048, Int((n * height / width).squareRoot())))
        let sx = Double(nx) / width, sy = Double(ny) / height
        func cells(_ e: Edge) -> (ClosedRange<Int>, ClosedRange<Int>) {
            func cx(_ x: Double) -> Int { max(0, min(nx - 1, Int(((x - box.minX) * sx).rounded(.down)))) }
            func cy(_ y: Double) -> Int { max(0, min(ny - 1, Int(((y - box.minY) * sy).rounded(.down)))) }
            return (cx(e.minX)...cx(e.maxX), cy(e.minY)...cy(e.maxY))
        }
        // One compressed list of edge indices per cell, per side.
        func index(_ edges: [Edge]) -> (start: [Int32], items: [Int32])? {
            var count = [Int32](repeating: 0, count: nx * ny + 1)
            var total = 0
            for e in edges {
                let (xs, ys) = cells(e)
                total += xs.count * ys.count
                if total > 64 * edges.count + 1_000_000 { return nil }
                for y in ys { for x in xs { count[y * nx + x + 1] += 1 } }
            }
            for k in 1..<count.count { count[k] += count[k - 1] }
            var fill = count
            var items = [Int32](repeating: 0, count: total)
            for (i, e) in edges.enumerated() {
                let (xs, ys) = cells(e)
                for y in ys { for x in xs { items[Int(fill[y * nx + x])] = Int32(i); fill[y * nx + x] += 1 } }
            }
            return (count, items)
        }
        guard let ia = index(a), let ib = index(b) else { return false }
        for c in 0..<(nx * ny) {
            let ra = Int(ia.start[c])..<Int(ia.start[c + 1]), rb = Int(ib.start[c])..<Int(ib.start[c + 1])
            guard !ra.isEmpty, !rb.isEmpty else { continue }
            for i in ra {
                for j in rb { body(Int(ia.items[i]), Int(ib.items[j])) }
            }
            if stop() { return true }
        }
        return true
    }

    /// Whether the sectors A's interior fills around `v` have no angle in common with B's; nil when that cannot be
    /// decided exactly (two distinct rays in nearly one direction, a ring whose orientation is not certain).
    static func sectorsApart(at v: XY, _ c: CommonVertex, _ sa: inout Side, _ sb: inout Side) -> Bool? {
        struct Sector { var from: XY; var to: XY }
        func sectors(_ occurrences: [Int], _ s: inout Side) -> [Sector]? {
            var out: [Sector] = []
            for o in occurrences {
                let r = o >> 32, i = o & 0xFFFF_FFFF
                let ring = s.rings[r]
                let previous = ring[i == 0 ? ring.count - 1 : i - 1], next = ring[i + 1 == ring.count ? 0 : i + 1]
                if s.interiorSide[r] == 0 {
                    guard let side = interiorSide(ring, isShell: s.isShell[r]) else { return nil }
                    s.interiorSide[r] = side
                }
                // Walking previous → v → next, the interior on the left fills the angle from the ray to next,
                // counter-clockwise, to the ray to previous.
                out.append(s.interiorSide[r] > 0 ? Sector(from: next, to: previous) : Sector(from: previous, to: next))
            }
            return out
        }
        guard let ofA = sectors(c.onA, &sa), let ofB = sectors(c.onB, &sb) else { return nil }
        // The distinct rays around v, counter-clockwise from the negative x axis.
        var ends: [XY] = []
        for s in ofA + ofB { for e in [s.from, s.to] where !ends.contains(e) { ends.append(e) } }
        let angles = ends.map { atan2($0.y - v.y, $0.x - v.x) }
        let order = ends.indices.sorted { angles[$0] < angles[$1] }
        guard order.count <= 64 else { return nil }
        for k in order.indices {
            let here = angles[order[k]], next = k + 1 < order.count ? angles[order[k + 1]] : angles[order[0]] + 2 * .pi
            // Differences of positions are exact or within one rounding, atan2 within two: 1e-12 rad is far apart.
            if next - here < 1e-12 { return nil }
        }
        var rank = [Int](repeating: 0, count: ends.count)
        for (k, e) in order.enumerated() { rank[e] = k }
        func gaps(_ list: [Sector]) -> UInt64? {
            var mask: UInt64 = 0
            for s in list {
                let from = rank[ends.firstIndex(of: s.from)!], to = rank[ends.firstIndex(of: s.to)!]
                guard from != to else { return nil }
                var k = from
                while k != to {
                    mask |= 1 << UInt64(k)
                    k = (k + 1) % order.count
                }
            }
            return mask
        }
        guard let ma = gaps(ofA), let mb = gaps(ofB) else { return nil }
        return ma & mb == 0
    }

    /// +1 when the polygon's interior lies on the left of the ring's direction, −1 on the right; nil when the
    /// sign of its area is not certain.
    static func interiorSide(_ ring: [XY], isShell: Bool) -> Int8? {
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

    /// Whether every ring of `s` not in `touching` lies outside `other` (a ring that meets the other's boundary
    /// nowhere lies wholly inside or wholly outside; one vertex tells which). False also when undecidable.
    static func outside(_ s: Side, except touching: Set<Int>, of other: Geometry, envelope: Envelope?) -> Bool {
        guard let box = envelope else { return true }
        var points: [XY] = []
        for r in s.rings.indices where !touching.contains(r) {
            let p = s.rings[r][0]
            if p.x >= box.minX, p.x <= box.maxX, p.y >= box.minY, p.y <= box.maxY { points.append(p) }
        }
        guard !points.isEmpty else { return true }
        // A few points: one pass over the other's edges. Many (a country's islands): the edges in bands first.
        if points.count > 8 {
            let crossings = RayCrossings(other)
            return points.allSatisfy { crossings.contains($0) == false }
        }
        var inside = [Bool](repeating: false, count: points.count)
        for polygon in other.polygons {
            for ring in polygon.rings where ring.count > 1 {
                var a = XY(ring[0].x, ring[0].y)
                for k in 1..<ring.count {
                    let b = XY(ring[k].x, ring[k].y)
                    defer { a = b }
                    for (i, p) in points.enumerated() where (a.y > p.y) != (b.y > p.y) {
                        guard let up = RayCrossings.passesRight(a, b, of: p) else { return false }
                        if up { inside[i].toggle() }
                    }
                }
            }
        }
        return !inside.contains(true)
    }

    /// The shared edges joined into lines at vertices where exactly two meet: the lines GEOS's line merge gives.
    static func chains(_ edges: [Edge]) -> [LineString] {
        guard !edges.isEmpty else { return [] }
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
