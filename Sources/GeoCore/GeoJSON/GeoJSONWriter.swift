/// Writes RFC 7946 GeoJSON, byte-for-byte deterministic.
///
/// Exterior rings counter-clockwise and holes clockwise (reversed where the input winds the other way),
/// coordinates rounded to `decimals` (7 at most: about 1 cm) with trailing zeros dropped, no "crs"
/// member, members in a fixed order (type, id, properties, geometry; properties as read), one feature per line.
/// GEOS's own GeoJSON writer does none of the winding or precision work, hence this.
public struct GeoJSONWriter: Sendable {
    /// Decimals of coordinates, at most 7.
    public var decimals: Int

    /// True for the verbatim writer (`GeoJSONWriter.verbatim`).
    public private(set) var isVerbatim = false

    /// A writer with `decimals` decimals (0–7; 7 is about 1 cm).
    public init(decimals: Int = 7) {
        self.decimals = min(max(decimals, 0), 7)
    }

    /// A writer that changes nothing: every coordinate in its shortest exact form, rings as they wind, geometry
    /// across ±180° as it is. Why: tiles of a partition must give each command the very numbers the whole file
    /// gives, so they hold the features bit for bit (`borderkit partition`).
    public static var verbatim: GeoJSONWriter {
        var w = GeoJSONWriter()
        w.isVerbatim = true
        return w
    }

    /// The UTF-8 text of `geojson`, ending with a newline.
    public func data(_ geojson: GeoJSON) -> [UInt8] {
        var out: [UInt8] = []
        switch geojson {
        case .geometry(let g): write(g, to: &out)
        case .feature(let f): write(f, to: &out)
        case .featureCollection(let c):
            write(c, to: &out)
            return out
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The UTF-8 text of a feature collection.
    public func data(_ collection: FeatureCollection) -> [UInt8] { data(.featureCollection(collection)) }

    func write(_ c: FeatureCollection, to out: inout [UInt8]) {
        writeHead(of: c, to: &out)
        for (i, f) in c.features.enumerated() { writeFeature(f, at: i, to: &out) }
        writeTail(count: c.features.count, to: &out)
    }

    /// A collection's text up to its first feature (its type and foreign members), for writing one feature
    /// at a time: `writeHead`, `writeFeature` for each, then `writeTail` give the bytes `data` gives.
    public func writeHead(of c: FeatureCollection, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"FeatureCollection""#.utf8)
        for m in c.foreignMembers.members where m.key != "crs" {
            out.append(UInt8(ascii: ","))
            JSONWriter.writeString(m.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.write(m.value, to: &out)
        }
        out.append(contentsOf: #","features":["#.utf8)
    }

    /// Feature number `index` of a collection, with the separator before it.
    public func writeFeature(_ f: Feature, at index: Int, to out: inout [UInt8]) {
        out.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
        write(f, to: &out)
    }

    /// The end of a collection of `count` features, and the final newline.
    public func writeTail(count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: (count == 0 ? "]}\n" : "\n]}\n").utf8)
    }

    /// One feature as a record of a GeoJSON text sequence: RFC 8142's record separator (0x1E) before it when
    /// `recordSeparator`, else newline-delimited GeoJSON (what GDAL's GeoJSONSeq writes to .geojsonl); a newline after.
    public func writeRecord(_ f: Feature, recordSeparator: Bool, to out: inout [UInt8]) {
        if recordSeparator { out.append(0x1E) }
        write(f, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// A collection's features as a GeoJSON text sequence (see `writeRecord`); the collection's own members,
    /// which a sequence cannot hold, are left out.
    public func sequence(_ c: FeatureCollection, recordSeparator: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for f in c.features { writeRecord(f, recordSeparator: recordSeparator, to: &out) }
        return out
    }

    func write(_ f: Feature, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"Feature""#.utf8)
        if let id = f.id {
            out.append(contentsOf: #","id":"#.utf8)
            JSONWriter.write(id.jsonValue, to: &out)
        }
        out.append(contentsOf: #","properties":"#.utf8)
        JSONWriter.write(f.properties.map(JSONValue.object) ?? .null, to: &out)
        out.append(contentsOf: #","geometry":"#.utf8)
        if let g = f.geometry { write(g, to: &out) } else { out.append(contentsOf: "null".utf8) }
        for m in f.foreignMembers.members where m.key != "crs" {
            out.append(UInt8(ascii: ","))
            JSONWriter.writeString(m.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.write(m.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    func write(_ geometry: Geometry, to out: inout [UInt8]) {
        let g = isVerbatim ? geometry : geometry.withinAntimeridian
        if case .geometryCollection(let c) = g {
            out.append(contentsOf: #"{"type":"GeometryCollection","geometries":["#.utf8)
            for (i, part) in c.geometries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(part, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
            return
        }
        out.append(contentsOf: #"{"type":""#.utf8)
        out.append(contentsOf: g.type.rawValue.utf8)
        out.append(contentsOf: #"","coordinates":"#.utf8)
        switch g {
        case .point(let p):
            if let q = p.position { write(q, to: &out) } else { out.append(contentsOf: "[]".utf8) }
        case .lineString(let l):
            write(l.positions, to: &out)
        case .polygon(let p):
            write(p, to: &out)
        case .multiPoint(let m):
            write(m.points.compactMap(\.position), to: &out)
        case .multiLineString(let m):
            list(m.lineStrings, to: &out) { write($0.positions, to: &$1) }
        case .multiPolygon(let m):
            list(m.polygons, to: &out) { write($0, to: &$1) }
        case .geometryCollection:
            break
        }
        out.append(UInt8(ascii: "}"))
    }

    private func list<T>(_ items: [T], to out: inout [UInt8], _ each: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            each(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func write(_ p: Polygon, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, ring) in p.rings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            // RFC 7946 §3.1.6: exterior counter-clockwise, holes clockwise.
            let orientation = isVerbatim ? 0 : planarOrientation(ring).orientation
            let wantCounterClockwise = i == 0
            let reverse = orientation != 0 && (orientation > 0) != wantCounterClockwise
            write(reverse ? ring.reversed() : ring, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func write(_ positions: [Position], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, p) in positions.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(p, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func write(_ p: Position, to out: inout [UInt8]) {
        if isVerbatim {
            out.append(contentsOf: "[\(JSONNumberFormat.shortest(p.x)),\(JSONNumberFormat.shortest(p.y))".utf8)
            if let z = p.z { out.append(contentsOf: ",\(JSONNumberFormat.shortest(z))".utf8) }
            out.append(UInt8(ascii: "]"))
            return
        }
        out.append(UInt8(ascii: "["))
        JSONNumberFormat.appendFixed(p.x, decimals: decimals, to: &out)
        out.append(UInt8(ascii: ","))
        JSONNumberFormat.appendFixed(p.y, decimals: decimals, to: &out)
        if let z = p.z {
            out.append(UInt8(ascii: ","))
            JSONNumberFormat.appendFixed(z, decimals: decimals, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}

/// Serialises `JSONValue`s compactly, members in order, strings escaped per RFC 8259, UTF-8 kept as is.
public enum JSONWriter {
    /// A JSON value as UTF-8 bytes, members in their order, numbers exact.
    public static func data(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, to: &out)
        return out
    }

    /// Appends a JSON value's UTF-8 bytes to `out`.
    public static func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .bigInteger(let digits): out.append(contentsOf: digits.utf8)
        case .number(let d): out.append(contentsOf: JSONNumberFormat.real(d).utf8)
        case .string(let s): writeString(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(v, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, m) in o.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(m.key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(m.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a JSON string literal, escaped as RFC 8259 asks.
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
