import CGEOS

/// Operations on linework: merging, shared paths, snapping, and positions along a line.
extension Geometry {
    /// Sews line parts that meet end to end into the longest possible lines (`GEOSLineMerge_r`).
    /// With `directed`, parts are joined only where their directions agree (`GEOSLineMergeDirected_r`).
    public func lineMerged(directed: Bool = false) throws -> Geometry {
        directed ? try unary("directed line merge", GEOSLineMergeDirected_r) : try unary("line merge", GEOSLineMerge_r)
    }

    /// The paths this linework shares with `other` (`GEOSSharedPaths_r`).
    ///
    /// Both inputs must be lineal (pass polygon boundaries). GEOS returns the shared paths in two groups:
    /// those running the same direction in both inputs, and those running opposite ways. Neighbouring
    /// polygons wound alike share their border in the opposite-direction group, so callers read both.
    public func sharedPaths(with other: Geometry) throws -> SharedPaths {
        let result = try binary("shared paths", other, GEOSSharedPaths_r)
        guard case .geometryCollection(let c) = result, c.geometries.count == 2 else {
            throw GEOSError(operation: "shared paths", message: "unexpected result \(result.type.rawValue)")
        }
        return SharedPaths(sameDirection: c.geometries[0], oppositeDirection: c.geometries[1])
    }

    /// This geometry with its vertices and segments snapped to `reference` within `tolerance`
    /// (in the coordinates' units; `GEOSSnap_r`).
    public func snapped(to reference: Geometry, tolerance: Double) throws -> Geometry {
        try binary("snap", reference) { GEOSSnap_r($0, $1, $2, tolerance) }
    }

    /// The distance along this line to the point on it nearest `point` (`GEOSProject_r`; coordinate units).
    public func project(_ point: Geometry) throws -> Double {
        try withGEOS(point) { context, line, p in
            context.clearError()
            let d = GEOSProject_r(context.handle, line, p)
            guard d >= 0 else { throw context.error("project") }
            return d
        }
    }

    /// The point at `distance` along this line (`GEOSInterpolate_r`; coordinate units, clamped to the line).
    public func interpolate(_ distance: Double) throws -> Geometry {
        try unary("interpolate") { GEOSInterpolate_r($0, $1, distance) }
    }

    /// The pair of nearest points, the first on this geometry, the second on `other` (`GEOSNearestPoints_r`).
    public func nearestPoints(_ other: Geometry) throws -> NearestPoints {
        try withGEOS(other) { context, a, b in
            context.clearError()
            guard let seq = GEOSNearestPoints_r(context.handle, a, b) else { throw context.error("nearest points") }
            defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
            var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
            guard GEOSCoordSeq_getXY_r(context.handle, seq, 0, &x0, &y0) != 0,
                  GEOSCoordSeq_getXY_r(context.handle, seq, 1, &x1, &y1) != 0 else { throw context.error("nearest points") }
            return NearestPoints(onSelf: Position(x0, y0), onOther: Position(x1, y1))
        }
    }
}

/// The paths two lineal geometries share (`GEOSSharedPaths_r`): those running the same way and the opposite way.
public struct SharedPaths: Sendable, Hashable {
    /// The paths running the same way.
    public var sameDirection: Geometry
    /// The paths running the opposite way.
    public var oppositeDirection: Geometry
}

/// The two points, one on each geometry, that are nearest each other (`GEOSNearestPoints_r`), in their units.
public struct NearestPoints: Sendable, Hashable, Codable {
    /// The point on the geometry asked.
    public var onSelf: Position
    /// The point on the other geometry.
    public var onOther: Position
}
