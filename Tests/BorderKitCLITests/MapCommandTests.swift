import Foundation
import Testing
import TestSupport

/// Renders an SVG to PNG with librsvg's `rsvg-convert` (half size) and reads it back with Tools/maps/png_stats.py:
/// (distinct colours, fraction of pixels neither white nor transparent).
func renderedStats(_ svg: URL) throws -> (colours: Int, inked: Double) {
    let rsvg = try #require(TestPaths.which("rsvg-convert"), "rsvg-convert is missing: Tools/setup.sh installs Debian's librsvg2-bin")
    let png = svg.deletingPathExtension().appendingPathExtension("png")
    let r = try run(rsvg, ["-z", "0.5", "-o", png.path, svg.path])
    #expect(r.status == 0, "rsvg-convert: \(r.stderrText)")
    let stats = try run("/usr/bin/env", ["python3", TestPaths.packageRoot.appendingPathComponent("Tools/maps/png_stats.py").path, png.path])
    let json = try #require(try JSONSerialization.jsonObject(with: stats.stdout) as? [String: Any], "\(stats.stderrText)")
    return ((json["colours"] as? Int) ?? 0, (json["inked"] as? Double) ?? 0)
}

@Suite struct MapCommandTests {
    @Test("borders --map and compare --map draw real maps: valid SVG with legend, rendered by librsvg, not blank")
    func analysisMaps() throws {
        let folder = try scratchFolder()
        for (args, legend) in [(["borders"], ["undelimited border", "delimited border", "tripoint (three territories meet)", "Armenia", "Azerbaijan"]),
                               (["compare"], ["Syunik route / Zangezur corridor / TRIPP", "crossing, numbered in travel order", "corridor, 5 km wide", "Iran"]),
                               (["areas", "--at", "2021-01-01"], ["held by Russian peacekeeping contingent", "Nagorno-Karabakh Republic", "exclave (apart from the main body)"])] {
            let svg = folder.appendingPathComponent("\(args[0]).svg")
            let r = try borderkit(args + ["--map", svg.path, "--output", folder.appendingPathComponent("\(args[0]).md").path])
            #expect(r.status == 0, "\(args): \(r.stderrText)")
            let doc = try SVGDocument(try String(contentsOf: svg, encoding: .utf8))
            for entry in legend { #expect(doc.texts.contains { $0.contains(entry) }, "\(args): legend lacks \(entry)") }
            #expect(doc.texts.contains { $0.hasPrefix("Data: territories: DCW-GMT") }, "\(args): no provenance line")
            let stats = try renderedStats(svg)
            #expect(stats.colours >= 50 && stats.inked >= 0.3, "\(args): the PNG looks blank: \(stats)")
            let again = folder.appendingPathComponent("\(args[0])-2.svg")
            _ = try borderkit(args + ["--map", again.path])
            #expect(FileManager.default.contents(atPath: svg.path) == FileManager.default.contents(atPath: again.path), "\(args): not deterministic")
        }
    }

    @Test("map: layers, bbox, a route by any name, a date; bad options are clear errors and write nothing")
    func mapCommand() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("m.svg").path
        let r = try borderkit(["map", "--route", "TRIPP", "--at", "2021-01-01", "--bbox", "45,38.5,47,40", "--layers", "territories,borders,routes,crossings,control,labels", "-o", out])
        #expect(r.status == 0, "\(r.stderrText)")
        let doc = try SVGDocument(try String(contentsOf: URL(fileURLWithPath: out), encoding: .utf8))
        #expect(doc.ids.contains("routes") && doc.ids.contains("control") && !doc.ids.contains("places") && !doc.ids.contains("claims"))
        #expect(doc.texts.contains { $0.contains("State on 2021-01-01") })
        #expect(doc.texts.contains("Syunik route / Zangezur corridor / TRIPP"))
        #expect(!doc.texts.contains { $0.hasPrefix("Kars") }, "only the route asked for")
        for (args, message) in [(["--layers", "borders,rivers"], "unknown layer \"rivers\""), (["--bbox", "45,40,47,38"], "--bbox takes west,south,east,north"),
                                (["--at", "2021-02-30x"], "not an ISO 8601 date"), (["--route", "Silk Road"], "no route named \"Silk Road\"")] {
            let bad = folder.appendingPathComponent("bad.svg").path
            let e = try borderkit(["map", "-o", bad] + args)
            #expect(e.status != 0 && e.stderrText.contains(message), "\(args): \(e.stderrText)")
            #expect(!FileManager.default.fileExists(atPath: bad))
        }
        #expect(listing(folder) == ["m.svg"])
    }

    @Test("map of a user's world file: Equal Earth, every country, no embedded layers")
    func worldMap() throws {
        guard TestPaths.sharedAvailable else { return }
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("w.svg")
        let world = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let r = try borderkit(["map", "--territories", world, "--id-property", "ADM0_A3", "--layers", "territories,graticule,labels", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try String(contentsOf: out, encoding: .utf8)
        let doc = try SVGDocument(text)
        #expect(doc.texts.contains { $0.hasPrefix("Projection: Equal Earth") })
        #expect(doc.texts.contains { $0.contains("territories, coloured so that neighbours") })
        #expect(!doc.ids.contains("routes"))
        #expect(text.utf8.count < 3_000_000, "map of the world is \(text.utf8.count) bytes: not simplified to the scale")
    }
}

@Suite struct ReportCommandTests {
    @Test("report: index.md links resolve, maps embedded and valid, same bytes twice, replaces only its own folder")
    func report() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("rep")
        let r = try borderkit(["report", "--output", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let files = listing(out)
        for name in ["index.md", "borders.md", "borders.svg", "borders.geojson", "borders.csv", "borders.json", "areas.md", "areas-1994-05-12.md",
                     "areas-2020-11-10.svg", "areas-latest.json", "routes.md", "routes.svg", "compare.csv", "compare.json", "routes.geojson"] {
            #expect(files.contains(name), "missing \(name)")
        }
        // Every Markdown link and image points at a file of the report.
        for md in files where md.hasSuffix(".md") {
            let text = try String(contentsOf: out.appendingPathComponent(md), encoding: .utf8)
            let links = text.matches(of: /\]\(([^)]+)\)/).map { String($0.1) }
            #expect(!links.isEmpty || md == "routes-detail.md", "\(md) links nothing")
            for link in links { #expect(files.contains(link), "\(md) links \(link), which is not in the report") }
        }
        for page in ["borders.md", "routes.md", "areas-2020-11-10.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            #expect(text.contains("![") && text.contains(".svg)"), "\(page) embeds no map")
        }
        for svg in files where svg.hasSuffix(".svg") { _ = try SVGDocument(try String(contentsOf: out.appendingPathComponent(svg), encoding: .utf8)) }
        let areas = try String(contentsOf: out.appendingPathComponent("areas.md"), encoding: .utf8)
        #expect(areas.contains("Russian peacekeeping contingent") && areas.contains("1994-05-12_km2"))

        // Again over the earlier report: replaced, same bytes, nothing left beside it.
        let second = try borderkit(["report", "--output", out.path])
        #expect(second.status == 0, "\(second.stderrText)")
        #expect(listing(out) == files)
        let copy = folder.appendingPathComponent("rep2")
        _ = try borderkit(["report", "--output", copy.path])
        for name in files {
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent(name).path) == FileManager.default.contents(atPath: copy.appendingPathComponent(name).path), "\(name) differs between runs")
        }
        #expect(listing(folder) == ["rep", "rep2"])

        // A folder that is not a report is refused and left alone.
        let other = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try borderkit(["report", "--output", other.path])
        #expect(refused.status == 2 && refused.stderrText.contains("is not a folder this command wrote"))
        #expect(listing(other) == ["notes.txt"])
        #expect(listing(folder) == ["mine", "rep", "rep2"])
    }
}
