import CGDAL

/// GDAL's process-wide set-up and its error messages, captured instead of printed.
///
/// Why: GDAL prints warnings and errors on stderr through its default handler and keeps the last one per
/// thread (`CPLGetLastErrorMsg`). GeoCore pushes `CPLQuietErrorHandler` around every call sequence
/// (`CPLPushErrorHandler` is per thread) and turns the last message into the error it throws, so the library
/// never prints and a failure always says what GDAL said.
enum GDAL {
    /// GDAL's functions, the library loaded on first use (`borderkit_gdal` in the CGDAL shim); nil where it
    /// cannot be loaded. Written once before any read (`pthread_once`), then only read: safe to share.
    nonisolated(unsafe) static let table: UnsafePointer<borderkit_gdal_api>? = borderkit_gdal()

    /// Why GDAL cannot be loaded, or nil when it is.
    static var unavailable: String? {
        table == nil ? String(cString: borderkit_gdal_error()) : nil
    }

    /// Throws, naming `source`, where GDAL cannot be loaded: every way into GDAL asks this first.
    static func require(for source: String) throws(SourceError) {
        if let why = unavailable { throw SourceError(source: source, reason: why) }
    }

    /// `GDALAllRegister`, once per process (Swift runs a static's initialiser once, thread-safely).
    private static let registered: Bool = {
        gdal.GDALAllRegister!()
        return true
    }()

    /// Runs `body` with drivers registered and GDAL's messages kept from the terminal.
    static func quietly<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = registered
        gdal.CPLPushErrorHandler!(gdal.CPLQuietErrorHandler)
        defer { gdal.CPLPopErrorHandler!() }
        gdal.CPLErrorReset!()
        return try body()
    }

    /// GDAL's last error message on this thread, or `fallback` when it left none.
    static func lastError(or fallback: String) -> String {
        guard gdal.CPLGetLastErrorType!() != CE_None, let m = gdal.CPLGetLastErrorMsg!(), m.pointee != 0 else { return fallback }
        return String(cString: m)
    }

    /// True when the last call on this thread ended in an error (not a warning).
    static var failed: Bool {
        let t = gdal.CPLGetLastErrorType!()
        return t == CE_Failure || t == CE_Fatal
    }

    /// GDAL's version, e.g. "3.6.2", or why it cannot be loaded.
    static var version: String {
        if let why = unavailable { return "unavailable (\(why))" }
        _ = registered
        return gdal.GDALVersionInfo!("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }
}

/// GDAL's functions (`GDAL.table`), for the code behind `GDAL.require(for:)`.
var gdal: borderkit_gdal_api { GDAL.table!.pointee }

/// The version of the GDAL library GeoCore reads and writes other formats with, e.g. "3.6.2".
public var gdalVersion: String { GDAL.version }
