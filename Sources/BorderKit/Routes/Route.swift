import Foundation
import GeoCore

/// A candidate route: a line with a neutral id and every name it goes by.
public struct Route: Sendable, Hashable {
    /// A neutral id (unique within the file).
    public var id: String
    /// The display name.
    public var name: String
    /// Every name and alias (the `name`, the values of `names`, and `aliases`), for lookup.
    public var names: [String]
    /// The route's parts in travel order, each a line of positions (a LineString has one part; a
    /// MultiLineString's parts stay apart, so nothing is measured in the gaps between them). A route that crosses
    /// the antimeridian is held in the east-shifted frame (`Geometry.eastShifted()`), continuous across ±180°.
    public var parts: [[Position]]
    /// The route's positional accuracy in metres, where its file states one (property `accuracy_m`): how far
    /// its drawn line may lie from the real one; reports make each figure's interval from it (`RouteIntervals`).
    public var accuracy: Double?

    /// A route of one part.
    public init(id: String, name: String, names: [String] = [], positions: [Position]) {
        self.init(id: id, name: name, names: names, parts: [positions])
    }

    /// A route of one or more parts.
    public init(id: String, name: String, names: [String] = [], parts: [[Position]]) {
        self.id = id
        self.name = name
        self.names = names
        self.parts = parts
    }

    /// All positions of all parts in travel order, for drawing and envelopes (the analysis measures the parts
    /// apart).
    public var positions: [Position] { parts.flatMap { $0 } }

    /// The route as a LineString (one part) or MultiLineString.
    public var geometry: Geometry {
        parts.count == 1 ? .lineString(LineString(parts[0])) : .multiLineString(MultiLineString(parts.map(LineString.init)))
    }

    /// The routes of a GeoJSON file: LineString or MultiLineString features with an id (a feature id, else an
    /// "id" property), or a `name`.
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Route] {
        var out: [Route] = []
        for (i, f) in geojson.features.enumerated() {
            let pointer = geojson.pointer(toFeature: i)
            guard let g = f.geometry, !g.lineStrings.isEmpty else {
                throw InputError("\(source): \(pointer): a route must be a LineString or MultiLineString", kind: .badFeature)
            }
            let name = f.properties?["name"]?.stringValue
            // A feature id, else an "id" property (what GDAL's formats make of GeoJSON's ids), else the name.
            guard let id = f.id?.description ?? f.properties?["id"]?.stringValue ?? name else { throw InputError("\(source): \(pointer): a route needs an id or a name") }
            var names = [id] + (name.map { [$0] } ?? [])
            if case .object(let o)? = f.properties?["names"] { names += o.members.compactMap { $0.value.stringValue } }
            if case .array(let a)? = f.properties?["aliases"] { names += a.compactMap(\.stringValue) }
            var seen = Set<String>()
            names = names.filter { seen.insert($0).inserted }
            let raw = g.lineStrings.filter { !$0.positions.isEmpty }
            guard !raw.isEmpty else { throw InputError("\(source): \(pointer): a route must have at least one position") }
            let continuous: Geometry
            do { continuous = try Geometry.multiLineString(MultiLineString(raw)).continuousAcrossAntimeridian() } catch {
                throw InputError("\(source): \(pointer): \(id): \(error)", kind: .geometry)
            }
            var parts: [[Position]] = []
            for part in continuous.lineStrings {
                var positions: [Position] = []
                for p in part.positions where positions.last != p { positions.append(p) }
                // A part that goes on where the previous one ended (a line split at ±180°, or drawn in pieces)
                // continues it: there is no gap to keep apart.
                if let last = parts.last?.last, last == positions.first { parts[parts.count - 1] += positions.dropFirst() } else { parts.append(positions) }
            }
            var route = Route(id: id, name: name ?? id, names: names, parts: parts)
            if let value = f.properties?["accuracy_m"], value != .null {
                guard let metres = value.doubleValue, metres >= 0, metres.isFinite else {
                    throw InputError("\(source): \(pointer)/properties/accuracy_m: \(id): accuracy_m must be a number of metres, 0 or more", kind: .badFeature)
                }
                route.accuracy = metres
            }
            out.append(route)
        }
        return out
    }

    /// Folds case and accents so that "Zəngəzur", "ZANGEZUR" and "zangezur" compare alike.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "ə", with: "e").replacingOccurrences(of: "ı", with: "i")
    }

    /// The route whose id or any name matches `query` (case- and accent-insensitive); an unknown name lists them.
    public static func find(_ query: String, in routes: [Route]) throws -> Route {
        let q = fold(query)
        if let r = routes.first(where: { $0.names.contains { fold($0) == q } }) { return r }
        let known = routes.map { "\($0.id) (\($0.names.dropFirst().joined(separator: ", ")))" }.joined(separator: "; ")
        throw InputError("no route named \"\(query)\"; known routes: \(known)", kind: .unknownName)
    }
}
