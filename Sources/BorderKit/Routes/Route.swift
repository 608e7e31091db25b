import Foundation
import GeoCore

/// A candidate route: a line with a neutral id and every name it goes by.
public struct Route: Sendable, Hashable {
    public var id: String
    /// The display name.
    public var name: String
    /// Every name and alias (the `name`, the values of `names`, and `aliases`), for lookup.
    public var names: [String]
    /// The route's positions in travel order (a MultiLineString's parts are joined in order).
    public var positions: [Position]

    public init(id: String, name: String, names: [String] = [], positions: [Position]) {
        self.id = id
        self.name = name
        self.names = names
        self.positions = positions
    }

    /// The routes of a GeoJSON file: LineString or MultiLineString features with an id (or a `name`).
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Route] {
        var out: [Route] = []
        for (i, f) in geojson.features.enumerated() {
            let pointer = geojson.pointer(toFeature: i)
            guard let g = f.geometry, !g.lineStrings.isEmpty else {
                throw InputError("\(source): \(pointer): a route must be a LineString or MultiLineString")
            }
            let name = f.properties?["name"]?.stringValue
            guard let id = f.id?.description ?? name else { throw InputError("\(source): \(pointer): a route needs an id or a name") }
            var names = [id] + (name.map { [$0] } ?? [])
            if case .object(let o)? = f.properties?["names"] { names += o.members.compactMap { $0.value.stringValue } }
            if case .array(let a)? = f.properties?["aliases"] { names += a.compactMap(\.stringValue) }
            var seen = Set<String>()
            names = names.filter { seen.insert($0).inserted }
            var positions: [Position] = []
            for part in g.lineStrings {
                for p in part.positions where positions.last != p { positions.append(p) }
            }
            out.append(Route(id: id, name: name ?? id, names: names, positions: positions))
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
        throw InputError("no route named \"\(query)\"; known routes: \(known)")
    }
}
