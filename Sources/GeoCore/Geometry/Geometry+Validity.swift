import CGEOS

/// Whether a geometry is valid in the OGC Simple Features sense, and if not why and where.
public struct Validity: Hashable, Sendable {
    /// True when GEOS finds the geometry valid (OGC Simple Features).
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection" or "Ring Self-intersection"; nil when valid.
    public var reason: String?
    /// Where the problem is (the first one GEOS found); nil when valid.
    public var location: Position?

    /// A verdict.
    public init(isValid: Bool, reason: String? = nil, location: Position? = nil) {
        self.isValid = isValid
        self.reason = reason
        self.location = location
    }
}

extension Geometry {
    /// Validity with GEOS's reason and location (`GEOSisValidDetail_r`).
    public func validity() throws -> Validity {
        try withGEOS { context, g in
            context.clearError()
            var reason: UnsafeMutablePointer<CChar>?
            var location: OpaquePointer?
            let r = GEOSisValidDetail_r(context.handle, g, 0, &reason, &location)
            defer {
                if let reason { GEOSFree_r(context.handle, reason) }
                if let location { GEOSGeom_destroy_r(context.handle, location) }
            }
            switch r {
            case 1: return Validity(isValid: true)
            case 0:
                var position: Position?
                if let location, case .point(let p) = try Geometry.fromGEOS(location, context) { position = p.position }
                return Validity(isValid: false, reason: reason.map { String(cString: $0) } ?? "invalid", location: position)
            default:
                throw context.error("validity")
            }
        }
    }

    /// Whether the geometry is valid (`GEOSisValid_r`).
    public func isValid() throws -> Bool { try predicate("is valid", GEOSisValid_r) }

    /// Whether the geometry is simple (`GEOSisSimple_r`).
    ///
    /// Empty members of multipoints are dropped first: GEOS 3.11.1 crashes on a MULTIPOINT with an EMPTY
    /// member (fixed in 3.11.4), and an empty point never affects simplicity.
    public func isSimple() throws -> Bool {
        try withoutEmptyMultiPointMembers.predicate("is simple", GEOSisSimple_r)
    }

    /// A valid geometry with the same points, repairing what is invalid (`GEOSMakeValid_r`); collapsed parts
    /// may come back as lines or points.
    public func makeValid() throws -> Geometry { try unary("make valid", GEOSMakeValid_r) }

    private var withoutEmptyMultiPointMembers: Geometry {
        switch self {
        case .multiPoint(let m): .multiPoint(MultiPoint(m.points.filter { $0.position != nil }))
        case .geometryCollection(let c): .geometryCollection(GeometryCollection(c.geometries.map(\.withoutEmptyMultiPointMembers)))
        default: self
        }
    }
}
