import GeoCore
import Testing
import TestSupport

/// Samples along a geodesic polyline and the offsets of one line from another.
@Suite struct GeodesicOffsetsTests {
    let g = Geodesic.wgs84

    @Test("Samples every 1 km along two segments carry the remainder across the vertex: 0, 1, …, and the end")
    func samplesAreEvenlySpaced() throws {
        let line = [Position(0, 0), Position(0.01, 0), Position(0.02, 0.003)]
        let s = g.samples(along: line, every: 1000)
        let total = g.length(line)
        #expect(s.count == Int(total / 1000) + 2)
        for (i, p) in s.dropLast().enumerated() {
            // Distance along the line to sample i: i km (the first segment is 1,113.2 m, so sample 2 lies past the vertex).
            let along = i == 0 ? 0 : (i == 1 ? g.distance(line[0], p) : g.distance(line[0], line[1]) + g.distance(line[1], p))
            #expect(abs(along - Double(i) * 1000) < 1e-6, "sample \(i)")
        }
        #expect(s.last == line.last)
        #expect(g.samples(along: line, every: 0) == line)
    }

    @Test("A line 0.001° east of another at the equator: every offset is the parallel's 0.001° (GeodSolve)")
    func offsetsOfAParallelLine() throws {
        try #require(GeographicLib.available, "\(GeographicLib.missingReason)")
        let a = Geometry.lineString(LineString([Position(10, -0.05), Position(10, 0.05)]))
        let b = Geometry.lineString(LineString([Position(10.001, -0.1), Position(10.001, 0.1)]))
        let o = try #require(try g.offsets(of: a, from: b))
        let expected = try GeographicLib.distance(10, 0.05, 10.001, 0.05)
        #expect(o.samples == 13)
        #expect(abs(o.maximum - (try GeographicLib.distance(10, 0, 10.001, 0))) < 1e-4)
        #expect(abs(o.median - expected) < 0.01)
        #expect(try g.offsets(of: a, from: .lineString(LineString([]))) == nil)
    }
}
