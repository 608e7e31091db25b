import CGDAL

/// Reads one layer of a vector source through OGR into the GeoJSON model, a feature at a time.
///
/// Why: every command takes Features; a GeoPackage, a Shapefile or a FlatGeobuf becomes the same Features a GeoJSON
/// file would (attributes as typed properties, geometry as positions on WGS84 lon/lat), so nothing downstream
/// knows the format. Opened with `GDALOpenEx` (vector, read-only), features from `OGR_L_GetNextFeature`, geometry
/// through `OGR_G_ExportToIsoWkb` (curves linearised with `OGR_G_GetLinearGeometry`), the layer's CRS from
/// `OGR_L_GetSpatialRef` reprojected with PROJ (`LayerCRS`). Every handle is released on every path.
struct OGRLayerReader {
    /// The path as given, for messages.
    let source: String
    /// The layer asked for; nil: the source's only layer.
    let layer: String?

    /// Reads the layer: `onCollection` gets the collection's head (its name and notes, no features), then
    /// `onFeature` each feature with its index. Returns the head with the layer's origin (FIDs in order).
    func read(onCollection: (FeatureCollection) throws -> Void, onFeature: (Feature, Int) throws -> Void) throws -> FeatureCollection {
        try GDAL.require(for: source)
        return try GDAL.quietly { () throws -> FeatureCollection in
            let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
            guard let ds = gdal.GDALOpenEx!(source, flags, nil, nil, nil) else {
                let what = FileIO.isFolder(source) ? "is a directory, and GDAL cannot open it" : "GDAL cannot open it"
                throw SourceError(source: source, reason: "\(what) as a vector source: " + GDAL.lastError(or: "no driver recognises it"))
            }
            defer { gdal.GDALClose!(ds) }
            let driver = gdal.GDALGetDriverShortName!(gdal.GDALGetDatasetDriver!(ds)).map { String(cString: $0) } ?? "unknown"
            let handle = try pickLayer(ds)
            let name = String(cString: gdal.OGR_L_GetName!(handle)!)
            let crs = try LayerCRS(gdal.OGR_L_GetSpatialRef!(handle), source: source, layer: name)
            var head = FeatureCollection([], foreignMembers: ["name": .string(name)])
            head.origin = LayerOrigin(layer: name, driver: driver)
            if let note = crs.note, gdal.OGR_L_GetGeomType!(handle) != wkbNone { head.notes.append(note) }
            try onCollection(head)
            let fields = OGRFieldSchema(gdal.OGR_L_GetLayerDefn!(handle))
            var fids: [Int64] = []
            gdal.OGR_L_ResetReading!(handle)
            gdal.CPLErrorReset!()
            while true {
                guard let f = gdal.OGR_L_GetNextFeature!(handle) else {
                    if GDAL.failed {
                        let after = fids.last.map { " after FID \($0)" } ?? " before the first feature"
                        throw SourceError(source: source, layer: name, reason: "cannot read the next feature\(after): "
                            + GDAL.lastError(or: "GDAL gave no reason"))
                    }
                    break
                }
                defer { gdal.OGR_F_Destroy!(f) }
                let fid = Int64(gdal.OGR_F_GetFID!(f))
                do {
                    let feature = Feature(geometry: try geometry(of: f, crs), properties: fields.properties(of: f))
                    fids.append(fid)
                    try onFeature(feature, fids.count - 1)
                } catch let error as SourceError {
                    throw error
                } catch let reason as WKBError {
                    throw SourceError(source: source, layer: name, fid: fid, reason: reason.reason)
                } catch let reason as LayerCRS.Problem {
                    throw SourceError(source: source, layer: name, fid: fid, reason: reason.reason)
                }
                gdal.CPLErrorReset!()
            }
            head.origin?.fids = fids
            return head
        }
    }

    /// The layer asked for, or the only one; a source of several layers needs a name (all are listed).
    private func pickLayer(_ ds: GDALDatasetH) throws -> OGRLayerH {
        let count = gdal.GDALDatasetGetLayerCount!(ds)
        let names = (0..<count).compactMap { gdal.GDALDatasetGetLayer!(ds, $0) }.map { String(cString: gdal.OGR_L_GetName!($0)!) }
        let listed = names.map { "\"\($0)\"" }.joined(separator: ", ")
        if let layer {
            guard let h = gdal.GDALDatasetGetLayerByName!(ds, layer) else {
                throw SourceError(source: source, reason: "no layer \"\(layer)\"; it holds \(count == 0 ? "no vector layer" : listed)")
            }
            return h
        }
        guard count > 0, let first = gdal.GDALDatasetGetLayer!(ds, 0) else { throw SourceError(source: source, reason: "it holds no vector layer") }
        guard count == 1 else {
            throw SourceError(source: source, reason: "it holds \(count) layers (\(listed)); choose one with --layer NAME or \(source):NAME")
        }
        return first
    }

    /// The feature's first geometry as positions on WGS84 lon/lat, checked as GeoJSON's are; nil: none.
    private func geometry(of f: OGRFeatureH, _ crs: LayerCRS) throws -> Geometry? {
        guard var g = gdal.OGR_F_GetGeometryRef!(f) else { return nil }
        var linear: OGRGeometryH?
        defer { if let linear { gdal.OGR_G_DestroyGeometry!(linear) } }
        if gdal.OGR_GT_IsNonLinear!(gdal.OGR_G_GetGeometryType!(g)) != 0 {
            guard let l = gdal.OGR_G_GetLinearGeometry!(g, 0, nil) else { throw WKBError("its curve geometry cannot be made linear") }
            linear = l
            g = l
        }
        let size = Int(gdal.OGR_G_WkbSize!(g))
        var bytes = [UInt8](repeating: 0, count: size)
        let err = bytes.withUnsafeMutableBufferPointer { gdal.OGR_G_ExportToIsoWkb!(g, wkbNDR, $0.baseAddress) }
        guard err == OGRERR_NONE else { throw WKBError("GDAL cannot export its geometry as WKB (OGR error \(err))") }
        let decoded = try bytes.withUnsafeBytes { (raw) throws(WKBError) in try Geometry(wkb: raw) }
        // Rings wound as RFC 7946 wants (a Shapefile's exteriors are clockwise), so every format gives GeoJSON's numbers.
        let placed = try crs.toLonLat(decoded).rfc7946Wound
        if let problem = placed.structuralProblem { throw WKBError(problem) }
        return placed
    }
}
