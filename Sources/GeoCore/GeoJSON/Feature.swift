/// A feature's identifier: RFC 7946 allows a string or a number.
public enum FeatureID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    /// An integer id too large for 64 bits, kept as its digits.
    case bigInteger(String)
    case number(Double)

    /// The id as text.
    public var description: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .bigInteger(let digits): digits
        case .number(let d): JSONNumberFormat.shortest(d)
        }
    }

    var jsonValue: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .bigInteger(let digits): .bigInteger(digits)
        case .number(let d): .number(d)
        }
    }
}

/// A GeoJSON Feature: a geometry (or none), its properties in their order, and its id.
public struct Feature: Hashable, Sendable {
    /// The feature's id, if it has one.
    public var id: FeatureID?
    /// Its geometry; nil for a feature with null geometry.
    public var geometry: Geometry?
    /// `nil` is `"properties": null`.
    public var properties: JSONObject?
    /// Members RFC 7946 does not define (kept in order, written back), e.g. "title".
    public var foreignMembers: JSONObject

    /// A feature; `properties` nil writes `null`.
    public init(id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject? = JSONObject(), foreignMembers: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.foreignMembers = foreignMembers
    }
}

/// A GeoJSON FeatureCollection.
public struct FeatureCollection: Hashable, Sendable {
    /// The features, in order.
    public var features: [Feature]
    /// Members RFC 7946 does not define, e.g. "name" (a "crs" member is read but never written).
    public var foreignMembers: JSONObject
    /// What the reader did that the user should know, e.g. positions reprojected from a legacy `crs`.
    public var notes: [String] = []
    /// The OGR layer the features were read from, when not from GeoJSON text (messages name features by FID).
    public var origin: LayerOrigin?

    /// A collection of `features` with `foreignMembers` kept as read.
    public init(_ features: [Feature], foreignMembers: JSONObject = JSONObject()) {
        self.features = features
        self.foreignMembers = foreignMembers
    }
}

/// Any GeoJSON text: a bare geometry, one feature, or a collection.
public enum GeoJSON: Hashable, Sendable {
    case geometry(Geometry)
    case feature(Feature)
    case featureCollection(FeatureCollection)

    /// The features it holds: a bare geometry becomes one feature with no properties.
    public var features: [Feature] {
        switch self {
        case .geometry(let g): [Feature(geometry: g)]
        case .feature(let f): [f]
        case .featureCollection(let c): c.features
        }
    }

    /// What the reader did that the user should know (`FeatureCollection.notes`).
    public var notes: [String] {
        if case .featureCollection(let c) = self { return c.notes }
        return []
    }

    /// Where feature `index` is, for messages: the JSON pointer ("/features/<index>" in a collection, "" for a
    /// lone feature), or for a layer read through GDAL its name and the feature's FID ("layer "x", FID 12").
    /// A feature a partition copied names the feature of the whole file it is (its `borderkit_index` member).
    public func pointer(toFeature index: Int) -> String {
        guard case .featureCollection(let c) = self else { return "" }
        if c.features.indices.contains(index), let pointer = Feature.partitionPointer(c.features[index]) { return pointer }
        if let o = c.origin, o.fids.indices.contains(index) { return "layer \"\(o.layer)\", FID \(o.fids[index])" }
        return "/features/\(index)"
    }
}

extension Feature {
    /// The JSON pointer of a feature of a GeoJSON collection read one feature at a time, by the rule of
    /// `GeoJSON.pointer(toFeature:)`: "/features/<index>", or the whole file's index a partition gave it.
    public static func pointer(to feature: Feature, at index: Int) -> String {
        partitionPointer(feature) ?? "/features/\(index)"
    }

    /// "/features/<whole>" for a feature a partition copied (its `borderkit_index` member), else nil.
    static func partitionPointer(_ feature: Feature) -> String? {
        guard case .integer(let whole)? = feature.foreignMembers[partitionIndexMember] else { return nil }
        return "/features/\(whole)"
    }
}

extension Feature {
    /// The foreign member `borderkit partition` gives each feature it copies into a tile: its index in the file.
    public static let partitionIndexMember = "borderkit_index"

    /// Property names that commonly hold a feature's name, in the order they are tried.
    public static let nameProperties = ["name", "NAME", "Name", "name_en", "NAME_EN", "ADMIN", "admin", "title"]

    /// A human-readable name for messages: the first of `nameProperties` that holds a string, else nil.
    public var displayName: String? {
        for key in Feature.nameProperties {
            if case .string(let s)? = properties?[key], !s.isEmpty { return s }
        }
        return nil
    }
}

/// The OGR layer a collection was read from: its name, GDAL's driver, and each feature's FID, in order.
public struct LayerOrigin: Hashable, Sendable {
    /// The layer's name, e.g. "countries".
    public var layer: String
    /// GDAL's short name of the driver that read it, e.g. "GPKG", "ESRI Shapefile".
    public var driver: String
    /// The FID of each feature, in the collection's order.
    public var fids: [Int64]

    /// The origin of features read from `layer` by `driver`.
    public init(layer: String, driver: String, fids: [Int64] = []) {
        self.layer = layer
        self.driver = driver
        self.fids = fids
    }
}
