import Foundation
import GeoCore

/// The projection chosen for a map's extent and the fit of that extent to the drawing, in pixels.
///
/// The projection is picked through PROJ for the extent: Lambert conformal conic with standard parallels at
/// one sixth and five sixths of the latitude range (the classic rule for mid-latitude maps) for most extents;
/// Mercator near the equator, where a cone degenerates; polar stereographic near a pole; Equal Earth for a
/// continent or the world. Not `Sendable`: it owns a PROJ object, so it lives on one thread for one map.
final class MapFrame {
    let projection: Projection
    /// The projection as the map names it.
    let projectionName: String
    /// The projected rectangle shown (metres).
    let projected: Envelope
    /// The lon/lat box that holds the projected rectangle, for clipping before projecting.
    let geographic: Envelope
    /// The map area in pixels: origin and size.
    let left: Double, top: Double, width: Double, height: Double
    /// Pixels per projected metre.
    let scale: Double

    init(extent: Envelope, left: Double, top: Double, width: Double, maxHeight: Double, minHeight: Double) throws {
        // Longitudes may pass ±180° (an extent across the antimeridian, centred on the data); an extent wider
        // than the world is the world, centred on Greenwich.
        let wide = extent.width >= 300
        let box = Envelope(minX: wide ? -180 : extent.minX, minY: max(-89.5, extent.minY),
                           maxX: wide ? 180 : extent.maxX, maxY: min(89.5, extent.maxY))
        let (definition, name) = MapFrame.choose(box)
        projection = try Projection(definition: definition, center: Position((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2))
        projectionName = name
        // The projected box: the extent's densified outline, projected.
        var p = try MapFrame.bounds(of: MapFrame.outline(box), through: projection.forward)
        var h = width * p.height / max(p.width, 1e-9)
        if h > maxHeight {
            let grow = (p.height * width / maxHeight - p.width) / 2
            p = Envelope(minX: p.minX - grow, minY: p.minY, maxX: p.maxX + grow, maxY: p.maxY)
            h = maxHeight
        } else if h < minHeight {
            let grow = (p.width * minHeight / width - p.height) / 2
            p = Envelope(minX: p.minX, minY: p.minY - grow, maxX: p.maxX, maxY: p.maxY + grow)
            h = minHeight
        }
        projected = p
        self.left = left
        self.top = top
        self.width = width
        height = h.rounded()
        scale = width / p.width
        // What lies inside the projected rectangle, in lon/lat, with a margin so clipping never shows.
        var g = (try? MapFrame.bounds(of: MapFrame.outline(p), through: projection.inverse)) ?? box
        let margin = 0.02 * max(g.width, g.height)
        g = g.expanded(by: margin)
        let centre = (box.minX + box.maxX) / 2
        geographic = Envelope(minX: max(centre - 180, g.minX), minY: max(-90, g.minY), maxX: min(centre + 180, g.maxX), maxY: min(90, g.maxY))
    }

    /// The PROJ definition and display name for an extent.
    static func choose(_ e: Envelope) -> (String, String) {
        let lon0 = (e.minX + e.maxX) / 2, lat0 = (e.minY + e.maxY) / 2
        let lon = JSONNumberFormat.fixed(lon0, decimals: 2), lat = JSONNumberFormat.fixed(lat0, decimals: 2)
        if e.width > 100 || e.height > 60 {
            return ("+proj=eqearth +lon_0=\(lon) +ellps=WGS84", "Equal Earth, central meridian \(degrees(lon0, "E", "W"))")
        }
        if e.maxY > 80 || e.minY < -80 {
            let north = lat0 > 0
            return ("+proj=stere +lat_0=\(north ? 90 : -90) +lat_ts=\(north ? 71 : -71) +lon_0=\(lon) +ellps=WGS84",
                    "polar stereographic, true scale at 71° \(north ? "N" : "S"), central meridian \(degrees(lon0, "E", "W"))")
        }
        if e.minY < 10 && e.maxY > -10 {
            return ("+proj=merc +lon_0=\(lon) +ellps=WGS84", "Mercator, central meridian \(degrees(lon0, "E", "W"))")
        }
        let sixth = e.height / 6
        let lat1 = e.minY + sixth, lat2 = e.maxY - sixth
        let a = JSONNumberFormat.fixed(lat1, decimals: 2), b = JSONNumberFormat.fixed(lat2, decimals: 2)
        return ("+proj=lcc +lat_1=\(a) +lat_2=\(b) +lat_0=\(lat) +lon_0=\(lon) +ellps=WGS84",
                "Lambert conformal conic, standard parallels \(degrees(lat1, "N", "S")) and \(degrees(lat2, "N", "S")), "
                + "central meridian \(degrees(lon0, "E", "W")), WGS84")
    }

    /// Pixel coordinates of a projected position.
    func pixel(_ p: Position) -> (x: Double, y: Double) {
        (left + (p.x - projected.minX) * scale, top + (projected.maxY - p.y) * scale)
    }

    /// The projected position of a pixel.
    func projectedPosition(x: Double, y: Double) -> Position {
        Position(projected.minX + (x - left) / scale, projected.maxY - (y - top) / scale)
    }

    /// A lon/lat geometry clipped to the map, projected and simplified to the pixel; nil when nothing is left.
    ///
    /// Clipped in lon/lat first (`GEOSClipByRect_r`) so that PROJ never sees a position far outside the map,
    /// then clipped to the projected rectangle and simplified within 0.4 pixel (`GEOSTopologyPreserveSimplify_r`).
    func prepare(_ geometry: Geometry, simplify: Bool = true) throws -> Geometry? {
        guard let e = geometry.envelope else { return nil }
        // Geometry in another longitude frame than the map's (across ±180°) is drawn where it lies: each turn of
        // it that meets the map is clipped and kept.
        var pieces: [Geometry] = []
        for dx in [0.0, 360, -360] where e.translated(dx: dx).intersects(geographic) {
            let moved = geometry.translated(dx: dx), m = e.translated(dx: dx)
            let inside = m.minX >= geographic.minX && m.maxX <= geographic.maxX && m.minY >= geographic.minY && m.maxY <= geographic.maxY
            let clipped = inside ? moved : try moved.clipped(to: geographic)
            if !clipped.isEmpty { pieces.append(clipped) }
        }
        guard !pieces.isEmpty else { return nil }
        let clipped = pieces.count == 1 ? pieces[0] : Geometry.geometryCollection(GeometryCollection(pieces))
        var g = try projection.forward(clipped)
        let pixelBox = projected.expanded(by: 4 / scale)
        if let pe = g.envelope, !(pe.minX >= pixelBox.minX && pe.maxX <= pixelBox.maxX && pe.minY >= pixelBox.minY && pe.maxY <= pixelBox.maxY) {
            g = try g.clipped(to: pixelBox)
        }
        if simplify, g.vertexCount > 2 { g = try g.simplified(tolerance: 0.4 / scale) }
        return g.isEmpty ? nil : g
    }

    /// The ground distance in metres (geodesic, WGS84) of `pixels` horizontal pixels at the map's centre.
    func metres(acrossPixels pixels: Double) throws -> Double {
        let cx = left + width / 2, cy = top + height / 2
        let a = try projection.inverse(projectedPosition(x: cx - pixels / 2, y: cy))
        let b = try projection.inverse(projectedPosition(x: cx + pixels / 2, y: cy))
        return Geodesic.wgs84.distance(a, b)
    }

    /// The direction of north at the map's centre, in degrees clockwise from straight up.
    func northAngle() throws -> Double {
        let c = try projection.inverse(projectedPosition(x: left + width / 2, y: top + height / 2))
        let a = pixel(try projection.forward(c))
        let b = pixel(try projection.forward(Position(c.x, min(89.9, c.y + 0.05))))
        return atan2(b.x - a.x, a.y - b.y) * 180 / .pi
    }

    /// 33 points along each side of a box (its outline densified, so a curved projection of it is bounded).
    private static func outline(_ e: Envelope) -> [Position] {
        var out: [Position] = []
        for k in 0...32 {
            let t = Double(k) / 32
            out += [Position(e.minX + e.width * t, e.minY), Position(e.minX + e.width * t, e.maxY),
                    Position(e.minX, e.minY + e.height * t), Position(e.maxX, e.minY + e.height * t)]
        }
        return out
    }

    private static func bounds(of positions: [Position], through f: (Position) throws -> Position) throws -> Envelope {
        var e: Envelope?
        for p in positions {
            guard let q = try? f(p) else { continue }
            e = e.map { $0.union(Envelope(minX: q.x, minY: q.y, maxX: q.x, maxY: q.y)) } ?? Envelope(minX: q.x, minY: q.y, maxX: q.x, maxY: q.y)
        }
        guard let e else { throw InputError("the map's extent cannot be projected") }
        return e
    }
}

/// "40.5° N", "45° E", "3.25° W"; longitudes past ±180° named as within it ("190° E" is "170° W").
func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
    let v = positive == "E" ? Position(value, 0).wrappedLongitude.x : value
    return "\(JSONNumberFormat.fixed(abs(v), decimals: 2))° \(v < 0 ? negative : positive)"
}
