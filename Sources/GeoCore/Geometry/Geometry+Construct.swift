import CGEOS

/// The end caps and joins of a buffer, as GEOS names them.
public struct BufferStyle: Hashable, Sendable {
    /// How line ends are drawn.
    public enum Cap: Int32, Sendable { case round = 1, flat = 2, square = 3 }
    /// How corners are drawn.
    public enum Join: Int32, Sendable { case round = 1, mitre = 2, bevel = 3 }
    /// Segments in a quarter circle (GEOS's default 8).
    public var quadrantSegments: Int32 = 8
    /// Line ends: round, flat or square.
    public var cap: Cap = .round
    /// Corners: round, mitred or bevelled.
    public var join: Join = .round
    /// Mitred corners longer than this many widths are bevelled.
    public var mitreLimit: Double = 5
    /// A buffer style.
    public init(quadrantSegments: Int32 = 8, cap: Cap = .round, join: Join = .round, mitreLimit: Double = 5) {
        self.quadrantSegments = quadrantSegments
        self.cap = cap
        self.join = join
        self.mitreLimit = mitreLimit
    }
}

/// Constructive operations: buffers, envelopes, simplification, representative points.
extension Geometry {
    /// The area within `distance` of this geometry, in the coordinates' units (`GEOSBufferWithStyle_r`).
    /// Planar: buffer projected coordinates (see `Projection`), never degrees.
    public func buffer(_ distance: Double, style: BufferStyle = BufferStyle()) throws -> Geometry {
        try unary("buffer") {
            GEOSBufferWithStyle_r($0, $1, distance, style.quadrantSegments, style.cap.rawValue, style.join.rawValue, style.mitreLimit)
        }
    }

    /// The bounding rectangle as a geometry (`GEOSEnvelope_r`): a polygon, or a point for a point.
    public func envelopeGeometry() throws -> Geometry {
        try unary("envelope", GEOSEnvelope_r)
    }

    /// A point guaranteed to lie in the interior of a polygonal geometry (`GEOSPointOnSurface_r`).
    public func pointOnSurface() throws -> Geometry {
        try unary("point on surface", GEOSPointOnSurface_r)
    }

    /// The point of a polygon farthest from its boundary, within `tolerance` (coordinate units): the centre of
    /// the largest circle inside it (`GEOSMaximumInscribedCircle_r`), where a label has the most room.
    public func poleOfInaccessibility(tolerance: Double) throws -> Position? {
        let line = try unary("maximum inscribed circle") { GEOSMaximumInscribedCircle_r($0, $1, tolerance) }
        return line.lineStrings.first?.positions.first
    }

    /// The planar centroid (`GEOSGetCentroid_r`).
    public func centroid() throws -> Geometry {
        try unary("centroid", GEOSGetCentroid_r)
    }

    /// Simplified within `tolerance` (coordinate units) without changing topology (`GEOSTopologyPreserveSimplify_r`).
    public func simplified(tolerance: Double) throws -> Geometry {
        try unary("simplify") { GEOSTopologyPreserveSimplify_r($0, $1, tolerance) }
    }

    /// The geometry in GEOS's normal form (`GEOSNormalize_r`): ordered parts and rings, for structural comparison.
    public func normalized() throws -> Geometry {
        try withGEOS { context, g in
            context.clearError()
            guard GEOSNormalize_r(context.handle, g) == 0 else { throw context.error("normalize") }
            return try Geometry.fromGEOS(g, context)
        }
    }

    /// Planar area in squared coordinate units (`GEOSArea_r`). For lon/lat data use `Geodesic.area`.
    public func planarArea() throws -> Double { try measure("area", GEOSArea_r) }

    /// Planar length in coordinate units (`GEOSLength_r`). For lon/lat data use `Geodesic.length`.
    public func planarLength() throws -> Double { try measure("length", GEOSLength_r) }

    /// Planar distance to `other` in coordinate units (`GEOSDistance_r`).
    public func planarDistance(to other: Geometry) throws -> Double { try measure("distance", other, GEOSDistance_r) }

    /// Discrete Hausdorff distance to `other` in coordinate units (`GEOSHausdorffDistance_r`, or the densified
    /// variant when `densifyFraction` is given).
    public func hausdorffDistance(to other: Geometry, densifyFraction: Double? = nil) throws -> Double {
        if let densifyFraction {
            return try measure("Hausdorff distance", other) { GEOSHausdorffDistanceDensify_r($0, $1, $2, densifyFraction, $3) }
        }
        return try measure("Hausdorff distance", other, GEOSHausdorffDistance_r)
    }
}

extension Geometry {
    /// The geometry with every coordinate on a grid of `gridSize` (coordinate units), kept valid: collapsed
    /// parts are dropped and shared vertices stay shared (`GEOSGeom_setPrecision_r`).
    public func reducedPrecision(gridSize: Double) throws -> Geometry {
        try unary("set precision") { GEOSGeom_setPrecision_r($0, $1, gridSize, 0) }
    }

    /// The Voronoi cells of this geometry's vertices, clipped to nothing but reaching at least over `extent`
    /// (`GEOSVoronoiDiagram_r`): a collection of polygons, one per distinct vertex, in no particular order.
    /// Planar: build it in projected coordinates when "nearest" should mean nearest on the ground.
    public func voronoiCells(extent: Geometry) throws -> Geometry {
        try binary("Voronoi diagram", extent) { GEOSVoronoiDiagram_r($0, $1, $2, 0, 0) }
    }

    /// The line offset `distance` to the left of this line (negative: to the right), in coordinate units
    /// (`GEOSOffsetCurve_r`). Planar: offset projected coordinates, never degrees.
    public func offsetCurve(_ distance: Double, style: BufferStyle = BufferStyle()) throws -> Geometry {
        try unary("offset curve") {
            GEOSOffsetCurve_r($0, $1, distance, style.quadrantSegments, style.join.rawValue, style.mitreLimit)
        }
    }
}
