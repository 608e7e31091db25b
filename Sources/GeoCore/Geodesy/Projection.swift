import CPROJ

/// A PROJ failure, with PROJ's own message.
public struct ProjError: Error, Sendable, CustomStringConvertible {
    /// PROJ's message, with what was being done.
    public var message: String
    /// "PROJ: <message>".
    public var description: String { "PROJ: \(message)" }
}

/// A map projection on WGS84 through proj.h, from longitude/latitude in degrees to metres.
///
/// Built as a pipeline (`unitconvert` degrees → radians, then the projection), so x/y in are longitude/latitude
/// and x/y out are projected metres. Owns its own `PJ_CONTEXT` with logging off (PROJ says nothing on the
/// terminal), so it belongs to one thread at a time and is not `Sendable`.
public final class Projection {
    /// The PROJ string of the projection step, e.g. "+proj=aeqd +lat_0=40 +lon_0=45 +ellps=WGS84".
    public let definition: String
    /// The centre given to `init(center:)`; for other projections, (lon_0, lat_0) when the definition has them.
    public let center: Position
    private let context: OpaquePointer
    private let pj: OpaquePointer

    /// A local azimuthal equidistant projection centred on a point, for work in metres.
    ///
    /// Distances and azimuths from the centre are true; the scale error grows with the distance from it
    /// (about 4e-5 at 100 km).
    /// The centre may lie east of 180° (geometry in the east-shifted frame, `Geometry.eastShifted()`): PROJ is
    /// given its longitude within ±180°, and `inverse` returns longitudes within 180° of the centre's, so that
    /// geometry round the antimeridian comes back continuous.
    public convenience init(center: Position) throws {
        let lon0 = center.wrappedLongitude.lon
        try self.init(definition: "+proj=aeqd +lat_0=\(center.lat) +lon_0=\(lon0) +ellps=WGS84", center: center)
    }

    /// Any PROJ projection step on degrees, e.g. "+proj=lcc +lat_1=37 +lat_2=43 +lat_0=40 +lon_0=45 +ellps=WGS84".
    public init(definition: String, center: Position = Position(0, 0)) throws {
        self.definition = definition
        self.center = center
        guard let context = proj_context_create() else { throw ProjError(message: "proj_context_create failed") }
        proj_log_level(context, PJ_LOG_NONE)
        let pipeline = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + definition
        guard let pj = proj_create(context, pipeline) else {
            let message = ProjError.text(context, proj_context_errno(context))
            proj_context_destroy(context)
            throw ProjError(message: "\(message) (\(pipeline))")
        }
        self.context = context
        self.pj = pj
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// Projected metres (east and north of the centre, for `init(center:)`) for a lon/lat position.
    public func forward(_ p: Position) throws -> Position { try transform(p, PJ_FWD) }

    /// The lon/lat position of a point given in projected metres, its longitude within 180° of the centre's.
    public func inverse(_ p: Position) throws -> Position {
        var q = try transform(p, PJ_INV)
        let d = q.x - center.x
        if d > 180 || d < -180 { q.x = center.x + d - 360 * (d / 360).rounded() }
        return q
    }

    /// The geometry projected to metres.
    public func forward(_ geometry: Geometry) throws -> Geometry { try geometry.mapPositions(forward) }

    /// The geometry back in lon/lat.
    public func inverse(_ geometry: Geometry) throws -> Geometry { try geometry.mapPositions(inverse) }

    private func transform(_ p: Position, _ direction: PJ_DIRECTION) throws -> Position {
        let out = proj_trans(pj, direction, proj_coord(p.x, p.y, 0, 0))
        let x = out.xy.x, y = out.xy.y
        guard x.isFinite, y.isFinite else {
            let code = proj_errno(pj)
            proj_errno_reset(pj)
            throw ProjError(message: "cannot transform (\(p.x), \(p.y)): \(ProjError.text(context, code))")
        }
        return Position(x, y, p.z)
    }
}
