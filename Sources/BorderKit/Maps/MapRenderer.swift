import GeoCore

/// Draws a `MapScene` as a self-contained SVG a person can read.
///
/// Territories filled in muted colours (neighbours differ), borders styled by status, tripoints, enclaves and
/// exclaves, claims and control hatched, corridors, routes with their crossings numbered in travel order, places,
/// labels placed without overlap, a graticule, a north arrow, a scale bar true at the map's centre (geodesic,
/// WGS84), a legend of what is shown, the projection's name and the data's sources and accuracy. Projected
/// through PROJ (see `MapFrame`), clipped and simplified with GEOS to the pixel; coordinates are whole pixels
/// and every number is formatted the same way each run, so the same scene gives the same bytes. No external
/// fonts, images or links.
public enum MapRenderer {
    /// Width of the drawing in pixels; the height follows the extent's shape.
    static let mapWidth = 880.0, legendWidth = 300.0, margin = 20.0, mapTop = 66.0

    /// The SVG text of a scene. Throws when nothing can be projected (an empty scene, an extent PROJ rejects).
    public static func svg(_ scene: MapScene) throws -> String {
        guard let extent = scene.bbox ?? scene.defaultExtent(), extent.width > 0 || extent.height > 0 else {
            throw InputError("the map has nothing to show: no territories and no routes", kind: .other, remedy: .bbox)
        }
        let padded = extent.width > 0 && extent.height > 0 ? extent : extent.expanded(by: 0.1)
        let frame = try MapFrame(extent: padded, left: margin, top: mapTop, width: mapWidth, maxHeight: 860, minHeight: 420)
        var canvas = MapCanvas(scene: scene, frame: frame)
        try canvas.draw()
        return canvas.svg.text
    }
}

/// One map being drawn: the SVG so far, the legend entries of what was drawn, the labels placed.
extension MapRenderer {
    /// `text` without its leading and trailing line breaks, on UTF-8 bytes (Foundation's
    /// `trimmingCharacters(in:)` goes through UTF-16 and took 7% of a map of 10^5 territories).
    static func trimmingNewlines(_ text: String) -> String {
        let utf8 = text.utf8
        let isBreak: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isBreak($0) }), let last = utf8.lastIndex(where: { !isBreak($0) }) else { return "" }
        return String(text[first...last])
    }
}

struct MapCanvas {
    let scene: MapScene
    let frame: MapFrame
    var svg = SVGWriter()
    var legend: [LegendEntry] = []
    var labels: MapLabels
    var fills: [String: String] = [:]
    var patterns: [(id: String, colour: String, angle: Int)] = []
    /// Territories as drawn (clipped, projected, simplified), kept for their labels.
    var drawnTerritories: [(territory: Territory, geometry: Geometry)] = []

    /// Claimants and holders, lowercased, in order of first appearance: their colours' order.
    let parties: [String]

    init(scene: MapScene, frame: MapFrame) {
        self.scene = scene
        self.frame = frame
        var parties: [String] = []
        for p in scene.claims.map(\.claimant) + scene.control.map(\.holder) where !parties.contains(p.lowercased()) {
            parties.append(p.lowercased())
        }
        self.parties = parties
        labels = MapLabels(left: frame.left, top: frame.top, width: frame.width, height: frame.height)
    }

    var totalWidth: Double { MapRenderer.margin * 3 + MapRenderer.mapWidth + MapRenderer.legendWidth }

    func on(_ layer: MapLayer) -> Bool { scene.layers.contains(layer) }

    mutating func draw() throws {
        if on(.territories) { fills = MapPalette.colouring(scene.territories) }
        // Draw the map body first into its own writer, so that the legend knows what was drawn.
        var body = SVGWriter()
        swap(&body, &svg)
        try drawBody()
        swap(&body, &svg)
        let credits = wrap("Data: " + (scene.credits.isEmpty ? "the input files" : scene.credits.joined(separator: "; ")), width: 190)
        let legendHeight = LegendEntry.height(of: legend)
        let height = (max(frame.top + frame.height, frame.top + legendHeight) + 18 + Double(credits.count) * 14 + 8).rounded()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": px(totalWidth), "height": px(height),
                         "viewBox": "0 0 \(px(totalWidth)) \(px(height))", "font-family": "DejaVu Sans, Verdana, Arial, sans-serif"])
        svg.text("title", scene.title)
        svg.open("defs")
        svg.open("clipPath", ["id": "map-frame"])
        svg.empty("rect", ["x": px(frame.left), "y": px(frame.top), "width": px(frame.width), "height": px(frame.height)])
        svg.close("clipPath")
        for p in patterns {
            svg.open("pattern", ["id": p.id, "width": "8", "height": "8", "patternUnits": "userSpaceOnUse",
                                 "patternTransform": "rotate(\(p.angle))"])
            svg.empty("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "8", "stroke": p.colour, "stroke-width": "2", "stroke-opacity": "0.55"])
            svg.close("pattern")
        }
        svg.close("defs")
        svg.empty("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"])
        svg.text("text", scene.title, ["id": "title", "x": px(MapRenderer.margin), "y": "32", "font-size": "20", "font-weight": "bold", "fill": MapPalette.ink])
        let subtitle = "Projection: \(frame.projectionName)" + (scene.date.map { ". State on \($0)." } ?? ".")
        svg.text("text", subtitle, ["id": "projection", "x": px(MapRenderer.margin), "y": "52", "font-size": "12", "fill": MapPalette.muted])
        svg.raw(MapRenderer.trimmingNewlines(body.text))
        drawLegend(x: frame.left + frame.width + MapRenderer.margin, y: frame.top)
        svg.open("g", ["id": "provenance", "font-size": "10", "fill": MapPalette.muted])
        for (i, line) in credits.enumerated() {
            svg.text("text", line, ["x": px(MapRenderer.margin), "y": px(max(frame.top + frame.height, frame.top + legendHeight) + 18 + Double(i) * 14)])
        }
        svg.close("g")
        svg.close("svg")
    }

    /// The map area: water, layers in drawing order, frame, north arrow and scale bar.
    mutating func drawBody() throws {
        try drawWater()
        labels.reserve(northArrowBox)
        labels.reserve(scaleBarBox)
        svg.open("g", ["id": "map", "clip-path": "url(#map-frame)"])
        if on(.territories) { try drawTerritories() }
        if on(.graticule) { try drawGraticule() }
        if on(.claims) { try drawAreas(scene.claims.map { ($0.claimant, $0.geometry) }, layer: "claims", angle: 45, what: "claimed by") }
        if on(.control) { try drawAreas(scene.control.map { ($0.holder, $0.geometry) }, layer: "control", angle: -45, what: "held by") }
        if on(.corridors) { try drawCorridors() }
        if on(.borders) { try drawBorders() }
        if on(.routes) { try drawRoutes() }
        if on(.tripoints) { try drawTripoints() }
        if on(.enclaves) { try drawEnclaves() }
        if on(.crossings) { try drawCrossings() }
        svg.close("g")
        svg.empty("rect", ["id": "frame", "x": px(frame.left), "y": px(frame.top), "width": px(frame.width), "height": px(frame.height),
                           "fill": "none", "stroke": "#555555", "stroke-width": "1"])
        try drawNorthArrow()
        try drawScaleBar()
        if on(.labels) { try drawLabels() }
    }

    // MARK: Layers

    /// The sea: the globe's outline in this projection (the lon/lat box the map shows, densified and projected),
    /// so that on a world map nothing is blue outside the Equal Earth outline; on a regional map it fills the frame.
    mutating func drawWater() throws {
        let g = frame.geographic, n = 256
        var ring: [Position] = []
        for i in 0..<n { ring.append(Position(g.minX + g.width * Double(i) / Double(n), g.minY)) }
        for i in 0..<n { ring.append(Position(g.maxX, g.minY + g.height * Double(i) / Double(n))) }
        for i in 0..<n { ring.append(Position(g.maxX - g.width * Double(i) / Double(n), g.maxY)) }
        for i in 0..<n { ring.append(Position(g.minX, g.maxY - g.height * Double(i) / Double(n))) }
        ring.append(ring[0])
        if let projected = try? frame.projection.forward(.polygon(Polygon([ring]))).clipped(to: frame.projected.expanded(by: 4 / frame.scale)),
           !projected.isEmpty {
            svg.empty("path", ["id": "water", "d": SVGPath.data(projected, frame), "fill": MapPalette.water])
        } else {
            svg.empty("rect", ["id": "water", "x": px(frame.left), "y": px(frame.top), "width": px(frame.width), "height": px(frame.height), "fill": MapPalette.water])
        }
    }

    mutating func drawTerritories() throws {
        svg.open("g", ["id": "territories", "stroke": "#8a8a8a", "stroke-width": "0.6", "fill-rule": "evenodd"])
        var shown: [Territory] = []
        for t in scene.territories {
            guard let g = try frame.prepare(t.geometry) else { continue }
            let d = SVGPath.data(g, frame)
            guard !d.isEmpty else { continue }
            svg.empty("path", ["data-id": t.id, "fill": fills[t.id], "d": d])
            shown.append(t)
            drawnTerritories.append((t, g))
        }
        svg.close("g")
        if !shown.isEmpty {
            legend.append(.heading("Territories"))
            // Each colour once, with the territories it stands for (a colour is shared by territories apart).
            var byColour: [(colour: String, names: [String])] = []
            for t in shown {
                let colour = fills[t.id] ?? "#eeeeee"
                if let k = byColour.firstIndex(where: { $0.colour == colour }) { byColour[k].names.append(t.name ?? t.id) } else { byColour.append((colour, [t.name ?? t.id])) }
            }
            if shown.count <= 24 {
                for (colour, names) in byColour { legend.append(.fill(colour, names.joined(separator: ", "))) }
            } else {
                legend.append(.note("\(shown.count) territories, coloured so that neighbours differ"))
            }
        }
    }

    mutating func drawGraticule() throws {
        let g = frame.geographic
        let span = max(g.width, g.height)
        let step = [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30].first { span / $0 <= 9 } ?? 30
        svg.open("g", ["id": "graticule", "fill": "none", "stroke": "#7b93a8", "stroke-width": "0.5", "stroke-opacity": "0.6"])
        var lines: [(Geometry, String, Bool)] = []
        var lon = (g.minX / step).rounded(.up) * step
        while lon <= g.maxX {
            let line = (0...64).map { Position(lon, g.minY + g.height * Double($0) / 64) }
            lines.append((.lineString(LineString(line)), degrees(lon, "E", "W"), true))
            lon += step
        }
        var lat = (g.minY / step).rounded(.up) * step
        while lat <= g.maxY {
            let line = (0...64).map { Position(g.minX + g.width * Double($0) / 64, lat) }
            lines.append((.lineString(LineString(line)), degrees(lat, "N", "S"), false))
            lat += step
        }
        var ticks: [(String, Double, Double, Bool)] = []
        for (line, label, meridian) in lines {
            guard let p = try frame.prepare(line, simplify: false) else { continue }
            let d = SVGPath.data(p, frame)
            guard !d.isEmpty else { continue }
            svg.empty("path", ["d": d])
            // Label at the line's end: below a meridian's lowest point, left of a parallel's westernmost (on a
            // world map the outline curves away from the frame's edges), kept inside the frame.
            let points = p.lineStrings.flatMap(\.positions).map(frame.pixel)
            if meridian, let end = points.max(by: { $0.y < $1.y }) {
                ticks.append((label, end.x, min(end.y + 11, frame.top + frame.height - 5), true))
            } else if !meridian, let end = points.min(by: { $0.x < $1.x }) {
                let half = Double(label.count) * 2.52 + 2
                ticks.append((label, max(end.x - 3 - half, frame.left + 4 + half), end.y + 3, false))
            }
        }
        svg.close("g")
        svg.open("g", ["id": "graticule-labels", "font-size": "9", "fill": "#50677a"])
        for (label, x, y, _) in ticks {
            guard labels.place(label, candidates: [(x, y)], size: 9) != nil else { continue }
            svg.text("text", label, ["x": px(x), "y": px(y), "text-anchor": "middle"])
        }
        svg.close("g")
    }

    /// Claims or control: each area hatched in its party's colour and outlined.
    mutating func drawAreas(_ areas: [(party: String, geometry: Geometry)], layer: String, angle: Int, what: String) throws {
        guard !areas.isEmpty else { return }
        var drawn: [String] = []
        svg.open("g", ["id": layer, "fill-rule": "evenodd"])
        for (party, geometry) in areas {
            guard let g = try frame.prepare(geometry) else { continue }
            let d = SVGPath.data(g, frame)
            guard !d.isEmpty else { continue }
            let colour = partyColour(party)
            let id = "\(layer)-\(colourIndex(party))"
            if !patterns.contains(where: { $0.id == id }) { patterns.append((id, colour, angle)) }
            svg.empty("path", ["data-party": party, "fill": "url(#\(id))", "stroke": colour, "stroke-width": "1.2",
                               "stroke-dasharray": layer == "claims" ? "5 3" : nil, "d": d])
            if !drawn.contains(party) { drawn.append(party) }
        }
        svg.close("g")
        if !drawn.isEmpty {
            legend.append(.heading(layer == "claims" ? "Claims" : "Control"))
            for party in drawn {
                legend.append(.hatch("\(layer)-\(colourIndex(party))", partyColour(party), "\(what) \(party)", dashed: layer == "claims"))
            }
        }
    }

    mutating func drawCorridors() throws {
        var drawn = false
        svg.open("g", ["id": "corridors", "stroke-width": "0.8", "fill-opacity": "0.2", "stroke-opacity": "0.7"])
        var width = 0.0
        for (i, r) in scene.routes.enumerated() {
            guard let c = r.corridor, let g = try frame.prepare(c.geometry) else { continue }
            let d = SVGPath.data(g, frame)
            guard !d.isEmpty else { continue }
            let colour = MapPalette.strong[i % MapPalette.strong.count]
            svg.empty("path", ["data-route": r.route.id, "fill": colour, "stroke": colour, "d": d])
            drawn = true
            width = c.width
        }
        svg.close("g")
        if drawn { legend.append(.corridor("corridor, \(JSONNumberFormat.fixed(width / 1000, decimals: width.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1)) km wide")) }
    }

    mutating func drawBorders() throws {
        var statuses: [String] = []
        svg.open("g", ["id": "borders", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"])
        // Plain borders first, so that the rarer statuses are drawn over them.
        let order = ["undelimited", "delimited", "disputed", "line of control"]
        let sorted = scene.borders.sorted { a, b in
            (order.firstIndex(of: a.status.lowercased()) ?? -1, a.id) < (order.firstIndex(of: b.status.lowercased()) ?? -1, b.id)
        }
        for b in sorted {
            guard let g = try frame.prepare(.lineString(b.line)) else { continue }
            let d = SVGPath.data(g, frame)
            guard !d.isEmpty else { continue }
            // Without a status layer every border is just a border: drawn and named so.
            let s = scene.borderStatusKnown ? MapPalette.stroke(forStatus: b.status) : MapPalette.plainBorder
            svg.empty("path", ["data-status": scene.borderStatusKnown ? b.status : "border", "stroke": s.colour, "stroke-width": px(s.width), "stroke-dasharray": s.dash, "d": d])
            if !statuses.contains(b.status) { statuses.append(b.status) }
            if !scene.borderStatusKnown { statuses = ["border"] }
        }
        svg.close("g")
        if !statuses.isEmpty {
            legend.append(.heading("Borders"))
            for s in statuses.sorted(by: { (order.firstIndex(of: $0.lowercased()) ?? 9, $0) < (order.firstIndex(of: $1.lowercased()) ?? 9, $1) }) {
                legend.append(.line(scene.borderStatusKnown ? MapPalette.stroke(forStatus: s) : MapPalette.plainBorder))
            }
        }
    }

    mutating func drawRoutes() throws {
        guard !scene.routes.isEmpty else { return }
        svg.open("g", ["id": "routes", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"])
        var shown: [(String, String, String?)] = []
        var paths: [(id: String, colour: String, dash: String?, offset: String?, d: String)] = []
        for (i, r) in scene.routes.enumerated() {
            guard let g = try frame.prepare(.lineString(LineString(r.route.positions))) else { continue }
            let d = SVGPath.data(g, frame)
            guard !d.isEmpty else { continue }
            let colour = MapPalette.strong[i % MapPalette.strong.count]
            // The first route is solid, the others dashed at staggered offsets, so that routes sharing a
            // stretch show each other's colours through the gaps.
            let dash = MapCanvas.routeDash(i)
            paths.append((r.route.id, colour, dash.pattern, dash.offset, d))
            shown.append((colour, r.route.name, dash.pattern))
        }
        for p in paths { svg.empty("path", ["stroke": "#ffffff", "stroke-width": "5.6", "d": p.d]) }
        for p in paths {
            svg.empty("path", ["data-route": p.id, "stroke": p.colour, "stroke-width": "3.2", "stroke-dasharray": p.dash, "stroke-dashoffset": p.offset, "d": p.d])
        }
        svg.close("g")
        if !shown.isEmpty {
            legend.append(.heading("Routes"))
            for (colour, name, dash) in shown { legend.append(.route(colour, name, dash: dash)) }
        }
    }

    mutating func drawTripoints() throws {
        var count = 0
        svg.open("g", ["id": "tripoints", "fill": MapPalette.ink, "stroke": "#ffffff", "stroke-width": "1"])
        for t in scene.tripoints {
            guard let (x, y) = visible(t.position) else { continue }
            svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "3.5"])
            labels.reserve(.init(minX: x - 4, minY: y - 4, maxX: x + 4, maxY: y + 4))
            count += 1
        }
        svg.close("g")
        if count > 0 { legend.append(.marker("tripoint", "tripoint (three territories meet)")) }
    }

    mutating func drawEnclaves() throws {
        // Markers for exclaves and enclaves by land only: a detached part (an island) gets none, and holds no room.
        // Two groups, so that each kind can be found (and hidden) on its own.
        let marked = scene.enclaves.filter { $0.isExclave || $0.surroundedBy != nil }.compactMap { e in visible(e.centroid).map { (e, $0) } }
        let enclaves = marked.filter { $0.0.surroundedBy != nil }, exclaves = marked.filter { $0.0.isExclave }
        svg.open("g", ["id": "enclaves", "fill": "none", "stroke": "#ad1457", "stroke-width": "1.8"])
        for (e, (x, y)) in enclaves { svg.empty("circle", ["data-territory": e.territory, "cx": px(x), "cy": px(y), "r": "7"]) }
        svg.close("g")
        svg.open("g", ["id": "exclaves", "fill": "none", "stroke": "#ad1457", "stroke-width": "1.8"])
        for (e, (x, y)) in exclaves {
            svg.empty("rect", ["data-territory": e.territory, "x": px(x - 6), "y": px(y - 6), "width": "12", "height": "12", "transform": "rotate(45 \(px(x)) \(px(y)))"])
        }
        svg.close("g")
        for (_, (x, y)) in marked { labels.reserve(.init(minX: x - 8, minY: y - 8, maxX: x + 8, maxY: y + 8)) }
        if !enclaves.isEmpty { legend.append(.marker("enclave", "enclave (surrounded by one territory)")) }
        if !exclaves.isEmpty { legend.append(.marker("exclave", "exclave (apart from the main body)")) }
    }

    mutating func drawCrossings() throws {
        var any = false
        svg.open("g", ["id": "crossings", "font-size": "9", "text-anchor": "middle", "font-weight": "bold"])
        // A crossing where another route's marker already is moves aside (right, left, down, up, then further),
        // with a thin line to where it is, so that every route's number stays visible.
        var drawn: [(Double, Double)] = []
        let offsets: [(Double, Double)] = [(0, 0), (15, 0), (-15, 0), (0, 15), (0, -15), (15, 15), (-15, 15), (15, -15), (-15, -15), (30, 0), (-30, 0)]
        for (i, r) in scene.routes.enumerated() {
            let colour = MapPalette.strong[i % MapPalette.strong.count]
            for (k, c) in r.crossings.enumerated() {
                guard let (x0, y0) = visible(c.position) else { continue }
                let (dx, dy) = offsets.first { o in !drawn.contains { abs($0.0 - (x0 + o.0)) < 14 && abs($0.1 - (y0 + o.1)) < 14 } } ?? (0, 0)
                let (x, y) = (x0 + dx, y0 + dy)
                if dx != 0 || dy != 0 {
                    svg.empty("line", ["x1": px(x0), "y1": px(y0), "x2": px(x), "y2": px(y), "stroke": colour, "stroke-width": "1"])
                }
                drawn.append((x, y))
                svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "7", "fill": "#ffffff", "stroke": colour, "stroke-width": "1.6"])
                svg.text("text", String(k + 1), ["x": px(x), "y": px(y + 3.2), "fill": colour])
                labels.reserve(.init(minX: x - 8, minY: y - 8, maxX: x + 8, maxY: y + 8))
                any = true
            }
        }
        svg.close("g")
        if any { legend.append(.marker("crossing", "crossing, numbered in travel order")) }
    }

    /// Labels last, on top: territories (largest part), routes (along the line), places.
    mutating func drawLabels() throws {
        svg.open("g", ["id": "labels", "text-anchor": "middle", "fill": MapPalette.ink, "stroke": "#ffffff",
                       "stroke-width": "3", "stroke-linejoin": "round", "paint-order": "stroke"])
        var territoryLabels: [(area: Double, name: String, points: [(Double, Double)], part: Geometry)] = []
        if on(.territories) {
            for (t, g) in drawnTerritories {
                let parts = g.polygons.map { Geometry.polygon($0) }
                let areas = try parts.map { try $0.planarArea() }
                // Where the largest part has the most room (within a pixel), then a point on its surface.
                guard let best = areas.indices.max(by: { areas[$0] < areas[$1] }) else { continue }
                let points = [try parts[best].poleOfInaccessibility(tolerance: 1 / frame.scale), try parts[best].pointOnSurface().pointPosition]
                territoryLabels.append((areas[best], t.name ?? t.id, points.compactMap { $0 }.map(frame.pixel), parts[best]))
            }
        }
        // Largest first; a label goes where its whole box lies inside its territory's largest part (on the map),
        // clear of the labels and markers before it.
        for l in territoryLabels.sorted(by: { ($0.area, $1.name) > ($1.area, $0.name) }) {
            let pixelArea = l.area * frame.scale * frame.scale
            guard pixelArea >= MapLabels.box(l.name, x: 0, y: 0, size: 9).width * 9 * 0.6 else { continue }
            let inside = try PreparedGeometry(l.part), frame = self.frame
            let fits = { (b: MapLabels.Box) -> Bool in
                // The text's middle line (its ends and centre) inside the part; ascenders may touch the border.
                let mid = (b.minY + b.maxY) / 2
                return [(b.minX + 2, mid), ((b.minX + b.maxX) / 2, mid), (b.maxX - 2, mid)].allSatisfy { px, py in
                    (try? inside.contains(.point(Point(frame.projectedPosition(x: px, y: py))))) == true
                }
            }
            var candidates: [(Double, Double)] = []
            for (x, y) in l.points {
                candidates += [(x, y + 4), (x, y - 6), (x, y + 14)]
                for dx in [-15.0, 15, -30, 30, -60, 60] { for dy in [5.0, -10, 20] { candidates.append((x + dx, y + dy)) } }
            }
            // Then anywhere in the part: a grid of at most 32 × 32 points over its box on the map, nearest to
            // where it has the most room first (markers and other labels may cover the best places).
            if let e = l.part.envelope, let anchor = l.points.first {
                let corners = [Position(e.minX, e.minY), Position(e.maxX, e.maxY)].map(frame.pixel)
                let (x0, x1) = (min(corners[0].x, corners[1].x), max(corners[0].x, corners[1].x))
                let (y0, y1) = (min(corners[0].y, corners[1].y), max(corners[0].y, corners[1].y))
                let step = max(2, max(x1 - x0, y1 - y0) / 32)
                var grid: [(Double, Double)] = []
                var y = y0 + step / 2
                while y < y1 {
                    var x = x0 + step / 2
                    while x < x1 { grid.append((x, y)); x += step }
                    y += step
                }
                let d = { (p: (Double, Double)) in (p.0 - anchor.0) * (p.0 - anchor.0) + (p.1 - anchor.1) * (p.1 - anchor.1) }
                candidates += grid.sorted { (d($0), $0.0, $0.1) < (d($1), $1.0, $1.1) }
            }
            // A smaller size where the name does not fit at the largest.
            for size in [13.0, 11, 9] {
                guard let (lx, ly) = labels.place(l.name, candidates: candidates, size: size, fits: fits) else { continue }
                svg.text("text", l.name, ["x": px(lx), "y": px(ly), "font-size": px(size), "font-weight": "bold", "fill": "#3d3d3d"])
                break
            }
        }
        if on(.routes) {
            for (i, r) in scene.routes.enumerated() {
                let colour = MapPalette.strong[i % MapPalette.strong.count]
                let measure = RouteMeasure(r.route.positions)
                var candidates: [(Double, Double)] = []
                for f in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95] {
                    guard let p = try? frame.projection.forward(measure.position(at: measure.length * f)) else { continue }
                    let (x, y) = frame.pixel(p)
                    candidates += [(x, y - 9), (x, y + 17)]
                }
                let name = r.route.name
                if let (x, y) = labels.place(name, candidates: candidates, size: 11) {
                    svg.text("text", name, ["x": px(x), "y": px(y), "font-size": "11", "font-weight": "bold", "fill": colour])
                }
            }
        }
        // A place is marked only where its name fits.
        var dots: [(Double, Double)] = []
        for p in on(.places) ? scene.places : [] {
            guard let (x, y) = visible(p.position) else { continue }
            let half = Double(p.name.count) * 3.3 + 5
            guard let (lx, ly) = labels.place(p.name, candidates: [(x, y - 5), (x, y + 13), (x + half, y + 3), (x - half, y + 3)], size: 10) else { continue }
            svg.text("text", p.name, ["x": px(lx), "y": px(ly), "font-size": "10", "fill": "#333333"])
            dots.append((x, y))
        }
        svg.close("g")
        if !dots.isEmpty {
            svg.open("g", ["id": "places", "fill": "#333333"])
            for (x, y) in dots { svg.empty("circle", ["cx": px(x), "cy": px(y), "r": "2"]) }
            svg.close("g")
            legend.append(.marker("place", "place"))
        }
    }

    // MARK: Helpers

    /// The dash of the i-th route: solid for the first, then 9 on 7 off, each starting 5 pixels further on.
    static func routeDash(_ i: Int) -> (pattern: String?, offset: String?) {
        i == 0 ? (nil, nil) : ("9 7", i == 1 ? nil : String((5 * (i - 1)) % 16))
    }

    /// Pixel position of a lon/lat point if it lies inside the map.
    func visible(_ p: Position) -> (Double, Double)? {
        guard let q = try? frame.projection.forward(p) else { return nil }
        let (x, y) = frame.pixel(q)
        guard x >= frame.left, x <= frame.left + frame.width, y >= frame.top, y <= frame.top + frame.height else { return nil }
        return (x, y)
    }

    /// A party's colour: a strong colour by the party's first appearance among the claims, then the control.
    func partyColour(_ party: String) -> String {
        MapPalette.strong[colourIndex(party) % MapPalette.strong.count]
    }

    /// A stable index for a party (claimant or holder), case-insensitive: its order of first appearance.
    func colourIndex(_ party: String) -> Int {
        parties.firstIndex(of: party.lowercased()) ?? parties.count
    }
}

/// Splits text into lines of at most `width` characters at spaces.
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = [], current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}
