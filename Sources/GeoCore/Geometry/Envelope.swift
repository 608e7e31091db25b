/// An axis-aligned bounding box in the coordinates' units.
public struct Envelope: Hashable, Sendable {
    /// Smallest x (longitude, degrees).
    public var minX: Double
    /// Smallest y (latitude, degrees).
    public var minY: Double
    /// Largest x.
    public var maxX: Double
    /// Largest y.
    public var maxY: Double

    /// A box from its extremes.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box holding `positions`; for none, the empty box (minima +∞, maxima −∞), which meets nothing.
    public init<C: Collection>(bounding positions: C) where C.Element == Position {
        var e = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in positions { e = Envelope(minX: min(e.minX, p.x), minY: min(e.minY, p.y), maxX: max(e.maxX, p.x), maxY: max(e.maxY, p.y)) }
        self = e
    }

    /// True when the boxes share at least a point.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The box both hold, grown by `margin` on every side; nil when they share nothing (even after the margin).
    /// What two geometries share lies in it, so clipping both to it (`GEOSClipByRect_r`) spares an overlay the rest.
    public func shared(with other: Envelope, margin: Double = 0) -> Envelope? {
        let box = Envelope(minX: max(minX, other.minX), minY: max(minY, other.minY),
                           maxX: min(maxX, other.maxX), maxY: min(maxY, other.maxY)).expanded(by: margin)
        return box.minX <= box.maxX && box.minY <= box.maxY ? box : nil
    }

    /// True when `other` lies wholly inside this box.
    public func contains(_ other: Envelope) -> Bool {
        other.minX >= minX && other.minY >= minY && other.maxX <= maxX && other.maxY <= maxY
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// The box's width, in the coordinates' units.
    public var width: Double { maxX - minX }
    /// The box's height, in the coordinates' units.
    public var height: Double { maxY - minY }

    /// The box grown by `margin` on every side.
    public func expanded(by margin: Double) -> Envelope {
        Envelope(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    /// The envelope as a rectangle polygon (counter-clockwise).
    public var polygon: Geometry {
        .polygon(Polygon([[Position(minX, minY), Position(maxX, minY), Position(maxX, maxY), Position(minX, maxY), Position(minX, minY)]]))
    }
}

extension Geometry {
    /// The bounding box of all positions, or nil for an empty geometry.
    public var envelope: Envelope? {
        var e: Envelope?
        forEachPosition { p in
            if var box = e {
                box.minX = min(box.minX, p.x); box.maxX = max(box.maxX, p.x)
                box.minY = min(box.minY, p.y); box.maxY = max(box.maxY, p.y)
                e = box
            } else {
                e = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            }
        }
        return e
    }
}
