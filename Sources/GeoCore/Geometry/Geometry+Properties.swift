extension Geometry {
    /// The geometry's type.
    public var type: GeometryType {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .polygon: .polygon
        case .multiPoint: .multiPoint
        case .multiLineString: .multiLineString
        case .multiPolygon: .multiPolygon
        case .geometryCollection: .geometryCollection
        }
    }

    /// True when the geometry has no positions at all.
    public var isEmpty: Bool { vertexCount == 0 }

    /// The number of positions, counting each ring's closing position (as GEOS's `GEOSGetNumCoordinates` does).
    public var vertexCount: Int {
        switch self {
        case .point(let p): p.position == nil ? 0 : 1
        case .lineString(let l): l.positions.count
        case .polygon(let p): p.rings.reduce(0) { $0 + $1.count }
        case .multiPoint(let m): m.points.reduce(0) { $0 + ($1.position == nil ? 0 : 1) }
        case .multiLineString(let m): m.lineStrings.reduce(0) { $0 + $1.positions.count }
        case .multiPolygon(let m): m.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
        case .geometryCollection(let c): c.geometries.reduce(0) { $0 + $1.vertexCount }
        }
    }

    /// Every polygon in the geometry, at any depth (a Polygon, the parts of a MultiPolygon, and those in collections).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let m): m.polygons
        case .geometryCollection(let c): c.geometries.flatMap(\.polygons)
        default: []
        }
    }

    /// Every line string in the geometry, at any depth.
    public var lineStrings: [LineString] {
        switch self {
        case .lineString(let l): [l]
        case .multiLineString(let m): m.lineStrings
        case .geometryCollection(let c): c.geometries.flatMap(\.lineStrings)
        default: []
        }
    }

    /// Calls `body` with every position of the geometry, in order.
    public func forEachPosition(_ body: (Position) throws -> Void) rethrows {
        switch self {
        case .point(let p): if let q = p.position { try body(q) }
        case .lineString(let l): try l.positions.forEach(body)
        case .polygon(let p): for r in p.rings { try r.forEach(body) }
        case .multiPoint(let m): for p in m.points { if let q = p.position { try body(q) } }
        case .multiLineString(let m): for l in m.lineStrings { try l.positions.forEach(body) }
        case .multiPolygon(let m): for p in m.polygons { for r in p.rings { try r.forEach(body) } }
        case .geometryCollection(let c): for g in c.geometries { try g.forEachPosition(body) }
        }
    }

    /// The geometry with `transform` applied to every position (types and structure unchanged).
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> Geometry {
        func ring(_ r: [Position]) throws -> [Position] { try r.map(transform) }
        func polygon(_ p: Polygon) throws -> Polygon { Polygon(try p.rings.map(ring)) }
        switch self {
        case .point(let p): return .point(Point(try p.position.map(transform)))
        case .lineString(let l): return .lineString(LineString(try ring(l.positions)))
        case .polygon(let p): return .polygon(try polygon(p))
        case .multiPoint(let m): return .multiPoint(MultiPoint(try m.points.map { Point(try $0.position.map(transform)) }))
        case .multiLineString(let m): return .multiLineString(MultiLineString(try m.lineStrings.map { LineString(try ring($0.positions)) }))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(try m.polygons.map(polygon)))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(try c.geometries.map { try $0.mapPositions(transform) }))
        }
    }
}

extension Geometry {
    /// The position of a non-empty Point, else nil (e.g. the result of `centroid()` or `pointOnSurface()`).
    public var pointPosition: Position? {
        if case .point(let p) = self { return p.position }
        return nil
    }
}
