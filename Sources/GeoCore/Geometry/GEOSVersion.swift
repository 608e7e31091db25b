import CGEOS
import CPROJ

/// The GEOS library version in use, e.g. "3.11.1-CAPI-1.17.1" (`GEOSversion`).
public var geosVersion: String { String(cString: GEOSversion()) }

/// The PROJ library version in use, e.g. "9.1.1" (`proj_info`).
public var projVersion: String { String(cString: proj_info().version) }
