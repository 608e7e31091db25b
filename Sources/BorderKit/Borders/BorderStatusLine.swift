import GeoCore

/// A line of a border-status layer: where a border has a known status (delimited, line of control, …).
public struct BorderStatusLine: Sendable, Hashable {
    public var id: String?
    public var status: String
    public var date: String?
    public var source: String?
    public var geometry: Geometry

    public init(id: String? = nil, status: String, date: String? = nil, source: String? = nil, geometry: Geometry) {
        self.id = id
        self.status = status
        self.date = date
        self.source = source
        self.geometry = geometry
    }

    /// The lines of a status layer. Each needs a string status in the property `statusProperty` (by default
    /// `status`); `date` and `source` are kept when present. Lines marked `"historic": true` describe a past
    /// state and are not matched onto today's borders.
    public static func load(_ geojson: GeoJSON, source: String, statusProperty: String = "status") throws -> [BorderStatusLine] {
        var out: [BorderStatusLine] = []
        for (i, f) in geojson.features.enumerated() {
            let pointer = geojson.pointer(toFeature: i)
            guard let geometry = f.geometry, !geometry.lineStrings.isEmpty else {
                throw InputError("\(source): \(pointer): a border-status feature must be a LineString or MultiLineString")
            }
            guard case .string(let status)? = f.properties?[statusProperty], !status.isEmpty else {
                throw InputError("\(source): \(pointer): a border-status feature needs a string property \"\(statusProperty)\"")
            }
            if f.properties?["historic"] == .bool(true) { continue }
            out.append(BorderStatusLine(id: f.id?.description, status: status, date: f.properties?["date"]?.stringValue,
                                        source: f.properties?["source"]?.stringValue,
                                        geometry: .multiLineString(MultiLineString(geometry.lineStrings))))
        }
        return out
    }
}
