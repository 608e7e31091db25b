import GeoCore

/// What one tile of a partition finds for `areas`: the pieces, overlaps and land contacts it owns, for
/// `AreaMerge` to combine into the whole file's report.
///
/// Why not a report per tile, as for `borders`: whether a part is an exclave depends on land that may run
/// through many tiles (Kaliningrad reaches Russia's main body only through Lithuania or Belarus), so each tile
/// hands on its share of the land-contact graph and the merge classifies the whole graph
/// (`Enclaves.classify`, as one process does). Written as a GeoJSON FeatureCollection (the pieces, with their
/// exact coordinates) whose foreign member `borderkit_areas_tile` holds the rest.
public struct AreaTilePart: Sendable {
    /// The whole file's label (`--label`).
    public var source: String
    /// The date asked for, if any.
    public var at: ISODate?
    /// The sliver threshold, m².
    public var minArea: Double
    /// The input's warnings the tile saw (features named by their index in the whole file).
    public var warnings: [InputWarning]
    /// The pieces of the territories the tile owns (the lower-left corner of the territory's envelope).
    public var pieces: [AreaPiece]
    /// The overlaps the tile owns (`TileExtent.owns` on the two envelopes).
    public var overlaps: [TerritoryOverlap]
    /// Parts that may make a record: the parts apart from their main body of the territories the tile owns,
    /// and the parts found enclosed by a contact the tile owns.
    var parts: [PartRecord]
    /// Land contacts between parts the tile owns.
    var contacts: [PartContact]
    /// Parts whose outer ring lies on a territory's boundary, tested for the contacts the tile owns.
    var enclosures: [PartEnclosure]

    /// A part as the merge needs it, named by its territory's id and its number among the territory's polygons.
    struct PartRecord: Hashable {
        var territory: String
        var number: Int
        /// The number of the territory's main body.
        var main: Int
        var area: Double
        var centroid: Position
    }

    /// Two parts that share more than 1 cm of border.
    struct PartContact: Hashable {
        var a: PartKey
        var b: PartKey
    }

    /// A part whose outer ring lies on `by`'s boundary.
    struct PartEnclosure: Hashable {
        var part: PartKey
        var by: String
    }

    /// A territory's id and a part's number in it.
    struct PartKey: Hashable {
        var territory: String
        var number: Int
    }
}

extension Areas {
    /// The tile's share of `run` on territories alone (no claims or control): see `AreaTilePart`.
    ///
    /// The pieces are the owned territories whole, with their geodesic areas; overlaps and land contacts are
    /// found as `run` finds them, among the tile's territories (each pair the tile owns is whole there).
    public static func tilePart(_ territories: [Territory], owner: TileExtent, at: ISODate?, source: String, minArea: Double = 1,
                                overlapTolerance: Double = 1, warnings: [InputWarning] = []) throws -> AreaTilePart {
        let g = Geodesic.wgs84
        var owned = Set<Int>()
        for (i, t) in territories.enumerated() {
            if let e = t.geometry.envelope, owner.owns(Position(e.minX, e.minY)) { owned.insert(i) }
        }
        let pieces = territories.indices.filter(owned.contains).map { i in
            let t = territories[i]
            return AreaPiece(territory: t.id, claimants: [], holder: t.name ?? t.id, area: g.area(of: t.geometry), geometry: t.geometry)
        }
        let scan = try Overlaps.scan(territories, tolerance: overlapTolerance)
        let envelopes = Dictionary(territories.compactMap { t in t.geometry.envelope.map { (t.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let overlaps = scan.overlaps.filter { o in
            guard let a = envelopes[o.territories[0]], let b = envelopes[o.territories[1]] else { return false }
            return owner.owns(a, b)
        }
        let graph = try LandGraph(territories, snap: 0, workers: nil, knownContacts: scan.contacts, owner: owner)
        func key(_ p: Int) -> AreaTilePart.PartKey { AreaTilePart.PartKey(territory: territories[graph.parts[p].territory].id, number: graph.parts[p].number) }
        func record(_ p: Int) throws -> AreaTilePart.PartRecord {
            let part = graph.parts[p], main = graph.mainPart[part.territory]
            return AreaTilePart.PartRecord(territory: territories[part.territory].id, number: part.number, main: graph.parts[main].number,
                                           area: part.area, centroid: try part.centroid())
        }
        var records: [AreaTilePart.PartRecord] = []
        for (p, part) in graph.parts.enumerated() where owned.contains(part.territory) && p != graph.mainPart[part.territory] {
            records.append(try record(p))
        }
        var test = EnclosureTest(territories: territories, snap: 0)
        var tested = Set<LandGraph.Enclosure>(), enclosures: [AreaTilePart.PartEnclosure] = []
        for (a, b) in graph.contacts {
            for (p, q) in [(a, b), (b, a)] {
                let j = graph.parts[q].territory
                guard tested.insert(.init(part: p, territory: j)).inserted, try test.encloses(graph.parts[p], by: j) else { continue }
                enclosures.append(.init(part: key(p), by: territories[j].id))
                records.append(try record(p))
            }
        }
        return AreaTilePart(source: source, at: at, minArea: minArea, warnings: warnings, pieces: pieces, overlaps: overlaps,
                            parts: records, contacts: graph.contacts.map { .init(a: key($0.0), b: key($0.1)) }, enclosures: enclosures)
    }

    /// The pieces in the report's order: by territory, holder, claimants, then the larger first.
    static func sortedPieces(_ pieces: [AreaPiece]) -> [AreaPiece] {
        // Each piece's key made once (not twice per comparison).
        let keys = pieces.map { ($0.territory ?? "", $0.holder, $0.claimants.joined(separator: ","), -$0.area) }
        return pieces.indices.sorted { keys[$0] < keys[$1] }.map { pieces[$0] }
    }

    /// The note a report with overlapping territories carries.
    static let overlapNote = "overlapping territories: each overlap is counted in every territory that holds it, so territory totals "
        + "stay whole and their sum counts an overlap more than once"
}
