import GeoCore

/// A part of a territory apart from its main body (an exclave, or a detached part such as an island), or a
/// part wholly surrounded by one other territory (an enclave), or both.
public struct EnclaveRecord: Sendable, Hashable {
    /// The territory the part belongs to.
    public var territory: String
    /// Linked to the territory's main body over land only through other territories (Kaliningrad, Nakhchivan).
    public var isExclave: Bool
    /// Apart from the main body and not linked to it over land (an island, alone or shared with a neighbour).
    public var isDetachedPart: Bool = false
    /// The one territory that wholly surrounds it, when it is an enclave.
    public var surroundedBy: String?
    /// The territories it shares a border of positive length with (none: an island, or a coastal part).
    public var neighbours: [String]
    /// Geodesic area, m².
    public var area: Double
    /// Planar centroid in lon/lat (`GEOSGetCentroid_r`), longitude within ±180°.
    public var centroid: Position

    /// "exclave", "enclave", "exclave, enclave" or "detached part".
    public var kind: String {
        switch (isExclave, surroundedBy != nil) {
        case (true, true): "exclave, enclave"
        case (true, false): "exclave"
        case (false, true): "enclave"
        default: "detached part"
        }
    }
}

/// Exclaves, detached parts and enclaves of territories, by land (`find`).
public enum Enclaves {
    /// The exclaves, detached parts and enclaves of every territory, by land.
    ///
    /// A territory's main body is its largest part by geodesic area. The land-contact graph joins two parts (of
    /// any territories) that share a border of positive length — exactly, or within `snap` metres — found by
    /// one GEOS intersection per pair of parts whose envelopes meet (STRtree, clipped to their shared box, in
    /// their common frame across ±180°). A part apart from the main body is an *exclave* when it lies in the
    /// same connected land mass as the main body (reaching it over land means crossing another territory:
    /// Kaliningrad, Alaska, Nakhchivan, Cabinda, Musandam), else a *detached part* (an island, alone or shared
    /// with a neighbour: Great Britain's Northern Ireland, Indonesia's New Guinea). A part (or a whole one-part
    /// territory) is an *enclave* of T when all of its outer ring lies on T's boundary. The shared lengths are
    /// measured on `workers` threads (default: one per processor).
    public static func find(_ territories: [Territory], snap: Double = 0, workers: Int? = nil) throws -> [EnclaveRecord] {
        try find(territories, snap: snap, workers: workers, knownContacts: [:])
    }

    /// `find`, taking the shared boundary of pairs of one-part territories from `knownContacts` (metres, keyed
    /// `i × count + j`, i < j, from `Overlaps.scan` on the same territories, exact) instead of intersecting them again.
    static func find(_ territories: [Territory], snap: Double = 0, workers: Int? = nil, knownContacts: [Int64: Double]) throws -> [EnclaveRecord] {
        let g = Geodesic.wgs84
        let workers = workers ?? Parallel.processorCount
        struct Part { let territory: Int; let polygon: Polygon; let geometry: Geometry; let envelope: Envelope; let area: Double }
        var parts: [Part] = []
        var mainPart: [Int] = []
        for (i, t) in territories.enumerated() {
            var best = -1, bestArea = -1.0
            for p in t.geometry.polygons {
                let geometry = Geometry.polygon(p)
                guard let envelope = geometry.envelope else { continue }
                let area = g.area(of: p)
                if area > bestArea { best = parts.count; bestArea = area }
                parts.append(Part(territory: i, polygon: p, geometry: geometry, envelope: envelope, area: area))
            }
            mainPart.append(best)
        }
        // Land contacts between parts of different territories.
        let tree = try STRtree(parts.map(\.geometry))
        let margin = snap / 111_320 / 0.17
        var landMass = UnionFind(count: parts.count)
        var touching = [[Int: Double]](repeating: [:], count: parts.count)   // part → territory → shared metres
        var seen = Set<Int64>()
        var candidates: [(Int, Int)] = []
        for (p, part) in parts.enumerated() {
            let e = part.envelope
            for copy in e.expanded(by: margin).antimeridianCopies {
                for q in try tree.query(copy) where parts[q].territory != part.territory {
                    let (a, b) = (min(p, q), max(p, q))
                    guard seen.insert(Int64(a) * Int64(parts.count) + Int64(b)).inserted else { continue }
                    candidates.append((a, b))
                }
            }
        }
        seen = []
        // The shared lengths on every worker (one GEOS context each), then the land masses in candidate order:
        // the same result whatever the threads do.
        let lengths = Locked([Result<Double, any Error>](repeating: .success(0), count: candidates.count))
        let partList = parts, pairs = candidates
        let onePart = territories.map { $0.geometry.polygons.count == 1 }, n = Int64(territories.count)
        try Parallel.forEach(count: pairs.count, workers: max(1, min(workers, pairs.count))) { _ in { k in
            let (a, b) = pairs[k]
            let ta = partList[a].territory, tb = partList[b].territory
            if snap == 0, onePart[ta], onePart[tb], let known = knownContacts[Int64(min(ta, tb)) * n + Int64(max(ta, tb))] {
                lengths.withLock { $0[k] = .success(known) }
                return
            }
            let r = Result<Double, any Error> { try sharedLength(partList[a].geometry, partList[b].geometry, snap: snap) }
            lengths.withLock { $0[k] = r }
        } }
        for (k, r) in lengths.withLock({ $0 }).enumerated() {
            let length = try r.get()
            guard length > 0.01 else { continue }
            let (a, b) = candidates[k]
            landMass.union(a, b)
            touching[a][parts[b].territory, default: 0] += length
            touching[b][parts[a].territory, default: 0] += length
        }
        var prepared: [Int: PreparedGeometry] = [:]
        var out: [EnclaveRecord] = []
        for (p, part) in parts.enumerated() {
            let t = territories[part.territory]
            let main = mainPart[part.territory]
            let neighbours = touching[p].keys.map { territories[$0].id }.idSorted()
            // An enclave: one neighbour, along all of the outer ring.
            var surroundedBy: String?
            if touching[p].count == 1, let j = touching[p].keys.first {
                let outer = Geometry.lineString(LineString(part.polygon.rings[0]))
                let length: Double
                if snap > 0 || part.envelope.reachesAntimeridian || (territories[j].geometry.envelope?.reachesAntimeridian ?? false) {
                    let framed = Geometry.commonFrame(outer, territories[j].geometry)
                    length = snap > 0 ? try lengthNear(framed.first, try framed.second.boundary(), snap: snap)
                        : g.length(of: try framed.second.boundary().intersection(framed.first))
                } else {
                    // In one frame already: the neighbour's boundary prepared once for all its enclaves.
                    if prepared[j] == nil { prepared[j] = try PreparedGeometry(try territories[j].geometry.boundary()) }
                    length = g.length(of: try prepared[j]!.intersection(outer))
                }
                if length >= g.length(of: outer) * (1 - 1e-9) - 2 * snap - 0.01 { surroundedBy = territories[j].id }
            }
            let apart = p != main
            guard apart || surroundedBy != nil else { continue }
            let exclave = apart && landMass.find(p) == landMass.find(main)
            let c = try part.geometry.centroid()
            out.append(EnclaveRecord(territory: t.id, isExclave: exclave, isDetachedPart: apart && !exclave, surroundedBy: surroundedBy,
                                     neighbours: neighbours, area: part.area,
                                     centroid: (c.pointPosition ?? part.polygon.rings[0][0]).wrappedLongitude))
        }
        return out.sorted { a, b in
            a.territory != b.territory ? IDOrder.less(a.territory, b.territory) : (-a.area, a.centroid.x, a.centroid.y) < (-b.area, b.centroid.x, b.centroid.y)
        }
    }

    /// Geodesic metres of border two parts share: the lines of their intersection (exact), or the part of the
    /// first's boundary within `snap` metres of the second's.
    static func sharedLength(_ a: Geometry, _ b: Geometry, snap: Double) throws -> Double {
        let framed = Geometry.commonFrame(a, b)
        let ga = framed.first, gb = framed.second
        guard let ea = ga.envelope, let eb = gb.envelope, let box = ea.shared(with: eb, margin: 1e-6 + snap / 111_320 / 0.17) else { return 0 }
        let ca = try ga.boundary().clipped(to: box), cb = try gb.boundary().clipped(to: box)
        if snap > 0 { return try lengthNear(ca, cb, snap: snap) }
        return Geodesic.wgs84.length(of: try ca.intersection(cb))
    }

    /// Geodesic length of `line` lying within `snap` metres of `boundary` (buffered in a local projection).
    static func lengthNear(_ line: Geometry, _ boundary: Geometry, snap: Double) throws -> Double {
        guard let e = line.envelope else { return 0 }
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let zone = try projection.forward(boundary).buffer(snap)
        return Geodesic.wgs84.length(of: try projection.inverse(try projection.forward(line).intersection(zone)))
    }
}

/// Disjoint sets over 0..<count with path halving and union by size: near-constant time per operation.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]
    init(count: Int) { parent = Array(0..<count); size = Array(repeating: 1, count: count) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) {
        var (ra, rb) = (find(a), find(b))
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
    }
}
