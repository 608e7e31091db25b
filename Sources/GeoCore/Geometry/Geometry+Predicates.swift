import CGEOS

/// Spatial predicates and the DE-9IM relation (GEOS, planar).
extension Geometry {
    /// True when the two share any point (`GEOSIntersects_r`).
    public func intersects(_ other: Geometry) throws -> Bool { try predicate("intersects", other, GEOSIntersects_r) }
    /// True when the two share no point (`GEOSDisjoint_r`).
    public func disjoint(_ other: Geometry) throws -> Bool { try predicate("disjoint", other, GEOSDisjoint_r) }
    /// True when they meet only on their boundaries (`GEOSTouches_r`).
    public func touches(_ other: Geometry) throws -> Bool { try predicate("touches", other, GEOSTouches_r) }
    /// True when they cross (`GEOSCrosses_r`).
    public func crosses(_ other: Geometry) throws -> Bool { try predicate("crosses", other, GEOSCrosses_r) }
    /// True when this lies inside the other (`GEOSWithin_r`).
    public func within(_ other: Geometry) throws -> Bool { try predicate("within", other, GEOSWithin_r) }
    /// True when the other lies inside this (`GEOSContains_r`).
    public func contains(_ other: Geometry) throws -> Bool { try predicate("contains", other, GEOSContains_r) }
    /// True when they overlap in the same dimension (`GEOSOverlaps_r`).
    public func overlaps(_ other: Geometry) throws -> Bool { try predicate("overlaps", other, GEOSOverlaps_r) }
    /// True when no point of the other lies outside this (`GEOSCovers_r`).
    public func covers(_ other: Geometry) throws -> Bool { try predicate("covers", other, GEOSCovers_r) }
    /// True when no point of this lies outside the other (`GEOSCoveredBy_r`).
    public func coveredBy(_ other: Geometry) throws -> Bool { try predicate("covered by", other, GEOSCoveredBy_r) }

    /// Topological equality: the same point set (`GEOSEquals_r`).
    public func topologicallyEquals(_ other: Geometry) throws -> Bool { try predicate("equals", other, GEOSEquals_r) }

    /// Structural equality within `tolerance` per coordinate (`GEOSEqualsExact_r`).
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws -> Bool {
        try predicate("equals exact", other) { GEOSEqualsExact_r($0, $1, $2, tolerance) }
    }

    /// Whether the DE-9IM matrix of the two matches `pattern`, e.g. "T*F**F***" (`GEOSRelatePattern_r`).
    public func relate(_ other: Geometry, pattern: String) throws -> Bool {
        try predicate("relate pattern", other) { h, a, b in pattern.withCString { GEOSRelatePattern_r(h, a, b, $0) } }
    }

    /// The DE-9IM intersection matrix, e.g. "212101212" (`GEOSRelate_r`).
    public func relate(_ other: Geometry) throws -> String {
        try withGEOS(other) { context, a, b in
            context.clearError()
            guard let m = GEOSRelate_r(context.handle, a, b) else { throw context.error("relate") }
            defer { GEOSFree_r(context.handle, m) }
            return String(cString: m)
        }
    }
}
