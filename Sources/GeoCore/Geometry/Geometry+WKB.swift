/// A WKB text that is not a geometry this model holds: truncated, of an unknown type, or a curve.
public struct WKBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "WKB ends at byte 21 inside a LineString of 4 positions".
    public var reason: String
    /// An error saying `reason`.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

extension Geometry {
    /// Decodes ISO (and OGC 1.1) well-known binary: either byte order, XY, XYZ (z kept), XYM and XYZM (m dropped).
    ///
    /// Why here, not through GEOS's WKB reader: GDAL hands each feature's geometry over as WKB
    /// (`OGR_G_ExportToIsoWkb`), and the model is Swift values, so the bytes become positions in one pass. An empty
    /// point is WKB's NaN point. Curves, surfaces and TINs are refused: `OGRSource` linearises curves before.
    public init(wkb bytes: UnsafeRawBufferPointer) throws(WKBError) {
        var reader = WKBReader(bytes: bytes)
        self = try reader.geometry(depth: 0)
        guard reader.offset == bytes.count else { throw WKBError("\(bytes.count - reader.offset) bytes after the geometry") }
    }

    /// Encodes as ISO well-known binary, little-endian, with z where positions have one (`OGR_G_CreateFromWkb`
    /// reads it; a geometry whose positions mix 2D and 3D is written 3D with z 0 where none was given).
    var isoWKB: [UInt8] {
        var writer = WKBWriter(hasZ: hasZ)
        writer.write(self)
        return writer.bytes
    }

    /// True when any position has a z.
    var hasZ: Bool {
        var found = false
        forEachPosition { if $0.z != nil { found = true } }
        return found
    }

    func forEachPosition(_ body: (Position) -> Void) {
        switch self {
        case .point(let p): if let q = p.position { body(q) }
        case .lineString(let l): l.positions.forEach(body)
        case .polygon(let p): p.rings.forEach { $0.forEach(body) }
        case .multiPoint(let m): m.points.forEach { if let q = $0.position { body(q) } }
        case .multiLineString(let m): m.lineStrings.forEach { $0.positions.forEach(body) }
        case .multiPolygon(let m): m.polygons.forEach { $0.rings.forEach { $0.forEach(body) } }
        case .geometryCollection(let c): c.geometries.forEach { $0.forEachPosition(body) }
        }
    }
}

/// Reads WKB from a buffer, each geometry in its own byte order.
private struct WKBReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func geometry(depth: Int) throws(WKBError) -> Geometry {
        guard depth < 64 else { throw WKBError("geometry collections nested more than 64 deep") }
        let little = try byte() == 1
        var code = try uint32(little)
        // EWKB's flags (PostGIS): z 0x80000000, m 0x40000000, srid 0x20000000.
        var dims = 2, hasM = false
        if code & 0x8000_0000 != 0 { dims = 3 }
        if code & 0x4000_0000 != 0 { hasM = true }
        if code & 0x2000_0000 != 0 { _ = try uint32(little) }
        code &= 0x0FFF_FFFF
        switch code / 1000 {
        case 1: dims = 3
        case 2: hasM = true
        case 3: dims = 3; hasM = true
        default: break
        }
        let stride = dims + (hasM ? 1 : 0)
        switch code % 1000 {
        case 1:
            let p = try position(little, stride, dims)
            return .point(Point(p.x.isNaN && p.y.isNaN ? nil : p))
        case 2: return .lineString(LineString(try positions(little, stride, dims)))
        case 3:
            let n = try count(little, atLeast: 4)
            var rings: [[Position]] = []
            rings.reserveCapacity(n)
            for _ in 0..<n { rings.append(try positions(little, stride, dims)) }
            return .polygon(Polygon(rings))
        case 4, 5, 6, 7:
            let n = try count(little, atLeast: 5)
            var parts: [Geometry] = []
            parts.reserveCapacity(n)
            for _ in 0..<n { parts.append(try geometry(depth: depth + 1)) }
            return try collection(code % 1000, parts)
        default:
            throw WKBError("WKB geometry type \(code) (\(WKBReader.name(code % 1000))) is not one of the seven simple types")
        }
    }

    private func collection(_ type: UInt32, _ parts: [Geometry]) throws(WKBError) -> Geometry {
        switch type {
        case 4:
            var points: [Point] = []
            for g in parts { guard case .point(let p) = g else { throw WKBError("a MultiPoint holds a \(g.type.rawValue)") }; points.append(p) }
            return .multiPoint(MultiPoint(points))
        case 5:
            var lines: [LineString] = []
            for g in parts { guard case .lineString(let l) = g else { throw WKBError("a MultiLineString holds a \(g.type.rawValue)") }; lines.append(l) }
            return .multiLineString(MultiLineString(lines))
        case 6:
            var polygons: [Polygon] = []
            for g in parts { guard case .polygon(let p) = g else { throw WKBError("a MultiPolygon holds a \(g.type.rawValue)") }; polygons.append(p) }
            return .multiPolygon(MultiPolygon(polygons))
        default:
            return .geometryCollection(GeometryCollection(parts))
        }
    }

    private static func name(_ type: UInt32) -> String {
        switch type {
        case 8: "CircularString"
        case 9: "CompoundCurve"
        case 10: "CurvePolygon"
        case 11: "MultiCurve"
        case 12: "MultiSurface"
        case 15: "PolyhedralSurface"
        case 16: "TIN"
        case 17: "Triangle"
        default: "unknown"
        }
    }

    private mutating func positions(_ little: Bool, _ stride: Int, _ dims: Int) throws(WKBError) -> [Position] {
        let n = try count(little, atLeast: stride * 8)
        var out: [Position] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try position(little, stride, dims)) }
        return out
    }

    /// A count, refused when the bytes left cannot hold that many items of `atLeast` bytes (a damaged count
    /// must not reserve gigabytes).
    private mutating func count(_ little: Bool, atLeast size: Int) throws(WKBError) -> Int {
        let n = Int(try uint32(little))
        guard n <= (bytes.count - offset) / size else { throw WKBError("WKB count \(n) at byte \(offset - 4) exceeds the bytes left") }
        return n
    }

    private mutating func position(_ little: Bool, _ stride: Int, _ dims: Int) throws(WKBError) -> Position {
        let x = try double(little), y = try double(little)
        let z: Double? = dims == 3 ? try double(little) : nil
        if stride > dims { _ = try double(little) }
        return Position(x, y, z)
    }

    private mutating func byte() throws(WKBError) -> UInt8 {
        guard offset < bytes.count else { throw WKBError("WKB ends at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func uint32(_ little: Bool) throws(WKBError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw WKBError("WKB ends at byte \(bytes.count) inside a count") }
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
    }

    private mutating func double(_ little: Bool) throws(WKBError) -> Double {
        guard offset + 8 <= bytes.count else { throw WKBError("WKB ends at byte \(bytes.count) inside a coordinate") }
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
    }
}

/// Writes little-endian ISO WKB.
private struct WKBWriter {
    let hasZ: Bool
    var bytes: [UInt8] = []

    mutating func write(_ g: Geometry) {
        switch g {
        case .point(let p):
            header(1)
            position(p.position ?? Position(.nan, .nan, hasZ ? .nan : nil))
        case .lineString(let l):
            header(2)
            positions(l.positions)
        case .polygon(let p):
            header(3)
            uint32(p.rings.count)
            p.rings.forEach { positions($0) }
        case .multiPoint(let m):
            header(4)
            uint32(m.points.count)
            m.points.forEach { write(.point($0)) }
        case .multiLineString(let m):
            header(5)
            uint32(m.lineStrings.count)
            m.lineStrings.forEach { write(.lineString($0)) }
        case .multiPolygon(let m):
            header(6)
            uint32(m.polygons.count)
            m.polygons.forEach { write(.polygon($0)) }
        case .geometryCollection(let c):
            header(7)
            uint32(c.geometries.count)
            c.geometries.forEach { write($0) }
        }
    }

    private mutating func header(_ type: Int) {
        bytes.append(1)
        uint32(type + (hasZ ? 1000 : 0))
    }

    private mutating func positions(_ list: [Position]) {
        uint32(list.count)
        list.forEach { position($0) }
    }

    private mutating func position(_ p: Position) {
        double(p.x)
        double(p.y)
        if hasZ { double(p.z ?? 0) }
    }

    private mutating func uint32(_ v: Int) {
        withUnsafeBytes(of: UInt32(v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func double(_ v: Double) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

extension Geometry {
    /// What keeps the geometry from being one GeoJSON could hold, as the GeoJSON reader words it: a LineString of
    /// fewer than 2 positions, a ring of fewer than 4 or not closed. Nil when there is nothing. For sources that
    /// do not check it themselves (WKB from GDAL).
    var structuralProblem: String? {
        func ring(_ r: [Position]) -> String? {
            guard r.count >= 4 else { return "a linear ring needs at least 4 positions, found \(r.count)" }
            guard r[0].x == r[r.count - 1].x, r[0].y == r[r.count - 1].y else { return "a linear ring is not closed" }
            return nil
        }
        func line(_ l: LineString) -> String? {
            l.positions.count == 1 ? "a LineString needs at least 2 positions, found 1" : nil
        }
        switch self {
        case .point, .multiPoint: return nil
        case .lineString(let l): return line(l)
        case .multiLineString(let m): return m.lineStrings.lazy.compactMap(line).first
        case .polygon(let p): return p.rings.lazy.compactMap(ring).first
        case .multiPolygon(let m): return m.polygons.lazy.flatMap(\.rings).compactMap(ring).first
        case .geometryCollection(let c): return c.geometries.lazy.compactMap(\.structuralProblem).first
        }
    }
}
