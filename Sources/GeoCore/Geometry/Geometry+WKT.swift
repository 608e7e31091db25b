import CGEOS

/// Well-known text and well-known binary, read and written by GEOS.
extension Geometry {
    /// Reads WKT, e.g. "POLYGON ((0 0, 1 0, 1 1, 0 0))" (`GEOSWKTReader_read_r`).
    public init(wkt: String) throws {
        let context = try GEOSContext.current()
        let h = context.handle
        context.clearError()
        guard let reader = GEOSWKTReader_create_r(h) else { throw context.error("create WKT reader") }
        defer { GEOSWKTReader_destroy_r(h, reader) }
        guard let g = wkt.withCString({ GEOSWKTReader_read_r(h, reader, $0) }) else { throw context.error("read WKT") }
        let owned = GEOSObject(g, context)
        self = try Geometry.fromGEOS(owned.raw, context)
    }

    /// Reads WKB, or hex-encoded WKB when `hex` is true (`GEOSWKBReader_read_r` / `readHEX`).
    public init(wkb: [UInt8], hex: Bool = false) throws {
        let context = try GEOSContext.current()
        let h = context.handle
        context.clearError()
        guard let reader = GEOSWKBReader_create_r(h) else { throw context.error("create WKB reader") }
        defer { GEOSWKBReader_destroy_r(h, reader) }
        let g = wkb.withUnsafeBufferPointer {
            hex ? GEOSWKBReader_readHEX_r(h, reader, $0.baseAddress, $0.count)
                : GEOSWKBReader_read_r(h, reader, $0.baseAddress, $0.count)
        }
        guard let g else { throw context.error("read WKB") }
        let owned = GEOSObject(g, context)
        self = try Geometry.fromGEOS(owned.raw, context)
    }

    /// WKT with trailing zeros trimmed; `precision` limits the decimals (`GEOSWKTWriter_write_r`).
    public func wkt(precision: Int? = nil) throws -> String {
        try withGEOS { context, g in
            let h = context.handle
            context.clearError()
            guard let writer = GEOSWKTWriter_create_r(h) else { throw context.error("create WKT writer") }
            defer { GEOSWKTWriter_destroy_r(h, writer) }
            GEOSWKTWriter_setTrim_r(h, writer, 1)
            if let precision { GEOSWKTWriter_setRoundingPrecision_r(h, writer, Int32(precision)) }
            guard let text = GEOSWKTWriter_write_r(h, writer, g) else { throw context.error("write WKT") }
            defer { GEOSFree_r(h, text) }
            return String(cString: text)
        }
    }

    /// Little-endian ISO WKB, 2-D (`GEOSWKBWriter_write_r`).
    public func wkb() throws -> [UInt8] {
        try withGEOS { context, g in
            let h = context.handle
            context.clearError()
            guard let writer = GEOSWKBWriter_create_r(h) else { throw context.error("create WKB writer") }
            defer { GEOSWKBWriter_destroy_r(h, writer) }
            GEOSWKBWriter_setByteOrder_r(h, writer, Int32(GEOS_WKB_NDR.rawValue))
            var size = 0
            guard let bytes = GEOSWKBWriter_write_r(h, writer, g, &size) else { throw context.error("write WKB") }
            defer { GEOSFree_r(h, bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }
}
