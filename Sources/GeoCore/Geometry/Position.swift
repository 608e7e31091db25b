/// One coordinate: x and y (longitude and latitude in degrees for geographic data), and an optional z.
///
/// GeoJSON's "position". Geometry operations through GEOS work in two dimensions; `z` is carried by the
/// GeoJSON reader and writer so that altitudes survive a read and a write.
public struct Position: Hashable, Sendable, Codable {
    /// Longitude in degrees (or easting in a projected frame).
    public var x: Double
    /// Latitude in degrees (or northing).
    public var y: Double
    /// Altitude, carried through reading and writing; nil when the file gave none.
    public var z: Double?

    /// A position at x, y (and z).
    @inlinable
    public init(_ x: Double, _ y: Double, _ z: Double? = nil) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// Longitude in degrees (the same as `x`).
    @inlinable public var lon: Double { x }
    /// Latitude in degrees (the same as `y`).
    @inlinable public var lat: Double { y }
}
