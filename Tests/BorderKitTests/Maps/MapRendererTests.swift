import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// The SVG maps: valid XML, the layers and legend entries present, whole pixels, the same bytes each time, and a
/// scale bar that agrees with the geodesic distance between two drawn points.
@Suite struct MapRendererTests {
    /// Two 1° squares side by side at 40° N, a delimited and an undelimited border between them, a route across,
    /// and two places 100 km apart on the parallel of the map's centre (placed with the geodesic direct problem).
    func scene() throws -> (MapScene, MapPlace, MapPlace) {
        func square(_ w: Double) -> Geometry {
            .polygon(Polygon([[Position(w, 39.5), Position(w + 1, 39.5), Position(w + 1, 40.5), Position(w, 40.5), Position(w, 39.5)]]))
        }
        let a = Territory(id: "a", name: "Alpha", geometry: square(44)), b = Territory(id: "b", name: "Beta", geometry: square(45))
        let report = try Borders.run([a, b], status: [BorderStatusLine(status: "delimited", geometry: .lineString(LineString([Position(45, 40), Position(45, 40.5)])))], source: "test")
        let route = Route(id: "r", name: "Test route / Other name", positions: [Position(44.3, 39.7), Position(45.7, 40.2)])
        let results = try Routes.run([route], context: try RouteContext(territories: [a, b]))
        var s = MapScene(title: "Test map & <friends>")
        s.territories = [a, b]
        s.borders = report.pairs.flatMap(\.segments)
        s.tripoints = [Tripoint(territories: ["a", "b", "c"], position: Position(45, 39.5))]
        s.routes = results.map(MapRoute.init)
        let west = Geodesic.wgs84.direct(from: Position(45, 40), azimuth: 270, distance: 50_000).position
        let east = Geodesic.wgs84.direct(from: Position(45, 40), azimuth: 90, distance: 50_000).position
        let p1 = MapPlace(name: "West", position: west), p2 = MapPlace(name: "East", position: east)
        s.places = [p1, p2]
        s.bbox = Envelope(minX: 43.8, minY: 39.3, maxX: 46.2, maxY: 40.7)
        s.credits = ["test data, exact"]
        return (s, p1, p2)
    }

    @Test("valid XML with every layer and its legend entry; whole-pixel paths; the same bytes twice")
    func structure() throws {
        let (s, _, _) = try scene()
        let svg = try MapRenderer.svg(s)
        #expect(try MapRenderer.svg(s) == svg)
        let doc = try SVGDocument(svg)
        for id in ["territories", "graticule", "borders", "routes", "crossings", "tripoints", "legend", "scale-bar", "north-arrow", "title", "projection", "provenance", "places", "labels", "corridors"] {
            #expect(doc.ids.contains(id), "no element with id \(id)")
        }
        let legend = doc.texts.joined(separator: "\n")
        for entry in ["Alpha", "Beta", "delimited border", "undelimited border", "tripoint (three territories meet)", "Test route / Other name",
                      "crossing, numbered in travel order", "corridor, 5 km wide", "Test map & <friends>"] {
            #expect(legend.contains(entry), "missing text \(entry)")
        }
        #expect(doc.texts.contains { $0.hasPrefix("Projection: Lambert conformal conic") })
        #expect(doc.texts.contains { $0.contains("test data, exact") })
        // Every path is whole pixels: M/L/Z, integers and spaces only.
        #expect(!doc.paths.isEmpty)
        for d in doc.paths { #expect(d.allSatisfy { "MLZ -0123456789".contains($0) }, "path data not in whole pixels: \(d.prefix(60))") }
        #expect(!svg.contains("href"), "external references")
        // The route crosses one border: one numbered marker, "1".
        #expect(doc.texts.contains("1"))
    }

    @Test("the scale bar agrees with the projected distance between two places 100 km apart (± 1.5 px)")
    func scaleBar() throws {
        let (s, p1, p2) = try scene()
        let doc = try SVGDocument(try MapRenderer.svg(s))
        // The scale bar: two rects of half its length each, labelled "N km".
        let bar = try #require(doc.scaleBar)
        let circles = doc.circles(in: "places")
        #expect(circles.count == 2)
        let dx = abs(circles[0].x - circles[1].x), dy = abs(circles[0].y - circles[1].y)
        let pixels = (dx * dx + dy * dy).squareRoot()
        let expected = 100 / bar.km * bar.pixels
        #expect(abs(pixels - expected) <= 1.5, "places \(p1.name)–\(p2.name): \(pixels) px; scale bar says \(expected) px for 100 km")
    }

    @Test("projection by extent: conic at mid-latitudes, Mercator at the equator, polar stereographic, Equal Earth")
    func projections() throws {
        var s = try scene().0
        s.layers = [.territories, .labels]
        for (box, name) in [(Envelope(minX: 43.8, minY: 39.3, maxX: 46.2, maxY: 40.7), "Lambert conformal conic"),
                            (Envelope(minX: 10, minY: -5, maxX: 20, maxY: 5), "Mercator"),
                            (Envelope(minX: -40, minY: 75, maxX: 40, maxY: 89), "polar stereographic"),
                            (Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90), "Equal Earth")] {
            s.bbox = box
            let doc = try SVGDocument(try MapRenderer.svg(s))
            #expect(doc.texts.contains { $0.hasPrefix("Projection: \(name)") }, "\(box) → \(doc.texts.first { $0.hasPrefix("Projection") } ?? "none")")
        }
        var empty = MapScene(title: "nothing")
        empty.layers = [.territories]
        #expect(throws: InputError.self) { try MapRenderer.svg(empty) }
    }
}
