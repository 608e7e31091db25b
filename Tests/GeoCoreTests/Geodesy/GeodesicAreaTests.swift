import Foundation
import GeoCore
import Testing
import TestSupport

/// Polygon areas and perimeters, and line lengths, against GeographicLib's Planimeter (Debian
/// geographiclib-tools), an implementation independent of PROJ's C port.
@Suite struct GeodesicAreaTests {
    /// Planimeter on one ring (lon/lat positions); `unsignedPositive` is its -s flag (area of the region to
    /// the left, in [0, A0)). Returns (perimeter m, area m²).
    static func planimeter(_ ring: [Position], unsignedPositive: Bool = false, polyline: Bool = false) throws -> (Double, Double) {
        guard let exe = TestPaths.which("Planimeter") else {
            Issue.record("Planimeter not found: the README's test command installs Debian's geographiclib-tools")
            return (.nan, .nan)
        }
        var args = ["-p", "9"]
        if unsignedPositive { args.append("-s") }
        if polyline { args.append("-l") }
        let input = ring.map { "\($0.lat) \($0.lon)" }.joined(separator: "\n") + "\n"
        let r = try run(exe, args, input: Data(input.utf8))
        let fields = r.stdoutText.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        return (fields[1], polyline ? .nan : fields[2])
    }

    static func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double, step: Double = 1) -> [Position] {
        var ring: [Position] = []
        var x = w
        while x < e { ring.append(Position(x, s)); x += step }
        var y = s
        while y < n { ring.append(Position(e, y)); y += step }
        x = e
        while x > w { ring.append(Position(x, n)); x -= step }
        y = n
        while y > s { ring.append(Position(w, y)); y -= step }
        ring.append(ring[0])
        return ring
    }

    let geod = Geodesic.wgs84

    @Test("a country-sized polygon: area within 1e-6 m² relative 1e-12, either winding")
    func countrySized() throws {
        let ring = Self.box(43.4, 38.8, 46.6, 41.3, step: 0.25)
        let (perimeter, area) = try Self.planimeter(ring)
        #expect(area > 0)
        let ours = geod.ringAreaAndPerimeter(ring)
        #expect(abs(ours.area - area) <= max(1e-12 * area, 0.01))
        #expect(abs(ours.perimeter - perimeter) <= 1e-6)
        let reversed = geod.ringAreaAndPerimeter(ring.reversed())
        #expect(abs(reversed.area - area) <= max(1e-12 * area, 0.01))
    }

    @Test("a polygon with a hole: exterior minus hole, whatever the windings")
    func withHole() throws {
        let exterior = Self.box(44, 39, 46, 41, step: 0.5)
        let hole = Self.box(44.5, 39.5, 45, 40, step: 0.25)
        let (pe, ae) = try Self.planimeter(exterior)
        let (ph, ah) = try Self.planimeter(hole)
        for rings in [[exterior, hole], [Array(exterior.reversed()), hole], [exterior, Array(hole.reversed())]] {
            let polygon = Polygon(rings)
            #expect(abs(geod.area(of: polygon) - (ae - ah)) <= 1e-12 * ae + 0.01)
            #expect(abs(geod.perimeter(of: polygon) - (pe + ph)) <= 1e-6)
        }
    }

    @Test("a ring around the North Pole (lat 89°): the cap's area")
    func aroundPole() throws {
        let ring = [Position(0, 89), Position(90, 89), Position(180, 89), Position(-90, 89), Position(0, 89)]
        let (perimeter, area) = try Self.planimeter(ring)
        let ours = geod.ringAreaAndPerimeter(ring)
        #expect(abs(ours.area - abs(area)) <= 1)          // geodtest.c Planimeter0 gates this case at 1 m²
        #expect(abs(ours.perimeter - perimeter) <= 1e-4)
        #expect(abs(ours.area - 24_952_305_678) <= 1)    // the published value, geodtest.c Planimeter0
    }

    @Test("a polygon larger than a hemisphere keeps its area, in either winding")
    func largerThanHemisphere() throws {
        // Lon -170…170, lat -60…70, a vertex every 5°: no edge longer than 180°, so the geodesic ring is this box.
        let ring = Self.box(-170, -60, 170, 70, step: 5)
        let (_, area) = try Self.planimeter(ring, unsignedPositive: true)
        #expect(area > geod.ellipsoidArea / 2)
        #expect(abs(geod.ringAreaAndPerimeter(ring).area - area) <= 1e-9 * area)
        #expect(abs(geod.ringAreaAndPerimeter(ring.reversed()).area - area) <= 1e-9 * area)
    }

    @Test("a ring that wraps the antimeridian is the small region, as Planimeter takes it")
    func antimeridian() throws {
        let ring = [Position(179, -17), Position(-179, -17), Position(-179, -16), Position(179, -16), Position(179, -17)]
        let (_, area) = try Self.planimeter(ring)
        #expect(abs(geod.ringAreaAndPerimeter(ring).area - abs(area)) <= 1e-9 * abs(area))
        #expect(abs(area) < 3e10)
    }

    @Test("line length against Planimeter -l")
    func lineLength() throws {
        let line = [Position(44.5, 40.2), Position(45.4, 39.2), Position(45.7, 38.95), Position(46.3, 38.9), Position(46.9, 39.4)]
        let (length, _) = try Self.planimeter(line, polyline: true)
        #expect(abs(geod.length(line) - length) <= 1e-6)
        let multi = Geometry.multiLineString(MultiLineString([LineString(line), LineString(Array(line.reversed()))]))
        #expect(abs(geod.length(of: multi) - 2 * length) <= 2e-6)
    }

    @Test("densify: segments no longer than asked, the path's length unchanged")
    func densify() {
        let line = [Position(44.5, 40.2), Position(46.9, 39.4), Position(47, 41)]
        let dense = geod.densify(line, maxSegment: 10_000)
        #expect(dense.first == line.first && dense.last == line.last)
        for (a, b) in zip(dense, dense.dropFirst()) { #expect(geod.distance(a, b) <= 10_000 + 1e-6) }
        #expect(abs(geod.length(dense) - geod.length(line)) <= 1e-6)
        #expect(dense.count > 40)
    }
}
