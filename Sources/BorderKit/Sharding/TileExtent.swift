import Foundation
import GeoCore

/// A tile's half-open box [west, east) × [south, north), degrees: each point of the plane lies in exactly one tile.
///
/// Why half-open: a result is reported by the one tile whose box holds its reference point, as Apache Sedona
/// drops duplicates in its spatial joins, so across tiles every pair and tripoint comes out once. The outermost
/// tiles reach past the longitude and latitude range (to ±540° and ±91°: territories continuous across ±180° run
/// past 180°), so a point on 180° or 90° has its tile too.
public struct TileExtent: Sendable, Hashable, CustomStringConvertible {
    /// Western edge, included.
    public var west: Double
    /// Southern edge, included.
    public var south: Double
    /// Eastern edge, excluded.
    public var east: Double
    /// Northern edge, excluded.
    public var north: Double

    /// The box [west, east) × [south, north).
    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The whole plane of a partition: [-540, 540) × [-91, 91).
    public static let everything = TileExtent(west: -540, south: -91, east: 540, north: 91)

    /// True when `p` lies in the box (west and south edges in, east and north out).
    public func contains(_ p: Position) -> Bool {
        p.x >= west && p.x < east && p.y >= south && p.y < north
    }

    /// True when a closed envelope shares a point with the half-open box.
    public func touches(_ e: Envelope) -> Bool {
        e.minX < east && e.maxX >= west && e.minY < north && e.maxY >= south
    }

    /// A longitude brought into [-180, 180), so that a point and its copies one turn east or west have one tile.
    public static func normalised(_ p: Position) -> Position {
        var x = p.x
        while x >= 180 { x -= 360 }
        while x < -180 { x += 360 }
        return Position(x, p.y)
    }

    /// The reference point of a result two territories (or parts) make: the lower-left corner of the intersection
    /// of their envelopes, `normalised`.
    ///
    /// Why the shifts: two envelopes on either side of ±180° (one ending at 180, one starting at -180) meet only
    /// when one is moved a turn; then their intersection is taken there, and the point normalised, the same
    /// whichever territory comes first. `Partition` copies a feature that reaches ±180° into the tiles its
    /// envelope touches a turn east and west too, so the tile holding the point holds both.
    public static func referencePoint(_ a: Envelope, _ b: Envelope) -> Position {
        for shift in [0.0, 360, -360] {
            let c = b.translated(dx: shift)
            if a.minX <= c.maxX, c.minX <= a.maxX, a.minY <= c.maxY, c.minY <= a.maxY {
                return normalised(Position(max(a.minX, c.minX), max(a.minY, c.minY)))
            }
        }
        return normalised(Position(max(a.minX, b.minX), max(a.minY, b.minY)))
    }

    /// True when this tile owns the result of envelopes `a` and `b` (their `referencePoint` lies in it).
    public func owns(_ a: Envelope, _ b: Envelope) -> Bool { contains(Self.referencePoint(a, b)) }

    /// True when this tile owns what lies at `p` (a tripoint), or what one envelope's lower-left corner names.
    public func owns(_ p: Position) -> Bool { contains(Self.normalised(p)) }

    /// "W,S,E,N", as `--owner-extent` takes it.
    public var description: String {
        [west, south, east, north].map(JSONNumberFormat.shortest).joined(separator: ",")
    }

    /// Reads "W,S,E,N"; nil when it is not four numbers with west < east and south < north.
    public init?(_ text: String) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3], w < e, s < n else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }
}
