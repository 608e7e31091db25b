import GeoCore

/// The layers a map can draw, named as `--layers` names them.
public enum MapLayer: String, CaseIterable, Sendable {
    case territories, graticule, claims, control, corridors, borders, tripoints, enclaves, routes, crossings, places, labels
}

/// A route as a map draws it: its line, its crossings in travel order and its corridor, if computed.
public struct MapRoute: Sendable {
    /// The route.
    public var route: Route
    /// Its crossings in travel order (numbered on the map).
    public var crossings: [Crossing]
    /// Its corridor, if computed.
    public var corridor: Corridor?
    /// What `route` measured of it (lengths per jurisdiction, nearest border), for an interactive map's popup.
    public var result: RouteResult?

    /// A route with what was computed of it.
    public init(route: Route, crossings: [Crossing] = [], corridor: Corridor? = nil) {
        self.route = route
        self.crossings = crossings
        self.corridor = corridor
    }

    /// A route as `route` measured it.
    public init(_ result: RouteResult) {
        self.init(route: result.route, crossings: result.crossings, corridor: result.corridor)
        self.result = result
    }
}

/// A named point to mark on a map.
public struct MapPlace: Sendable, Hashable {
    /// The name shown.
    public var name: String
    /// Where (lon/lat).
    public var position: Position
    /// A place named `name` at `position`.
    public init(name: String, position: Position) {
        self.name = name
        self.position = position
    }
}

/// What a map shows: the layers an analysis computed, in lon/lat degrees on WGS84, and the words around them.
///
/// A value: the commands fill in what they computed (borders with their status, areas' claims and control at a
/// date, routes with their crossings and corridors) and `MapRenderer` draws it.
public struct MapScene: Sendable {
    /// The title at the top of the map.
    public var title: String
    /// Territories, filled so that neighbours differ.
    public var territories: [Territory] = []
    /// Border segments, drawn by status.
    public var borders: [BorderSegment] = []
    /// False when no status layer was given: the borders are drawn alike and the legend says "border".
    public var borderStatusKnown = true
    /// Tripoints, drawn as dots.
    public var tripoints: [Tripoint] = []
    /// Exclaves and enclaves, drawn as markers (never islands: see `Enclaves`).
    public var enclaves: [EnclaveRecord] = []
    /// The pieces of `areas` (territory × claimants × holder), for the interactive map's popups.
    public var pieces: [AreaPiece] = []
    /// Each pair's border length interval, by the pair's ids, where the accuracy is known (popups show it).
    public var pairLengthIntervals: [[String]: FigureInterval] = [:]
    /// Each piece's area interval, in the order of `pieces`, where the accuracy is known.
    public var pieceAreaIntervals: [FigureInterval] = []
    /// Each enclave record's area interval, in the order of `enclaves`, where the accuracy is known.
    public var enclaveAreaIntervals: [FigureInterval] = []
    /// Claims, hatched per claimant.
    public var claims: [Claim] = []
    /// Control, hatched per holder.
    public var control: [Control] = []
    /// Routes, with their crossings and corridors.
    public var routes: [MapRoute] = []
    /// Places, marked and named.
    public var places: [MapPlace] = []
    /// The area to show (lon/lat degrees); nil: the routes' extent with a margin if there are routes, else the
    /// territories'.
    public var bbox: Envelope?
    /// The date whose state is shown, if any (printed under the title).
    public var date: String?
    /// Data sources with their accuracy, printed at the foot.
    public var credits: [String] = []
    /// The layers to draw.
    public var layers: Set<MapLayer> = Set(MapLayer.allCases)

    /// The name a map gives the data of `source` (a path): the file's name without its folders and extension,
    /// never a path; "<stdin>" stays so.
    public static func dataName(_ source: String) -> String {
        let file = source.split(separator: "/").last.map(String.init) ?? source
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        let ext = file[file.index(after: dot)...].lowercased()
        return ["geojson", "json", "geojsonl", "geojsons", "gpkg", "shp", "fgb", "topojson", "gml", "kml"].contains(ext) ? String(file[..<dot]) : file
    }

    /// An empty scene titled `title`.
    public init(title: String) { self.title = title }

    /// The area the map shows when no bbox is given, in lon/lat degrees: across ±180° where the data lies on
    /// both sides of it (its longitudes may then pass 180°), so the map is centred on the data.
    func defaultExtent() -> Envelope? {
        var routeBox: Envelope?
        for r in routes {
            guard let e = r.route.geometry.envelope else { continue }
            routeBox = routeBox.map { $0.unionAcrossAntimeridian(e) } ?? e
        }
        if let box = routeBox {
            let margin = max(0.35, 0.25 * max(box.maxX - box.minX, box.maxY - box.minY))
            return box.expanded(by: margin)
        }
        var box: Envelope?
        for t in territories {
            guard let e = t.geometry.envelope else { continue }
            box = box.map { $0.unionAcrossAntimeridian(e) } ?? e
        }
        return box
    }
}
