import CGEOS

// The one place where Swift geometry values become GEOS geometries and back.

extension Geometry {
    /// Builds this geometry in GEOS (2-D: z values are not passed on).
    func makeGEOS(_ context: GEOSContext) throws -> GEOSObject {
        context.clearError()
        switch self {
        case .point(let p):
            return try makePoint(p, context)
        case .lineString(let l):
            return try makeLine(l.positions, context)
        case .polygon(let p):
            return try makePolygon(p, context)
        case .multiPoint(let m):
            return try makeCollection(GEOS_MULTIPOINT, m.points.map { try makePoint($0, context) }, context)
        case .multiLineString(let m):
            return try makeCollection(GEOS_MULTILINESTRING, m.lineStrings.map { try makeLine($0.positions, context) }, context)
        case .multiPolygon(let m):
            return try makeCollection(GEOS_MULTIPOLYGON, m.polygons.map { try makePolygon($0, context) }, context)
        case .geometryCollection(let c):
            return try makeCollection(GEOS_GEOMETRYCOLLECTION, c.geometries.map { try $0.makeGEOS(context) }, context)
        }
    }

    /// Reads a GEOS geometry into a Swift value (linear rings become line strings).
    static func fromGEOS(_ g: OpaquePointer, _ context: GEOSContext) throws -> Geometry {
        let h = context.handle
        let typeId = GEOSGeomTypeId_r(h, g)
        switch Int(typeId) {
        case Int(GEOS_POINT.rawValue):
            return .point(try pointFromGEOS(g, context))
        case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue):
            return .lineString(LineString(try positionsFromGEOS(g, context)))
        case Int(GEOS_POLYGON.rawValue):
            return .polygon(try polygonFromGEOS(g, context))
        case Int(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(MultiPoint(try parts(g, context).map { try pointFromGEOS($0, context) }))
        case Int(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(MultiLineString(try parts(g, context).map { LineString(try positionsFromGEOS($0, context)) }))
        case Int(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(MultiPolygon(try parts(g, context).map { try polygonFromGEOS($0, context) }))
        case Int(GEOS_GEOMETRYCOLLECTION.rawValue):
            return .geometryCollection(GeometryCollection(try parts(g, context).map { try fromGEOS($0, context) }))
        default:
            throw context.error("read geometry type \(typeId)")
        }
    }
}

// MARK: - Swift → GEOS

private func makeSequence(_ positions: [Position], _ context: GEOSContext) throws -> OpaquePointer {
    var flat = [Double](repeating: 0, count: positions.count * 2)
    for (i, p) in positions.enumerated() {
        flat[2 * i] = p.x
        flat[2 * i + 1] = p.y
    }
    let seq = flat.withUnsafeBufferPointer {
        GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(positions.count), 0, 0)
    }
    guard let seq else { throw context.error("create coordinate sequence") }
    return seq
}

private func makePoint(_ p: Point, _ context: GEOSContext) throws -> GEOSObject {
    let g = p.position.map { GEOSGeom_createPointFromXY_r(context.handle, $0.x, $0.y) }
        ?? GEOSGeom_createEmptyPoint_r(context.handle)
    guard let g else { throw context.error("create point") }
    return GEOSObject(g, context)
}

private func makeLine(_ positions: [Position], _ context: GEOSContext) throws -> GEOSObject {
    if positions.isEmpty {
        guard let g = GEOSGeom_createEmptyLineString_r(context.handle) else { throw context.error("create line string") }
        return GEOSObject(g, context)
    }
    let seq = try makeSequence(positions, context)
    // GEOS takes the sequence over, and frees it itself when construction fails.
    guard let g = GEOSGeom_createLineString_r(context.handle, seq) else { throw context.error("create line string") }
    return GEOSObject(g, context)
}

private func makeRing(_ positions: [Position], _ context: GEOSContext) throws -> GEOSObject {
    let seq = try makeSequence(positions, context)
    // As for line strings: on failure GEOS has already freed the sequence.
    guard let g = GEOSGeom_createLinearRing_r(context.handle, seq) else { throw context.error("create linear ring") }
    return GEOSObject(g, context)
}

private func makePolygon(_ p: Polygon, _ context: GEOSContext) throws -> GEOSObject {
    guard let exterior = p.rings.first else {
        guard let g = GEOSGeom_createEmptyPolygon_r(context.handle) else { throw context.error("create polygon") }
        return GEOSObject(g, context)
    }
    let shell = try makeRing(exterior, context)
    let holes = try p.rings.dropFirst().map { try makeRing($0, context) }
    var holePointers: [OpaquePointer?] = holes.map { $0.release() }
    let shellPointer = shell.release()
    let g = holePointers.withUnsafeMutableBufferPointer {
        GEOSGeom_createPolygon_r(context.handle, shellPointer, $0.baseAddress, UInt32($0.count))
    }
    // GEOS owns the rings from the call on, and frees them itself when construction fails (e.g. an empty
    // shell with holes): destroying them here too would free them twice.
    guard let g else { throw context.error("create polygon") }
    return GEOSObject(g, context)
}

private func makeCollection(_ type: GEOSGeomTypes, _ members: [GEOSObject], _ context: GEOSContext) throws -> GEOSObject {
    var pointers: [OpaquePointer?] = members.map { $0.release() }
    let g = pointers.withUnsafeMutableBufferPointer {
        GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
    }
    // As for polygons: GEOS owns the members from the call on, on failure too.
    guard let g else { throw context.error("create collection") }
    return GEOSObject(g, context)
}

// MARK: - GEOS → Swift

private func positionsFromGEOS(_ g: OpaquePointer, _ context: GEOSContext) throws -> [Position] {
    let h = context.handle
    guard let seq = GEOSGeom_getCoordSeq_r(h, g) else { throw context.error("read coordinates") }
    var size: UInt32 = 0
    guard GEOSCoordSeq_getSize_r(h, seq, &size) != 0 else { throw context.error("read coordinates") }
    if size == 0 { return [] }
    var flat = [Double](repeating: 0, count: Int(size) * 2)
    let ok = flat.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0) }
    guard ok != 0 else { throw context.error("read coordinates") }
    return (0..<Int(size)).map { Position(flat[2 * $0], flat[2 * $0 + 1]) }
}

private func pointFromGEOS(_ g: OpaquePointer, _ context: GEOSContext) throws -> Point {
    if GEOSisEmpty_r(context.handle, g) == 1 { return Point(nil) }
    return Point(try positionsFromGEOS(g, context).first)
}

private func polygonFromGEOS(_ g: OpaquePointer, _ context: GEOSContext) throws -> Polygon {
    let h = context.handle
    if GEOSisEmpty_r(h, g) == 1 { return Polygon([]) }
    guard let shell = GEOSGetExteriorRing_r(h, g) else { throw context.error("read exterior ring") }
    var rings = [try positionsFromGEOS(shell, context)]
    let n = GEOSGetNumInteriorRings_r(h, g)
    guard n >= 0 else { throw context.error("read interior rings") }
    for i in 0..<n {
        guard let hole = GEOSGetInteriorRingN_r(h, g, i) else { throw context.error("read interior ring") }
        rings.append(try positionsFromGEOS(hole, context))
    }
    return Polygon(rings)
}

/// The members of a collection (borrowed pointers: owned by `g`).
private func parts(_ g: OpaquePointer, _ context: GEOSContext) throws -> [OpaquePointer] {
    let n = GEOSGetNumGeometries_r(context.handle, g)
    guard n >= 0 else { throw context.error("read collection") }
    return try (0..<n).map {
        guard let part = GEOSGetGeometryN_r(context.handle, g, $0) else { throw context.error("read collection member") }
        return part
    }
}
