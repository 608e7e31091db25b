import Foundation
import GeoCore

/// The layers a command analyses: the user's files where given, else the embedded GeoData.
///
/// One rule for every command: a layer given as a file is read from it; a layer not given comes from GeoData,
/// except that the layers describing the embedded territories (border status, claims, control, places) are
/// left out when the user gives territories of their own. Routes come from GeoData unless given, whatever the
/// territories, so that the named cases can be measured against any territory file. GeoData is located only
/// when a layer needs it, so a command on the user's files alone works without it.
public struct InputSet: Sendable {
    /// Territories: a GeoJSON path, "-", or any vector source GDAL reads (`PATH:LAYER` allowed); nil for the
    /// embedded ones.
    public var territories: String?
    /// The layer of `territories` to read, for sources of several layers (see `VectorSource`).
    public var layer: String?
    /// The name reports and messages give the territories' file instead of its path: a tile of a partition
    /// names the file it was cut from, so its report reads as the whole file's would.
    public var territoriesLabel: String?
    /// Border-status lines: a GeoJSON path; nil for the embedded ones (with the embedded territories only).
    public var status: String?
    /// Claims: a GeoJSON path; nil for the embedded ones (with the embedded territories only).
    public var claims: String?
    /// Control: a GeoJSON path; nil for the embedded ones (with the embedded territories only).
    public var control: String?
    /// Routes: a GeoJSON path; nil for the embedded ones.
    public var routes: String?
    /// The property that holds each territory's id (see `Territory.load`).
    public var idProperty: String?
    /// The property that holds each border-status line's status.
    public var statusProperty = "status"

    /// The layers to read: the paths given, the embedded data for the rest (see the type's rule).
    public init(territories: String? = nil, status: String? = nil, claims: String? = nil, control: String? = nil,
                routes: String? = nil, idProperty: String? = nil) {
        self.territories = territories
        self.status = status
        self.claims = claims
        self.control = control
        self.routes = routes
        self.idProperty = idProperty
    }

    /// True when the territories are the embedded ones.
    public var usesEmbeddedTerritories: Bool { territories == nil }

    /// The territories with their source label and any warnings about them.
    ///
    /// A GeoJSON file or text sequence is taken a feature at a time as it is read
    /// (`Territory.load(streaming:source:idProperty:)`); other sources, and the embedded layer, are read whole.
    public func loadTerritories() throws -> LoadedTerritories {
        if let territories {
            let input = VectorSource(territories, layer: layer)
            if input.isGeoJSON || input.isGeoJSONSequence {
                return try Territory.load(streaming: input, source: territoriesLabel ?? label(territories), idProperty: idProperty)
            }
        }
        let (data, source) = try layer(territories, "territories")!
        return try Territory.load(data, source: source, idProperty: idProperty)
    }

    /// Border-status lines: the file given, else the embedded layer for the embedded territories, else none.
    public func loadStatusLines() throws -> [BorderStatusLine] {
        try layer(status, "border-status").map { try BorderStatusLine.load($0.0, source: $0.1, statusProperty: statusProperty) } ?? []
    }

    /// Claims, by the same rule as the status lines.
    public func loadClaims() throws -> [Claim] {
        try layer(claims, "claims").map { try Claim.load($0.0, source: $0.1) } ?? []
    }

    /// Control, by the same rule as the status lines.
    public func loadControl() throws -> [Control] {
        try layer(control, "control").map { try Control.load($0.0, source: $0.1) } ?? []
    }

    /// Routes: the file given, else the embedded routes.
    public func loadRoutes() throws -> [Route] { try loadRouteLayer().routes }

    /// Routes and the named groups their file carries (`Comparison.groups(of:)`), read once.
    public func loadRouteLayer() throws -> RouteLayer {
        let (geojson, source): (GeoJSON, String)
        if let routes {
            (geojson, source) = (try VectorSource.read(path: routes), label(routes))
        } else {
            let data = try EmbeddedData.locate()
            (geojson, source) = (try data.read("routes"), data.label(of: "routes"))
        }
        return RouteLayer(routes: try Route.load(geojson, source: source), groups: try Comparison.groups(of: geojson, source: source))
    }

    /// Named places to show on maps: the embedded places, with the embedded territories only.
    public func loadPlaces() throws -> [MapPlace] {
        guard let (data, _) = try layer(nil, "places") else { return [] }
        return data.features.compactMap { f in
            guard let p = f.geometry?.pointPosition,
                  let name = f.properties?["names"]?["en"]?.stringValue ?? f.properties?["name"]?.stringValue else { return nil }
            return MapPlace(name: name, position: p)
        }
    }

    /// One line per data source with its accuracy, for maps and reports: the embedded layers' `credit`
    /// provenance entries, and the user's files by name.
    public func credits(routesShown: Bool = true) throws -> [String] {
        var out: [String] = []
        var embedded: [String] = []
        if territories == nil { embedded += ["territories", "places", "border-status", "claims", "control"] }
        else { out.append("territories: \(label(territories!))") }
        for (path, what) in [(status, "border status"), (claims, "claims"), (control, "control")] {
            if let path { out.append("\(what): \(label(path))") }
        }
        if routesShown {
            if let routes { out.append("routes: \(label(routes))") } else { embedded.append("routes") }
        }
        guard !embedded.isEmpty else { return out }
        // Layers with the same credit (after "layer: ") are named together: "claims, control: …".
        let data = try EmbeddedData.locate()
        var grouped: [(layers: [String], text: String)] = []
        for name in embedded {
            guard let credit = try data.credit(of: name) else { continue }
            let parts = credit.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let (layer, text) = parts.count == 2 ? (parts[0], parts[1]) : (name, credit)
            if let i = grouped.firstIndex(where: { $0.text == text }) { grouped[i].layers.append(layer) } else { grouped.append(([layer], text)) }
        }
        return out + grouped.map { "\($0.layers.joined(separator: ", ")): \($0.text)" }
    }

    /// Reads a layer: the path if given; else the embedded layer when the territories are embedded (or when
    /// the layer is the territories); else nil.
    private func layer(_ path: String?, _ name: String) throws -> (GeoJSON, String)? {
        if let path {
            let isTerritories = name == "territories"
            return (try VectorSource.read(path: path, layer: isTerritories ? layer : nil), isTerritories ? territoriesLabel ?? label(path) : label(path))
        }
        guard territories == nil else { return nil }
        let data = try EmbeddedData.locate()
        return (try data.read(name), data.label(of: name))
    }

    private func label(_ path: String) -> String { path == "-" ? "<stdin>" : path }
}

/// A routes file as read: its routes and the named groups it carries for `compare`.
public struct RouteLayer: Sendable {
    /// The routes of the file, in file order.
    public var routes: [Route]
    /// The named groups the file carries (its `groups` member).
    public var groups: [Comparison.Group]
}
