/// A named set of features that becomes one object of a TopoJSON topology ("territories", "borders").
public struct TopoJSONObject: Sendable, Hashable {
    /// The object's name in `objects`.
    public var name: String
    /// Its features: each becomes a geometry of the object's GeometryCollection with its id and properties.
    public var features: [Feature]

    /// An object named `name` holding `features`.
    public init(name: String, features: [Feature]) {
        self.name = name
        self.features = features
    }
}

/// A topology that cannot be written as asked: quantising broke a polygon, or a name repeats.
public struct TopoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the object and feature.
    public var reason: String
    /// An error saying `reason`.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

/// Writes TopoJSON (topojson-specification 1.0): objects whose rings and lines share arcs, optionally quantised.
///
/// Why BorderKit writes it itself: GDAL reads TopoJSON but cannot write it, and TopoJSON's users want what
/// BorderKit knows: neighbours' shared boundaries as single arcs, borders tagged with their pair. Rings wind as in
/// RFC 7946 (exterior counter-clockwise), positions are rounded to `decimals` before arcs are matched, or with
/// `quantization` n put on an n × n grid over the bounding box (arcs delta-encoded, `transform` given). After
/// quantising, every polygon that was valid is checked again with GEOS (`GEOSisValidDetail_r`): a ring that the
/// grid made self-intersect or collapse is an error naming the feature and the place, never a silent file.
public struct TopoJSONWriter: Sendable {
    /// The grid size (e.g. 100000), or nil for positions in degrees.
    public var quantization: Int?
    /// Decimals of unquantised positions (at most 7, about 1 cm).
    public var decimals: Int

    /// A writer; `quantization` must be at least 2 when given.
    public init(quantization: Int? = nil, decimals: Int = 7) {
        self.quantization = quantization
        self.decimals = min(max(decimals, 0), 7)
    }

    /// The topology's UTF-8 text, ending with a newline.
    public func data(_ objects: [TopoJSONObject]) throws(TopoJSONError) -> [UInt8] {
        var names = Set<String>()
        for o in objects where !names.insert(o.name).inserted { throw TopoJSONError("two objects are named \"\(o.name)\"") }
        // Rings wound as RFC 7946 wants them, then the grid.
        let wound = objects.map { o in o.features.map { $0.geometry?.withinAntimeridian.rfc7946Wound } }
        var box = (x0: Double.infinity, y0: Double.infinity, x1: -Double.infinity, y1: -Double.infinity)
        for list in wound { for g in list { g?.forEachPosition { p in
            box = (min(box.x0, p.x), min(box.y0, p.y), max(box.x1, p.x), max(box.y1, p.y))
        } } }
        let empty = box.x0 > box.x1
        let kx: Double, ky: Double
        if let n = quantization, !empty {
            kx = box.x1 > box.x0 ? (box.x1 - box.x0) / Double(n - 1) : 1
            ky = box.y1 > box.y0 ? (box.y1 - box.y0) / Double(n - 1) : 1
        } else {
            (kx, ky) = (1, 1)
        }
        let scale = TopoJSONWriter.pow10(decimals)
        let place: (Position) -> Topology.XY = quantization != nil
            ? { p in Topology.XY(x: ((p.x - box.x0) / kx).rounded(), y: ((p.y - box.y0) / ky).rounded()) }
            : { p in Topology.XY(x: (p.x * scale).rounded() / scale, y: (p.y * scale).rounded() / scale) }
        var topology = Topology()
        let shapes = wound.map { list in list.map { topology.add($0, place) } }
        topology.build()
        if quantization != nil {
            try checkQuantised(objects, wound, shapes, topology) { q in Position(q.x * kx + box.x0, q.y * ky + box.y0) }
        }

        var out: [UInt8] = []
        out.append(contentsOf: #"{"type":"Topology""#.utf8)
        if !empty {
            out.append(contentsOf: #","bbox":["#.utf8)
            for (i, v) in [box.x0, box.y0, box.x1, box.y1].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                number(v, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        if quantization != nil, !empty {
            out.append(contentsOf: #","transform":{"scale":["#.utf8)
            out.append(contentsOf: JSONNumberFormat.shortest(kx).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: JSONNumberFormat.shortest(ky).utf8)
            out.append(contentsOf: #"],"translate":["#.utf8)
            out.append(contentsOf: JSONNumberFormat.shortest(box.x0).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: JSONNumberFormat.shortest(box.y0).utf8)
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: #","objects":{"#.utf8)
        for (i, o) in objects.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(o.name, to: &out)
            out.append(contentsOf: #":{"type":"GeometryCollection","geometries":["#.utf8)
            for (k, f) in o.features.enumerated() {
                out.append(contentsOf: (k == 0 ? "\n" : ",\n").utf8)
                write(f, shapes[i][k], topology, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: "},\n\"arcs\":[".utf8)
        for (i, arc) in topology.arcs.enumerated() {
            out.append(contentsOf: (i == 0 ? "\n[" : ",\n[").utf8)
            var previous = Topology.XY(x: 0, y: 0)
            for (k, q) in arc.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if quantization != nil {
                    point(Topology.XY(x: q.x - previous.x, y: q.y - previous.y), to: &out)
                    previous = q
                } else {
                    point(q, to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return out
    }

    // MARK: - Writing

    private func write(_ f: Feature, _ shape: Topology.Shape, _ topology: Topology, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        writeShape(shape, topology, to: &out)
        if let id = f.id {
            out.append(contentsOf: #","id":"#.utf8)
            JSONWriter.write(id.jsonValue, to: &out)
        }
        if let p = f.properties, !p.isEmpty {
            out.append(contentsOf: #","properties":"#.utf8)
            JSONWriter.write(.object(p), to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func writeShape(_ shape: Topology.Shape, _ topology: Topology, to out: inout [UInt8]) {
        func refs(_ path: Int) {
            out.append(UInt8(ascii: "["))
            for (i, r) in topology.pathArcs[path].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(r).utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        func list<T>(_ items: [T], _ each: (T) -> Void) {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                each(item)
            }
            out.append(UInt8(ascii: "]"))
        }
        switch shape {
        case .none:
            out.append(contentsOf: #""type":null"#.utf8)
        case .points(let points, let multi):
            if !multi, let p = points.first {
                out.append(contentsOf: #""type":"Point","coordinates":"#.utf8)
                point(p, to: &out)
            } else {
                out.append(contentsOf: #""type":"MultiPoint","coordinates":"#.utf8)
                list(points) { point($0, to: &out) }
            }
        case .lines(let paths, let multi):
            if !multi, let p = paths.first {
                out.append(contentsOf: #""type":"LineString","arcs":"#.utf8)
                refs(p)
            } else {
                out.append(contentsOf: #""type":"MultiLineString","arcs":"#.utf8)
                list(paths, refs)
            }
        case .polygons(let polygons, let multi):
            if !multi, let rings = polygons.first {
                out.append(contentsOf: #""type":"Polygon","arcs":"#.utf8)
                list(rings, refs)
            } else {
                out.append(contentsOf: #""type":"MultiPolygon","arcs":"#.utf8)
                list(polygons) { list($0, refs) }
            }
        case .collection(let members):
            out.append(contentsOf: #""type":"GeometryCollection","geometries":"#.utf8)
            list(members) { m in
                out.append(UInt8(ascii: "{"))
                writeShape(m, topology, to: &out)
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    private func point(_ q: Topology.XY, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        number(q.x, to: &out)
        out.append(UInt8(ascii: ","))
        number(q.y, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    private func number(_ v: Double, to out: inout [UInt8]) {
        if quantization != nil, v == v.rounded(), abs(v) < 1e15 {
            out.append(contentsOf: String(Int64(v)).utf8)
        } else {
            JSONNumberFormat.appendFixed(v, decimals: decimals, to: &out)
        }
    }

    // MARK: - Checks

    /// Every polygon valid before quantising must be valid after: rebuilt from its quantised rings and checked.
    private func checkQuantised(_ objects: [TopoJSONObject], _ wound: [[Geometry?]], _ shapes: [[Topology.Shape]], _ topology: Topology,
                                _ back: (Topology.XY) -> Position) throws(TopoJSONError) {
        func ring(_ path: Int) -> [Position] { topology.paths[path].map(back) }
        func rebuilt(_ s: Topology.Shape) -> Geometry? {
            switch s {
            case .polygons(let polygons, _):
                return .multiPolygon(MultiPolygon(polygons.map { Polygon($0.map(ring)) }))
            case .collection(let members):
                let parts = members.compactMap(rebuilt)
                return parts.isEmpty ? nil : .geometryCollection(GeometryCollection(parts))
            default:
                return nil
            }
        }
        var broken: [String] = []
        for (i, o) in objects.enumerated() {
            for (k, f) in o.features.enumerated() {
                guard let after = rebuilt(shapes[i][k]), let before = wound[i][k] else { continue }
                let collapsed = TopoJSONWriter.collapsedRing(after)
                let verdict = collapsed == nil ? try? after.validity() : nil
                guard collapsed != nil || verdict?.isValid == false else { continue }
                guard (try? before.isValid()) == true else { continue }
                let name = f.id.map { "id \($0)" } ?? "feature \(k)"
                let why = collapsed ?? "\(verdict?.reason ?? "invalid")"
                let at = verdict?.location.map { " near \(JSONNumberFormat.fixed($0.x, decimals: 5)), \(JSONNumberFormat.fixed($0.y, decimals: 5))" } ?? ""
                broken.append("\"\(o.name)\" \(name) (\(why)\(at))")
            }
        }
        guard !broken.isEmpty else { return }
        let named = broken.prefix(3).joined(separator: "; ") + (broken.count > 3 ? "; and \(broken.count - 3) more" : "")
        throw TopoJSONError("quantising to \(quantization!) makes \(broken.count) polygon\(broken.count == 1 ? "" : "s") invalid that were valid: \(named); "
            + "give a larger --quantize (e.g. \(quantization! * 10)) or none")
    }

    private static func collapsedRing(_ g: Geometry) -> String? {
        switch g {
        case .multiPolygon(let m): m.polygons.lazy.flatMap(\.rings).first(where: { $0.count < 4 }).map { "a ring collapsed to \($0.count) points" }
        case .geometryCollection(let c): c.geometries.lazy.compactMap(collapsedRing).first
        default: nil
        }
    }

    private static func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }
}
