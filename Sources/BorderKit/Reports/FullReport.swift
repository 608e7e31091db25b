import Foundation
import GeoCore

/// The whole analysis of a set of inputs as one folder an analyst can open: `index.md` linking a Markdown report
/// per analysis (borders by status, claims and control at each date the state changes, routes compared), each
/// with its SVG map embedded and its GeoJSON, CSV and JSON beside it; and every page as HTML too (`index.html`),
/// with its interactive map (`HTMLMap`) and sortable tables.
///
/// The dates are read from the data, not chosen by us: every date on which a claim or a control period begins or
/// ends, and the latest state. Files are named by what they hold and written in a fixed order; the folder is
/// built under a temporary name beside the target and renamed into place (see `ReportFolder`).
public enum FullReport {
    /// One file of the report: its name in the folder and its bytes.
    /// Every file of the report, in the order written.
    public static func build(_ inputs: InputSet, progress: ((String) -> Void)? = nil) throws -> [FolderFile] {
        var files: [FolderFile] = []
        func add(_ name: String, _ text: String) { files.append(FolderFile(name: name, bytes: Array(text.utf8))) }
        func add(_ name: String, json: JSONValue) { files.append(FolderFile(name: name, bytes: JSONWriter.data(json) + [0x0A])) }
        func add(_ name: String, geojson: FeatureCollection) { files.append(FolderFile(name: name, bytes: GeoJSONWriter().data(geojson))) }
        // Each Markdown page also as HTML, with its interactive map where it has one.
        func addPage(_ name: String, _ markdown: String, scene: MapScene?) throws {
            add(name, markdown)
            let title = markdown.split(separator: "\n").first.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? name
            add(String(name.dropLast(3)) + ".html", try HTMLMap.page(title: title, body: MarkdownHTML.html(markdown, map: scene != nil), scene: scene))
        }

        let loaded = try inputs.loadTerritories()
        let territories = loaded.territories, source = loaded.source, warnings = loaded.warnings
        let embedded = inputs.usesEmbeddedTerritories
        var index: [[Cell]] = []
        func dataLinks(_ base: String) -> String { "[GeoJSON](\(base).geojson) · [CSV](\(base).csv) · [JSON](\(base).json)" }

        // The territories' accuracy, where they state it (the embedded ones): every figure then has its interval.
        let accuracy = embedded ? try SourceAccuracy.embeddedTerritories(try EmbeddedData.locate()) : nil

        // Borders.
        progress?("borders")
        var borders = try Borders.run(territories, status: try inputs.loadStatusLines(), source: source, warnings: warnings)
        if let accuracy { borders.intervals = try BorderIntervals.compute(borders, accuracy: accuracy) }
        let borderCredits = try inputs.credits(routesShown: false)
        let borderScene = try MapScene.borders(borders, territories: territories, credits: borderCredits)
        try addPage("borders.md", page(borders.markdown, map: "borders.svg", alt: "Shared borders by status", files: dataLinks("borders")), scene: borderScene)
        add("borders.svg", try MapRenderer.svg(borderScene))
        add("borders.geojson", geojson: borders.featureCollection)
        for f in borders.csv.files(at: "borders.csv") { add(f.path, f.csv) }
        add("borders.json", json: borders.json)
        let km = borders.pairs.reduce(0) { $0 + $1.length } / 1000
        index.append([.text("Shared borders by status: \(borders.pairs.count) pairs, \(JSONNumberFormat.fixed(km, decimals: 1)) km, \(borders.tripoints.count) tripoints"),
                      .text("[borders.md](borders.md)"), .text("[borders.svg](borders.svg)"), .text(dataLinks("borders"))])

        // Claims and control at each date the state changes, and the latest state.
        let claims = try inputs.loadClaims(), control = try inputs.loadControl()
        if !claims.isEmpty || !control.isEmpty {
            var dates = Set<ISODate>()
            for p in claims.map(\.period) + control.map(\.period) {
                if let d = p.from { dates.insert(d) }
                if let d = p.to { dates.insert(d) }
            }
            let states: [ISODate?] = dates.sorted() + [nil]
            var holders: [String: [Double]] = [:]
            var columns: [String] = []
            for (k, at) in states.enumerated() {
                let name = at.map { "areas-\($0)" } ?? "areas-latest"
                progress?(name)
                var report = try Areas.run(territories, claims: claims, control: control, at: at, source: source, warnings: warnings)
                if let metres = accuracy?.metres { report.intervals = try AreaIntervals.compute(report, territories: territories, accuracy: metres) }
                let scene = try MapScene.areas(report, territories: territories, claims: claims, control: control, credits: borderCredits)
                try addPage("\(name).md", page(report.markdown, map: "\(name).svg", alt: "Claims and control \(at.map { "on \($0)" } ?? "(latest state)")", files: dataLinks(name)), scene: scene)
                add("\(name).svg", try MapRenderer.svg(scene))
                add("\(name).geojson", geojson: report.featureCollection)
                for f in report.csv.files(at: "\(name).csv") { add(f.path, f.csv) }
                add("\(name).json", json: report.json)
                columns.append(at?.description ?? "latest")
                for t in report.byHolder { holders[t.key, default: Array(repeating: 0, count: states.count)][k] = t.area }
                index.append([.text("Claims and control \(at.map { "on \($0)" } ?? "in the latest state")"), .text("[\(name).md](\(name).md)"),
                              .text("[\(name).svg](\(name).svg)"), .text(dataLinks(name))])
            }
            let table = Table(columns: ["holder"] + columns.map { "\($0)_km2" }, rows: holders.keys.sorted().map { h in
                [.text(h)] + holders[h]!.map { .number($0 / 1e6, decimals: 1) }
            })
            try addPage("areas.md", """
                # Who holds what, date by date

                Area held by each holder, km² (geodesic, WGS84), on each date on which a claim or a control period of the \
                data begins or ends, and in the latest state. Each date's full report: \(columns.map { c in "[\(c)](areas-\(c).md)" }.joined(separator: ", ")).

                \(table.markdown)
                [Back to the index](index.md)

                """, scene: nil)
            index.append([.text("Who holds what, date by date (side by side)"), .text("[areas.md](areas.md)"), .empty, .empty])
        }

        // Routes.
        if embedded || inputs.routes != nil {
            progress?("routes")
            let layer = try inputs.loadRouteLayer()
            let routes = layer.routes
            let context = try RouteContext(territories: territories, borders: borders)
            var options = RouteOptions()
            options.territoryAccuracy = accuracy?.metres
            let results = try Routes.run(routes, context: context, options: options)
            let named = Comparison.named(layer.groups, from: results).filter { !$0.results.isEmpty }
            let groups = !named.isEmpty ? named
                : [Comparison.GroupResult(group: Comparison.Group(name: "Routes", question: "Every route of the input, side by side.", routeIDs: results.map(\.route.id)), results: results)]
            let comparison = Comparison(groups: groups, options: options)
            let full = RouteReport(results: results, options: options, profile: true)
            let routeScene = try MapScene.routes(results, context: context, borders: borders, places: try inputs.loadPlaces(),
                                                 credits: try inputs.credits(), title: "Candidate routes compared")
            try addPage("routes.md", page(comparison.markdown, map: "routes.svg", alt: "Candidate routes",
                                          files: "Comparison: [CSV](compare.csv) · [JSON](compare.json); every route: \(dataLinks("routes")) · [Markdown](routes-detail.md)"),
                        scene: routeScene)
            add("routes.svg", try MapRenderer.svg(routeScene))
            try addPage("routes-detail.md", full.markdown + "\n[Back to the index](index.md)\n", scene: nil)
            add("routes.geojson", geojson: full.featureCollection)
            for f in full.csv.files(at: "routes.csv") { add(f.path, f.csv) }
            add("routes.json", json: full.json)
            add("compare.csv", comparison.csv.main)
            add("compare.json", json: comparison.json)
            index.append([.text("Routes compared: \(results.count) routes, \(groups.count) group\(groups.count == 1 ? "" : "s")"), .text("[routes.md](routes.md)"),
                          .text("[routes.svg](routes.svg)"), .text(dataLinks("routes"))])
        }

        let credits = try inputs.credits(routesShown: embedded || inputs.routes != nil)
        let what = embedded ? "the embedded South Caucasus data (GeoData)" : "`\(source)`"
        try addPage("index.md", """
            # BorderKit report

            The whole analysis of \(what): borders by status, claims and control at each date the data records, \
            and the candidate routes compared. Lengths and areas are geodesic on WGS84; each page has its map \
            (SVG) and its data (GeoJSON, CSV, JSON).

            \(Table(columns: ["analysis", "report", "map", "data"], rows: index).markdown)
            ## Data and its accuracy

            \(credits.map { "- \($0)" }.joined(separator: "\n"))

            Made with BorderKit on GEOS \(geosVersion) and PROJ \(projVersion). The same pages as HTML, each with its \
            interactive map and sortable tables: [index.html](index.html).

            """, scene: nil)
        return files
    }

    /// A report page: the analysis's Markdown with its map under the title and links to its data at the foot.
    static func page(_ markdown: String, map: String, alt: String, files: String) -> String {
        var text = markdown
        if let end = text.range(of: "\n\n") {
            text.insert(contentsOf: "\n\n![\(alt)](\(map))", at: end.lowerBound)
        }
        return text + "\nData: \(files) · [back to the index](index.md)\n"
    }
}
