import BorderKit
import Foundation
import GeoCore
import Testing

/// The code of the article "Using BorderKit from Swift" (Sources/BorderKit/BorderKit.docc), compiled and run
/// here: the test fails if the article's code block and this function's body drift apart.
@Suite struct UsingBorderKitExampleTests {
    // BEGIN EXAMPLE
    /// Reads territories and routes, computes the shared borders and the routes, writes the borders as GeoJSON.
    func example(territoriesPath: String, routesPath: String, output: String) throws -> String {
        // Read the files (RFC 7946 GeoJSON; a legacy crs is reprojected, ±180° read the short way).
        let loaded = try Territory.load(try GeoJSONReader.read(path: territoriesPath), source: territoriesPath, idProperty: nil)
        let routes = try Route.load(try GeoJSONReader.read(path: routesPath), source: routesPath)

        // Shared borders of every pair: line-merged segments with geodesic lengths (metres on WGS84), tripoints.
        let borders = try Borders.run(loaded.territories, source: loaded.source, warnings: loaded.warnings)

        // Routes measured against those borders: per jurisdiction, crossings, nearest border, corridor.
        let context = try RouteContext(territories: loaded.territories, borders: borders)
        let results = try Routes.run(routes, context: context)

        // Write the borders as RFC 7946 GeoJSON, all or nothing.
        try FileIO.writeAtomically(GeoJSONWriter().data(borders.featureCollection), to: output)

        var summary = "\(borders.pairs.count) pairs, \(borders.tripoints.count) tripoints"
        for r in results {
            let km = r.byJurisdiction.map { "\($0.id) \(Int(($0.length / 1000).rounded())) km" }
            summary += "\n\(r.route.name): \(km.joined(separator: ", ")); \(r.borderCrossings.count) border crossings"
        }
        return summary
    }
    // END EXAMPLE

    @Test("the article's example runs on the embedded data")
    func runs() throws {
        let data = try EmbeddedData.locate()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString).geojson").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try example(territoriesPath: data.folder + "/territories.geojson", routesPath: data.folder + "/routes.geojson", output: out)
        #expect(summary.hasPrefix("15 pairs, 9 tripoints"), "\(summary)")
        #expect(summary.contains("Syunik route / Zangezur corridor / TRIPP: azerbaijan 39 km, armenia 43 km; 2 border crossings"), "\(summary)")
        #expect(try GeoJSONReader.read(path: out).features.count > 15)
    }

    @Test("the article shows this code, to the character")
    func articleMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(contentsOf: root.appendingPathComponent("Sources/BorderKit/BorderKit.docc/UsingBorderKitFromSwift.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ text: Substring) -> [String] {
            let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let indent = all.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            return all.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
        }
        let start = try #require(source.range(of: "// BEGIN EXAMPLE\n")), end = try #require(source.range(of: "    // END EXAMPLE"))
        let code = lines(source[start.upperBound..<end.lowerBound].dropLast())
        let open = try #require(article.range(of: "```swift\n")), close = try #require(article.range(of: "\n```", range: open.upperBound..<article.endIndex))
        #expect(lines(article[open.upperBound..<close.lowerBound]) == code)
    }
}
