import ArgumentParser
import BorderKit
import GeoCore

struct MapCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draws territories, borders by status, claims and control, enclaves, routes and crossings as an SVG or interactive HTML map.",
        discussion: """
            With no inputs, the embedded data. Layers (--layers, comma-separated; default all): \
            \(MapLayer.allCases.map(\.rawValue).joined(separator: ", ")). Borders, tripoints, enclaves, crossings and \
            corridors are computed as `borders`, `areas` and `route` compute them. The projection is chosen for the \
            extent through PROJ and named on the map; the scale bar is true (geodesic, WGS84) at the map's centre.
            """
    )

    @OptionGroup var input: LayerInputOptions
    @Option(help: ArgumentHelp("Layers to draw, comma-separated (default: all).", valueName: "list")) var layers: String?
    @Option(help: ArgumentHelp("Only this route (id or any name; repeatable).", valueName: "name")) var route: [String] = []
    @Option(parsing: .unconditional,
            help: ArgumentHelp("The area to show: west,south,east,north in degrees (west > east: across 180°; negative values need no '=').", valueName: "w,s,e,n"))
    var bbox: String?
    @Option(help: ArgumentHelp("Show claims and control valid on this date (ISO 8601).", valueName: "date")) var at: String?
    @Option(help: ArgumentHelp("The map's title.", valueName: "text")) var title: String?
    @Option(name: .shortAndLong, help: "svg (a static map) or html (an interactive Leaflet map in one file, no network needed); default: by --output's ending, else svg.")
    var format: MapFormat?
    @Option(name: .shortAndLong, help: ArgumentHelp("The SVG or HTML file to write (atomically).", valueName: "path.svg"), completion: .file()) var output: String

    func validate() throws {
        if let at, ISODate(at) == nil { throw ValidationError("--at \(at) is not an ISO 8601 date (YYYY-MM-DD)") }
        _ = try parsedLayers()
        _ = try parsedBox()
    }

    func parsedLayers() throws -> Set<MapLayer> {
        guard let layers else { return Set(MapLayer.allCases) }
        var out = Set<MapLayer>()
        for name in layers.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let layer = MapLayer(rawValue: name) else {
                throw ValidationError("--layers: unknown layer \"\(name)\" (known: \(MapLayer.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            out.insert(layer)
        }
        return out
    }

    func parsedBox() throws -> Envelope? {
        guard let bbox else { return nil }
        let v = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 4, v[0] != v[2], v[1] < v[3], v[0] >= -180, v[0] <= 180, v[2] >= -180, v[2] <= 180, v[1] >= -90, v[3] <= 90 else {
            throw ValidationError("--bbox takes west,south,east,north in degrees (longitudes in [-180, 180], south < north; "
                + "west > east is a box across the antimeridian) (got \(bbox))")
        }
        // West greater than east: the box runs east across 180°.
        return Envelope(minX: v[0], minY: v[1], maxX: v[0] < v[2] ? v[2] : v[2] + 360, maxY: v[3])
    }

    func execute() throws {
        let layerSet = try parsedLayers()
        let date = at.flatMap(ISODate.init)
        let inputs = input.inputSet
        let loaded = try inputs.loadTerritories()
        let list = loaded.territories, source = loaded.source, warnings = loaded.warnings
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        var scene = MapScene(title: title ?? (source.hasPrefix("GeoData/") ? "South Caucasus: borders, claims, control and routes" : MapScene.dataName(source)))
        scene.territories = list
        scene.layers = layerSet
        scene.bbox = try parsedBox()
        scene.date = date?.description
        let showRoutes = (input.routes != nil || input.territories == nil || !route.isEmpty) && !layerSet.isDisjoint(with: [.routes, .crossings, .corridors])
        let measureRoutes = showRoutes && !layerSet.isDisjoint(with: [.crossings, .corridors])
        // The borders once: drawn, and the routes measured against them.
        var borders: BorderReport?
        if !layerSet.isDisjoint(with: [.borders, .tripoints]) || measureRoutes {
            let statusLines = try inputs.loadStatusLines()
            scene.borderStatusKnown = !statusLines.isEmpty
            let report = try Borders.run(list, status: statusLines, source: source, warnings: warnings)
            if !layerSet.isDisjoint(with: [.borders, .tripoints]) {
                scene.borders = report.pairs.flatMap(\.segments)
                scene.tripoints = Array(report.tripoints)
            }
            borders = report
        }
        if layerSet.contains(.claims) { scene.claims = try inputs.loadClaims().filter { $0.period.holds(at: date) } }
        if layerSet.contains(.control) { scene.control = try inputs.loadControl().filter { $0.period.holds(at: date) } }
        if layerSet.contains(.enclaves) { scene.enclaves = try Enclaves.find(list) }
        if showRoutes {
            let all = try inputs.loadRoutes()
            let chosen = route.isEmpty ? all : try route.map { try Route.find($0, in: all) }
            if let borders, measureRoutes {
                scene.routes = try Routes.run(chosen, context: try RouteContext(territories: list, borders: borders)).map(MapRoute.init)
            } else {
                scene.routes = chosen.map { MapRoute(route: $0) }
            }
        }
        if layerSet.contains(.places) { scene.places = try inputs.loadPlaces() }
        scene.credits = try inputs.credits(routesShown: showRoutes)
        try MapFormat.write(scene, as: format ?? MapFormat(path: output), to: output)
    }
}
