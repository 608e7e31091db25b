import CGEOS

/// A geometry kept in GEOS and prepared for repeated predicates against many others
/// (`GEOSPrepare_r`, `GEOSPreparedIntersects_r`), so that a large geometry is converted and indexed once.
///
/// Holds GEOS objects, so it belongs to the thread that built it (not `Sendable`): used from another thread,
/// a predicate throws (`GEOSError`) rather than touch another thread's GEOS context. Everything it holds is
/// destroyed when it goes away.
public final class PreparedGeometry {
    private let context: GEOSContext
    private let object: GEOSObject
    private let prepared: OpaquePointer

    /// Prepares `geometry` on the calling thread's GEOS context (`GEOSPrepare_r`).
    public init(_ geometry: Geometry) throws {
        context = try GEOSContext.current()
        object = try geometry.makeGEOS(context)
        context.clearError()
        guard let p = GEOSPrepare_r(context.handle, object.raw) else { throw context.error("prepare") }
        prepared = p
    }

    deinit {
        GEOSPreparedGeom_destroy_r(context.handle, prepared)
    }

    private func test(_ operation: String, _ other: Geometry,
                      _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        try context.checkThread("prepared geometry")
        let g = try other.makeGEOS(context)
        return try withExtendedLifetime(g) {
            context.clearError()
            let r = call(context.handle, prepared, g.raw)
            guard r != 2 else { throw context.error(operation) }
            return r == 1
        }
    }

    /// Whether `other` intersects this geometry (`GEOSPreparedIntersects_r`).
    public func intersects(_ other: Geometry) throws -> Bool { try test("prepared intersects", other, GEOSPreparedIntersects_r) }

    /// Whether this geometry contains `other` (`GEOSPreparedContains_r`).
    public func contains(_ other: Geometry) throws -> Bool { try test("prepared contains", other, GEOSPreparedContains_r) }

    /// The intersection of this geometry with `other` (`GEOSIntersection_r`), without converting this one again.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try context.checkThread("prepared geometry")
        let g = try other.makeGEOS(context)
        return try withExtendedLifetime(g) {
            context.clearError()
            guard let result = GEOSIntersection_r(context.handle, object.raw, g.raw) else { throw context.error("intersection") }
            let owned = GEOSObject(result, context)
            return try Geometry.fromGEOS(owned.raw, context)
        }
    }

    /// The pair of nearest points, the first on this geometry, the second on `other`
    /// (`GEOSPreparedNearestPoints_r`): the prepared geometry's index makes each query logarithmic in its size,
    /// where `Geometry.nearestPoints` converts both geometries every time.
    public func nearestPoints(_ other: Geometry) throws -> NearestPoints {
        try context.checkThread("prepared geometry")
        let g = try other.makeGEOS(context)
        return try withExtendedLifetime(g) {
            context.clearError()
            guard let seq = GEOSPreparedNearestPoints_r(context.handle, prepared, g.raw) else { throw context.error("prepared nearest points") }
            defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
            var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
            guard GEOSCoordSeq_getXY_r(context.handle, seq, 0, &x0, &y0) != 0,
                  GEOSCoordSeq_getXY_r(context.handle, seq, 1, &x1, &y1) != 0 else { throw context.error("prepared nearest points") }
            return NearestPoints(onSelf: Position(x0, y0), onOther: Position(x1, y1))
        }
    }
}
