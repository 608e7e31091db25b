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
    /// Geodesic perimeter, m (for the area's interval, `AreaIntervals`).
    public var perimeter: Double = 0
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
        let graph = try LandGraph(territories, snap: snap, workers: workers, knownContacts: knownContacts, owner: nil)
        var touching = [Set<Int>](repeating: [], count: graph.parts.count)   // part → territories it shares land with
        for (a, b) in graph.contacts {
            touching[a].insert(graph.parts[b].territory)
            touching[b].insert(graph.parts[a].territory)
        }
        var enclosed: Set<LandGraph.Enclosure> = []
        var test = EnclosureTest(territories: territories, snap: snap)
        for p in graph.parts.indices where touching[p].count == 1 {
            let j = touching[p].first!
            if try test.encloses(graph.parts[p], by: j) { enclosed.insert(.init(part: p, territory: j)) }
        }
        return try classify(parts: graph.parts.map(\.summary), mainPart: graph.mainPart, territoryIDs: territories.map(\.id),
                            contacts: graph.contacts, enclosures: enclosed, perimeter: { Geodesic.wgs84.perimeter(of: graph.parts[$0].polygon) }) { p in try graph.parts[p].centroid() }
    }

    /// The records of the parts (see `find`), from the land-contact graph: contacts as pairs of part indices, the
    /// enclosures found by `EnclosureTest` (which need only be tested where a part touches one territory), and
    /// each part's perimeter and centroid, asked only for the parts that make a record (a tile's merge knows no
    /// perimeters: 0, used only for intervals, which tiles do not make).
    ///
    /// Why apart from `LandGraph`: the tiles of a partition each find their share of the graph, and the merge
    /// classifies the whole graph here, as one process does.
    static func classify(parts: [LandGraph.PartSummary], mainPart: [Int], territoryIDs: [String], contacts: [(Int, Int)],
                         enclosures: Set<LandGraph.Enclosure>, perimeter: (Int) -> Double = { _ in 0 },
                         centroid: (Int) throws -> Position) throws -> [EnclaveRecord] {
        var landMass = UnionFind(count: parts.count)
        var touching = [Set<Int>](repeating: [], count: parts.count)
        for (a, b) in contacts {
            landMass.union(a, b)
            touching[a].insert(parts[b].territory)
            touching[b].insert(parts[a].territory)
        }
        var out: [EnclaveRecord] = []
        for (p, part) in parts.enumerated() {
            let main = mainPart[part.territory]
            var surroundedBy: String?
            if touching[p].count == 1, let j = touching[p].first, enclosures.contains(.init(part: p, territory: j)) { surroundedBy = territoryIDs[j] }
            // A territory whose main body is unknown here (-1: the merge knew no part of it apart) has none apart.
            let apart = main >= 0 && p != main
            guard apart || surroundedBy != nil else { continue }
            let exclave = apart && landMass.find(p) == landMass.find(main)
            out.append(EnclaveRecord(territory: territoryIDs[part.territory], isExclave: exclave, isDetachedPart: apart && !exclave,
                                     surroundedBy: surroundedBy, neighbours: touching[p].map { territoryIDs[$0] }.idSorted(),
                                     area: part.area, perimeter: perimeter(p), centroid: try centroid(p)))
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
