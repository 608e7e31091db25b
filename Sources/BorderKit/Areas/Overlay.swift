import GeoCore

/// One piece of the overlay: a region with one territory, one set of claimants and one holder.
public struct AreaPiece: Sendable, Hashable {
    /// The territory the piece lies in, or nil for a piece of a claim or control outside every territory.
    public var territory: String?
    /// Who claims the piece, sorted; empty when nobody claims it beyond its territory.
    public var claimants: [String]
    /// The holder at the chosen date: the control layer's, else the territory itself (de jure, by its name).
    public var holder: String
    /// Geodesic area in m² on WGS84.
    public var area: Double
    /// The piece's polygons (lon/lat on WGS84).
    public var geometry: Geometry
}

/// Claims × control × territories at a date, and the enclaves and exclaves of the territories.
public struct AreaReport: Sendable {
    /// The territories' label (a path, "<stdin>" or the embedded layer).
    public var source: String
    /// The date whose state the report shows; nil for the latest (open-ended) state.
    public var at: ISODate?
    /// Every piece, sorted by territory, holder and claimants.
    public var pieces: [AreaPiece]
    /// Pieces smaller than `minArea` m²: kept among the pieces and listed here, never dropped.
    public var slivers: [AreaPiece]
    /// Pieces smaller than this (m²) are listed as slivers.
    public var minArea: Double
    /// The parts apart from their territory's main body, and the enclaves.
    public var enclaves: [EnclaveRecord]
    /// Pairs of territories that overlap by more than the tolerance: their common area is counted in both.
    public var overlaps: [TerritoryOverlap] = []
    /// How the overlay was made, and any retry with reduced precision.
    public var notes: [String]
    /// What the input made the analysis warn about, and the overlaps found.
    public var warnings: [InputWarning]
    /// Each area's interval from the territories' accuracy, when it is known (`AreaIntervals.compute`).
    public var intervals: AreaIntervals?
}

/// Claims × control × territories at a date (`run`).
public enum Areas {
    /// Overlays territories, the claims and the control valid at `at` (the latest, open-ended state when nil).
    ///
    /// All boundaries are noded together (`GEOSUnaryUnion_r` of the linework) and polygonised
    /// (`GEOSPolygonize_r`); each face is labelled by an interior point (`GEOSPointOnSurface_r`) with the territory,
    /// the claimants and the holder that contain it; faces with the same labels are dissolved. If GEOS reports a
    /// topology error the noding is retried on a 1e-9° grid, and the report says so. Territories that no claim
    /// or control touches are single pieces, held de jure.
    ///
    /// Territories that overlap (by more than `overlapTolerance` m²) are reported and warned about; the overlap is
    /// counted in each territory that holds it, so per-territory areas stay whole and a sum over territories
    /// counts it twice (the report says so). Geometry across ±180° is overlaid in the east-shifted frame.
    public static func run(_ territories: [Territory], claims: [Claim], control: [Control], at: ISODate?, source: String,
                           minArea: Double = 1, snap: Double = 0, overlapTolerance: Double = 1,
                           warnings: [InputWarning] = []) throws -> AreaReport {
        let g = Geodesic.wgs84
        let activeClaims = claims.filter { $0.period.holds(at: at) }
        let activeControl = control.filter { $0.period.holds(at: at) }
        let layers = activeClaims.map(\.geometry) + activeControl.map(\.geometry)
        let layerEnvelopes = layers.compactMap(\.envelope)
        var notes: [String] = []
        var pieces: [AreaPiece] = []
        var affected: [Territory] = []
        for t in territories {
            if let e = t.geometry.envelope, layerEnvelopes.contains(where: { $0.intersects(e) }) {
                affected.append(t)
            } else {
                pieces.append(AreaPiece(territory: t.id, claimants: [], holder: t.name ?? t.id, area: g.area(of: t.geometry), geometry: t.geometry))
            }
        }
        if !affected.isEmpty || !layers.isEmpty {
            // One frame for the whole overlay: the east-shifted one if anything reaches ±180°.
            let framed = Geometry.inOneFrame(affected.map(\.geometry) + activeClaims.map(\.geometry) + activeControl.map(\.geometry))
            let affectedGeometry = Array(framed[..<affected.count])
            let claimGeometry = Array(framed[affected.count..<(affected.count + activeClaims.count)])
            let controlGeometry = Array(framed[(affected.count + activeClaims.count)...])
            let linework = try (affectedGeometry + claimGeometry + controlGeometry).map { try $0.boundary() }
            var faces: Geometry
            do {
                faces = try Geometry.union(of: linework).polygonize()
                notes.append("overlay: all boundaries noded together (GEOS unary union) and polygonised; faces labelled by an interior point")
            } catch let error as GEOSError {
                faces = try Geometry.union(of: linework, gridSize: 1e-9).polygonize()
                notes.append("overlay: GEOS reported \"\(error.message)\"; noded again on a 1e-9° grid (about 0.1 mm)")
            }
            var groups: [String: (piece: AreaPiece, parts: [Geometry])] = [:]
            var order: [String] = []
            // Each face is labelled by an interior point, looked up in STRtrees of prepared geometries.
            let territoryIndex = try LabelIndex(affectedGeometry), claimIndex = try LabelIndex(claimGeometry), controlIndex = try LabelIndex(controlGeometry)
            for face in faces.polygons.map(Geometry.polygon) {
                let p = try face.pointOnSurface()
                let owners = try territoryIndex.containing(p).map { affected[$0] }
                let claimants = Array(Set(try claimIndex.containing(p).map { activeClaims[$0].claimant })).sorted()
                let holders = Array(Set(try controlIndex.containing(p).map { activeControl[$0].holder })).sorted()
                guard !owners.isEmpty || !claimants.isEmpty || !holders.isEmpty else { continue }
                // A face inside two territories (an overlap) is a piece of each.
                for owner in owners.isEmpty ? [nil] : owners.map(Optional.some) {
                    let territory = owner?.id
                    let holder = holders.isEmpty ? (owner.map { $0.name ?? $0.id } ?? "none") : holders.joined(separator: " + ")
                    let key = [territory ?? "", claimants.joined(separator: "\u{1}"), holder].joined(separator: "\u{0}")
                    if groups[key] == nil {
                        order.append(key)
                        groups[key] = (AreaPiece(territory: territory, claimants: claimants, holder: holder, area: 0, geometry: face), [])
                    }
                    groups[key]!.parts.append(face)
                }
            }
            for key in order {
                var (piece, parts) = groups[key]!
                piece.geometry = parts.count == 1 ? parts[0] : try Geometry.union(of: parts)
                piece.area = g.area(of: piece.geometry)
                pieces.append(piece)
            }
        }
        pieces = sortedPieces(pieces)
        let scan = try Overlaps.scan(territories, tolerance: overlapTolerance)
        let overlaps = scan.overlaps
        if !overlaps.isEmpty {
            notes.append(overlapNote)
        }
        return AreaReport(source: source, at: at, pieces: pieces, slivers: pieces.filter { $0.area < minArea }, minArea: minArea,
                          enclaves: try Enclaves.find(territories, snap: snap, knownContacts: snap == 0 ? scan.contacts : [:]),
                          overlaps: overlaps, notes: notes,
                          warnings: warnings + overlaps.map { Borders.overlapWarning($0, source: source) })
    }
}

/// Polygons indexed for "which of them contain this point": an STRtree on envelopes, then prepared
/// point-in-polygon tests (`GEOSPreparedContains_r`) on the candidates only.
struct LabelIndex {
    let tree: STRtree
    let prepared: [PreparedGeometry]
    init(_ geometries: [Geometry]) throws {
        tree = try STRtree(geometries)
        prepared = try geometries.map { try PreparedGeometry($0) }
    }
    /// Indexes of the polygons that contain `point`, ascending.
    func containing(_ point: Geometry) throws -> [Int] {
        try tree.query(point).sorted().filter { try prepared[$0].contains(point) }
    }
}

/// Overlaps between territories: what a coverage should not have.
public enum Overlaps {
    /// Every pair of territories whose areas overlap by more than `tolerance` m² (geodesic), sorted by ids: per
    /// pair whose envelopes meet (packed R-tree), the edges both hold where `SharedEdges` proves that to be all
    /// they share (so no overlap), else one GEOS intersection (both clipped to their shared box, in their common
    /// frame across ±180°).
    public static func find(_ territories: [Territory], tolerance: Double = 1, workers: Int? = nil) throws -> [TerritoryOverlap] {
        try scan(territories, tolerance: tolerance, workers: workers).overlaps
    }

    /// `find`, and for every pair that touches without overlapping at all, the geodesic metres of its shared
    /// boundary (keyed `i × count + j`, i < j, territory indices): the same intersection tells both, so
    /// `Enclaves.find` need not intersect those pairs again.
    /// (`matchesSharedEdges` false: every pair through GEOS, the reference the tests compare with.)
    static func scan(_ territories: [Territory], tolerance: Double, workers: Int? = nil,
                     matchesSharedEdges: Bool = true) throws -> (overlaps: [TerritoryOverlap], contacts: [Int64: Double]) {
        let workers = workers ?? Parallel.processorCount
        var options = BorderOptions()
        options.workers = workers
        let envelopes = territories.map(\.geometry.envelope)
        let candidates = try Borders.candidatePairs(territories, envelopes: envelopes, options: options)
        let found = Locked([Result<(area: Double, sharedLength: Double), InputError>](repeating: .success((0, 0)), count: candidates.count))
        if !candidates.isEmpty {
            // A clean coverage's pairs from the edges both hold (`SharedEdges`, no overlap), the rest through GEOS.
            let index = matchesSharedEdges ? try SharedEdges.indexes(of: territories, workers: workers) : [:]
            try Parallel.forEach(count: candidates.count, workers: max(1, min(workers, candidates.count))) { _ in
                var scratch = SharedEdges.Scratch()
                return { k in
                    let (i, j) = candidates[k]
                    let r: Result<(area: Double, sharedLength: Double), InputError>
                    if matchesSharedEdges, let length = Borders.contactFromSharedEdges(territories[i], territories[j], envelopes: Borders.Envelopes(first: envelopes[i], second: envelopes[j]),
                                                                  indexes: SharedEdges.Indexes(first: index[i], second: index[j]), scratch: &scratch) {
                        r = .success((0, length))
                    } else {
                        do {
                            r = .success(try Borders.overlapAndContact(territories[i].geometry, territories[j].geometry))
                        } catch {
                            r = .failure(InputError("overlap of \(territories[i].id)–\(territories[j].id): \(error)"))
                        }
                    }
                    found.withLock { $0[k] = r }
                }
            }
        }
        var overlaps: [TerritoryOverlap] = [], contacts: [Int64: Double] = [:]
        let n = Int64(territories.count)
        for (k, r) in found.withLock({ $0 }).enumerated() {
            let (i, j) = candidates[k], measured = try r.get()
            if measured.area > tolerance {
                overlaps.append(TerritoryOverlap(territories: [territories[i].id, territories[j].id].idSorted(), area: measured.area))
            }
            if measured.area == 0 { contacts[Int64(min(i, j)) * n + Int64(max(i, j))] = measured.sharedLength }
        }
        return (overlaps.sorted { IDOrder.precedes($0.territories, $1.territories) }, contacts)
    }
}
