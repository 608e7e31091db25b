import GeoCore

/// A line of a border-status layer: where a border has a known status (delimited, line of control, …).
public struct BorderStatusLine: Sendable, Hashable {
    /// The status line's feature id, if it has one.
    public var id: String?
    /// The status of the border where the line runs ("delimited", "line of control", …).
    public var status: String
    /// When the status was set, as the data gives it.
    public var date: String?
    /// Where the status comes from, as the data gives it.
    public var source: String?
    /// The line (lon/lat on WGS84).
    public var geometry: Geometry

    /// A status line.
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
