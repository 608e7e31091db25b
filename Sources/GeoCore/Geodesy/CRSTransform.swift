import CPROJ

/// A coordinate transformation from a named CRS to WGS84 longitude/latitude, through PROJ.
///
/// Built with `proj_create_crs_to_crs` to EPSG:4326 and `proj_normalize_for_visualization`, so input and output
/// are in the axis order GIS files use (easting/longitude first, "always-xy"), whatever the CRS's own axis order.
/// For legacy GeoJSON `crs` members and, later, other sources' layer CRSs. Owns its `PJ_CONTEXT` (logging off:
/// PROJ says nothing on the terminal), so it belongs to one thread at a time.
public final class CRSTransform {
    /// The CRS as named by the source, e.g. "urn:ogc:def:crs:EPSG::3857".
    public let source: String
    /// PROJ's name for it, e.g. "WGS 84 / Pseudo-Mercator".
    public let sourceName: String
    private let context: OpaquePointer
    private let pj: OpaquePointer

    /// Throws `ProjError` naming the CRS when PROJ cannot read it or find a way to WGS84.
    public convenience init(from source: String) throws(ProjError) {
        try self.init(from: source, label: source)
    }

    /// A transform from `definition` (anything `proj_create` reads: a code, WKT, PROJJSON) that messages name
    /// `label`, e.g. a layer's CRS as WKT2 named "EPSG:3035 (ETRS89-extended / LAEA Europe)".
    public init(from definition: String, label: String) throws(ProjError) {
        self.source = label
        let source = definition
        guard let context = proj_context_create() else { throw ProjError(message: "proj_context_create failed") }
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, source, "EPSG:4326", nil) else {
            let message = ProjError.text(context, proj_context_errno(context))
            proj_context_destroy(context)
            throw ProjError(message: "cannot read the CRS \"\(label)\": \(message)")
        }
        guard let pj = proj_normalize_for_visualization(context, raw) else {
            let message = ProjError.text(context, proj_context_errno(context))
            proj_destroy(raw)
            proj_context_destroy(context)
            throw ProjError(message: "cannot order the axes of \"\(label)\" as x, y: \(message)")
        }
        proj_destroy(raw)
        var name = source
        if let crs = proj_create(context, source) {
            if let n = proj_get_name(crs) { name = String(cString: n) }
            proj_destroy(crs)
        }
        self.sourceName = name
        self.context = context
        self.pj = pj
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// Longitude/latitude in degrees on WGS84 for a position in the source CRS (z kept as given).
    public func toLonLat(_ p: Position) throws(ProjError) -> Position {
        let out = proj_trans(pj, PJ_FWD, proj_coord(p.x, p.y, 0, 0))
        guard out.xy.x.isFinite, out.xy.y.isFinite, out.xy.x != Double.greatestFiniteMagnitude else {
            let code = proj_errno(pj)
            proj_errno_reset(pj)
            throw ProjError(message: "cannot transform (\(p.x), \(p.y)) from \(source): \(ProjError.text(context, code))")
        }
        return Position(out.xy.x, out.xy.y, p.z)
    }

    /// True when `name` names WGS84 longitude/latitude as GeoJSON means it (CRS84, EPSG:4326 read x = longitude,
    /// as GDAL reads legacy GeoJSON): nothing to transform.
    public static func isWGS84LonLat(_ name: String) -> Bool {
        let n = name.uppercased()
        return ["URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:OGC::CRS84", "OGC:CRS84", "CRS84", "EPSG:4326",
                "URN:OGC:DEF:CRS:EPSG::4326", "URN:OGC:DEF:CRS:EPSG:6.6:4326", "HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/4326",
                "HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84"].contains(n)
    }
}

extension ProjError {
    /// PROJ's message for an error code; PROJ may give none (a NULL string), which reads "unknown PROJ error".
    static func text(_ context: OpaquePointer?, _ code: Int32) -> String {
        guard let s = proj_context_errno_string(context, code) else { return "unknown PROJ error \(code)" }
        return String(cString: s)
    }
}
