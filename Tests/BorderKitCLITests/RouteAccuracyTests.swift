import Foundation
import Testing
import TestSupport

/// `route --accuracy` / `--route-accuracy` and the embedded `compare` (issue 22): each figure's interval, against
/// hand calculation and GeographicLib's GeodSolve on two squares and a straight route.
@Suite struct RouteAccuracyTests {
    let squares = #"{"type":"FeatureCollection","features":["#
        + #"{"type":"Feature","id":"west","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},"#
        + #"{"type":"Feature","id":"east","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}}]}"#

    func route(_ coordinates: String, properties: String = "{}") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"r","properties":\#(properties),"geometry":{"type":"LineString","coordinates":\#(coordinates)}}]}"#
    }

    func run(_ routes: String, _ extra: [String]) throws -> [String: Any] {
        let folder = try scratchFolder()
        let t = folder.appendingPathComponent("t.geojson"), r = folder.appendingPathComponent("r.geojson")
        try Data(squares.utf8).write(to: t)
        try Data(routes.utf8).write(to: r)
        let out = try borderkit(["route", "--territories", t.path, "--routes", r.path, "--format", "json"] + extra)
        #expect(out.status == 0, "\(out.stderrText)")
        let o = try #require(try JSONSerialization.jsonObject(with: out.stdout) as? [String: Any])
        return try #require((o["routes"] as? [[String: Any]])?.first)
    }

    func jurisdiction(_ r: [String: Any], _ id: String) throws -> (length: Double, interval: [Double]) {
        let j = try #require((r["jurisdictions"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        return (j["length_m"] as! Double, j["length_m_interval"] as! [Double])
    }

    @Test("A route crossing at right angles: each side ± the territories' accuracy; the route's ends ± its own; 0 to the border, exactly")
    func rightAngle() throws {
        let r = try run(route("[[0.5,0.5],[1.5,0.5]]"), ["--accuracy", "1000", "--route-accuracy", "500", "--corridor", "2"])
        let length = r["length_m"] as! Double
        // A straight route loses nothing to simplification: ± 500 m at each end.
        let whole = try #require(r["length_m_interval"] as? [Double])   // (the simplified line is measured again: 1e-11 m apart)
        #expect(abs(whole[0] - (length - 1000)) < 1e-6 && abs(whole[1] - (length + 1000)) < 1e-6, "\(whole)")
        for id in ["west", "east"] {
            let (l, i) = try jurisdiction(r, id)
            // The crossing moves 1000 m / sin 90° (θ from the route's and the meridian's azimuths: 1e-9 off), the end 500 m.
            #expect(abs(i[0] - (l - 1500)) < 1e-3 && abs(i[1] - (l + 1500)) < 1e-3, "\(id): \(l) \(i)")
        }
        #expect(r["min_to_border_m_interval"] as? [Double] == [0, 0])
        // Near (5 km): the samples within 5 − 1.5 and 5 + 1.5 km of the border, every km along the route: 7 and 13 samples' worth.
        let near = try #require(r["near_m_interval"] as? [Double])
        #expect(abs(near[0] - 7000) <= 1000 && abs(near[1] - 13000) <= 1000, "\(near)")
        // The corridor (2 km wide) in each square, grown and shrunk by 1 km at the border: ± 2 km² (hand: width × accuracy).
        let corridor = try #require(r["corridor"] as? [String: Any])
        for j in try #require(corridor["by_jurisdiction"] as? [[String: Any]]) {
            let area = j["area_m2"] as! Double, i = j["area_m2_interval"] as! [Double]
            #expect(abs(i[0] - (area - 2e6)) < 0.01 * 2e6 && abs(i[1] - (area + 2e6)) < 0.01 * 2e6, "\(j)")
        }
    }

    @Test("A route crossing at about 45°: the crossing moves 1000 m / sin θ, θ from GeodSolve's azimuth")
    func obliqueCrossing() throws {
        try #require(GeographicLib.available, "\(GeographicLib.missingReason)")
        let r = try run(route("[[0.6,0.1],[1.4,0.9]]"), ["--accuracy", "1000", "--corridor", "0"])
        // The route's direction at the crossing, half-way: the mean of its azimuths at the ends (they differ by 0.007°).
        let ends = try GeographicLib.azimuths(0.6, 0.1, 1.4, 0.9), azimuth = (ends.start + ends.end) / 2
        let shift = 1000 / sin(azimuth * .pi / 180)
        let (l, i) = try jurisdiction(r, "west")
        #expect(abs(i[1] - l - shift) < 2 && abs(l - i[0] - shift) < 2, "\(i) \(l) \(shift)")
        // No route accuracy stated: the length has no width.
        let length = r["length_m"] as! Double
        #expect(r["length_m_interval"] as? [Double] == [length, length])
    }

    @Test("A route's accuracy_m property is its accuracy; a bad one is exit 2 naming the feature")
    func routeProperty() throws {
        let r = try run(route("[[0.5,0.5],[1.5,0.5]]", properties: #"{"accuracy_m":250}"#), ["--corridor", "0"])
        let length = r["length_m"] as! Double
        let whole = try #require(r["length_m_interval"] as? [Double])
        #expect(abs(whole[0] - (length - 500)) < 1e-6 && abs(whole[1] - (length + 500)) < 1e-6, "\(whole)")
        let folder = try scratchFolder()
        let t = folder.appendingPathComponent("t.geojson"), bad = folder.appendingPathComponent("bad.geojson")
        try Data(squares.utf8).write(to: t)
        try Data(route("[[0.5,0.5],[1.5,0.5]]", properties: #"{"accuracy_m":"2 km"}"#).utf8).write(to: bad)
        let out = try borderkit(["route", "--territories", t.path, "--routes", bad.path])
        #expect(out.status == 2 && out.stderrText.contains("/features/0/properties/accuracy_m") && out.stderrText.contains("a number of metres"), "\(out.stderrText)")
    }

    @Test("The embedded compare: each figure with its interval, to the digits it supports")
    func embeddedCompare() throws {
        let md = try borderkit(["compare"])
        #expect(md.status == 0)
        #expect(md.stdoutText.contains("Accuracy: territories ± 2042 m"))
        let row = try #require(md.stdoutText.split(separator: "\n").first { $0.hasPrefix("| armenia_km |") })
        // The Syunik route's Armenian section (40–47 km published): "43 (38–48)".
        #expect(row.contains("43 (") && row.contains("–"), "\(row)")
    }
}
