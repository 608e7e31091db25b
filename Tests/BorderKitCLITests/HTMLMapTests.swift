import Foundation
import Testing
import TestSupport

/// `map --format html` and `--map PATH.html` (issue 21) without a browser: one self-contained page (Leaflet
/// inlined, nothing fetched), the data in a JSON block no text of a file can end, hostile text escaped, a clear
/// error and no file where Leaflet is missing. The browser half is Tools/browser/check.sh.
struct HTMLMapTests {
    static let leafletInstalled = FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.min.js")

    @Test("the embedded map as HTML: Leaflet and its licence inlined, no URL fetched, every layer's features in the data block",
          .enabled(if: leafletInstalled, "Leaflet is not installed (apt-get install libjs-leaflet)"))
    func page() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("m.html")
        let r = try borderkit(["map", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("BSD-2-Clause") && text.contains("L.control.layers") && text.contains("L.control.scale"))
        // Nothing from the network: no script, link or image element that names a file, no URL in the CSS.
        #expect(!text.contains("<script src") && !text.contains("<link") && !text.contains("<img") && !text.contains("url(http") && !text.contains("url(images"))
        let count = try #require(text.range(of: #"data-borderkit-features=""#).map { Int(text[$0.upperBound...].prefix { $0.isNumber })! })
        #expect(count > 50, "\(count) features")
        // The same page from `borders --map x.html`, by the path's ending.
        let borders = folder.appendingPathComponent("b.html")
        #expect(try borderkit(["borders", "--map", borders.path]).status == 0)
        #expect(try String(contentsOf: borders, encoding: .utf8).contains(#""name":"Borders""#))
    }

    @Test("hostile names, ids and title: escaped in the title, and in the data block no '<' at all; the page's scripts are BorderKit's three",
          .enabled(if: leafletInstalled, "Leaflet is not installed (apt-get install libjs-leaflet)"))
    func hostile() throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("h.geojson")
        let evil = #"</script><script>alert(1)</script><img src=x onerror=alert(2)>"#
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A","name":"\#(evil)"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#.utf8).write(to: file)
        let out = folder.appendingPathComponent("h.html")
        let r = try borderkit(["map", "--territories", file.path, "--id-property", "code", "--title", "<b>t</b>", "-f", "html", "-o", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("<title>&lt;b&gt;t&lt;/b&gt;</title>"))
        let block = try #require(text.range(of: #"<script id="borderkit-data" type="application/json">"#))
        let data = text[block.upperBound...].prefix { $0 != "<" }
        #expect(data.contains(#"\u003c/script\u003e"#), "the name's text travels escaped")
        #expect(text[block.upperBound...].hasPrefix(data + "</script>"), "the block ends where BorderKit ends it")
        #expect(text.components(separatedBy: "<script").count - 1 == 3)
        #expect(!text.contains("<img"))
    }

    @Test("report writes index.html and every page as HTML: each link resolves to a file of the report, pages with a map carry it",
          .enabled(if: leafletInstalled, "Leaflet is not installed (apt-get install libjs-leaflet)"))
    func report() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("rep")
        let r = try borderkit(["report", "--output", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let files = Set(listing(out))
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(files.contains("index.html") && pages.count == files.filter { $0.hasSuffix(".md") }.count, "\(pages.sorted())")
        for page in pages {
            let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            // The links of the page's own text (Leaflet's script has its own strings).
            let main = text.components(separatedBy: "<main>").dropFirst().first?.components(separatedBy: "</main>").first ?? ""
            #expect(!main.isEmpty, "\(page) has no text")
            for part in main.components(separatedBy: "href=\"").dropFirst() {
                let target = String(part.prefix { $0 != "\"" })
                let found = files.contains(target)
                #expect(found, "\(page) links to \(target), not in the report")
            }
            if ["borders.html", "routes.html"].contains(page) { #expect(text.contains("data-borderkit-features"), "\(page) has no map") }
        }
    }

    @Test("without Leaflet: a clear error naming what to install, exit 2, no file written")
    func missingLeaflet() throws {
        let folder = try scratchFolder()
        let out = folder.appendingPathComponent("m.html")
        let r = try run("/usr/bin/env", ["BORDERKIT_LEAFLET_DIR=" + folder.appendingPathComponent("none").path, TestPaths.borderkit.path, "map", "-o", out.path])
        #expect(r.status == 2 && r.stderrText.contains("libjs-leaflet"), "\(r.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
