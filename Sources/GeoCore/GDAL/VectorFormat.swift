/// The vector formats written through GDAL: GeoPackage, FlatGeobuf and Shapefile.
///
/// Why these: they are what GADM, geoBoundaries and national agencies ship and what QGIS opens first. GeoJSON,
/// GeoJSON text sequences and TopoJSON are written by BorderKit itself (GDAL cannot write TopoJSON, and its
/// GeoJSON writers round what BorderKit's keep).
public enum VectorFormat: String, CaseIterable, Sendable {
    /// OGC GeoPackage (SQLite); every geometry family in its own layer of the one file.
    case gpkg
    /// FlatGeobuf, with its packed Hilbert R-tree index.
    case fgb
    /// ESRI Shapefile: one geometry family per file, field names of at most 10 characters.
    case shp

    /// GDAL's driver name (`GDALGetDriverByName`).
    var driver: String {
        switch self {
        case .gpkg: "GPKG"
        case .fgb: "FlatGeobuf"
        case .shp: "ESRI Shapefile"
        }
    }

    /// The file name ending, with its dot.
    public var fileExtension: String { "." + rawValue }

    /// The format a file name's ending names, if one of these.
    public init?(path: String) {
        let lower = path.lowercased()
        guard let f = VectorFormat.allCases.first(where: { lower.hasSuffix($0.fileExtension) }) else { return nil }
        self = f
    }
}
