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
        try collecting { each in try stream(path: path, onFeature: each) }
    }

    /// The root a streaming read returns, with the features it handed out put back into the collection.
    private static func collecting<E: Error>(_ read: ((Feature, Int) -> Void) throws(E) -> GeoJSON) throws(E) -> GeoJSON {
        var features: [Feature] = []
        let root = try read { feature, _ in features.append(feature) }
        guard case .featureCollection(var c) = root else { return root }
        c.features = features
        return .featureCollection(c)
    }

    /// Reads a file feature by feature: `onFeature` gets each feature of a FeatureCollection as soon as it is
    /// read and checked (with its index), after `onCollection` got the collection's other members and notes;
    /// the bytes read are let go as it goes (see `InputBytes`), so memory holds what the caller keeps.
    ///
    /// Returns the root: for a FeatureCollection without its features (they went to `onFeature`), else the
    /// Feature or geometry whole (neither closure is called). Errors are those of `read`, or the closures'.
    public static func stream(path: String, onCollection: (FeatureCollection) throws -> Void = { _ in },
                              onFeature: (Feature, Int) throws -> Void) throws -> GeoJSON {
        let reader = GeoJSONReader(source: path == "-" ? "<stdin>" : path)
        return try FileIO.withInput(path) { input in
            try reader.parse(input.buffer, release: input.release(upTo:), onCollection: onCollection, onFeature: onFeature)
        }
    }

    /// Parses GeoJSON text.
    public func read(_ bytes: [UInt8]) throws(GeoJSONError) -> GeoJSON {
        try GeoJSONReader.collecting { (each) throws(GeoJSONError) in
            do {
                return try bytes.withUnsafeBufferPointer { try parse($0, release: nil, onCollection: { _ in }, onFeature: each) }
            } catch let error as GeoJSONError {
                throw error
            } catch {
                throw fail("", "\(error)")  // `each` does not throw: only the reader's own errors come here
            }
        }
    }

    /// Decodes an already parsed JSON value.
    public func decode(_ root: JSONValue) throws(GeoJSONError) -> GeoJSON {
        try decode(RawGeoJSON(root))
    }

    /// The streaming parse: a look ahead at the root's members (its type, its legacy `crs`, a collection's
    /// other members), then the features read and decoded one at a time. Text the look ahead cannot make
    /// sense of is parsed whole as JSON and decoded from the tree, so that every error is the one it always was.
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)?,
                       onCollection: (FeatureCollection) throws -> Void, onFeature: (Feature, Int) throws -> Void) throws -> GeoJSON {
        var parser = JSONParser(bytes)
        parser.progress = release
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.i = 3 }
        do {
            guard let scan = parser.scanRoot(), case .string(let type)? = scan.members["type"], GeoJSONReader.allTypes.contains(type),
                  type != "FeatureCollection" || (scan.featureMembers == 1 && scan.featuresAreArrays) else {
                let root = try parser.parseValue()
                parser.skipWhitespace()
                if parser.i < bytes.count { throw parser.error("unexpected data after the JSON value") }
                return try deliver(try decode(RawGeoJSON(consume root)), onCollection, onFeature)
            }
            if type != "FeatureCollection" {
                let raw = try parser.parseRaw(type == "Feature" ? .feature : .geometry)
                parser.skipWhitespace()
                if parser.i < bytes.count { throw parser.error("unexpected data after the JSON value") }
                return try decode(raw)
            }
            // A FeatureCollection: its members but the features are known; the features go out one by one.
            // The first error (of the input or of a closure) waits until the text has been read to its end:
            // a syntax error anywhere is reported before it, as when the whole text was parsed first.
            var pending: (any Error)?
            var transform: CRSTransform?
            var inner = self
            var head = FeatureCollection([], foreignMembers: foreign(scan.members, except: ["type", "features"]))
            do {
                transform = try legacyTransform(scan.members)
                if let transform {
                    inner.checksLonLat = false
                    head.notes.append(GeoJSONReader.reprojectionNote(transform))
                }
                try onCollection(head)
            } catch {
                pending = error
            }
            let hasCRS = scan.members["crs"] != nil
            parser.skipWhitespace()
            try parser.enter()
            // The look ahead found members, so the object is not empty.
            _ = try parser.openObject()
            repeat {
                let key = try parser.memberName()
                parser.skipWhitespace()
                if key == "features" {
                    try parser.parseRawElements(.feature) { raw, index, offset in
                        defer { release?(offset) }
                        guard pending == nil else { return }
                        let pointer = "/features/\(index)"
                        do {
                            var feature: Feature
                            do throws(GeoJSONError) {
                                feature = try inner.feature(raw, pointer, reprojectedBy: transform)
                            } catch {
                                throw hasCRS && transform == nil ? GeoJSONReader.hintingCRS(error) : error
                            }
                            try onFeature(feature, index)
                        } catch {
                            pending = error
                        }
                    }
                } else {
                    _ = try parser.parseValue()
                }
            } while try parser.nextMember()
            parser.depth -= 1
            parser.skipWhitespace()
            if parser.i < bytes.count { throw parser.error("unexpected data after the JSON value") }
            if let pending { throw pending }
            try checkBBox(scan.members, "")
            return .featureCollection(head)
        } catch let error as JSONParser.SyntaxError {
            let (line, column) = JSONParser.lineAndColumn(of: error.offset, in: bytes)
            throw GeoJSONError(source: source, pointer: "", reason: "invalid JSON: \(error.reason)", line: line, column: column)
        }
    }

    /// Hands a whole decoded text to the streaming closures, as `parse` hands out what it reads itself.
    private func deliver(_ root: GeoJSON, _ onCollection: (FeatureCollection) throws -> Void,
                         _ onFeature: (Feature, Int) throws -> Void) throws -> GeoJSON {
        guard case .featureCollection(var c) = root else { return root }
        let features = c.features
        c.features = []
        try onCollection(c)
        for (i, f) in features.enumerated() { try onFeature(f, i) }
        return .featureCollection(c)
    }

    /// Decodes a root read whole (a Feature, a geometry, or any text the look ahead left to the JSON tree).
    /// `decode` for one record of a text sequence (`GeoJSONReader+Sequence.swift`).
    func decodeRecord(_ root: RawGeoJSON) throws(GeoJSONError) -> GeoJSON { try decode(root) }

    private func decode(_ root: RawGeoJSON) throws(GeoJSONError) -> GeoJSON {
        let (object, type) = try typedObject(root, "", expected: "a GeoJSON object")
        let hasCRS = object.members["crs"] != nil
        // A legacy `crs` member (GeoJSON 2008) naming another CRS: positions are read as they are, then
        // reprojected with PROJ to WGS84 lon/lat and checked there. Never read projected metres as degrees.
        let transform = try legacyTransform(object.members)
        var inner = self
        if transform != nil { inner.checksLonLat = false }
        do throws(GeoJSONError) {
            switch type {
            case "FeatureCollection":
                var list: [RawGeoJSON]
                switch object.members["features"] {
                case .array(let array)?: list = array.map(RawGeoJSON.init)
                case nil: throw fail("", "a FeatureCollection needs a \"features\" member")
                case let other?: throw fail("/features", "\"features\" must be an array, found \(other.kindDescription)")
                }
                var decoded: [Feature] = []
                decoded.reserveCapacity(list.count)
                for i in list.indices {
                    let f = list[i]
                    list[i] = .other(.null)
                    decoded.append(try inner.feature(f, "/features/\(i)", reprojectedBy: transform))
                }
                try checkBBox(object.members, "")
                // A `bbox` member is kept as read (checked to be numbers), like every other member.
                var collection = FeatureCollection(decoded, foreignMembers: foreign(object.members, except: ["type", "features"]))
                if let transform { collection.notes.append(GeoJSONReader.reprojectionNote(transform)) }
                return .featureCollection(collection)
            case "Feature":
                return .feature(try inner.feature(root, "", reprojectedBy: transform))
            default:
                let g = try inner.geometry(root, "")
                return .geometry(transform != nil ? try reprojected(g, "", transform!)! : g)
            }
        } catch where hasCRS && transform == nil {
            throw GeoJSONReader.hintingCRS(error)
        }
    }

    /// A position error in a file with a `crs` member that was not honoured (it names WGS84, or nothing
    /// readable) gets a hint about that member.
    private static func hintingCRS(_ error: GeoJSONError) -> GeoJSONError {
        guard error.kind == .position else { return error }
        var e = error
        e.reason += " (the file has a \"crs\" member: RFC 7946 GeoJSON is WGS84 longitude/latitude only;"
            + " reproject it, e.g. ogr2ogr -t_srs EPSG:4326)"
        return e
    }

    /// The transformation to WGS84 lon/lat that a legacy `crs` member asks for; nil for none or WGS84 itself.
    private func legacyTransform(_ members: JSONObject) throws(GeoJSONError) -> CRSTransform? {
        guard let crs = members["crs"], let name = try legacyCRSName(crs), !CRSTransform.isWGS84LonLat(name) else { return nil }
        do { return try CRSTransform(from: name) } catch {
            throw fail("/crs", "the legacy \"crs\" member names \(name), which PROJ cannot read (\(error.message)); reproject the file to WGS84 longitude/latitude", .crs)
        }
    }

    // MARK: - Structure

    private func fail(_ pointer: String, _ reason: String, _ kind: GeoJSONError.Kind = .structure) -> GeoJSONError {
        GeoJSONError(source: source, pointer: pointer, reason: reason, kind: kind)
    }

    private static let allTypes: Set<String> = ["FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
                                                "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

    private func typedObject(_ value: RawGeoJSON, _ path: String, expected: String) throws(GeoJSONError) -> (RawObject, String) {
        guard case .object(let object) = value else { throw fail(path, "expected \(expected), found \(value.kindDescription)") }
        guard let type = object.members["type"] else { throw fail(path, "missing member \"type\"") }
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

    /// The feature at `path`, its positions reprojected from a legacy `crs` by `transform` when there is one.
    private func feature(_ value: RawGeoJSON, _ path: String, reprojectedBy transform: CRSTransform?) throws(GeoJSONError) -> Feature {
        var f = try feature(value, path)
        if let transform { f.geometry = try reprojected(f.geometry, JSONPointer.appending(path, "geometry"), transform) }
        return f
    }

    private func feature(_ value: RawGeoJSON, _ path: String) throws(GeoJSONError) -> Feature {
        let (raw, type) = try typedObject(value, path, expected: "a Feature object")
        let object = raw.members
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
        guard let geometryValue = raw.geometry ?? object["geometry"].map(RawGeoJSON.init) else {
            throw fail(path, "a Feature needs a \"geometry\" member (a geometry object or null)")
        }
        let geometry: Geometry?
        if case .other(.null) = geometryValue { geometry = nil } else {
            geometry = try self.geometry(geometryValue, JSONPointer.appending(path, "geometry"))
        }
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

    private func geometry(_ value: RawGeoJSON, _ path: String) throws(GeoJSONError) -> Geometry {
        let (object, type) = try typedObject(value, path, expected: "a geometry object")
        try checkBBox(object.members, path)
        if type == "GeometryCollection" {
            let p = JSONPointer.appending(path, "geometries")
            let list: [RawGeoJSON]
            if let read = object.geometries { list = read } else {
                guard let member = object.members["geometries"] else { throw fail(path, "a GeometryCollection needs a \"geometries\" member") }
                guard case .array(let values) = member else { throw fail(p, "\"geometries\" must be an array, found \(member.kindDescription)") }
                list = values.map(RawGeoJSON.init)
            }
            var parts: [Geometry] = []
            for (i, g) in list.enumerated() { parts.append(try geometry(g, JSONPointer.appending(p, i))) }
            return .geometryCollection(GeometryCollection(parts))
        }
        if type == "Feature" || type == "FeatureCollection" {
            throw fail(JSONPointer.appending(path, "type"), "expected a geometry, found a \(type)")
        }
        guard let raw = object.coordinates ?? object.members["coordinates"].map(RawCoordinates.tree) else {
            throw fail(path, "a \(type) needs a \"coordinates\" member")
        }
        if case .packed(let packed) = raw, let g = geometry(packed, type) { return g }
        let coordinates = raw.tree
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

    /// The geometry from packed coordinates when they pass every check the tree would make; nil otherwise,
    /// and the tree is read instead, so that its messages name what is wrong.
    private func geometry(_ c: PackedCoordinates, _ type: String) -> Geometry? {
        if checksLonLat {
            for p in c.positions where !(-180...180).contains(p.x) || !(-90...90).contains(p.y) { return nil }
        }
        func closedRings(_ rings: [[Position]]) -> Bool {
            rings.allSatisfy { $0.count >= 4 && $0[0].x == $0[$0.count - 1].x && $0[0].y == $0[$0.count - 1].y }
        }
        switch (type, c.depth) {
        case ("Point", 1):
            return .point(Point(c.positions[0]))
        case ("MultiPoint", 2):
            return .multiPoint(MultiPoint(c.positions.map { Point($0) }))
        case ("LineString", 2) where c.positions.count >= 2:
            return .lineString(LineString(c.exactly(0..<c.positions.count)))
        case ("MultiLineString", 3):
            let lines = c.lists()
            guard lines.allSatisfy({ $0.count >= 2 }) else { return nil }
            return .multiLineString(MultiLineString(lines.map(LineString.init)))
        case ("Polygon", 3):
            let rings = c.lists()
            guard closedRings(rings) else { return nil }
            return .polygon(Polygon(rings))
        case ("MultiPolygon", 4):
            let rings = c.lists()
            guard closedRings(rings) else { return nil }
            var polygons: [Polygon] = []
            polygons.reserveCapacity(c.counts[1].count)
            var next = 0
            for n in c.counts[1] {
                polygons.append(Polygon(Array(rings[next..<next + n])))
                next += n
            }
            return .multiPolygon(MultiPolygon(polygons))
        default:
            return nil
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

extension GeoJSONReader {
    /// What a collection's notes say when its positions were reprojected from a legacy `crs`.
    fileprivate static func reprojectionNote(_ transform: CRSTransform) -> String {
        "positions reprojected from \(transform.source) (\(transform.sourceName), the file's legacy \"crs\" member) "
            + "to WGS84 longitude/latitude with PROJ"
    }

    /// A geometry's positions reprojected from the legacy `crs` to WGS84 lon/lat and checked to lie in range;
    /// errors name the feature's pointer.
    fileprivate func reprojected(_ g: Geometry?, _ pointer: String, _ transform: CRSTransform) throws(GeoJSONError) -> Geometry? {
        guard let g else { return nil }
        do {
            return try g.mapPositions { p in
                let q = try transform.toLonLat(p)
                try checkReprojected(q, feature: pointer)
                return q
            }
        } catch let error as GeoJSONError {
            var e = error
            e.reason += " after reprojecting from \(transform.source) (the file's legacy \"crs\" member)"
            throw e
        } catch {
            throw GeoJSONError(source: source, pointer: pointer, reason: "\(error)", kind: .crs)
        }
    }
}
