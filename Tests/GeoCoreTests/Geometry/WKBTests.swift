import Testing
@testable import GeoCore

/// Well-known binary both ways: every geometry type, both byte orders, z, and damaged bytes refused.
struct WKBTests {
    static let samples: [Geometry] = [
        .point(Point(1.5, -2.25)),
        .point(Point(nil)),
        .lineString(LineString([Position(0, 0), Position(1, 1, 7), Position(2, 0, 8)])),
        .polygon(Polygon([[Position(0, 0), Position(4, 0), Position(4, 4), Position(0, 0)],
                          [Position(1, 1), Position(2, 1), Position(1, 2), Position(1, 1)]])),
        .multiPoint(MultiPoint([Point(1, 2), Point(3, 4)])),
        .multiLineString(MultiLineString([LineString([Position(0, 0), Position(1, 0)]), LineString([])])),
        .multiPolygon(MultiPolygon([Polygon([[Position(179, 0), Position(181, 0), Position(181, 1), Position(179, 0)]])])),
        .geometryCollection(GeometryCollection([.point(Point(9, 9)), .lineString(LineString([Position(0, 0), Position(0, 1)]))])),
    ]

    func decode(_ bytes: [UInt8]) throws -> Geometry {
        try bytes.withUnsafeBytes { raw in try Geometry(wkb: raw) }
    }

    @Test("every type round-trips through little-endian ISO WKB; z is kept where given (0 where a 3D geometry lacks it)")
    func roundTrip() throws {
        for g in Self.samples {
            let back = try decode(g.isoWKB)
            if g.hasZ {
                #expect(back.type == g.type)
                #expect(back.hasZ)
            } else if case .point(let p) = g, p.position == nil {
                #expect(back == g)
            } else {
                #expect(back == g, "\(g)")
            }
        }
    }

    @Test("big-endian WKB of a point, written by hand, reads the same numbers")
    func bigEndian() throws {
        var bytes: [UInt8] = [0, 0, 0, 0, 1]
        for v in [10.25, -3.5] { withUnsafeBytes(of: v.bitPattern.bigEndian) { bytes += $0 } }
        #expect(try decode(bytes) == .point(Point(10.25, -3.5)))
    }

    @Test("truncated bytes, a huge count, a curve and trailing bytes are refused with a reason")
    func damaged() throws {
        let line = Geometry.lineString(LineString([Position(0, 0), Position(1, 1)])).isoWKB
        #expect(throws: WKBError.self) { try decode(Array(line.dropLast(3))) }
        var huge = line
        huge[5] = 0xFF; huge[6] = 0xFF; huge[7] = 0xFF; huge[8] = 0x7F
        #expect(throws: WKBError.self) { try decode(huge) }
        var curve = line
        curve[1] = 8  // CircularString
        let error = try #require(throws: WKBError.self) { try decode(curve) }
        #expect(error.reason.contains("CircularString"))
        #expect(throws: WKBError.self) { try decode(line + [0]) }
    }

    @Test("structural problems GeoJSON would refuse are named: a ring of 3 positions, an open ring, a 1-point line")
    func structure() {
        #expect(Geometry.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(0, 0)]])).structuralProblem?.contains("4 positions") == true)
        #expect(Geometry.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1)]])).structuralProblem?.contains("not closed") == true)
        #expect(Geometry.lineString(LineString([Position(0, 0)])).structuralProblem != nil)
        #expect(Self.samples.allSatisfy { $0.structuralProblem == nil })
    }
}
