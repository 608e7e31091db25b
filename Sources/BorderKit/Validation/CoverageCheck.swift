import GeoCore

/// Two features of one layer whose areas overlap.
public struct CoverageOverlap: Sendable, Hashable {
    /// The two features as the layer names them (id, else name, else "#index"), in file order.
    public var features: [String]
    /// Geodesic area of the overlap, m² on WGS84.
    public var area: Double
}

/// An area enclosed by the features of a layer that none of them covers.
public struct CoverageGap: Sendable, Hashable {
    /// Geodesic area, m² on WGS84.
    public var area: Double
    /// A point inside the gap (`GEOSPointOnSurface_r`), lon/lat.
    public var position: Position
}

/// What `validate --coverage` found in one layer.
public struct CoverageReport: Sendable, Hashable {
    /// The file's label.
    public var file: String
    /// Pairs of features that overlap, sorted.
    public var overlaps: [CoverageOverlap]
    /// Gaps, largest first.
    public var gaps: [CoverageGap]
    /// Overlaps and gaps below this many m² are not listed.
    public var minArea: Double
    /// True when the layer has neither overlaps nor gaps.
    public var isClean: Bool { overlaps.isEmpty && gaps.isEmpty }
}

/// The checks a mapping team runs before publishing a coverage: no two features overlap, and no hole is left
/// between them.
public enum CoverageCheck {
    /// Overlaps: one GEOS intersection per pair of polygonal features whose envelopes meet (`Overlaps.find`).
    /// Gaps: the faces of the union's boundary (`GEOSUnaryUnion_r`, `GEOSBoundary_r` noded by a union, `GEOSPolygonize_r`) that
    /// the union does not cover, each a region enclosed by features that none covers (an enclosed sea or lake
    /// counts too: the report names its area and a point in it).
    /// Geometry across ±180° is read as every command reads it. Areas geodesic on WGS84.
    public static func check(_ geojson: GeoJSON, source: String, minArea: Double = 1) throws -> CoverageReport {
        var territories: [Territory] = []
        var warnings: [InputWarning] = []
        for (i, f) in geojson.features.enumerated() {
            let parts = (f.geometry?.polygons ?? []).filter { !($0.exterior?.isEmpty ?? true) }
            guard !parts.isEmpty else { continue }
            let name = f.id?.description ?? f.displayName ?? "#\(i)"
            let pointer = geojson.pointer(toFeature: i)
            let g = try Territory.continuous(.multiPolygon(MultiPolygon(parts)), source: source, pointer: pointer, id: name, warnings: &warnings)
            territories.append(Territory(id: "\(i)", name: name, geometry: g, index: i, pointer: pointer))
        }
        let names = Dictionary(uniqueKeysWithValues: territories.map { ($0.id, $0.name!) })
        let overlaps = try Overlaps.find(territories, tolerance: minArea).map { o in
            CoverageOverlap(features: o.territories.sorted { Int($0)! < Int($1)! }.map { names[$0]! }, area: o.area)
        }.sorted { ($0.features.first ?? "", -$0.area) < ($1.features.first ?? "", -$1.area) }
        // The union in one frame: the east-shifted one if anything reaches ±180°.
        let all = Geometry.inOneFrame(territories.map(\.geometry))
        var gaps: [CoverageGap] = []
        if !all.isEmpty {
            // Every face of the union's boundary that the union does not cover is a bounded region no feature
            // covers: a hole of the union, or a region closed off by features that touch only at points.
            let union = try Geometry.union(of: all)
            let covered = try PreparedGeometry(union)
            for face in try union.boundary().unaryUnion().polygonize().polygons.map(Geometry.polygon) {
                let p = try face.pointOnSurface()
                guard try !covered.contains(p) else { continue }
                let area = Geodesic.wgs84.area(of: face)
                guard area > minArea else { continue }
                gaps.append(CoverageGap(area: area, position: (p.pointPosition ?? Position(0, 0)).wrappedLongitude))
            }
        }
        gaps.sort { ($0.area, $0.position.x, $0.position.y) > ($1.area, $1.position.x, $1.position.y) }
        return CoverageReport(file: source, overlaps: overlaps, gaps: gaps, minArea: minArea)
    }
}

extension ValidationReport {
    /// Markdown for the coverage checks.
    public static func coverageMarkdown(_ reports: [CoverageReport]) -> String {
        var text = ""
        for r in reports {
            text += "\n## Coverage of \(r.file)\n\n\(r.overlaps.count) overlaps and \(r.gaps.count) gaps larger than "
            text += "\(JSONNumberFormat.shortest(r.minArea)) m² (areas geodesic on WGS84).\n"
            if !r.overlaps.isEmpty {
                text += "\n" + Table(columns: ["feature_a", "feature_b", "overlap_km2"], rows: r.overlaps.map {
                    [.text($0.features[0]), .text($0.features[1]), .number($0.area / 1e6, decimals: 6)]
                }).markdown
            }
            if !r.gaps.isEmpty {
                text += "\n" + Table(columns: ["gap_km2", "lon", "lat"], rows: r.gaps.map {
                    [.number($0.area / 1e6, decimals: 6), .number($0.position.lon, decimals: 5), .number($0.position.lat, decimals: 5)]
                }).markdown
            }
        }
        return text
    }

    /// JSON for the coverage checks: one object per file.
    public static func coverageJSON(_ reports: [CoverageReport]) -> JSONValue {
        .array(reports.map { r in
            .object([
                "file": .string(r.file), "min_area_m2": .number(r.minArea),
                "overlaps": .array(r.overlaps.map { .object(["features": .array($0.features.map(JSONValue.string)), "area_m2": .number($0.area)]) }),
                "gaps": .array(r.gaps.map { .object(["area_m2": .number($0.area), "lon": .number($0.position.lon), "lat": .number($0.position.lat)]) }),
            ])
        })
    }
}
