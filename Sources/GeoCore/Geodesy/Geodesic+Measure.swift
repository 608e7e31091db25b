import CPROJ

/// An area and a perimeter, as one geodesic polygon computation gives them: m² and metres on the ellipsoid.
public struct AreaPerimeter: Sendable, Hashable, Codable {
    /// Square metres.
    public var area: Double
    /// Metres.
    public var perimeter: Double
    /// An area and a perimeter.
    public init(area: Double, perimeter: Double) {
        self.area = area
        self.perimeter = perimeter
    }
}

/// Geodesic lengths, areas and perimeters of geometries (`geod_polygon_*`), in metres and square metres.
extension Geodesic {
    /// Total area of the ellipsoid in square metres: 4πc², c² being PROJ's authalic radius squared.
    public var ellipsoidArea: Double { 4 * Double.pi * g.pointee.c2 }

    /// Length of the path through `positions` along geodesics, metres (`geod_polygon` in polyline mode).
    public func length(_ positions: [Position]) -> Double {
        guard positions.count > 1 else { return 0 }
        var poly = geod_polygon()
        geod_polygon_init(&poly, 1)
        for p in positions { geod_polygon_addpoint(g, &poly, p.lat, p.lon) }
        var perimeter = 0.0
        geod_polygon_compute(g, &poly, 0, 1, nil, &perimeter)
        return perimeter
    }

    /// Geodesic length of every line string in `geometry` (and in its collections), metres. Polygons count 0.
    public func length(of geometry: Geometry) -> Double {
        geometry.lineStrings.reduce(0) { $0 + length($1.positions) }
    }

    /// Area (m²) and perimeter (m) of the region a ring encloses, whatever the ring's winding.
    ///
    /// Which side is inside comes from the ring's orientation in the lon/lat plane (what a GeoJSON reader
    /// means by the ring), so a ring larger than a hemisphere keeps its area. Where the plane cannot say —
    /// an edge jumps more than 180° of longitude (the ring wraps the antimeridian) or the ring has no planar
    /// area (e.g. a circle of latitude around a pole) — the smaller of the two regions is taken, as
    /// GeographicLib's Planimeter does by default.
    public func ringAreaAndPerimeter(_ ring: [Position]) -> AreaPerimeter {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 2 else { return AreaPerimeter(area: 0, perimeter: 0) }
        var poly = geod_polygon()
        geod_polygon_init(&poly, 0)
        for p in points { geod_polygon_addpoint(g, &poly, p.lat, p.lon) }
        var signed = 0.0, perimeter = 0.0
        geod_polygon_compute(g, &poly, 0, 1, &signed, &perimeter)
        let whole = ellipsoidArea
        // A ring whose lon/lat plane area is under 20,626 square degrees (a hemisphere is 2π sr = 20,626.5 deg²,
        // and no region is larger on the ellipsoid than in the plane) cannot hold more than a hemisphere: the
        // smaller region it is, whichever way a self-intersecting ring winds.
        let (orientation, planar) = planarOrientation(points)
        if planar < 20_626 { return AreaPerimeter(area: abs(signed), perimeter: perimeter) }
        switch orientation {
        case 1: return AreaPerimeter(area: signed >= 0 ? signed : signed + whole, perimeter: perimeter)
        case -1: return AreaPerimeter(area: signed <= 0 ? -signed : whole - signed, perimeter: perimeter)
        default: return AreaPerimeter(area: abs(signed), perimeter: perimeter)
        }
    }

    /// Area of a polygon in m²: exterior minus holes, whatever the winding of each ring; never negative (an
    /// invalid polygon whose holes outweigh its shell — "Hole lies outside shell" — counts 0, not less).
    public func area(of polygon: Polygon) -> Double {
        guard let exterior = polygon.exterior else { return 0 }
        return max(0, polygon.holes.reduce(ringAreaAndPerimeter(exterior).area) { $0 - ringAreaAndPerimeter($1).area })
    }

    /// Perimeter of a polygon in metres: the lengths of all its rings, holes included.
    public func perimeter(of polygon: Polygon) -> Double {
        polygon.rings.reduce(0) { $0 + ringAreaAndPerimeter($1).perimeter }
    }

    /// Area of every polygon in `geometry`, m² (lines and points count 0).
    public func area(of geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { $0 + area(of: $1) }
    }

    /// Perimeter of every polygon in `geometry`, metres.
    public func perimeter(of geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { $0 + perimeter(of: $1) }
    }

    /// Area (m²) and perimeter (metres) of every polygon in `geometry` in one pass over the rings: each ring's
    /// geodesic polygon (`geod_polygon_compute`) gives both, so nothing is computed twice.
    public func areaAndPerimeter(of geometry: Geometry) -> AreaPerimeter {
        // Summed in the same order as `area(of:)` and `perimeter(of:)`, so the results are the same to the bit.
        var area = 0.0, perimeter = 0.0
        for polygon in geometry.polygons {
            var polygonArea = 0.0, polygonPerimeter = 0.0
            for (k, ring) in polygon.rings.enumerated() {
                let m = ringAreaAndPerimeter(ring)
                polygonArea = k == 0 ? m.area : polygonArea - m.area
                polygonPerimeter += m.perimeter
            }
            area += max(0, polygonArea)
            perimeter += polygonPerimeter
        }
        return AreaPerimeter(area: area, perimeter: perimeter)
    }

    /// Positions along the geodesics through `positions`, no two consecutive ones more than `maxSegment`
    /// metres apart (`geod_inverseline`, `geod_position`). The input positions are kept; new ones have their
    /// longitude within 180° of the segment's start (the input's frame, even past ±180°). A `maxSegment` that is
    /// not a positive number leaves the positions as they are.
    public func densify(_ positions: [Position], maxSegment: Double) -> [Position] {
        guard positions.count > 1, maxSegment > 0, maxSegment.isFinite else { return positions }
        var out: [Position] = [positions[0]]
        for (a, b) in zip(positions, positions.dropFirst()) {
            var line = geod_geodesicline()
            geod_inverseline(&line, g, a.lat, a.lon, b.lat, b.lon, 0)
            let n = Int((line.s13 / maxSegment).rounded(.up))
            if n > 1 {
                for i in 1..<n {
                    var lat = 0.0, lon = 0.0
                    geod_position(&line, line.s13 * Double(i) / Double(n), &lat, &lon, nil)
                    // Longitudes kept in the frame of the input (within 180° of the segment's start), so a line
                    // held east-shifted across the antimeridian stays continuous.
                    let d = lon - a.lon
                    if d > 180 || d < -180 { lon = a.lon + d - 360 * (d / 360).rounded() }
                    out.append(Position(lon, lat))
                }
            }
            out.append(b)
        }
        return out
    }
}

/// +1 for a counter-clockwise ring in the lon/lat plane, -1 clockwise, 0 when the plane cannot say (no area, or
/// an edge spanning more than 180° of longitude); and the ring's planar area in square degrees (∞ when the plane
/// cannot say).
func planarOrientation(_ points: [Position]) -> (orientation: Int, area: Double) {
    var twiceArea = 0.0
    let n = points.count
    for i in 0..<n {
        let a = points[i], b = points[(i + 1) % n]
        if abs(b.x - a.x) > 180 { return (0, .infinity) }
        twiceArea += (a.x - points[0].x) * (b.y - points[0].y) - (b.x - points[0].x) * (a.y - points[0].y)
    }
    if twiceArea > 0 { return (1, twiceArea / 2) }
    if twiceArea < 0 { return (-1, -twiceArea / 2) }
    return (0, .infinity)
}
