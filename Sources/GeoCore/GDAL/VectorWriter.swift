import CGDAL
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes features as a GeoPackage, FlatGeobuf or Shapefile through GDAL, all or nothing.
///
/// Why: results must open in QGIS and ArcGIS as the files mapping teams exchange. Features keep their
/// properties with their types (`FieldPlan`) and their geometry (ISO WKB into `OGR_G_CreateFromWkb`), on
/// EPSG:4326 in longitude/latitude order. A layer holds one geometry family: when the features mix points,
/// lines and polygons, the family of the first feature goes to the path given and each other family to its
/// own layer ("NAME_points" in a GeoPackage) or file ("NAME.points.shp" beside it, as CSV writes its other tables);
/// single and multi parts of one family are written as multi. Everything is written under temporary names in the
/// target's folder and renamed into place only when GDAL has closed every file without error.
public struct VectorWriter: Sendable {
    /// The format to write.
    public var format: VectorFormat

    /// A writer of `format`.
    public init(format: VectorFormat) { self.format = format }

    /// What a write did that the user should know: the files written and any field renamed for a Shapefile.
    public struct Outcome: Sendable, Hashable {
        /// Every file written, the path given first.
        public var files: [String]
        /// Notes for the user, e.g. the Shapefile field names that differ from the properties'.
        public var notes: [String]
    }

    /// Writes `collection` to `path` (a layer named by the collection's "name" member, else the file's name).
    public func write(_ collection: FeatureCollection, to path: String) throws -> Outcome {
        let base = VectorWriter.stripExtension(path, format.fileExtension)
        let name = VectorWriter.layerName(of: .featureCollection(collection), path: path)
        let groups = VectorWriter.groups(collection.features)
        // (layer name, file, features) for each family: the first family at the path given.
        var targets: [(layer: String, file: String, features: ArraySlice<Feature>, family: Family)] = []
        for (i, g) in groups.enumerated() {
            let suffix = i == 0 ? "" : g.family.name
            switch format {
            case .gpkg: targets.append((i == 0 ? name : "\(name)_\(suffix)", path, g.features, g.family))
            case .fgb, .shp:
                let file = i == 0 ? path : "\(base).\(suffix)\(format.fileExtension)"
                targets.append((i == 0 ? name : "\(name)_\(suffix)", file, g.features, g.family))
            }
        }
        let tag = ".borderkit-\(getpid())-\(VectorWriter.counter.next())"
        func temporary(_ file: String) -> String {
            let b = VectorWriter.stripExtension(file, format.fileExtension)
            let dir = VectorWriter.folder(b), leaf = VectorWriter.fileName(b)
            return "\(dir)/.\(leaf)\(tag)\(format.fileExtension)"
        }
        var written: [String] = []
        var notes: [String] = []
        var sidecars: [(path: String, text: String)] = []
        do {
            try GDAL.require(for: path)
            try GDAL.quietly { () throws -> Void in
                guard let driver = gdal.GDALGetDriverByName!(format.driver) else {
                    throw SourceError(source: path, reason: "this GDAL has no \(format.driver) driver")
                }
                var open: [String: GDALDatasetH] = [:]
                defer { for ds in open.values { gdal.GDALClose!(ds) } }
                for t in targets {
                    let temp = temporary(t.file)
                    if open[temp] == nil {
                        guard let ds = gdal.GDALCreate!(driver, temp, 0, 0, 0, GDT_Unknown, nil) else {
                            throw SourceError(source: t.file, reason: "GDAL cannot create it: " + GDAL.lastError(or: "no reason given"))
                        }
                        open[temp] = ds
                        written.append(t.file)
                    }
                    let plan = FieldPlan(t.features, shortNames: format == .shp)
                    if format == .shp, !plan.renamed.isEmpty {
                        let list = plan.renamed.map { "\($0.property) → \($0.column)" }.joined(separator: ", ")
                        notes.append("\(t.file): Shapefile field names hold 10 characters: \(list) (listed in \(VectorWriter.stripExtension(t.file, ".shp")).fields.csv)")
                        let csv = "property,field\n" + plan.fields.map { "\(csvField($0.property)),\(csvField($0.column))\n" }.joined()
                        sidecars.append((VectorWriter.stripExtension(t.file, ".shp") + ".fields.csv", csv))
                    }
                    try writeLayer(open[temp]!, name: t.layer, family: t.family, plan: plan, features: t.features, file: t.file)
                }
                for (temp, ds) in open {
                    open[temp] = nil
                    gdal.GDALClose!(ds)
                    if GDAL.failed { throw SourceError(source: path, reason: "GDAL could not finish writing: " + GDAL.lastError(or: "no reason given")) }
                }
            }
            for t in targets where t.file == path || format != .gpkg {
                for ext in VectorWriter.companions(format) {
                    let from = VectorWriter.stripExtension(temporary(t.file), format.fileExtension) + ext
                    let to = VectorWriter.stripExtension(t.file, format.fileExtension) + ext
                    if FileIO.exists(from) { guard rename(from, to) == 0 else { throw SourceError(source: to, reason: "cannot rename into place: \(FileIO.systemMessage())") } }
                }
            }
            for (file, text) in sidecars { try FileIO.writeAtomically(Array(text.utf8), to: file) }
        } catch {
            for t in targets {
                for ext in VectorWriter.companions(format) { unlink(VectorWriter.stripExtension(temporary(t.file), format.fileExtension) + ext) }
            }
            throw error
        }
        return Outcome(files: written, notes: notes)
    }

    /// Creates one layer and writes its features in one transaction where the driver has them.
    private func writeLayer(_ ds: GDALDatasetH, name: String, family: Family, plan: FieldPlan, features: ArraySlice<Feature>, file: String) throws {
        guard let srs = gdal.OSRNewSpatialReference!(nil) else { throw SourceError(source: file, reason: "GDAL cannot make a spatial reference") }
        defer { gdal.OSRDestroySpatialReference!(srs) }
        _ = gdal.OSRImportFromEPSG!(srs, 4326)
        gdal.OSRSetAxisMappingStrategy!(srs, OAMS_TRADITIONAL_GIS_ORDER)
        let hasZ = features.contains { $0.geometry?.hasZ ?? false }
        var type = family.ogrType
        if hasZ, type != wkbNone { type = gdal.OGR_GT_SetZ!(type) }
        let options = format == .shp ? ["ENCODING=UTF-8"] : []
        let layer = withCStrings(options) { gdal.GDALDatasetCreateLayer!(ds, name, type == wkbNone ? nil : srs, type, $0) }
        guard let layer else { throw SourceError(source: file, layer: name, reason: "GDAL cannot create the layer: " + GDAL.lastError(or: "no reason given")) }
        guard plan.create(on: layer) else { throw SourceError(source: file, layer: name, reason: "GDAL cannot create its fields: " + GDAL.lastError(or: "no reason given")) }
        let transaction = gdal.OGR_L_StartTransaction!(layer) == OGRERR_NONE
        let defn = gdal.OGR_L_GetLayerDefn!(layer)
        for (i, feature) in features.enumerated() {
            guard let f = gdal.OGR_F_Create!(defn) else { throw SourceError(source: file, layer: name, reason: "GDAL cannot make a feature") }
            defer { gdal.OGR_F_Destroy!(f) }
            plan.set(feature, on: f)
            if let g = feature.geometry {
                let placed = g.withinAntimeridian
                let bytes = family.promotes ? family.promoted(placed).isoWKB : placed.isoWKB
                var geometry: OGRGeometryH?
                let err = bytes.withUnsafeBufferPointer { gdal.OGR_G_CreateFromWkb!($0.baseAddress, srs, &geometry, Int32($0.count)) }
                guard err == OGRERR_NONE, let geometry else {
                    throw SourceError(source: file, layer: name, reason: "feature \(i): GDAL cannot read its geometry (OGR error \(err))")
                }
                _ = gdal.OGR_F_SetGeometryDirectly!(f, geometry)
            }
            guard gdal.OGR_L_CreateFeature!(layer, f) == OGRERR_NONE else {
                throw SourceError(source: file, layer: name, reason: "feature \(i): GDAL cannot write it: " + GDAL.lastError(or: "no reason given"))
            }
        }
        if transaction, gdal.OGR_L_CommitTransaction!(layer) != OGRERR_NONE {
            throw SourceError(source: file, layer: name, reason: "GDAL cannot commit the layer: " + GDAL.lastError(or: "no reason given"))
        }
    }

    /// The name a layer or TopoJSON object of `root` takes: its collection's "name" member, else the file's name
    /// without its ending ("-": "features").
    public static func layerName(of root: GeoJSON, path: String) -> String {
        if case .featureCollection(let c) = root, case .string(let n)? = c.foreignMembers["name"], !n.isEmpty { return n }
        guard path != "-" else { return "features" }
        let leaf = fileName(path)
        guard let dot = leaf.lastIndex(of: "."), dot != leaf.startIndex else { return leaf }
        return String(leaf[..<dot])
    }

    // MARK: - Families

    /// Points, lines, polygons or mixed collections: what one layer can hold.
    struct Family: Hashable {
        enum Kind: Hashable { case none, point, line, polygon, collection }
        var kind: Kind
        /// True when single and multi parts are both present (all are written as multi).
        var promotes = false
        var multi = false

        var name: String {
            switch kind {
            case .none: "attributes"
            case .point: "points"
            case .line: "lines"
            case .polygon: "polygons"
            case .collection: "collections"
            }
        }

        var ogrType: OGRwkbGeometryType {
            switch kind {
            case .none: wkbNone
            case .point: multi ? wkbMultiPoint : wkbPoint
            case .line: multi ? wkbMultiLineString : wkbLineString
            case .polygon: multi ? wkbMultiPolygon : wkbPolygon
            case .collection: wkbGeometryCollection
            }
        }

        func promoted(_ g: Geometry) -> Geometry {
            switch g {
            case .point(let p): .multiPoint(MultiPoint([p]))
            case .lineString(let l): .multiLineString(MultiLineString([l]))
            case .polygon(let p): .multiPolygon(MultiPolygon([p]))
            default: g
            }
        }
    }

    private static func family(of g: Geometry?) -> (Family.Kind, multi: Bool) {
        switch g {
        case nil: (.none, false)
        case .point?: (.point, false)
        case .multiPoint?: (.point, true)
        case .lineString?: (.line, false)
        case .multiLineString?: (.line, true)
        case .polygon?: (.polygon, false)
        case .multiPolygon?: (.polygon, true)
        case .geometryCollection?: (.collection, true)
        }
    }

    /// The features by family, each family in the order of its first feature, features in their order.
    /// Features with no geometry join the first family.
    static func groups(_ features: [Feature]) -> [(family: Family, features: ArraySlice<Feature>)] {
        var order: [Family.Kind] = []
        var members: [Family.Kind: [Feature]] = [:]
        var singles: Set<Family.Kind> = [], multis: Set<Family.Kind> = []
        for f in features where f.geometry != nil {
            let (k, multi) = family(of: f.geometry)
            if members[k] == nil { order.append(k); members[k] = [] }
            members[k]!.append(f)
            if multi { multis.insert(k) } else { singles.insert(k) }
        }
        let bare = features.filter { $0.geometry == nil }
        if order.isEmpty { return [(Family(kind: .none), bare[...])] }
        return order.enumerated().map { i, k in
            let list = i == 0 ? members[k]! + bare : members[k]!
            let promotes = singles.contains(k) && multis.contains(k)
            return (Family(kind: k, promotes: promotes, multi: multis.contains(k)), list[...])
        }
    }

    // MARK: - Files

    private static let counter = Counter()

    /// The files a format's dataset is made of, by ending.
    private static func companions(_ format: VectorFormat) -> [String] {
        switch format {
        case .shp: [".shp", ".shx", ".dbf", ".prj", ".cpg"]
        case .gpkg: [".gpkg", ".gpkg-journal", ".gpkg-wal", ".gpkg-shm"]
        case .fgb: [".fgb"]
        }
    }

    static func stripExtension(_ path: String, _ ext: String) -> String {
        path.lowercased().hasSuffix(ext.lowercased()) ? String(path.dropLast(ext.count)) : path
    }

    private static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
private func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
}

/// A process-wide counter for unique temporary names.
private final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
