import CGDAL

/// A file of features in any vector format: GeoJSON through BorderKit's own reader, everything else through GDAL.
///
/// Why one entry: every command takes "a file", and mapping teams hold GeoPackages, Shapefiles and FlatGeobufs as
/// often as GeoJSON. GeoJSON text (and standard input) keeps the fast, exact streaming reader with its JSON
/// pointers; any other source GDAL opens (`GDALOpenEx`) is read a layer at a time by `OGRLayerReader`. A layer is
/// chosen with `layer` or a `PATH:LAYER` argument (`world.gpkg:countries`), as `ogrinfo` users write it.
public struct VectorSource: Sendable, Hashable {
    /// The file or folder (a Shapefile folder, a FileGDB), or "-" for standard input.
    public var path: String
    /// The layer to read; nil: the source's only one.
    public var layer: String?

    /// The source an argument names: `PATH` or `PATH:LAYER` (split at the last colon when the whole argument is
    /// not an existing path and the part before the colon is). An explicit `layer` wins over a suffix.
    public init(_ argument: String, layer: String? = nil) {
        if layer == nil, argument != "-", !FileIO.exists(argument), let colon = argument.lastIndex(of: ":"),
           case let head = String(argument[..<colon]), !head.isEmpty, FileIO.exists(head) {
            self.path = head
            self.layer = String(argument[argument.index(after: colon)...])
        } else {
            self.path = argument
            self.layer = layer
        }
    }

    /// The source's name in messages and reports: its path, "<stdin>" for "-".
    public var label: String { path == "-" ? "<stdin>" : path }

    /// True when it is a GeoJSON text sequence, which BorderKit's sequence reader reads: named .geojsonl,
    /// .geojsons, .geojsonseq, .ndjson, .jsonl or .ldjson, or starting with RFC 8142's record separator.
    public var isGeoJSONSequence: Bool {
        guard path != "-" else { return false }
        let lower = path.lowercased()
        if VectorSource.sequenceExtensions.contains(where: { lower.hasSuffix($0) }) { return FileIO.head(of: path, bytes: 1) != nil }
        return FileIO.head(of: path, bytes: 1) == [0x1E]
    }

    /// True when BorderKit's GeoJSON reader reads it: standard input; a file named .geojson or .json, or whose text
    /// starts with "{" or "[" (after a byte-order mark and white space), or holds nothing but white space — unless
    /// it is a TopoJSON topology or named as a GeoJSON text sequence, which GDAL reads. A missing or unreadable
    /// file is the GeoJSON reader's to report, as it always was; a folder is GDAL's (a folder of Shapefiles).
    public var isGeoJSON: Bool {
        if path == "-" { return true }
        let lower = path.lowercased()
        if isGeoJSONSequence { return false }
        if lower.hasSuffix(".topojson") { return false }
        guard let head = FileIO.head(of: path, bytes: 4096) else { return !FileIO.isFolder(path) }
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
        let text = String(decoding: head.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }, as: UTF8.self)
        if text.contains("\"type\":\"Topology\"") { return false }
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") || i == head.count { return true }
        return head[i] == UInt8(ascii: "{") || head[i] == UInt8(ascii: "[")
    }

    /// File name endings of GeoJSON text sequences (GDAL's GeoJSONSeq driver's, and ndjson's).
    static let sequenceExtensions = [".geojsonl", ".geojsons", ".geojsonseq", ".ndjson", ".jsonl", ".ldjson"]

    /// Reads every feature (see `stream`).
    public func read() throws -> GeoJSON {
        var features: [Feature] = []
        let root = try stream { feature, _ in features.append(feature) }
        guard case .featureCollection(var c) = root else { return root }
        c.features = features
        return .featureCollection(c)
    }

    /// Reads feature by feature: `onCollection` gets the collection's head (name, notes, origin), `onFeature` each
    /// feature with its index. GeoJSON as `GeoJSONReader.stream`; other formats return a collection whose
    /// `origin` names the layer and each feature's FID. Errors: `GeoJSONError`, `SourceError`, or the closures'.
    public func stream(onCollection: (FeatureCollection) throws -> Void = { _ in },
                       onFeature: (Feature, Int) throws -> Void) throws -> GeoJSON {
        if isGeoJSONSequence {
            if let layer {
                throw SourceError(source: label, reason: "a GeoJSON text sequence holds one layer; \"\(layer)\" names a layer of a multi-layer source (GeoPackage, FileGDB)")
            }
            return try GeoJSONReader.streamSequence(path: path, onCollection: onCollection, onFeature: onFeature)
        }
        if isGeoJSON {
            if let layer {
                throw SourceError(source: label, reason: "a GeoJSON file holds one layer; \"\(layer)\" names a layer of a multi-layer source (GeoPackage, FileGDB)")
            }
            return try GeoJSONReader.stream(path: path, onCollection: onCollection, onFeature: onFeature)
        }
        let head = try OGRLayerReader(source: path, layer: layer).read(onCollection: onCollection, onFeature: onFeature)
        return .featureCollection(head)
    }

    /// Reads the file at `path` (`PATH:LAYER` allowed), whatever its format.
    public static func read(path: String, layer: String? = nil) throws -> GeoJSON {
        try VectorSource(path, layer: layer).read()
    }
}
