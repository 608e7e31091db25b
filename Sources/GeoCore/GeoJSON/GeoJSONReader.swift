/// Reads RFC 7946 GeoJSON: strict about structure, exact about numbers, clear about errors.
///
/// Every error names the source, a JSON pointer and the reason (syntax errors also line and column).
/// Checked before anything reaches GEOS: member types, nesting depth of coordinates, positions of two or
/// more finite numbers, longitude in [-180, 180] and latitude in [-90, 90], LineStrings of two or more
/// positions, rings of four or more positions that close. Ring winding is not checked (RFC 7946 §3.1.6:
/// parsers SHOULD NOT reject), and validity in the OGC sense is `Geometry.validity()`'s job.
public struct GeoJSONReader: Sendable {
    /// Name of the input in messages: a path, or "<stdin>".
    public var source: String
    /// False while positions are in a legacy `crs` other than WGS84 lon/lat: checked after reprojecting.
    private var checksLonLat = true

    /// A reader whose messages name `source`.
    public init(source: String) { self.source = source }

    /// Reads a file, or standard input when `path` is "-".
    public static func read(path: String) throws -> GeoJSON {
        let reader = GeoJSONReader(source: path == "-" ? "<stdin>" : path)
        // The file's bytes are let go once parsed, before the geometry is built.
        let root = try JSONValue.read(try FileIO.readAll(path), source: reader.source)
        return try reader.decode(root)
    }

    /// Parses GeoJSON text.
    public func read(_ bytes: [UInt8]) throws(GeoJSONError) -> GeoJSON {
        try decode(try JSONValue.read(bytes, source: source))
    }

    /// Decodes an already parsed JSON value. Taking it (`consuming`), a FeatureCollection's features are let go
    /// one by one as they are decoded, so the JSON tree and the geometry built from it are not both whole in
    /// memory at once.
    public func decode(_ root: consuming JSONValue) throws(GeoJSONError) -> GeoJSON {
        let (shared, type) = try typedObject(root, "", expected: "a GeoJSON object")
        var object = shared
        let hasCRS = object["crs"] != nil
        // A legacy `crs` member (GeoJSON 2008) naming another CRS: positions are read as they are, then
        // reprojected with PROJ to WGS84 lon/lat and checked there. Never read projected metres as degrees.
        if checksLonLat, let crs = object["crs"], let name = try legacyCRSName(crs), !CRSTransform.isWGS84LonLat(name) {
            let transform: CRSTransform
            do { transform = try CRSTransform(from: name) } catch {
                throw fail("/crs", "the legacy \"crs\" member names \(name), which PROJ cannot read (\(error.message)); reproject the file to WGS84 longitude/latitude", .crs)
            }
            var inner = self
            inner.checksLonLat = false
            return try inner.decode(root).reprojected(transform, reader: self)
        }
        do throws(GeoJSONError) {
            switch type {
            case "FeatureCollection":
                // Take the features out of the tree, so that this is the only reference to them.
                _ = consume root
                let taken = object["features"]
                object["features"] = nil
                var list: [JSONValue]
                switch consume taken {
                case .array(let array)?: list = array
                case nil: throw fail("", "a FeatureCollection needs a \"features\" member")
                case let other?: throw fail("/features", "\"features\" must be an array, found \(other.kindDescription)")
                }
                var decoded: [Feature] = []
                decoded.reserveCapacity(list.count)
                for i in list.indices {
                    let f = list[i]
                    list[i] = .null
                    decoded.append(try feature(f, "/features/\(i)"))
                }
                try checkBBox(object, "")
                // A `bbox` member is kept as read (checked to be numbers), like every other member.
                return .featureCollection(FeatureCollection(decoded, foreignMembers: foreign(object, except: ["type", "features"])))
            case "Feature":
                return .feature(try feature(root, ""))
            default:
                return .geometry(try geometry(root, ""))
            }
        } catch where hasCRS && checksLonLat && error.kind == .position {
            var e = error
            e.reason += " (the file has a \"crs\" member: RFC 7946 GeoJSON is WGS84 longitude/latitude only;"
                + " reproject it, e.g. ogr2ogr -t_srs EPSG:4326)"
            throw e
        }
    }

    // MARK: - Structure

    private func fail(_ pointer: String, _ reason: String, _ kind: GeoJSONError.Kind = .structure) -> GeoJSONError {
        GeoJSONError(source: source, pointer: pointer, reason: reason, kind: kind)
    }

    private static let allTypes: Set<String> = ["FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
                                                "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

    private func typedObject(_ value: JSONValue, _ path: String, expected: String) throws(GeoJSONError) -> (JSONObject, String) {
        guard case .object(let object) = value else { throw fail(path, "expected \(expected), found \(value.kindDescription)") }
        guard let type = object["type"] else { throw fail(path, "missing member \"type\"") }
        guard case .string(let name) = type else {
            throw fail(JSONPointer.appending(path, "type"), "\"type\" must be a string, found \(type.kindDescription)")
        }
        guard GeoJSONReader.allTypes.contains(name) else {
            let hint = GeoJSONReader.allTypes.first { $0.lowercased() == name.lowercased() }.map { " (type names are case-sensitive: \"\($0)\")" } ?? ""
            throw fail(JSONPointer.appending(path, "type"), "unknown type \"\(name)\"\(hint)")
        }
        return (object, name)
    }

    private func foreign(_ object: JSONObject, except known: Set<String>) -> JSONObject {
        JSONObject(object.members.filter { !known.contains($0.key) })
    }

    private func checkBBox(_ object: JSONObject, _ path: String) throws(GeoJSONError) {
        guard let bbox = object["bbox"] else { return }
        let p = JSONPointer.appending(path, "bbox")
        guard case .array(let values) = bbox else { throw fail(p, "\"bbox\" must be an array, found \(bbox.kindDescription)") }
        guard values.count >= 4, values.count % 2 == 0 else {
            throw fail(p, "\"bbox\" must hold 2×n numbers (4 for 2-D), found \(values.count)")
        }
        for (i, v) in values.enumerated() where v.doubleValue == nil {
            throw fail(JSONPointer.appending(p, i), "\"bbox\" values must be numbers, found \(v.kindDescription)")
        }
    }

    private func feature(_ value: JSONValue, _ path: String) throws(GeoJSONError) -> Feature {
        let (object, type) = try typedObject(value, path, expected: "a Feature object")
        guard type == "Feature" else { throw fail(JSONPointer.appending(path, "type"), "expected a Feature, found a \(type)") }
        var id: FeatureID?
        switch object["id"] {
        case nil: id = nil
        case .string(let s): id = .string(s)
        case .integer(let i): id = .integer(i)
        case .bigInteger(let digits): id = .bigInteger(digits)
        case .number(let d): id = .number(d)
        case let other?:
            throw fail(JSONPointer.appending(path, "id"), "\"id\" must be a string or a number, found \(other.kindDescription)")
        }
        guard let geometryValue = object["geometry"] else {
            throw fail(path, "a Feature needs a \"geometry\" member (a geometry object or null)")
        }
        let geometry: Geometry? = geometryValue == .null ? nil : try self.geometry(geometryValue, JSONPointer.appending(path, "geometry"))
        let properties: JSONObject?
        switch object["properties"] {
        case nil: throw fail(path, "a Feature needs a \"properties\" member (an object or null)")
        case .null?: properties = nil
        case .object(let o)?: properties = o
        case let other?:
            throw fail(JSONPointer.appending(path, "properties"), "\"properties\" must be an object or null, found \(other.kindDescription)")
        }
        try checkBBox(object, path)
        return Feature(id: id, geometry: geometry, properties: properties,
                       foreignMembers: foreign(object, except: ["type", "id", "geometry", "properties"]))
    }

    // MARK: - Geometry

    private func geometry(_ value: JSONValue, _ path: String) throws(GeoJSONError) -> Geometry {
        let (object, type) = try typedObject(value, path, expected: "a geometry object")
        try checkBBox(object, path)
        if type == "GeometryCollection" {
            guard let member = object["geometries"] else { throw fail(path, "a GeometryCollection needs a \"geometries\" member") }
            let p = JSONPointer.appending(path, "geometries")
            guard case .array(let list) = member else { throw fail(p, "\"geometries\" must be an array, found \(member.kindDescription)") }
            var parts: [Geometry] = []
            for (i, g) in list.enumerated() { parts.append(try geometry(g, JSONPointer.appending(p, i))) }
            return .geometryCollection(GeometryCollection(parts))
        }
        if type == "Feature" || type == "FeatureCollection" {
            throw fail(JSONPointer.appending(path, "type"), "expected a geometry, found a \(type)")
        }
        guard let coordinates = object["coordinates"] else { throw fail(path, "a \(type) needs a \"coordinates\" member") }
        let p = JSONPointer.appending(path, "coordinates")
        switch type {
        case "Point":
            if case .array(let a) = coordinates, a.isEmpty { return .point(Point(nil)) }
            return .point(Point(try position(coordinates, p)))
        case "MultiPoint":
            return .multiPoint(MultiPoint(try array(coordinates, p, of: "positions").enumerated().map { (i, v) throws(GeoJSONError) in
                Point(try position(v, JSONPointer.appending(p, i)))
            }))
        case "LineString":
            return .lineString(try lineString(coordinates, p, allowEmpty: true))
        case "MultiLineString":
            return .multiLineString(MultiLineString(try array(coordinates, p, of: "line strings").enumerated().map { (i, v) throws(GeoJSONError) in
                try lineString(v, JSONPointer.appending(p, i), allowEmpty: false)
            }))
        case "Polygon":
            return .polygon(try polygon(coordinates, p))
        default: // "MultiPolygon"
            return .multiPolygon(MultiPolygon(try array(coordinates, p, of: "polygons").enumerated().map { (i, v) throws(GeoJSONError) in
                try polygon(v, JSONPointer.appending(p, i))
            }))
        }
    }

    private func array(_ value: JSONValue, _ path: String, of what: String) throws(GeoJSONError) -> [JSONValue] {
        guard case .array(let a) = value else {
            throw fail(path, "expected an array of \(what), found \(value.kindDescription) (coordinates nested too shallowly)")
        }
        return a
    }

    private func position(_ value: JSONValue, _ path: String) throws(GeoJSONError) -> Position {
        guard case .array(let a) = value else {
            throw fail(path, "expected a position (an array of numbers), found \(value.kindDescription) (coordinates nested too shallowly)")
        }
        var numbers: (Double, Double, Double?) = (0, 0, nil)
        for (i, element) in a.prefix(3).enumerated() {
            guard let d = element.doubleValue else {
                let hint = if case .array = element { " (coordinates nested too deeply)" } else { "" }
                throw fail(JSONPointer.appending(path, i), "a coordinate must be a number, found \(element.kindDescription)\(hint)")
            }
            switch i {
            case 0: numbers.0 = d
            case 1: numbers.1 = d
            default: numbers.2 = d
            }
        }
        for (i, element) in a.enumerated().dropFirst(3) where element.doubleValue == nil {
            throw fail(JSONPointer.appending(path, i), "a coordinate must be a number, found \(element.kindDescription)")
        }
        guard a.count >= 2 else { throw fail(path, "a position needs at least 2 numbers (longitude, latitude), found \(a.count)", .position) }
        if checksLonLat { try checkLonLat(numbers.0, numbers.1, path) }
        return Position(numbers.0, numbers.1, numbers.2)
    }

    private func checkLonLat(_ lon: Double, _ lat: Double, _ path: String) throws(GeoJSONError) {
        let numbers = (lon, lat)
        guard (-180...180).contains(numbers.0) else {
            throw fail(JSONPointer.appending(path, 0), "longitude \(JSONNumberFormat.shortest(numbers.0)) is outside [-180, 180]", .position)
        }
        guard (-90...90).contains(numbers.1) else {
            throw fail(JSONPointer.appending(path, 1), "latitude \(JSONNumberFormat.shortest(numbers.1)) is outside [-90, 90]", .position)
        }
    }

    // MARK: - Legacy crs

    /// The CRS a legacy `crs` member names: `{"type":"name","properties":{"name":…}}` or
    /// `{"type":"EPSG","properties":{"code":…}}`; a linked CRS ("link") cannot be read and is refused.
    private func legacyCRSName(_ crs: JSONValue) throws(GeoJSONError) -> String? {
        // A member that names nothing (not of either form) leaves the positions to be read, and checked, as
        // lon/lat: out-of-range ones are then refused with a hint about the crs member.
        guard case .object(let o) = crs, case .string(let type)? = o["type"], case .object(let props)? = o["properties"] else { return nil }
        switch type.lowercased() {
        case "name":
            guard case .string(let name)? = props["name"] else { return nil }
            return name
        case "epsg":
            guard let code = props["code"]?.doubleValue else { return nil }
            return "EPSG:\(Int(code))"
        default:
            throw fail("/crs/type", "a legacy crs of type \"\(type)\" cannot be read; reproject the file to WGS84 longitude/latitude", .crs)
        }
    }

    /// Checks a reprojected position the way `position` checks a lon/lat one, naming the feature.
    fileprivate func checkReprojected(_ p: Position, feature: String) throws(GeoJSONError) {
        try checkLonLat(p.x, p.y, feature)
    }

    private func positions(_ value: JSONValue, _ path: String) throws(GeoJSONError) -> [Position] {
        let a = try array(value, path, of: "positions")
        var out: [Position] = []
        out.reserveCapacity(a.count)
        for (i, v) in a.enumerated() { out.append(try position(v, JSONPointer.appending(path, i))) }
        return out
    }

    private func lineString(_ value: JSONValue, _ path: String, allowEmpty: Bool) throws(GeoJSONError) -> LineString {
        let p = try positions(value, path)
        if p.isEmpty, allowEmpty { return LineString([]) }
        guard p.count >= 2 else { throw fail(path, "a LineString needs at least 2 positions, found \(p.count)") }
        return LineString(p)
    }

    private func polygon(_ value: JSONValue, _ path: String) throws(GeoJSONError) -> Polygon {
        let rings = try array(value, path, of: "linear rings")
        var out: [[Position]] = []
        for (i, r) in rings.enumerated() {
            let rp = JSONPointer.appending(path, i)
            let ring = try positions(r, rp)
            guard ring.count >= 4 else { throw fail(rp, "a linear ring needs at least 4 positions, found \(ring.count)") }
            let first = ring[0], last = ring[ring.count - 1]
            guard first.x == last.x, first.y == last.y else {
                throw fail(rp, "linear ring is not closed: first position [\(JSONNumberFormat.shortest(first.x)), "
                    + "\(JSONNumberFormat.shortest(first.y))] differs from last [\(JSONNumberFormat.shortest(last.x)), "
                    + "\(JSONNumberFormat.shortest(last.y))]")
            }
            out.append(ring)
        }
        return Polygon(out)
    }
}

extension GeoJSON {
    /// Every position reprojected from the legacy `crs` to WGS84 lon/lat and checked to lie in range; the
    /// collection's `notes` say so. Errors name the feature's pointer.
    fileprivate func reprojected(_ transform: CRSTransform, reader: GeoJSONReader) throws(GeoJSONError) -> GeoJSON {
        func convert(_ g: Geometry?, _ pointer: String) throws(GeoJSONError) -> Geometry? {
            guard let g else { return nil }
            do {
                return try g.mapPositions { p in
                    let q = try transform.toLonLat(p)
                    try reader.checkReprojected(q, feature: pointer)
                    return q
                }
            } catch let error as GeoJSONError {
                var e = error
                e.reason += " after reprojecting from \(transform.source) (the file's legacy \"crs\" member)"
                throw e
            } catch {
                throw GeoJSONError(source: reader.source, pointer: pointer, reason: "\(error)", kind: .crs)
            }
        }
        let note = "positions reprojected from \(transform.source) (\(transform.sourceName), the file's legacy \"crs\" member) "
            + "to WGS84 longitude/latitude with PROJ"
        switch self {
        case .geometry(let g): return .geometry(try convert(g, "")!)
        case .feature(var f):
            f.geometry = try convert(f.geometry, "/geometry")
            return .feature(f)
        case .featureCollection(var c):
            for i in c.features.indices { c.features[i].geometry = try convert(c.features[i].geometry, "/features/\(i)/geometry") }
            c.notes.append(note)
            return .featureCollection(c)
        }
    }
}
