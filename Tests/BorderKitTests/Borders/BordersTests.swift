import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// `Borders.run` on hand-made grids (lengths against GeographicLib's GeodSolve), with snapping and status.
@Suite struct BordersTests {
    static func square(_ id: String, _ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Territory {
        Territory(id: id, name: nil, geometry: .multiPolygon(MultiPolygon([Polygon([[Position(w, s), Position(e, s), Position(e, n), Position(w, n), Position(w, s)]])])),
                  index: 0, pointer: "")
    }

    /// GeodSolve's geodesic distance in metres between two lon/lat points (an oracle independent of PROJ).
    static func geodSolve(_ a: Position, _ b: Position) throws -> Double {
        guard let exe = TestPaths.which("GeodSolve") else {
            Issue.record("GeodSolve not found: the README's test command installs Debian's geographiclib-tools")
            return .nan
        }
        let r = try run(exe, ["-i", "-p", "9"], input: Data("\(a.lat) \(a.lon) \(b.lat) \(b.lon)\n".utf8))
        return Double(r.stdoutText.split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    @Test("a 2×2 grid: four borders of exact length, one quadripoint, diagonal pairs touch only at a point")
    func grid() throws {
        let cells = [Self.square("a", 10, 20, 11, 21), Self.square("b", 11, 20, 12, 21),
                     Self.square("c", 10, 21, 11, 22), Self.square("d", 11, 21, 12, 22)]
        let report = try Borders.run(cells, source: "grid")
        #expect(report.pairs.map(\.territories) == [["a", "b"], ["a", "c"], ["b", "d"], ["c", "d"]])
        let expected: [[String]: Double] = [
            ["a", "b"]: try Self.geodSolve(Position(11, 20), Position(11, 21)),
            ["a", "c"]: try Self.geodSolve(Position(10, 21), Position(11, 21)),
            ["b", "d"]: try Self.geodSolve(Position(11, 21), Position(12, 21)),
            ["c", "d"]: try Self.geodSolve(Position(11, 21), Position(11, 22)),
        ]
        for p in report.pairs {
            #expect(p.segments.count == 1)
            #expect(abs(p.length - expected[p.territories]!) < 1e-6, "\(p.territories): \(p.length) vs \(expected[p.territories]!)")
            #expect(p.segments[0].status == "undelimited")
        }
        #expect(report.pointContacts.map(\.territories) == [["a", "d"], ["b", "c"]])
        #expect(report.tripoints == [Tripoint(territories: ["a", "b", "c", "d"], position: Position(11, 21))])
    }

    @Test("a T of three cells has one tripoint where the stem meets the bar")
    func tee() throws {
        let cells = [Self.square("bar", 0, 0, 2, 1), Self.square("left", 0, 1, 1, 2), Self.square("right", 1, 1, 2, 2)]
        let report = try Borders.run(cells, source: "tee")
        #expect(report.pairs.count == 3)
        #expect(report.tripoints == [Tripoint(territories: ["bar", "left", "right"], position: Position(1, 1))])
        let bar = report.pairs.filter { $0.territories.contains("bar") }.reduce(0.0) { $0 + $1.length }
        let left = try Self.geodSolve(Position(0, 1), Position(1, 1)), right = try Self.geodSolve(Position(1, 1), Position(2, 1))
        #expect(abs(bar - left - right) < 1e-6)
    }

    @Test("sources 30 m apart share a border within --snap 50, not without")
    func snap() throws {
        let gap = 30 / 111_319.49   // degrees of longitude at the equator
        let cells = [Self.square("west", 0, 0, 1, 1), Self.square("east", 1 + gap, 0, 2, 1)]
        #expect(try Borders.run(cells, source: "gap").pairs.isEmpty)
        var options = BorderOptions()
        options.snap = 50
        let report = try Borders.run(cells, source: "gap", options: options)
        #expect(report.pairs.count == 1)
        // Within a snap, each end of a border may run on by up to the snap along the next edge (here
        // √(50² − 30²) = 40 m at each corner): lengths are good to twice the snap.
        #expect(abs(report.pairs[0].length - (try Self.geodSolve(Position(1, 0), Position(1, 1)))) <= 2 * 50)
        var tight = BorderOptions()
        tight.snap = 20
        #expect(try Borders.run(cells, source: "gap", options: tight).pairs.isEmpty)
    }

    @Test("a status line along part of a border splits it; lengths by status add up")
    func status() throws {
        let cells = [Self.square("a", 0, 0, 1, 2), Self.square("b", 1, 0, 2, 2)]
        let line = BorderStatusLine(id: "s", status: "delimited", date: "2024-04-19", source: "test",
                                    geometry: .lineString(LineString([Position(1, 0.5), Position(1, 1.5)])))
        let report = try Borders.run(cells, status: [line], source: "split")
        let pair = try #require(report.pairs.first)
        #expect(pair.segments.map(\.status).sorted() == ["delimited", "undelimited", "undelimited"])
        var byStatus: [String: Double] = [:]
        for s in pair.lengthByStatus { byStatus[s.status] = s.length }
        let delimited = try Self.geodSolve(Position(1, 0.5), Position(1, 1.5))
        #expect(abs(byStatus["delimited"]! - delimited) < 2)      // the split is found within the 1 m tolerance
        #expect(abs(pair.length - (try Self.geodSolve(Position(1, 0), Position(1, 2)))) < 1e-3)
        #expect(pair.segments.first { $0.status == "delimited" }?.statusDate == "2024-04-19")
    }

    @Test("ids: a missing or duplicate id is an error naming the feature")
    func ids() throws {
        let square = Geometry.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 0)]]))
        let noID = GeoJSON.featureCollection(FeatureCollection([Feature(geometry: square, properties: ["x": .integer(1)])]))
        #expect(performing: { _ = try Territory.load(noID, source: "t.geojson", idProperty: nil) },
                throws: { "\($0)".contains("t.geojson: /features/0: no territory id") })
        let twice = GeoJSON.featureCollection(FeatureCollection([Feature(id: .string("x"), geometry: square), Feature(id: .string("x"), geometry: square)]))
        #expect(performing: { _ = try Territory.load(twice, source: "t.geojson", idProperty: nil) },
                throws: { "\($0)".contains("/features/1: duplicate territory id \"x\" (also at /features/0)") })
        let named = GeoJSON.featureCollection(FeatureCollection([Feature(geometry: square, properties: ["ADM0_A3": .string("ARM")])]))
        #expect(try Territory.load(named, source: "t", idProperty: nil).territories.first?.id == "ARM")
        #expect(performing: { _ = try Territory.load(named, source: "t", idProperty: "code") },
                throws: { "\($0)".contains("no property \"code\"") })
    }

    @Test("one worker or two: the same report")
    func workers() throws {
        var cells: [Territory] = []
        for i in 0..<4 {
            for j in 0..<4 { cells.append(Self.square("c\(i)\(j)", Double(i), Double(j), Double(i + 1), Double(j + 1))) }
        }
        var one = BorderOptions(); one.workers = 1
        var two = BorderOptions(); two.workers = 2
        let a = try Borders.run(cells, source: "g", options: one), b = try Borders.run(cells, source: "g", options: two)
        #expect(a.pairs == b.pairs && a.tripoints == b.tripoints)
        #expect(a.pairs.count == 24 && a.tripoints.count == 9)
    }
}
