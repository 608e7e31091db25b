import BorderKit
import GeoCore

extension EmbeddedData {
    /// A layer's features keyed by their string id.
    func features(byID layer: String) throws -> [String: Feature] {
        var out: [String: Feature] = [:]
        for f in try read(layer).features { if case .string(let id)? = f.id { out[id] = f } }
        return out
    }

    /// A layer's geometries keyed by their feature's string id.
    func geometries(byID layer: String) throws -> [String: Geometry] {
        try features(byID: layer).compactMapValues(\.geometry)
    }
}
