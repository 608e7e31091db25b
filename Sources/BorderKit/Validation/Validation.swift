import GeoCore

/// One feature's validity, as `validate` reports it.
public struct FeatureValidity: Hashable, Sendable {
    /// The feature's position in its file (0-based).
    public var index: Int
    /// The feature's id, if it has one.
    public var id: FeatureID?
    /// The feature's name from its properties (`Feature.displayName`), if any.
    public var name: String?
    /// JSON pointer to the feature in its file.
    public var pointer: String
    /// GEOS's verdict, with the reason and where.
    public var validity: Validity
}

/// What repairing one invalid feature changed.
public struct FeatureRepair: Hashable, Sendable {
    /// The feature's position in its file (0-based).
    public var index: Int
    /// The feature's id, if it has one.
    public var id: FeatureID?
    /// GEOS's reason it was invalid.
    public var reason: String
    /// The geometry type before the repair.
    public var typeBefore: GeometryType
    /// The geometry type after the repair (make-valid may change it).
    public var typeAfter: GeometryType
    /// Geodesic area before and after, m² (rings of an invalid polygon are measured as they are).
    public var areaBefore: Double
    /// Geodesic m² after the repair.
    public var areaAfter: Double
    /// Geodesic length of lineal parts before and after, metres (make-valid may turn collapsed parts into lines).
    public var lengthBefore: Double
    /// Geodesic metres of lines after the repair (make-valid may leave lines).
    public var lengthAfter: Double
}

/// OGC validity of features (GEOS), and repair on request (GEOS make-valid).
public enum Validation {
    /// The validity of every feature that has a geometry (`GEOSisValidDetail_r`).
    public static func check(_ geojson: GeoJSON) throws -> [FeatureValidity] {
        var out: [FeatureValidity] = []
        for (i, f) in geojson.features.enumerated() {
            guard let g = f.geometry else { continue }
            out.append(FeatureValidity(index: i, id: f.id, name: f.displayName, pointer: geojson.pointer(toFeature: i),
                                       validity: try g.validity()))
        }
        return out
    }

    /// The features with every invalid geometry replaced by `GEOSMakeValid_r`'s repair, and what changed.
    /// Valid geometries are left untouched.
    public static func repair(_ features: [Feature], geodesic: Geodesic = .wgs84) throws -> RepairResult {
        var repaired = features
        var repairs: [FeatureRepair] = []
        for (i, f) in features.enumerated() {
            guard let g = f.geometry else { continue }
            let validity = try g.validity()
            guard !validity.isValid else { continue }
            let fixed = try g.makeValid()
            repaired[i].geometry = fixed
            repairs.append(FeatureRepair(
                index: i, id: f.id, reason: validity.reason ?? "invalid",
                typeBefore: g.type, typeAfter: fixed.type,
                areaBefore: geodesic.area(of: g), areaAfter: geodesic.area(of: fixed),
                lengthBefore: geodesic.length(of: g), lengthAfter: geodesic.length(of: fixed)))
        }
        return RepairResult(features: repaired, repairs: repairs)
    }
}

/// What `Validation.repair` gives back: every feature (the invalid ones repaired) and what changed in each.
public struct RepairResult: Sendable, Hashable {
    /// Every feature, the invalid ones repaired.
    public var features: [Feature]
    /// What changed in each repaired feature.
    public var repairs: [FeatureRepair]
}
