import CGDAL

/// GDAL's process-wide set-up and its error messages, captured instead of printed.
///
/// Why: GDAL prints warnings and errors on stderr through its default handler and keeps the last one per
/// thread (`CPLGetLastErrorMsg`). GeoCore pushes `CPLQuietErrorHandler` around every call sequence
/// (`CPLPushErrorHandler` is per thread) and turns the last message into the error it throws, so the library
/// never prints and a failure always says what GDAL said.
enum GDAL {
    /// `GDALAllRegister`, once per process (Swift runs a static's initialiser once, thread-safely).
    private static let registered: Bool = {
        GDALAllRegister()
        return true
    }()

    /// Runs `body` with drivers registered and GDAL's messages kept from the terminal.
    static func quietly<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = registered
        CPLPushErrorHandler(CPLQuietErrorHandler)
        defer { CPLPopErrorHandler() }
        CPLErrorReset()
        return try body()
    }

    /// GDAL's last error message on this thread, or `fallback` when it left none.
    static func lastError(or fallback: String) -> String {
        guard CPLGetLastErrorType() != CE_None, let m = CPLGetLastErrorMsg(), m.pointee != 0 else { return fallback }
        return String(cString: m)
    }

    /// True when the last call on this thread ended in an error (not a warning).
    static var failed: Bool {
        let t = CPLGetLastErrorType()
        return t == CE_Failure || t == CE_Fatal
    }

    /// GDAL's version, e.g. "3.6.2".
    static var version: String {
        _ = registered
        return GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }
}

/// The version of the GDAL library GeoCore reads and writes other formats with, e.g. "3.6.2".
public var gdalVersion: String { GDAL.version }
