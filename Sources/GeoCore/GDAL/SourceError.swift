/// A vector source GDAL reads or writes that cannot be used: which file, which layer, which feature, and why.
///
/// The counterpart of `GeoJSONError` for every other format: a feature is named by its layer and its FID (the
/// number `ogrinfo` shows), where GeoJSON's errors give a JSON pointer.
public struct SourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var source: String
    /// The layer, when the problem is in one.
    public var layer: String?
    /// The feature's FID, when the problem is in one feature.
    public var fid: Int64?
    /// What is wrong, e.g. "GDAL cannot open it as a vector source: ... not recognized as a supported file format".
    public var reason: String

    /// An error in `source` (and `layer`, feature `fid`) saying `reason`.
    public init(source: String, layer: String? = nil, fid: Int64? = nil, reason: String) {
        self.source = source
        self.layer = layer
        self.fid = fid
        self.reason = reason
    }

    /// "<file>: layer "<layer>", FID <fid>: <reason>".
    public var description: String {
        var at = source
        if let layer { at += ": layer \"\(layer)\"" }
        if let fid { at += layer == nil ? ": FID \(fid)" : ", FID \(fid)" }
        return "\(at): \(reason)"
    }
}
