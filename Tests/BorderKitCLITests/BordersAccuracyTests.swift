import Foundation
import GeoCore
import Testing
import TestSupport

/// `borders --accuracy` and `--compare-territories` (issue 22) on hand-made squares whose answers are known by
/// hand and by GeographicLib's GeodSolve, and the embedded report's intervals.
@Suite struct BordersAccuracyTests {
    /// Polygons of lon/lat boxes (west, south, east, north), with ids; east may exceed 180 (written as is).
    func squares(_ boxes: [(String, Double, Double, Double, Double)]) -> String {
        let features = boxes.map { id, w, s, e, n in
            #"{"type":"Feature","id":"\#(id)","properties":{},"geometry":{"type":"Polygon","coordinates":[[[\#(w),\#(s)],[\#(e),\#(s)],[\#(e),\#(n)],[\#(w),\#(n)],[\#(w),\#(s)]]]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }

    func json(_ r: RunResult) throws -> [String: Any] {
        #expect(r.status == 0, "\(r.stderrText)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    @Test("--compare-territories: a border moved 0.001° east lies 111.30–111.32 m away (GeodSolve), both lengths the meridian arc")
    func comparisonOfAShiftedBorder() throws {
        try #require(GeographicLib.available, "\(GeographicLib.missingReason)")
        let folder = try scratchFolder()
        let a = folder.appendingPathComponent("a.geojson"), b = folder.appendingPathComponent("b.geojson")
        try Data(squares([("west", 0, 0, 1, 1), ("east", 1, 0, 2, 1)]).utf8).write(to: a)
        // The other source: the border 0.001° further east, and a third territory that borders only there.
        try Data(squares([("west", 0, 0, 1.001, 1), ("east", 1.001, 0, 2, 1), ("north", 1.001, 1, 2, 2)]).utf8).write(to: b)
        let o = try json(try borderkit(["borders", "--territories", a.path, "--compare-territories", b.path, "--format", "json"]))
        let comparison = try #require(o["comparison"] as? [String: Any])
        let pairs = try #require(comparison["pairs"] as? [[String: Any]])
        #expect(pairs.count == 2)
        let shared = pairs[0], onlyOther = pairs[1]
        #expect(shared["territories"] as? [String] == ["east", "west"])
        let arc = try GeographicLib.distance(1, 0, 1, 1)  // the meridian arc from 0° to 1°: 110,574.389 m
        #expect(abs((shared["length_m"] as! Double) - arc) < 1e-3)
        #expect(abs((shared["other_length_m"] as! Double) - arc) < 1e-3)
        // Samples every km from 0° N, and the end: 112; the offset at a latitude is the parallel's 0.001°.
        #expect(shared["samples"] as? Int == 112)
        let atEquator = try GeographicLib.distance(1, 0, 1.001, 0), atMiddle = try GeographicLib.distance(1, 0.5, 1.001, 0.5)
        #expect(abs((shared["max_offset_m"] as! Double) - atEquator) < 1e-3, "\(shared)")
        #expect(abs((shared["median_offset_m"] as! Double) - atMiddle) < 0.01, "\(shared)")
        #expect(onlyOther["territories"] as? [String] == ["east", "north"])
        #expect(onlyOther["length_m"] as? Double == 0 && onlyOther["samples"] == nil)
        // The intervals take in the other source's lengths: 0 for the pair it alone has.
        let reportPairs = try #require(o["pairs"] as? [[String: Any]])
        let interval = try #require(reportPairs[0]["length_m_interval"] as? [Double])
        #expect(abs(interval[0] - arc) < 1e-3 && abs(interval[1] - arc) < 1e-3)
        // Markdown: the table side by side.
        let md = try borderkit(["borders", "--territories", a.path, "--compare-territories", b.path])
        #expect(md.stdoutText.contains("## Compared with \(b.path)"))
        #expect(md.stdoutText.contains("| east | west | 110.574 | 110.574 | 0.000 | 112 | 111 | 111 |"), "\(md.stdoutText)")
    }

    @Test("--compare-territories across ±180°: a border along 1° N from 179° E to 179° W moved 0.001° north is 110.57 m away")
    func comparisonAcrossTheAntimeridian() throws {
        try #require(GeographicLib.available, "\(GeographicLib.missingReason)")
        let folder = try scratchFolder()
        let a = folder.appendingPathComponent("a.geojson"), b = folder.appendingPathComponent("b.geojson")
        // Each territory in two parts split at 180°, as files round the antimeridian hold them.
        func split(_ s: Double, _ m: Double, _ n: Double) -> String {
            func box(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String { "[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]" }
            func feature(_ id: String, _ s: Double, _ n: Double) -> String {
                #"{"type":"Feature","id":"\#(id)","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[\#(box(179, s, 180, n)),\#(box(-180, s, -179, n))]}}"#
            }
            return #"{"type":"FeatureCollection","features":["# + feature("south", s, m) + "," + feature("north", m, n) + "]}"
        }
        try Data(split(0, 1, 2).utf8).write(to: a)
        try Data(split(0, 1.001, 2).utf8).write(to: b)
        let o = try json(try borderkit(["borders", "--territories", a.path, "--compare-territories", b.path, "--format", "json"]))
        let shared = try #require(((o["comparison"] as? [String: Any])?["pairs"] as? [[String: Any]])?.first)
        let expected = try GeographicLib.distance(180, 1, 180, 1.001)
        #expect(abs((shared["median_offset_m"] as! Double) - expected) < 0.01, "\(shared)")
        #expect(abs((shared["max_offset_m"] as! Double) - expected) < 0.01, "\(shared)")
        #expect(abs((shared["length_m"] as! Double) - (try GeographicLib.length([(179, 1), (180, 1), (181, 1)]))) < 1e-3)
    }

    @Test("--accuracy 100 on a straight border: ± 100 m at each end, printed to 0.1 km: 110.6 (110.4–110.8)")
    func accuracyInterval() throws {
        let folder = try scratchFolder()
        let a = folder.appendingPathComponent("a.geojson")
        try Data(squares([("west", 0, 0, 1, 1), ("east", 1, 0, 2, 1)]).utf8).write(to: a)
        let o = try json(try borderkit(["borders", "--territories", a.path, "--accuracy", "100", "--format", "json"]))
        let p = try #require((o["pairs"] as? [[String: Any]])?.first)
        let length = p["length_m"] as! Double
        // Hand calculation: a straight line loses nothing to simplification; its two ends move 100 m each.
        #expect(p["length_m_interval"] as? [Double] == [length - 200, length + 200])
        #expect((p["by_status_interval"] as? [String: [Double]])?["undelimited"] == [length - 200, length + 200])
        #expect(((o["totals"] as? [String: Any])?["length_m_interval"] as? [Double]) == [length - 200, length + 200])
        let md = try borderkit(["borders", "--territories", a.path, "--accuracy", "100"])
        #expect(md.stdoutText.contains("| east | west | 1 | 110.6 (110.3–110.8) | 110.6 (110.3–110.8) |"), "\(md.stdoutText)")
        let csv = try borderkit(["borders", "--territories", a.path, "--accuracy", "100", "--format", "csv"])
        #expect(csv.stdoutText.contains("length_km,length_km_low,length_km_high,undelimited_km,undelimited_km_low,undelimited_km_high"))
        #expect(csv.stdoutText.contains("east,west,1,110.6,110.3,110.8,110.6,110.3,110.8"), "\(csv.stdoutText)")
        // No accuracy stated, no comparison: the figures as before, without intervals.
        let plain = try json(try borderkit(["borders", "--territories", a.path, "--format", "json"]))
        #expect((plain["pairs"] as? [[String: Any]])?.first?["length_m_interval"] == nil && plain["accuracy"] == nil)
        let bad = try borderkit(["borders", "--territories", a.path, "--accuracy=-1"])
        #expect(bad.status == 2 && bad.stderrText.contains("--accuracy must be 0 or more metres, or none"))
    }

    @Test("The embedded report: each pair's interval holds both DCW's length and Natural Earth's (provenance), to the digits it supports")
    func embeddedIntervals() throws {
        let o = try json(try borderkit(["borders", "--format", "json"]))
        let accuracy = try #require(o["accuracy"] as? [String: Any])
        #expect(accuracy["metres"] as? Double == 2042)
        #expect((accuracy["reference_source"] as? String)?.hasPrefix("Natural Earth 10m") == true)
        let provenance = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("GeoData/territories.provenance.json"))) as? [String: Any])
        let checks = try #require(provenance["crosscheck_natural_earth"] as? [[String: Any]])
        #expect(checks.count == 15)
        for p in try #require(o["pairs"] as? [[String: Any]]) {
            let ids = (p["territories"] as! [String]).sorted()
            let check = try #require(checks.first { ($0["ids"] as? [String])?.sorted() == ids })
            let ne = (check["natural_earth_border_km"] as! Double) * 1e3, length = p["length_m"] as! Double
            let interval = p["length_m_interval"] as! [Double]
            #expect(interval[0] <= min(length, ne) && interval[1] >= max(length, ne), "\(ids)")
            #expect(interval[1] <= length + 2 * 2042 * 3 + 1, "\(ids): at most three open lines' ends")
        }
        let md = try borderkit(["borders"])
        #expect(md.stdoutText.contains("Accuracy: positional accuracy ± 2042 m"))
        #expect(md.stdoutText.contains("| armenia | azerbaijan | 7 | 850 (750–860) |"), "\(md.stdoutText)")
    }

    @Test("--accuracy none: the embedded borders and areas as measured, without intervals, the same figures; routes keep only their own accuracy")
    func accuracyNone() throws {
        let with = try json(try borderkit(["borders", "--format", "json"]))
        let without = try json(try borderkit(["borders", "--format", "json", "--accuracy", "none"]))
        #expect(without["accuracy"] == nil)
        let (a, b) = (try #require(with["pairs"] as? [[String: Any]]), try #require(without["pairs"] as? [[String: Any]]))
        #expect(a.count == 15 && b.count == 15)
        for (p, q) in zip(a, b) {
            #expect(q["length_m_interval"] == nil && p["length_m_interval"] != nil)
            #expect(q["length_m"] as? Double == p["length_m"] as? Double)
        }
        let md = try borderkit(["borders", "--accuracy", "none"])
        #expect(md.stdoutText.contains("| armenia | azerbaijan | 7 | 848.563 |") && !md.stdoutText.contains("Accuracy:"), "\(md.stdoutText)")
        let route = try json(try borderkit(["route", "--format", "json", "--accuracy", "none"]))
        // The embedded routes state their own accuracy: their intervals stay, without the territories' part.
        for r in try #require(route["routes"] as? [[String: Any]]) {
            #expect((r["accuracy"] as? [String: Any])?["territories_m"] as? Double == 0, "\(r["id"] ?? "")")
        }
        let areas = try json(try borderkit(["areas", "--format", "json", "--accuracy", "none"]))
        #expect(areas["accuracy"] == nil)
        let bad = try borderkit(["borders", "--accuracy", "some"])
        #expect(bad.status == 2 && bad.stderrText.contains("--accuracy <metres|none>"))
    }

    @Test("The Natural Earth 10m world compared with itself: 329 pairs, equal lengths, every offset below 1 cm")
    func worldAgainstItself() throws {
        try #require(TestPaths.sharedAvailable, "\(TestPaths.sharedMissingReason)")
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let o = try json(try borderkit(["borders", "--territories", world, "--id-property", "ADM0_A3", "--compare-territories", world, "--format", "json"]))
        let pairs = try #require((o["comparison"] as? [String: Any])?["pairs"] as? [[String: Any]])
        #expect(pairs.count == 329)
        for p in pairs {
            #expect(p["length_m"] as? Double == p["other_length_m"] as? Double)
            // The reference is densified to 1 km along its geodesics: a sample on a 500 km straight border stays on it.
            #expect((p["max_offset_m"] as? Double ?? 1) < 0.01, "\(p)")
        }
    }
}
