import GeoCore

/// Builds routes digitised from named places and from the territories' borders (Tools/geodata/routes.json).
///
/// A route is a chain of legs: a place (a GeoNames point), a point on a border nearest a place (a border
/// crossing), or a stretch along a border on one bank — the border line offset by so many metres into one
/// territory (`GEOSOffsetCurve_r` in a local azimuthal equidistant projection), between two anchors, so that a
/// route on one bank of a border river never cuts into the neighbour as a chord between towns would.
struct RouteBuilder {
    let territories: [String: Geometry]
    let places: [Int64: Position]
    let digitised: [String: Position]
    let g = Geodesic.wgs84

    func build(_ definition: JSONObject) throws -> Geometry {
        guard case .array(let legs)? = definition["legs"] else { throw BuildError("route without legs") }
        var positions: [Position] = []
        for case .object(let leg) in legs {
            let part: [Position]
            if leg["place"] != nil || leg["border_point"] != nil || leg["tripoint"] != nil {
                part = [try anchor(leg)]
            } else if case .array(let pair)? = leg["border"] {
                part = try alongBorder(pair.compactMap(\.stringValue), side: leg["side"]?.stringValue ?? "",
                                       offset: leg["offset_m"]?.doubleValue ?? 500,
                                       from: try anchor(try object(leg["from"])), to: try anchor(try object(leg["to"])))
            } else {
                throw BuildError("unknown leg \(leg.keys)")
            }
            for p in part where positions.last.map({ g.distance($0, p) > 1 }) ?? true { positions.append(p) }
        }
        return .lineString(LineString(try positions.map { try Geometry.point(Point($0)).reducedPrecision(gridSize: 1e-7).position() }))
    }

    private func object(_ value: JSONValue?) throws -> JSONObject {
        guard case .object(let o)? = value else { throw BuildError("expected an anchor object") }
        return o
    }

    /// A point: a place (a GeoNames id or a digitised place's slug), a tripoint (the one nearest `near`), or the point of a border nearest a place.
    func anchor(_ a: JSONObject) throws -> Position {
        if case .integer(let id)? = a["place"] {
            guard let p = places[id] else { throw BuildError("place \(id) is not in the places layer") }
            return p
        }
        if case .string(let slug)? = a["place"] {
            guard let p = digitised[slug] else { throw BuildError("place \(slug) is not among the digitised places") }
            return p
        }
        if case .array(let codes)? = a["tripoint"] {
            let c = codes.compactMap(\.stringValue)
            let nodes = try sharedBorder(territory(c[0]), territory(c[1])).intersection(territory(c[2]).boundary())
            let near = try point(a["near"])
            var best: Position?
            nodes.forEachPosition { p in if best.map({ g.distance($0, near) > g.distance(p, near) }) ?? true { best = p } }
            guard let best else { throw BuildError("no tripoint \(c)") }
            return best
        }
        if case .array(let codes)? = a["border_point"] {
            let c = codes.compactMap(\.stringValue)
            let border = try sharedBorder(territory(c[0]), territory(c[1]))
            let near = try anchor(try object(a["near"]))
            let projection = try Projection(center: near)
            let nearest = try Geometry.point(Point(0, 0)).nearestPoints(try projection.forward(border)).onOther
            return try projection.inverse(nearest)
        }
        throw BuildError("unknown anchor \(a.keys)")
    }

    private func point(_ value: JSONValue?) throws -> Position {
        guard case .array(let xy)? = value, xy.count == 2, let x = xy[0].doubleValue, let y = xy[1].doubleValue else {
            throw BuildError("expected [lon, lat]")
        }
        return Position(x, y)
    }

    private func territory(_ code: String) throws -> Geometry {
        guard let t = territories[code] else { throw BuildError("no territory \(code)") }
        return t
    }

    /// The border of `pair` offset `offset` metres into `side`, from the point nearest `from` to the point nearest `to`.
    func alongBorder(_ pair: [String], side: String, offset: Double, from: Position, to: Position) throws -> [Position] {
        let border = try sharedBorder(territory(pair[0]), territory(pair[1]))
        let mid = Position((from.x + to.x) / 2, (from.y + to.y) / 2)
        let projection = try Projection(center: mid)
        let a = try projection.forward(from), b = try projection.forward(to)
        let line = try nearestComponent(of: border, to: a, b, in: projection)
        let sideGeometry = try projection.forward(territory(side))
        var shifted = try line.offsetCurve(offset, style: BufferStyle(quadrantSegments: 8, join: .round))
        let probe = try shifted.interpolate(try shifted.planarLength() / 2)
        if try !sideGeometry.contains(probe) { shifted = try line.offsetCurve(-offset, style: BufferStyle(join: .round)) }
        guard case .lineString(let curve) = try shifted.lineMerged() else {
            throw BuildError("the offset of the \(pair) border is not one line")
        }
        let da = try Geometry.lineString(curve).project(.point(Point(a)))
        let db = try Geometry.lineString(curve).project(.point(Point(b)))
        let piece = substring(curve.positions, from: min(da, db), to: max(da, db))
        let ordered = da <= db ? piece : Array(piece.reversed())
        return try ordered.map { try projection.inverse($0) }
    }
}

/// The line of `border` (lon/lat) that passes nearest both `a` and `b` (in `projection`'s plane), projected:
/// a shared border has several lines (mainland, exclaves), and a stretch between two anchors lies on one.
func nearestComponent(of border: Geometry, to a: Position, _ b: Position, in projection: Projection) throws -> Geometry {
    let pa = Geometry.point(Point(a)), pb = Geometry.point(Point(b))
    func sum(_ line: Geometry) throws -> Double { try line.planarDistance(to: pa) + line.planarDistance(to: pb) }
    let lines = try border.lineStrings.map { try projection.forward(Geometry.lineString($0)) }
    guard let line = try lines.min(by: { try sum($0) < sum($1) }) else { throw BuildError("no border line near the anchors") }
    return line
}

/// The part of a planar polyline between distances `d0` and `d1` along it (GEOS 3.11 has no line substring).
func substring(_ positions: [Position], from d0: Double, to d1: Double) -> [Position] {
    var out: [Position] = []
    var travelled = 0.0
    for (p, q) in zip(positions, positions.dropFirst()) {
        let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
        func at(_ d: Double) -> Position {
            let t = length > 0 ? (d - travelled) / length : 0
            return Position(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
        }
        if out.isEmpty, d0 <= travelled + length { out.append(at(d0)) }
        if !out.isEmpty {
            if d1 <= travelled + length { out.append(at(d1)); return out }
            out.append(q)
        }
        travelled += length
    }
    return out
}

extension Geometry {
    /// The position of a point, or an error.
    func position() throws -> Position {
        guard let p = pointPosition else { throw BuildError("expected a point") }
        return p
    }
}
