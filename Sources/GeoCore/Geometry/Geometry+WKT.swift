import CGEOS

/// Well-known text, read and written by GEOS, and well-known binary (`Geometry+WKB.swift`).
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

    /// Reads WKB, or hex-encoded WKB when `hex` is true (the decoder of `Geometry+WKB.swift`).
    public init(wkb: [UInt8], hex: Bool = false) throws {
        var bytes = wkb
        if hex {
            func nibble(_ c: UInt8) throws -> UInt8 {
                switch c {
                case 0x30...0x39: return c - 0x30
                case 0x41...0x46: return c - 0x41 + 10
                case 0x61...0x66: return c - 0x61 + 10
                default: throw WKBError("hex WKB holds a character that is not a hex digit")
                }
            }
            guard wkb.count % 2 == 0 else { throw WKBError("hex WKB has an odd number of digits") }
            bytes = try stride(from: 0, to: wkb.count, by: 2).map { try nibble(wkb[$0]) << 4 | nibble(wkb[$0 + 1]) }
        }
        self = try bytes.withUnsafeBytes { (raw) throws(WKBError) in try Geometry(wkb: raw) }
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

    /// Little-endian ISO WKB, with z where positions have one (the encoder of `Geometry+WKB.swift`).
    public func wkb() throws -> [UInt8] { isoWKB }
}
