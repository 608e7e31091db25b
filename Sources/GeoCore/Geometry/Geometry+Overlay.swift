import CGEOS

/// Overlay operations (GEOS OverlayNG, planar in the coordinates given).
///
/// `gridSize`, when given, snap-rounds the result to that grid (`GEOS*Prec_r`), which is how GEOS runs a
/// fixed-precision overlay; `nil` is full double precision.
extension Geometry {
    /// The points common to both (`GEOSIntersection_r`).
    public func intersection(_ other: Geometry, gridSize: Double? = nil) throws -> Geometry {
        if let gridSize {
            return try binary("intersection", other) { GEOSIntersectionPrec_r($0, $1, $2, gridSize) }
        }
        return try binary("intersection", other, GEOSIntersection_r)
    }

    /// The intersection of this geometry and `other`, each first clipped to `box` unless it lies inside it
    /// (`GEOSClipByRect_r`, then `GEOSIntersection_r`), in one trip to GEOS: the clipped pieces stay in GEOS.
    ///
    /// Why: a pair of neighbours shares only what lies in the overlap of their envelopes; clipping both to it
    /// spares the overlay the rest of two whole countries, and doing it in GEOS spares building the clipped
    /// pieces in Swift and again in GEOS (a fifth of `borders` on the world file).
    /// `envelope` and `otherEnvelope`, when the caller has them, spare scanning both geometries again.
    public func intersection(_ other: Geometry, clippedTo box: Envelope, envelope: Envelope? = nil, otherEnvelope: Envelope? = nil) throws -> Geometry {
        let inside = ((envelope ?? self.envelope).map(box.contains) ?? true, (otherEnvelope ?? other.envelope).map(box.contains) ?? true)
        return try withGEOS(other) { context, a, b in
            context.clearError()
            func clip(_ g: OpaquePointer, _ whole: Bool) throws -> GEOSObject? {
                guard !whole else { return nil }
                guard let c = GEOSClipByRect_r(context.handle, g, box.minX, box.minY, box.maxX, box.maxY) else {
                    throw context.error("clip by rectangle")
                }
                return GEOSObject(c, context)
            }
            let ca = try clip(a, inside.0), cb = try clip(b, inside.1)
            return try withExtendedLifetime((ca, cb)) {
                guard let result = GEOSIntersection_r(context.handle, ca?.raw ?? a, cb?.raw ?? b) else { throw context.error("intersection") }
                let owned = GEOSObject(result, context)
                return try Geometry.fromGEOS(owned.raw, context)
            }
        }
    }

    /// The part inside an axis-aligned rectangle (`GEOSClipByRect_r`): fast, for drawing; the result may
    /// be invalid where the input is, which a map does not mind.
    public func clipped(to box: Envelope) throws -> Geometry {
        try unary("clip by rectangle") { GEOSClipByRect_r($0, $1, box.minX, box.minY, box.maxX, box.maxY) }
    }

    /// The points in either (`GEOSUnion_r`).
    public func union(_ other: Geometry, gridSize: Double? = nil) throws -> Geometry {
        if let gridSize {
            return try binary("union", other) { GEOSUnionPrec_r($0, $1, $2, gridSize) }
        }
        return try binary("union", other, GEOSUnion_r)
    }

    /// The points of this geometry not in `other` (`GEOSDifference_r`).
    public func difference(_ other: Geometry, gridSize: Double? = nil) throws -> Geometry {
        if let gridSize {
            return try binary("difference", other) { GEOSDifferencePrec_r($0, $1, $2, gridSize) }
        }
        return try binary("difference", other, GEOSDifference_r)
    }

    /// The points in exactly one of the two (`GEOSSymDifference_r`).
    public func symmetricDifference(_ other: Geometry, gridSize: Double? = nil) throws -> Geometry {
        if let gridSize {
            return try binary("symmetric difference", other) { GEOSSymDifferencePrec_r($0, $1, $2, gridSize) }
        }
        return try binary("symmetric difference", other, GEOSSymDifference_r)
    }

    /// The union of all parts of this geometry, dissolving overlaps and shared edges (`GEOSUnaryUnion_r`).
    public func unaryUnion(gridSize: Double? = nil) throws -> Geometry {
        if let gridSize {
            return try unary("unary union") { GEOSUnaryUnionPrec_r($0, $1, gridSize) }
        }
        return try unary("unary union", GEOSUnaryUnion_r)
    }

    /// The union of many geometries at once (one `GEOSUnaryUnion_r` of their collection).
    public static func union(of geometries: [Geometry], gridSize: Double? = nil) throws -> Geometry {
        try Geometry.geometryCollection(GeometryCollection(geometries)).unaryUnion(gridSize: gridSize)
    }

    /// The combinatorial boundary (`GEOSBoundary_r`): rings of polygons, end points of lines.
    public func boundary() throws -> Geometry {
        try unary("boundary", GEOSBoundary_r)
    }

    /// Polygons built from the closed rings of this linework (`GEOSBuildArea_r`).
    public func buildArea() throws -> Geometry {
        try unary("build area", GEOSBuildArea_r)
    }

    /// The faces formed by fully noded linework (`GEOSPolygonize_r` on this geometry's parts).
    public func polygonize() throws -> Geometry {
        try withGEOS { context, g in
            context.clearError()
            let n = max(GEOSGetNumGeometries_r(context.handle, g), 0)
            if n == 0 { return Geometry.geometryCollection(GeometryCollection([])) }
            var parts: [OpaquePointer?] = (0..<n).map { GEOSGetGeometryN_r(context.handle, g, $0) }
            guard let result = parts.withUnsafeMutableBufferPointer({ buffer in
                buffer.baseAddress!.withMemoryRebound(to: OpaquePointer?.self, capacity: buffer.count) {
                    GEOSPolygonize_r(context.handle, UnsafePointer($0), UInt32(buffer.count))
                }
            }) else { throw context.error("polygonize") }
            let owned = GEOSObject(result, context)
            return try Geometry.fromGEOS(owned.raw, context)
        }
    }
}
