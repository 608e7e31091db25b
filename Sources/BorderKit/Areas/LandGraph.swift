import GeoCore

/// The land-contact graph of the territories' parts: which parts share a border of positive length.
///
/// Why a type of its own: `Enclaves.find` classifies the whole graph in one process, and a tile of a partition
/// (`Areas.tilePart`) finds only the contacts it owns (`TileExtent.owns` on the two parts' envelopes); the merge
/// classifies the union, so both go through `Enclaves.classify` with the same parts and contacts.
struct LandGraph {
    /// One polygon of a territory.
    struct Part {
        /// Index of its territory in the list given.
        let territory: Int
        /// Its number among the territory's polygons (from 0, in the file's order).
        let number: Int
        let polygon: Polygon
        let geometry: Geometry
        let envelope: Envelope
        /// Geodesic m² on WGS84.
        let area: Double

        /// Planar centroid (`GEOSGetCentroid_r`), longitude within ±180°.
        func centroid() throws -> Position {
            let c = try geometry.centroid()
            return (c.pointPosition ?? polygon.rings[0][0]).wrappedLongitude
        }

        var summary: PartSummary { PartSummary(territory: territory, area: area) }
    }

    /// What classification needs of a part: its territory and area.
    struct PartSummary {
        let territory: Int
        let area: Double
    }

    /// A part whose outer ring lies on one territory's boundary (`EnclosureTest`).
    struct Enclosure: Hashable {
        let part: Int
        let territory: Int
    }

    private(set) var parts: [Part] = []
    /// Per territory, the index of its main body (its largest part) in `parts`; -1 for a territory without parts.
    private(set) var mainPart: [Int] = []
    /// Pairs of parts of different territories that share more than 1 cm of border, in the order found.
    private(set) var contacts: [(Int, Int)] = []

    /// The graph of `territories`: one GEOS intersection per pair of parts whose envelopes meet (STRtree, in their
    /// common frame across ±180°), or within `snap` metres; `knownContacts` (from `Overlaps.scan`, keyed
    /// `i × count + j`) saves the intersection of two one-part territories. With `owner`, only the pairs of
    /// parts whose reference point (`TileExtent.referencePoint`) lies in it.
    init(_ territories: [Territory], snap: Double, workers: Int?, knownContacts: [Int64: Double], owner: TileExtent?) throws {
        let g = Geodesic.wgs84
        let workers = workers ?? Parallel.processorCount
        for (i, t) in territories.enumerated() {
            var best = -1, bestArea = -1.0
            for (k, p) in t.geometry.polygons.enumerated() {
                let geometry = Geometry.polygon(p)
                guard let envelope = geometry.envelope else { continue }
                let area = g.area(of: p)
                if area > bestArea { best = parts.count; bestArea = area }
                parts.append(Part(territory: i, number: k, polygon: p, geometry: geometry, envelope: envelope, area: area))
            }
            mainPart.append(best)
        }
        let tree = try STRtree(parts.map(\.geometry))
        let margin = snap / 111_320 / 0.17
        var seen = Set<Int64>()
        var candidates: [(Int, Int)] = []
        for (p, part) in parts.enumerated() {
            for copy in part.envelope.expanded(by: margin).antimeridianCopies {
                for q in try tree.query(copy) where parts[q].territory != part.territory {
                    let (a, b) = (min(p, q), max(p, q))
                    guard seen.insert(Int64(a) * Int64(parts.count) + Int64(b)).inserted else { continue }
                    if let owner, !owner.owns(parts[a].envelope, parts[b].envelope) { continue }
                    candidates.append((a, b))
                }
            }
        }
        seen = []
        // The shared lengths on every worker (one GEOS context each), kept in candidate order: the same result
        // whatever the threads do.
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
            let r = Result<Double, any Error> { try Enclaves.sharedLength(partList[a].geometry, partList[b].geometry, snap: snap) }
            lengths.withLock { $0[k] = r }
        } }
        for (k, r) in lengths.withLock({ $0 }).enumerated() where try r.get() > 0.01 {
            contacts.append(candidates[k])
        }
    }
}

/// Whether a part's outer ring lies on a territory's boundary: an enclave, when that territory is the only one
/// the part touches.
///
/// Tested only where the part's envelope lies within the territory's (widened by the snap and 1 m), which an
/// enclosed ring's must: so a tile holding the two (`Areas.tilePart`) can test every pair it owns and the
/// merge find the same answer one process does. Holds the territories' boundaries prepared
/// (`GEOSPrepare_r`) once each.
struct EnclosureTest {
    let territories: [Territory]
    let snap: Double
    private var prepared: [Int: PreparedGeometry] = [:]

    init(territories: [Territory], snap: Double) {
        self.territories = territories
        self.snap = snap
    }

    /// True when all of `part`'s outer ring lies on territory `j`'s boundary (within 1e-9 of its length, 1 cm,
    /// and twice the snap): geodesic length of the intersection (`GEOSIntersection_r`), or of the ring within
    /// `snap` metres of the boundary.
    mutating func encloses(_ part: LandGraph.Part, by j: Int) throws -> Bool {
        let g = Geodesic.wgs84
        guard let ej = territories[j].geometry.envelope else { return false }
        let margin = (snap + 1) / 111_320 / 0.17
        let e = part.envelope
        let within = ej.antimeridianCopies.contains { c in
            e.minX >= c.minX - margin && e.maxX <= c.maxX + margin && e.minY >= c.minY - margin && e.maxY <= c.maxY + margin
        }
        guard within else { return false }
        let outer = Geometry.lineString(LineString(part.polygon.rings[0]))
        let length: Double
        if snap > 0 || e.reachesAntimeridian || ej.reachesAntimeridian {
            let framed = Geometry.commonFrame(outer, territories[j].geometry)
            length = snap > 0 ? try Enclaves.lengthNear(framed.first, try framed.second.boundary(), snap: snap)
                : g.length(of: try framed.second.boundary().intersection(framed.first))
        } else {
            // In one frame already: the territory's boundary prepared once for all its enclaves.
            if prepared[j] == nil { prepared[j] = try PreparedGeometry(try territories[j].geometry.boundary()) }
            length = g.length(of: try prepared[j]!.intersection(outer))
        }
        return length >= g.length(of: outer) * (1 - 1e-9) - 2 * snap - 0.01
    }
}
