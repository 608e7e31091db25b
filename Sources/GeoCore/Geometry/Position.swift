/// One coordinate: x and y (longitude and latitude in degrees for geographic data), and an optional z.
///
/// GeoJSON's "position". Geometry operations through GEOS work in two dimensions; `z` is carried by the
/// GeoJSON reader and writer so that altitudes survive a read and a write. 24 bytes: the altitude is kept as a
/// double, NaN where the file gave none (an optional double takes 32 bytes in an array, and a coverage of a
/// million cells holds millions of positions).
public struct Position: Hashable, Sendable, Codable {
    /// Longitude in degrees (or easting in a projected frame).
    public var x: Double
    /// Latitude in degrees (or northing).
    public var y: Double
    /// The altitude, NaN for none (JSON has no NaN, so no file gives one).
    @usableFromInline var storedZ: Double

    /// Altitude, carried through reading and writing; nil when the file gave none.
    @inlinable public var z: Double? {
        get { storedZ.isNaN ? nil : storedZ }
        set { storedZ = newValue ?? .nan }
    }

    /// A position at x, y (and z).
    @inlinable
    public init(_ x: Double, _ y: Double, _ z: Double? = nil) {
        self.x = x
        self.y = y
        self.storedZ = z ?? .nan
    }

    /// Longitude in degrees (the same as `x`).
    @inlinable public var lon: Double { x }
    /// Latitude in degrees (the same as `y`).
    @inlinable public var lat: Double { y }

    /// Equal x, y and z (no altitude equals no altitude).
    @inlinable
    public static func == (a: Position, b: Position) -> Bool {
        a.x == b.x && a.y == b.y && (a.storedZ == b.storedZ || (a.storedZ.isNaN && b.storedZ.isNaN))
    }

    /// Hashes x, y and z, as `==` compares them.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(x)
        hasher.combine(y)
        hasher.combine(z)
    }

    private enum CodingKeys: String, CodingKey { case x, y, z }

    /// Decodes x, y and an optional z.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Double.self, forKey: .x), try c.decode(Double.self, forKey: .y), try c.decodeIfPresent(Double.self, forKey: .z))
    }

    /// Encodes x, y and z when there is one.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(x, forKey: .x)
        try c.encode(y, forKey: .y)
        try c.encodeIfPresent(z, forKey: .z)
    }
}
