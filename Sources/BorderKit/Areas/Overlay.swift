import GeoCore

/// One piece of the overlay: a region with one territory, one set of claimants and one holder.
public struct AreaPiece: Sendable, Hashable {
    public var territory: String?
    public var claimants: [String]
    /// The holder at the chosen date: the control layer's, else the territory itself (de jure, by its name).
    public var holder: String
    /// Geodesic area in m² on WGS84.
    public var area: Double
    public var geometry: Geometry
}

/// Claims × control × territories at a date, and the enclaves and exclaves of the territories.
public struct AreaReport: Sendable {
    public var source: String
    public var at: ISODate?
    public var pieces: [AreaPiece]
    /// Pieces smaller than `minArea` m²: kept among the pieces and listed here, never dropped.
    public var slivers: [AreaPiece]
    public var minArea: Double
    public var enclaves: [EnclaveRecord]
    /// How the overlay was made, and any retry with reduced precision.
    public var notes: [String]
    public var warnings: [InputWarning]
}

public enum Areas {
    /// Overlays territories, the claims and the control valid at `at` (the latest, open-ended state when nil).
    ///
    /// All boundaries are noded together (`GEOSUnaryUnion_r` of the linework) and polygonised
    /// (`GEOSPolygonize_r`); each face is labelled by an interior point (`GEOSPointOnSurface_r`) with the territory,
    /// the claimants and the holder that contain it; faces with the same labels are dissolved. If GEOS reports a
    /// topology error the noding is retried on a 1e-9° grid, and the report says so. Territories that no claim
    /// or control touches are single pieces, held de jure.
    public static func run(_ territories: [Territory], claims: [Claim], control: [Control], at: ISODate?, source: String,
                           minArea: Double = 1, snap: Double = 0, warnings: [InputWarning] = []) throws -> AreaReport {
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
            let linework = try (affected.map(\.geometry) + layers).map { try $0.boundary() }
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
            for face in faces.polygons.map(Geometry.polygon) {
                let p = try face.pointOnSurface()
                let owner = try affected.first { try $0.geometry.contains(p) }
                let territory = owner?.id
                let claimants = Array(Set(try activeClaims.filter { try $0.geometry.contains(p) }.map(\.claimant))).sorted()
                let holders = Array(Set(try activeControl.filter { try $0.geometry.contains(p) }.map(\.holder))).sorted()
                guard territory != nil || !claimants.isEmpty || !holders.isEmpty else { continue }
                let holder = holders.isEmpty ? (owner.map { $0.name ?? $0.id } ?? "none") : holders.joined(separator: " + ")
                let key = [territory ?? "", claimants.joined(separator: "\u{1}"), holder].joined(separator: "\u{0}")
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = (AreaPiece(territory: territory, claimants: claimants, holder: holder, area: 0, geometry: face), [])
                }
                groups[key]!.parts.append(face)
            }
            for key in order {
                var (piece, parts) = groups[key]!
                piece.geometry = parts.count == 1 ? parts[0] : try Geometry.union(of: parts)
                piece.area = g.area(of: piece.geometry)
                pieces.append(piece)
            }
        }
        pieces.sort { ($0.territory ?? "", $0.holder, $0.claimants.joined(separator: ","), -$0.area) < ($1.territory ?? "", $1.holder, $1.claimants.joined(separator: ","), -$1.area) }
        return AreaReport(source: source, at: at, pieces: pieces, slivers: pieces.filter { $0.area < minArea }, minArea: minArea,
                          enclaves: try Enclaves.find(territories, snap: snap), notes: notes, warnings: warnings)
    }
}
