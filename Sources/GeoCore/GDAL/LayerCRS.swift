import CGDAL

/// How a layer's positions become WGS84 longitude/latitude: as they are, or reprojected with PROJ.
///
/// Why: a GeoPackage in EPSG:3035 or a Shapefile in a national grid must be measured where it lies. The layer's
/// CRS (`OGR_L_GetSpatialRef`) is compared with WGS84 ignoring axis order (`OSRIsSameEx`); any other CRS is
/// exported as WKT2 (`OSRExportToWktEx`) and handed to `CRSTransform` (PROJ, always-xy). The positions OGR gives
/// are in the layer's data axis order (`OSRGetDataAxisToSRSAxisMapping`); when its first axis points north they
/// are swapped before the transform, which takes easting first. A layer with no CRS is read as WGS84
/// longitude/latitude, with a note, and positions outside that range are refused, never guessed.
struct LayerCRS {
    /// A position that cannot be placed on WGS84: what is wrong with it.
    struct Problem: Error {
        var reason: String
    }

    private let transform: CRSTransform?
    private let swapsAxes: Bool
    /// What the user should know: the CRS reprojected from, or that there was none.
    let note: String?
    /// Said after a range error: where the positions were taken to be.
    private let assumption: String

    init(_ srs: OGRSpatialReferenceH?, source: String, layer: String) throws {
        guard let srs else {
            transform = nil
            swapsAxes = false
            note = "layer \"\(layer)\" has no CRS: its positions are read as WGS84 longitude/latitude"
            assumption = "; the layer has no CRS, so positions are read as WGS84 longitude/latitude"
            return
        }
        swapsAxes = LayerCRS.dataAxisPointsNorth(srs)
        let label = LayerCRS.label(srs)
        if LayerCRS.isWGS84(srs) {
            transform = nil
            note = nil
            assumption = " (the layer's CRS is \(label))"
            return
        }
        var wkt: UnsafeMutablePointer<CChar>?
        let options = ["FORMAT=WKT2_2019"]
        let err = withConstCStrings(options) { gdal.OSRExportToWktEx!(srs, &wkt, $0) }
        defer { gdal.VSIFree!(wkt) }
        guard err == OGRERR_NONE, let wkt else {
            throw SourceError(source: source, layer: layer, reason: "its CRS \(label) cannot be written as WKT for PROJ: " + GDAL.lastError(or: "OGR error \(err)"))
        }
        do {
            transform = try CRSTransform(from: String(cString: wkt), label: label)
        } catch {
            throw SourceError(source: source, layer: layer, reason: "its CRS \(label) cannot be reprojected to WGS84: \(error.message)")
        }
        note = "positions reprojected from \(label) (the layer's CRS) to WGS84 longitude/latitude with PROJ"
        assumption = " after reprojecting from \(label)"
    }

    /// The geometry on WGS84 lon/lat, every position checked to lie in [-180, 180] × [-90, 90].
    func toLonLat(_ g: Geometry) throws(Problem) -> Geometry {
        do {
            return try g.mapPositions { p in
                var q = swapsAxes ? Position(p.y, p.x, p.z) : p
                if let transform {
                    do { q = try transform.toLonLat(q) } catch let e as ProjError { throw Problem(reason: e.message) }
                }
                guard q.x.isFinite, q.y.isFinite else { throw Problem(reason: "a position is not finite (\(q.x), \(q.y))") }
                guard (-180...180).contains(q.x) else { throw Problem(reason: "longitude \(JSONNumberFormat.shortest(q.x)) is outside [-180, 180]\(assumption)") }
                guard (-90...90).contains(q.y) else { throw Problem(reason: "latitude \(JSONNumberFormat.shortest(q.y)) is outside [-90, 90]\(assumption)") }
                return q
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(reason: "\(error)")
        }
    }

    /// "EPSG:3035 (ETRS89-extended / LAEA Europe)", or the CRS's name when no authority code is known.
    private static func label(_ srs: OGRSpatialReferenceH) -> String {
        let name = gdal.OSRGetName!(srs).map { String(cString: $0) } ?? "unnamed CRS"
        if let authority = gdal.OSRGetAuthorityName!(srs, nil), let code = gdal.OSRGetAuthorityCode!(srs, nil) {
            return "\(String(cString: authority)):\(String(cString: code)) (\(name))"
        }
        return name
    }

    /// WGS84 geographic, whatever its axis order (EPSG:4326, OGC:CRS84, a .prj's GCS_WGS_1984).
    private static func isWGS84(_ srs: OGRSpatialReferenceH) -> Bool {
        guard gdal.OSRIsGeographic!(srs) != 0, let wgs84 = gdal.OSRNewSpatialReference!(nil) else { return false }
        defer { gdal.OSRDestroySpatialReference!(wgs84) }
        guard gdal.OSRSetWellKnownGeogCS!(wgs84, "WGS84") == OGRERR_NONE else { return false }
        let options = ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS"]
        return withConstCStrings(options) { gdal.OSRIsSameEx!(srs, wgs84, $0) } != 0
    }

    /// True when the positions' first coordinate is along the CRS's north-pointing axis.
    private static func dataAxisPointsNorth(_ srs: OGRSpatialReferenceH) -> Bool {
        var count: Int32 = 0
        guard let mapping = gdal.OSRGetDataAxisToSRSAxisMapping!(srs, &count), count >= 1 else { return false }
        let axis = abs(mapping[0]) - 1
        var orientation = OAO_Other
        guard gdal.OSRGetAxis!(srs, nil, axis, &orientation) != nil else { return false }
        return orientation == OAO_North || orientation == OAO_South
    }
}

/// Calls `body` with `strings` as a NULL-terminated C array (GDAL's `CSLConstList` options).
func withCStrings<T>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) throws -> T) rethrows -> T {
    var list: [UnsafeMutablePointer<CChar>?] = strings.map { gdal.CPLStrdup!($0) }
    defer { list.forEach { gdal.VSIFree!($0) } }
    list.append(nil)
    return try list.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
}

/// `withCStrings` for GDAL functions that take `CSLConstList` (`const char* const*`).
func withConstCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) throws -> T) rethrows -> T {
    try withCStrings(strings) { list in
        try body(UnsafeRawPointer(list).assumingMemoryBound(to: UnsafePointer<CChar>?.self))
    }
}
