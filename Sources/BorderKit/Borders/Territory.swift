import GeoCore

/// A polygonal area with an id, as the border and area analyses take it from a GeoJSON feature.
public struct Territory: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var geometry: Geometry
    /// Position of the feature in its file, and its JSON pointer, for messages.
    public var index: Int
    public var pointer: String

    public init(id: String, name: String? = nil, geometry: Geometry, index: Int = 0, pointer: String = "") {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.index = index
        self.pointer = pointer
    }
}

/// Something about the input worth telling the user that does not stop the analysis.
public struct InputWarning: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var pointer: String
    public var message: String
    public var description: String { "\(source): \(pointer.isEmpty ? "/" : pointer): \(message)" }
}

/// A problem with the input that stops the analysis, naming the file and the feature.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Territory {
    /// Properties tried for a territory id when there is no `--id-property` and no feature `id`, in order.
    public static let fallbackIDProperties = ["id", "iso2", "ISO_A2", "ADM0_A3", "ISO_A3", "name", "NAME"]

    /// The polygonal features of `geojson` as territories.
    ///
    /// The id is the property `idProperty` when given, else the feature's `id`, else the first of
    /// `fallbackIDProperties` the feature has (a string or an integer). A feature without one, or two with the
    /// same, is an error naming both. Features without polygons are skipped with a warning, and invalid polygons
    /// are kept with a warning (GEOS's reason), since their boundaries still meet their neighbours'.
    public static func load(_ geojson: GeoJSON, source: String, idProperty: String?) throws -> (territories: [Territory], warnings: [InputWarning]) {
        var out: [Territory] = []
        var warnings: [InputWarning] = []
        var seen: [String: String] = [:]
        for (i, f) in geojson.features.enumerated() {
            let pointer = geojson.pointer(toFeature: i)
            func value(_ key: String) -> String? {
                switch f.properties?[key] {
                case .string(let s)? where !s.isEmpty: s
                case .integer(let n)?: String(n)
                default: nil
                }
            }
            let id: String?
            if let idProperty {
                id = value(idProperty)
                if id == nil { throw InputError("\(source): \(pointer): no property \"\(idProperty)\" (a string or an integer) to use as the territory id") }
            } else {
                id = f.id.map(\.description) ?? fallbackIDProperties.lazy.compactMap(value).first
            }
            guard let id else {
                throw InputError("\(source): \(pointer): no territory id: the feature has no \"id\" and none of the properties "
                    + "\(fallbackIDProperties.joined(separator: ", ")); name one with --id-property")
            }
            guard let geometry = f.geometry, !geometry.polygons.isEmpty else {
                warnings.append(InputWarning(source: source, pointer: pointer, message: "\(id): no polygon, skipped"))
                continue
            }
            if let other = seen[id] {
                throw InputError("\(source): \(pointer): duplicate territory id \"\(id)\" (also at \(other)); choose another --id-property")
            }
            seen[id] = pointer
            let validity = try geometry.validity()
            if !validity.isValid {
                let at = validity.location.map { " at \(JSONNumberFormat.fixed($0.lon, decimals: 5)), \(JSONNumberFormat.fixed($0.lat, decimals: 5))" } ?? ""
                warnings.append(InputWarning(source: source, pointer: pointer,
                                             message: "\(id)\(f.displayName.map { " (\($0))" } ?? ""): invalid geometry (\(validity.reason ?? "invalid")\(at)); its borders are computed as given"))
            }
            let polygonal = Geometry.multiPolygon(MultiPolygon(geometry.polygons))
            out.append(Territory(id: id, name: f.displayName, geometry: polygonal, index: i, pointer: pointer))
        }
        return (out, warnings)
    }
}
