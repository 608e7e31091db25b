/// How a lon/lat geometry meets the antimeridian (±180° of longitude).
///
/// RFC 7946 §3.1.9 asks writers to split geometry at ±180°, and readers meet both split and unsplit data. One
/// rule reads both: consecutive positions more than 180° of longitude apart cross the antimeridian the short way
/// (`crosses`), and parts of one feature that lie on both +180° and −180° meet there (`split`). GEOS knows
/// nothing of this, so such geometry is moved into a frame where it is continuous (`eastShifted()`: longitudes
/// below 0 plus 360°) before GEOS sees it, and split again when written.
public enum AntimeridianForm: Sendable, Hashable {
    /// Nothing of the geometry crosses or touches the antimeridian from both sides.
    case none
    /// A line or ring has consecutive positions more than 180° of longitude apart.
    case crosses
    /// Parts lie on both +180° and −180° (a geometry split there, RFC 7946 style).
    case split
    /// A ring goes around a pole (its longitudes wind through 360°): already continuous as GeoJSON draws it.
    case aroundPole
}

/// The error for a geometry that no longitude frame makes continuous.
public struct AntimeridianError: Error, Sendable, CustomStringConvertible {
    /// Why, and what to do.
    public var description: String
}

extension Geometry {
    /// How this geometry meets the antimeridian; see `AntimeridianForm`.
    public var antimeridianForm: AntimeridianForm {
        var jumps = false, east = false, west = false, pole = false
        func scan(_ positions: [Position], ring: Bool) {
            guard let first = positions.first else { return }
            var winding = 0.0, onEast = false, onWest = false
            var previous = first
            for p in positions {
                if p.x == 180 { onEast = true } else if p.x == -180 { onWest = true }
                let d = p.x - previous.x
                if abs(d) > 180 { jumps = true }
                winding += d > 180 ? d - 360 : (d < -180 ? d + 360 : d)
                previous = p
            }
            // A ring that winds through 360°, or runs from −180° to +180° itself (Natural Earth's Antarctica,
            // closed along the pole's own line), goes around a pole.
            if ring && (abs(winding) > 180 || (onEast && onWest)) { pole = true }
            east = east || onEast
            west = west || onWest
        }
        switch self {
        case .point, .multiPoint: return .none
        default: break
        }
        // `lineStrings` and `polygons` reach into collections too.
        for line in lineStrings { scan(line.positions, ring: false) }
        for polygon in polygons { for r in polygon.rings { scan(r, ring: true) } }
        if pole { return .aroundPole }
        if jumps { return .crosses }
        if east && west { return .split }
        return .none
    }

    /// The geometry moved into the east-shifted frame, part by part (each polygon with its holes, each line):
    /// a part that crosses the antimeridian has its longitudes below 0 moved up by 360° (`x + 360`), a part
    /// wholly at or west of 0° moves up by 360°, and a part that straddles 0° stays where it is (it cannot reach
    /// ±180°). Every move is the same `x + 360` on a negative longitude, so positions shared by two features
    /// stay equal to the bit whichever of them was moved (`Position.eastShiftedKey`).
    public func eastShifted() -> Geometry {
        func up(_ p: Position) -> Position { p.x < 0 ? Position(p.x + 360, p.y, p.z) : p }
        func moves(_ positions: [Position]) -> Bool {
            var maxX = -Double.infinity, jumps = false
            var previous = positions.first?.x ?? 0
            for p in positions {
                maxX = max(maxX, p.x)
                if abs(p.x - previous) > 180 { jumps = true }
                previous = p.x
            }
            return jumps || maxX <= 0
        }
        func line(_ l: LineString) -> LineString { moves(l.positions) ? LineString(l.positions.map(up)) : l }
        func polygon(_ p: Polygon) -> Polygon {
            guard let shell = p.exterior, moves(shell) || p.holes.contains(where: moves) else { return p }
            return Polygon(p.rings.map { $0.map(up) })
        }
        switch self {
        case .point, .multiPoint: return mapPositions(up)
        case .lineString(let l): return .lineString(line(l))
        case .multiLineString(let m): return .multiLineString(MultiLineString(m.lineStrings.map(line)))
        case .polygon(let p): return .polygon(polygon(p))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map(polygon)))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(c.geometries.map { $0.eastShifted() }))
        }
    }

    /// The geometry moved by `dx` degrees of longitude.
    public func translated(dx: Double) -> Geometry {
        dx == 0 ? self : mapPositions { Position($0.x + dx, $0.y, $0.z) }
    }

    /// The geometry in a frame where GEOS can work on it: unchanged unless it crosses the antimeridian or is
    /// split there, in which case it is `eastShifted()` and checked to be continuous; parts that then meet
    /// along 180° are left for the caller to join (`joinedAcrossAntimeridian()`).
    ///
    /// Throws when the shift leaves a jump (a part also crosses the prime meridian the short way, e.g. a line
    /// around the world): no single frame holds it.
    public func continuousAcrossAntimeridian() throws(AntimeridianError) -> Geometry {
        switch antimeridianForm {
        case .none, .aroundPole: return self
        case .crosses, .split:
            let shifted = eastShifted()
            var broken = false
            func check(_ p: [Position]) { for (a, b) in zip(p, p.dropFirst()) where abs(b.x - a.x) > 180 { broken = true } }
            for l in shifted.lineStrings { check(l.positions) }
            for polygon in shifted.polygons { for r in polygon.rings { check(r) } }
            if broken {
                throw AntimeridianError(description: "crosses both the antimeridian and the prime meridian (consecutive positions more "
                    + "than 180° of longitude apart are read as crossing ±180° the short way, and no one frame holds this geometry); "
                    + "split it at ±180° (RFC 7946 §3.1.9)")
            }
            return shifted
        }
    }

    /// Polygons that meet along the antimeridian (after `eastShifted()`) joined into one (`GEOSUnaryUnion_r`), so
    /// that a territory split at ±180° is one body with no cut in its perimeter. Other geometry is unchanged.
    public func joinedAcrossAntimeridian() throws -> Geometry {
        guard case .multiPolygon(let m) = self, m.polygons.count > 1 else { return self }
        let touching = m.polygons.filter { p in p.exterior?.contains { $0.x == 180 } ?? false }
        guard touching.count > 1 else { return self }
        let rest = m.polygons.filter { p in !(p.exterior?.contains { $0.x == 180 } ?? false) }
        let joined = try Geometry.union(of: touching.map(Geometry.polygon)).polygons
        return .multiPolygon(MultiPolygon(joined + rest))
    }

    /// The geometry as files hold it (RFC 7946 §3.1.9): split at the antimeridian where it crosses it, as it is
    /// where it does not. Should GEOS fail to cut it, each longitude is brought within ±180° instead, and a reader
    /// takes the jump the short way. Every writer (GeoJSON, TopoJSON, GDAL's formats) writes this.
    public var withinAntimeridian: Geometry {
        guard needsAntimeridianSplit else { return self }
        return (try? splitAtAntimeridian()) ?? mapPositions(\.wrappedLongitude)
    }

    /// The geometry cut at ±180° into pieces each within [−180°, 180°] (RFC 7946 §3.1.9), for writing. A
    /// geometry already within that range and free of jumps is returned as it is; one that crosses is first made
    /// continuous. Cutting uses `GEOSClipByRect_r` on each 360° band the geometry reaches.
    public func splitAtAntimeridian() throws -> Geometry {
        var source = self
        switch self {
        case .point(let p): return .point(Point(p.position.map(\.wrappedLongitude)))
        case .multiPoint(let m): return .multiPoint(MultiPoint(m.points.map { Point($0.position.map(\.wrappedLongitude)) }))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(try c.geometries.map { try $0.splitAtAntimeridian() }))
        default: break
        }
        guard let e = envelope else { return self }
        if e.minX >= -180, e.maxX <= 180 {
            guard antimeridianForm == .crosses else { return self }
            source = eastShifted()
        }
        guard let box = source.envelope else { return self }
        var polygons: [Polygon] = [], lines: [LineString] = []
        var k = ((box.minX + 180) / 360).rounded(.down)
        while -180 + 360 * k < box.maxX {
            let band = Envelope(minX: -180 + 360 * k, minY: -90, maxX: 180 + 360 * k, maxY: 90)
            let piece = (box.minX >= band.minX && box.maxX <= band.maxX ? source : try source.clipped(to: band)).translated(dx: -360 * k)
            polygons += piece.polygons
            lines += piece.lineStrings.filter { $0.positions.count > 1 }
            k += 1
        }
        switch self {
        case .polygon, .multiPolygon:
            if polygons.count == 1, case .polygon = self { return .polygon(polygons[0]) }
            return .multiPolygon(MultiPolygon(polygons))
        default:
            if lines.count == 1, case .lineString = self { return .lineString(lines[0]) }
            return .multiLineString(MultiLineString(lines))
        }
    }

    /// True when a position lies beyond ±180° or consecutive positions jump more than 180°: RFC 7946 output
    /// must split it (`splitAtAntimeridian()`). One pass, no allocation.
    public var needsAntimeridianSplit: Bool {
        var found = false
        func scan(_ positions: [Position]) {
            var previous = positions.first?.x ?? 0
            for p in positions {
                if p.x > 180 || p.x < -180 || abs(p.x - previous) > 180 { found = true; return }
                previous = p.x
            }
        }
        switch self {
        case .point(let p): return p.position.map { $0.x > 180 || $0.x < -180 } ?? false
        case .multiPoint(let m): return m.points.contains { $0.position.map { $0.x > 180 || $0.x < -180 } ?? false }
        case .lineString(let l): scan(l.positions)
        case .multiLineString(let m): for l in m.lineStrings where !found { scan(l.positions) }
        case .polygon(let p): for r in p.rings where !found { scan(r) }
        case .multiPolygon(let m): for p in m.polygons where !found { for r in p.rings where !found { scan(r) } }
        case .geometryCollection(let c): return c.geometries.contains { $0.needsAntimeridianSplit }
        }
        return found && antimeridianForm != .aroundPole
    }
}

extension Position {
    /// The same position with its longitude brought into [−180°, 180°].
    public var wrappedLongitude: Position {
        guard x > 180 || x < -180 else { return self }
        var lon = x.truncatingRemainder(dividingBy: 360)
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return Position(lon, y, z)
    }

    /// The longitude as the east-shifted frame holds it (below 0 plus 360°): equal for the same point whichever
    /// frame it came from, to the bit, so nodes can be matched by hashing.
    public var eastShiftedKey: Position {
        var lon = x
        if lon >= 360 { lon -= 360 }   // from a geometry moved east twice: not made by BorderKit's frames
        if lon < 0 { lon += 360 }
        return Position(lon, y)
    }
}

extension Envelope {
    /// The envelope moved by `dx` degrees of longitude.
    public func translated(dx: Double) -> Envelope {
        Envelope(minX: minX + dx, minY: minY, maxX: maxX + dx, maxY: maxY)
    }

    /// The smallest box holding both, `other` moved by a turn east or west where that makes the box narrower
    /// (so data on both sides of ±180° gives a box across it, not one round the world).
    public func unionAcrossAntimeridian(_ other: Envelope) -> Envelope {
        [0.0, 360, -360].map { union(other.translated(dx: $0)) }.min { $0.width < $1.width }!
    }

    /// True when the box reaches ±180° of longitude or beyond (east-shifted geometry, or a part on the cut).
    public var reachesAntimeridian: Bool { maxX >= 180 || minX <= -180 }

    /// The boxes to look for neighbours with: this one, and its copies one turn east or west where it reaches
    /// the antimeridian, so that geometry on the other side (in the other frame) is found too.
    public var antimeridianCopies: [Envelope] {
        var out = [self]
        if maxX >= 180 { out.append(translated(dx: -360)) }
        if minX <= -180 { out.append(translated(dx: 360)) }
        return out
    }
}

extension Geometry {
    /// Two geometries in one frame: as they are, unless either reaches the antimeridian, in which case both
    /// are `eastShifted()` (a geometry around a pole is left as it is). Positions shared by the two stay equal
    /// to the bit, so exact boundary work (shared borders, land contacts) sees them meet.
    public static func commonFrame(_ a: Geometry, _ b: Geometry) -> GeometryPair {
        guard let ea = a.envelope, let eb = b.envelope, ea.reachesAntimeridian || eb.reachesAntimeridian else { return GeometryPair(first: a, second: b) }
        func shift(_ g: Geometry, _ e: Envelope) -> Geometry {
            e.minX >= 0 || g.antimeridianForm == .aroundPole ? g : g.eastShifted()
        }
        // A part that straddles 0° is left where it is by `eastShifted()`, so a pair's far-apart parts never
        // meet by being moved.
        return GeometryPair(first: shift(a, ea), second: shift(b, eb))
    }
}

extension Geometry {
    /// Geometries in one frame for one overlay or union: as they are, unless any reaches the antimeridian, in
    /// which case all are `eastShifted()` (a geometry around a pole is left as it is).
    public static func inOneFrame(_ geometries: [Geometry]) -> [Geometry] {
        guard geometries.contains(where: { $0.envelope?.reachesAntimeridian ?? false }) else { return geometries }
        return geometries.map { $0.antimeridianForm == .aroundPole ? $0 : $0.eastShifted() }
    }
}

/// Two geometries handed on together (e.g. in one longitude frame, `Geometry.commonFrame`).
public struct GeometryPair: Sendable, Hashable {
    /// The first geometry.
    public var first: Geometry
    /// The second geometry.
    public var second: Geometry
}
