/// A point; `position == nil` is the empty point (`POINT EMPTY`).
public struct Point: Hashable, Sendable {
    /// The point's position; nil: the empty point.
    public var position: Position?
    /// A point at `position` (nil: empty).
    public init(_ position: Position?) { self.position = position }
    /// A point at x, y.
    public init(_ x: Double, _ y: Double) { self.position = Position(x, y) }
}

/// A line through two or more positions, or the empty line string.
public struct LineString: Hashable, Sendable {
    /// The positions, in order.
    public var positions: [Position]
    /// A line through `positions`.
    public init(_ positions: [Position]) { self.positions = positions }
}

/// A polygon: its exterior ring first, then its holes. Each ring is closed (first position == last).
/// No rings is the empty polygon.
public struct Polygon: Hashable, Sendable {
    /// The rings: the exterior first, then the holes.
    public var rings: [[Position]]
    /// A polygon of `rings`.
    public init(_ rings: [[Position]]) { self.rings = rings }
    /// The exterior ring, or `nil` for the empty polygon.
    public var exterior: [Position]? { rings.first }
    /// The holes.
    public var holes: ArraySlice<[Position]> { rings.dropFirst() }
}

/// Several points.
public struct MultiPoint: Hashable, Sendable {
    /// The points.
    public var points: [Point]
    /// Points.
    public init(_ points: [Point]) { self.points = points }
}

/// Several line strings.
public struct MultiLineString: Hashable, Sendable {
    /// The line strings.
    public var lineStrings: [LineString]
    /// Line strings.
    public init(_ lineStrings: [LineString]) { self.lineStrings = lineStrings }
}

/// Several polygons.
public struct MultiPolygon: Hashable, Sendable {
    /// The polygons.
    public var polygons: [Polygon]
    /// Polygons.
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
}

/// Any mix of geometries.
public struct GeometryCollection: Hashable, Sendable {
    /// The members.
    public var geometries: [Geometry]
    /// Geometries.
    public init(_ geometries: [Geometry]) { self.geometries = geometries }
}

/// Any geometry of the OGC Simple Features / GeoJSON model, as a Swift value.
///
/// Values convert to GEOS in one place (`Geometry+GEOS.swift`) for every operation and back; no GEOS pointer
/// is kept in a value, so geometries are `Sendable` and can cross threads freely.
public enum Geometry: Hashable, Sendable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint(MultiPoint)
    case multiLineString(MultiLineString)
    case multiPolygon(MultiPolygon)
    case geometryCollection(GeometryCollection)
}

/// The seven geometry types, named as GeoJSON names them.
public enum GeometryType: String, Hashable, Sendable, CaseIterable {
    case point = "Point"
    case lineString = "LineString"
    case polygon = "Polygon"
    case multiPoint = "MultiPoint"
    case multiLineString = "MultiLineString"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"
}
