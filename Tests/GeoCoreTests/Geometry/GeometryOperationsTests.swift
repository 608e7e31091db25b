import Foundation
import GeoCore
import Testing

/// The GEOS operations through the Swift value types, each against a hand-computed answer.
@Suite struct GeometryOperationsTests {
    func g(_ wkt: String) throws -> Geometry { try Geometry(wkt: wkt) }

    @Test("every type, empties included, survives Swift → GEOS → Swift", arguments: [
        "POINT (1 2)", "POINT EMPTY", "LINESTRING (0 0, 1 1, 2 0)", "LINESTRING EMPTY",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))", "POLYGON EMPTY",
        "MULTIPOINT ((0 0), (1 1))", "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1), GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0))))",
        "GEOMETRYCOLLECTION EMPTY",
    ])
    func roundTrip(_ wkt: String) throws {
        let geometry = try g(wkt)
        #expect(try Geometry(wkt: geometry.wkt()) == geometry)
        #expect(geometry.type.rawValue.uppercased() == wkt.prefix { $0 != " " })
        #expect(try Geometry(wkb: geometry.wkb()) == geometry)
    }

    @Test("overlay of two overlapping squares")
    func overlay() throws {
        let a = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), b = try g("POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))")
        #expect(try a.intersection(b).planarArea() == 25)
        #expect(try a.union(b).planarArea() == 175)
        #expect(try a.difference(b).planarArea() == 75)
        #expect(try a.symmetricDifference(b).planarArea() == 150)
        #expect(try Geometry.union(of: [a, b]).planarArea() == 175)
        #expect(try a.intersection(b).topologicallyEquals(g("POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))")))
        #expect(try a.intersects(b) && !a.touches(b) && a.overlaps(b))
    }

    @Test("boundary, line merge and shared paths of two neighbours")
    func linework() throws {
        let a = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), b = try g("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")
        let boundary = try a.boundary()
        #expect(boundary.type == .lineString)
        #expect(try boundary.planarLength() == 40)
        // Both counter-clockwise: they share their border running opposite ways.
        let shared = try a.boundary().sharedPaths(with: b.boundary())
        #expect(shared.sameDirection.isEmpty)
        #expect(try shared.oppositeDirection.planarLength() == 10)
        let merged = try g("MULTILINESTRING ((0 0, 1 0), (1 0, 2 0), (2 0, 2 1))").lineMerged()
        #expect(try merged.wkt() == "LINESTRING (0 0, 1 0, 2 0, 2 1)")
        let onBorder = try a.boundary().intersection(b.boundary()).lineMerged()
        #expect(try onBorder.planarLength() == 10)
    }

    @Test("snap, buffer, envelope, nearest points, project and interpolate")
    func construct() throws {
        let snapped = try g("LINESTRING (0 0, 10.2 0.1)").snapped(to: g("POINT (10 0)"), tolerance: 0.5)
        #expect(try snapped.wkt() == "LINESTRING (0 0, 10 0)")
        // A point buffered with 8 segments per quadrant is a regular 32-gon: area = 16 r² sin(2π/32).
        let area = try g("POINT (0 0)").buffer(100).planarArea()
        #expect(abs(area - 16 * 100 * 100 * sin(2 * Double.pi / 32)) < 1e-6)
        #expect(try g("LINESTRING (0 0, 3 4)").envelopeGeometry().planarArea() == 12)
        #expect(try g("LINESTRING (0 0, 3 4)").envelope == Envelope(minX: 0, minY: 0, maxX: 3, maxY: 4))
        let nearest = try g("LINESTRING (0 0, 10 0)").nearestPoints(g("POINT (4 3)"))
        let p = nearest.onSelf, q = nearest.onOther
        #expect(p == Position(4, 0) && q == Position(4, 3))
        let line = try g("LINESTRING (0 0, 10 0, 10 10)")
        #expect(try line.project(g("POINT (12 5)")) == 15)
        #expect(try line.interpolate(15) == g("POINT (10 5)"))
        #expect(try line.planarDistance(to: g("POINT (5 3)")) == 3)
        #expect(try g("LINESTRING (0 0, 10 0)").hausdorffDistance(to: g("LINESTRING (0 1, 10 1)")) == 1)
    }

    @Test("validity: reason and location; make valid repairs a bow-tie into two triangles")
    func validity() throws {
        let bowtie = try g("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
        let v = try bowtie.validity()
        #expect(!v.isValid)
        #expect(v.reason == "Self-intersection")
        #expect(v.location == Position(5, 5))
        let fixed = try bowtie.makeValid()
        #expect(fixed.type == .multiPolygon)
        #expect(try fixed.planarArea() == 50)
        #expect(try fixed.isValid())
        #expect(try g("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))").validity() == Validity(isValid: true))
    }

    @Test("isSimple on a MULTIPOINT with an EMPTY member does not crash (GEOS 3.11.1 would)")
    func simpleGuard() throws {
        let m = Geometry.multiPoint(MultiPoint([Point(1, 1), Point(nil), Point(2, 2)]))
        #expect(try m.isSimple())
        let dup = Geometry.multiPoint(MultiPoint([Point(1, 1), Point(nil), Point(1, 1)]))
        #expect(try !dup.isSimple())
    }

    @Test("STRtree: envelope query and nearest, by index")
    func strtree() throws {
        let items = try [g("POINT (0 0)"), g("LINESTRING (10 10, 20 20)"), g("POLYGON ((30 0, 40 0, 40 10, 30 0))"), g("POINT EMPTY")]
        let tree = try STRtree(items)
        #expect(try tree.query(Envelope(minX: -1, minY: -1, maxX: 12, maxY: 12)) == [0, 1])
        #expect(try tree.query(Envelope(minX: 100, minY: 100, maxX: 101, maxY: 101)) == [])
        #expect(try tree.query(g("POINT (35 1)")) == [2])
        #expect(try tree.nearest(to: g("POINT (29 1)")) == 2)
        #expect(try tree.nearest(to: g("POINT (9 9)")) == 1)
    }

    @Test("GEOS errors become Swift errors carrying GEOS's message")
    func errors() throws {
        #expect(performing: { try Geometry(wkt: "POLYGON ((0 0, 1 1") }, throws: { error in
            guard let e = error as? GEOSError else { return false }
            return e.operation == "read WKT" && e.message.contains("ParseException")
        })
        #expect(throws: GEOSError.self) { try Geometry(wkt: "LINESTRING (0 0)") }
        #expect(throws: GEOSError.self) { try Geometry.lineString(LineString([Position(0, 0)])).planarLength() }
        #expect(throws: GEOSError.self) { try Geometry.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1)]])).planarArea() }
    }

    @Test("one context per thread: operations from many threads at once agree")
    func threads() throws {
        let a = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 64)
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let b = Geometry.polygon(Polygon([[Position(5, 5), Position(15, 5), Position(15, 15), Position(5, 15), Position(5, 5)]]))
            out[i] = (try? a.intersection(b).planarArea()) ?? -1
            _ = try? Geometry(wkt: "POINT (1")   // an error on this thread must not leak into others
        }
        #expect(results.allSatisfy { $0 == 25 })
    }

    @Test("Voronoi cells: two seeds split the extent at their perpendicular bisector (hand-computed)")
    func voronoi() throws {
        let seeds = try g("MULTIPOINT ((2 5), (8 5))")
        let extent = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let cells = try seeds.voronoiCells(extent: extent).polygons.map(Geometry.polygon)
        #expect(cells.count == 2)
        let left = try #require(try cells.first { try $0.contains(g("POINT (2 5)")) })
        // The bisector is x = 5: the left cell clipped to the extent is the box x ≤ 5, 50 square units.
        #expect(abs(try left.intersection(extent).planarArea() - 50) < 1e-9)
        #expect(try !left.contains(g("POINT (5.001 5)")))
    }
}
