import GeoCore

/// A component of a territory that is an exclave (not its main body), an enclave (wholly surrounded by one
/// other territory), or both.
public struct EnclaveRecord: Sendable, Hashable {
    public var territory: String
    public var isExclave: Bool
    /// The one territory that wholly surrounds it, when it is an enclave.
    public var surroundedBy: String?
    /// The territories it touches along a line (none: an island or a coastal part).
    public var neighbours: [String]
    /// Geodesic area, m².
    public var area: Double
    /// Planar centroid in lon/lat (`GEOSGetCentroid_r`).
    public var centroid: Position

    public var kind: String {
        switch (isExclave, surroundedBy != nil) {
        case (true, true): "exclave, enclave"
        case (true, false): "exclave"
        default: "enclave"
        }
    }
}

public enum Enclaves {
    /// The exclaves and enclaves of every territory. A territory's main body is its largest component by
    /// geodesic area; every other component is an exclave. A component (or a whole one-part territory) is an
    /// enclave when all of its outer ring lies on one other territory's boundary (exactly, or within `snap`
    /// metres: its boundary is then compared with the other's buffered in a local projection).
    public static func find(_ territories: [Territory], snap: Double = 0) throws -> [EnclaveRecord] {
        let g = Geodesic.wgs84
        let tree = try STRtree(territories.map(\.geometry))
        let boundaries = try territories.map { try $0.geometry.boundary() }
        let prepared = try boundaries.map { try PreparedGeometry($0) }
        var out: [EnclaveRecord] = []
        for (i, t) in territories.enumerated() {
            let components = t.geometry.polygons
            let areas = components.map { g.area(of: $0) }
            let main = areas.indices.max { areas[$0] < areas[$1] } ?? 0
            for (k, component) in components.enumerated() {
                let outer = Geometry.lineString(LineString(component.rings[0]))
                let perimeter = g.length(of: outer)
                var shared: [(String, Double)] = []
                for j in try tree.query(outer) where j != i {
                    let touches = snap > 0 ? true : try prepared[j].intersects(outer)
                    guard touches else { continue }
                    let length = snap > 0 ? try lengthNear(outer, boundaries[j], snap: snap)
                        : Geodesic.wgs84.length(of: try prepared[j].intersection(outer))
                    if length > 0 { shared.append((territories[j].id, length)) }
                }
                let surrounding = shared.filter { $0.1 >= perimeter * (1 - 1e-9) - 2 * snap - 0.01 }
                let surroundedBy = surrounding.count == 1 && shared.count == 1 ? surrounding[0].0 : nil
                guard k != main || surroundedBy != nil else { continue }
                let c = try Geometry.polygon(component).centroid()
                out.append(EnclaveRecord(territory: t.id, isExclave: k != main, surroundedBy: surroundedBy,
                                         neighbours: shared.map(\.0).sorted(), area: areas[k],
                                         centroid: c.pointPosition ?? component.rings[0][0]))
            }
        }
        return out.sorted { ($0.territory, -$0.area) < ($1.territory, -$1.area) }
    }

    /// Geodesic length of `line` lying within `snap` metres of `boundary` (buffered in a local projection).
    static func lengthNear(_ line: Geometry, _ boundary: Geometry, snap: Double) throws -> Double {
        guard let e = line.envelope else { return 0 }
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let zone = try projection.forward(boundary).buffer(snap)
        return Geodesic.wgs84.length(of: try projection.inverse(try projection.forward(line).intersection(zone)))
    }
}
