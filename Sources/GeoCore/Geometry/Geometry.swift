/// A point; `position == nil` is the empty point (`POINT EMPTY`).
public struct Point: Hashable, Sendable {
    public var position: Position?
    public init(_ position: Position?) { self.position = position }
    public init(_ x: Double, _ y: Double) { self.position = Position(x, y) }
}

/// A line through two or more positions, or the empty line string.
public struct LineString: Hashable, Sendable {
    public var positions: [Position]
    public init(_ positions: [Position]) { self.positions = positions }
}

/// A polygon: its exterior ring first, then its holes. Each ring is closed (first position == last).
/// No rings is the empty polygon.
public struct Polygon: Hashable, Sendable {
    public var rings: [[Position]]
    public init(_ rings: [[Position]]) { self.rings = rings }
    /// The exterior ring, or `nil` for the empty polygon.
    public var exterior: [Position]? { rings.first }
    /// The holes.
    public var holes: ArraySlice<[Position]> { rings.dropFirst() }
}

public struct MultiPoint: Hashable, Sendable {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }
}

public struct MultiLineString: Hashable, Sendable {
    public var lineStrings: [LineString]
    public init(_ lineStrings: [LineString]) { self.lineStrings = lineStrings }
}

public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
}

public struct GeometryCollection: Hashable, Sendable {
    public var geometries: [Geometry]
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
