import Foundation
import Testing
import TestSupport

/// Maps of a user's data (issue 21): the Natural Earth world drawn as a new user would, checked for what a reader
/// sees: a title that is no path, markers only for exclaves and enclaves by land, labels for the large countries,
/// "border" when no status layer is given, the sea inside the projection's outline, graticule labels both ways.
struct MapCartographyTests {
    @Test("the world map: title from the data's name, no island marked, the large countries labelled, plain borders, the sea in the outline, both graticule labels",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func world() throws {
        let folder = try scratchFolder()
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let out = folder.appendingPathComponent("w.svg")
        let r = try borderkit(["map", "--territories", world, "--id-property", "ADM0_A3", "--layers", "territories,graticule,borders,tripoints,enclaves,labels", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try String(contentsOf: out, encoding: .utf8)
        let doc = try SVGDocument(text)
        // The title: the data's name, never its path.
        #expect(doc.texts.first == "ne_10m_admin_0_countries_deu_v5.1.1", "\(doc.texts.prefix(2))")
        #expect(!doc.texts.prefix(3).contains { $0.contains("/") })
        // Markers: as many as `areas` finds exclaves and enclaves by land (islands are neither).
        let areas = try borderkit(["areas", "--territories", world, "--id-property", "ADM0_A3", "-f", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: areas.stdout) as? [String: Any])
        let exclaves = (report["exclaves"] as? [Any] ?? []).count, enclaves = (report["enclaves"] as? [Any] ?? []).count
        let detached = (report["detached_parts"] as? [Any] ?? []).count
        func group(_ id: String) throws -> String {
            let start = try #require(text.range(of: "<g id=\"\(id)\"")).upperBound
            let rest = text[start...]
            return String(rest[..<(rest.range(of: "</g>")?.lowerBound ?? rest.endIndex)])
        }
        let diamonds = try group("exclaves").components(separatedBy: "<rect").count - 1, rings = try group("enclaves").components(separatedBy: "<circle").count - 1
        #expect(detached > 1_000, "the world has islands: \(detached)")
        #expect(diamonds <= exclaves && rings <= enclaves && diamonds + rings > 0, "markers \(diamonds) + \(rings) for \(exclaves) exclaves and \(enclaves) enclaves")
        // Labels: the largest countries, whose names fit inside them.
        for name in ["Russia", "Canada", "United States", "China", "Brazil", "Australia", "India", "Mexico", "Iran", "Sudan", "Libya"] {
            #expect(doc.texts.contains(name), "no label \(name)")
        }
        // No two labels overlap, and none covers a tripoint's dot (boxes from the font size, as drawn).
        var boxes: [(name: String, minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
        for match in try group("labels").matches(of: #/<text x="([0-9.]+)" y="([0-9.]+)" font-size="([0-9.]+)"[^>]*>([^<]+)</#) {
            let (x, y, size, name) = (Double(match.1)!, Double(match.2)!, Double(match.3)!, String(match.4))
            let w = Double(name.count) * size * 0.56 + 4
            boxes.append((name, x - w / 2, y - size, x + w / 2, y + size * 0.3))
        }
        #expect(boxes.count >= 15, "\(boxes.count) labels")
        for (k, a) in boxes.enumerated() {
            for b in boxes[(k + 1)...] where a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY {
                Issue.record("labels \(a.name) and \(b.name) overlap")
            }
        }
        for dot in try group("tripoints").matches(of: #/<circle cx="([0-9.]+)" cy="([0-9.]+)"/#) {
            let (x, y) = (Double(dot.1)!, Double(dot.2)!)
            for b in boxes where b.minX < x + 3.5 && x - 3.5 < b.maxX && b.minY < y + 3.5 && y - 3.5 < b.maxY {
                Issue.record("label \(b.name) covers the tripoint at \(x), \(y)")
            }
        }
        // No status layer: every border is a "border".
        #expect(doc.texts.contains("border") && !doc.texts.contains("undelimited border"))
        // The sea is the globe's outline, not the frame's rectangle; the graticule is labelled both ways.
        #expect(text.contains(#"<path id="water""#))
        #expect(doc.texts.contains { $0.hasSuffix("° N") } && doc.texts.contains { $0.hasSuffix("° S") })
        #expect(doc.texts.contains { $0.hasSuffix("° E") } && doc.texts.contains { $0.hasSuffix("° W") })
    }

    @Test("the embedded routes' crossings: where routes cross at one place, each route's marker is moved aside so none covers another")
    func crossingMarkers() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("r.svg")
        let r = try borderkit(["map", "--layers", "territories,borders,routes,crossings", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let doc = try SVGDocument(try String(contentsOf: out, encoding: .utf8))
        let circles = doc.circles(in: "crossings")
        #expect(circles.count > 8, "\(circles.count) crossings")
        for (i, a) in circles.enumerated() {
            for b in circles[(i + 1)...] {
                #expect(abs(a.x - b.x) >= 14 || abs(a.y - b.y) >= 14, "two crossing markers on top of each other at \(a), \(b)")
            }
        }
    }

    @Test("a few territories: each colour in the legend once, with the territories it stands for; neighbours differ")
    func legendColours() throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("row.geojson")
        // Eight squares in a row: neighbours differ, so colours repeat among squares apart.
        let features = (0..<8).map { i in
            #"{"type":"Feature","properties":{"code":"T\#(i)","name":"Square \#(i)"},"geometry":{"type":"Polygon","coordinates":[[[\#(i),0],[\#(i + 1),0],[\#(i + 1),1],[\#(i),1],[\#(i),0]]]}}"#
        }
        try Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8).write(to: file)
        let out = folder.appendingPathComponent("row.svg")
        let r = try borderkit(["map", "--territories", file.path, "--id-property", "code", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try String(contentsOf: out, encoding: .utf8)
        let fills = text.components(separatedBy: "data-id=\"").dropFirst().map { part -> String in
            let f = part.components(separatedBy: "fill=\"")[1]
            return String(f.prefix { $0 != "\"" })
        }
        #expect(fills.count == 8)
        for i in 1..<fills.count { #expect(fills[i] != fills[i - 1], "neighbours \(i - 1) and \(i) share a colour") }
        let doc = try SVGDocument(text)
        let legend = String(text[try #require(text.range(of: #"<g id="legend""#)).lowerBound...])
        let legendNames = legend.components(separatedBy: ">Square").dropFirst().map { "Square" + $0.prefix { $0 != "<" } }
        #expect(legendNames.count == Set(fills).count, "one legend line per colour: \(legendNames)")
        #expect(legendNames.joined(separator: ", ").components(separatedBy: "Square").count - 1 >= 8, "every square named in the legend: \(legendNames)")
        #expect(doc.texts.first == "row")
    }
}
