import GeoCore

/// Geodesic measures of one feature: lengths in metres, areas in square metres, on the given ellipsoid.
public struct FeatureMeasurement: Hashable, Sendable {
    /// Position of the feature in its file (0-based).
    public var index: Int
    public var id: FeatureID?
    /// The feature's name from its properties (`Feature.displayName`), if any.
    public var name: String?
    /// nil for a feature without geometry.
    public var geometryType: GeometryType?
    public var vertexCount: Int
    /// OGC validity from GEOS; nil for a feature without geometry.
    public var validity: Validity?
    /// Geodesic length of the lineal parts, metres; nil when there are none.
    public var length: Double?
    /// Geodesic area of the polygonal parts, m²; nil when there are none.
    public var area: Double?
    /// Geodesic perimeter of the polygonal parts (all rings), metres; nil when there are none.
    public var perimeter: Double?
}

/// What `measure` found in a file: one row per feature and the totals.
public struct MeasureReport: Hashable, Sendable {
    public var source: String
    public var features: [FeatureMeasurement]

    public var totalLength: Double { features.reduce(0) { $0 + ($1.length ?? 0) } }
    public var totalArea: Double { features.reduce(0) { $0 + ($1.area ?? 0) } }
    public var totalPerimeter: Double { features.reduce(0) { $0 + ($1.perimeter ?? 0) } }
    public var totalVertices: Int { features.reduce(0) { $0 + $1.vertexCount } }
    public var invalidCount: Int { features.filter { $0.validity?.isValid == false }.count }
}

/// Measures features geodesically: length of lines, area and perimeter of polygons, with GEOS validity.
public enum Measure {
    /// Measures every feature (`Geodesic.length`, `Geodesic.area`, `Geodesic.perimeter`; `GEOSisValidDetail_r`).
    public static func run(_ features: [Feature], source: String, geodesic: Geodesic = .wgs84) throws -> MeasureReport {
        var rows: [FeatureMeasurement] = []
        rows.reserveCapacity(features.count)
        for (index, feature) in features.enumerated() {
            guard let g = feature.geometry else {
                rows.append(FeatureMeasurement(index: index, id: feature.id, name: feature.displayName, geometryType: nil, vertexCount: 0))
                continue
            }
            let lines = g.lineStrings, polygons = g.polygons
            rows.append(FeatureMeasurement(
                index: index,
                id: feature.id,
                name: feature.displayName,
                geometryType: g.type,
                vertexCount: g.vertexCount,
                validity: try g.validity(),
                length: lines.isEmpty ? nil : geodesic.length(of: g),
                area: polygons.isEmpty ? nil : geodesic.area(of: g),
                perimeter: polygons.isEmpty ? nil : geodesic.perimeter(of: g)))
        }
        return MeasureReport(source: source, features: rows)
    }
}
