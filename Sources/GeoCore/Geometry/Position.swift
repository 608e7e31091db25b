/// One coordinate: x and y (longitude and latitude in degrees for geographic data), and an optional z.
///
/// GeoJSON's "position". Geometry operations through GEOS work in two dimensions; `z` is carried by the
/// GeoJSON reader and writer so that altitudes survive a read and a write.
public struct Position: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double?

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
