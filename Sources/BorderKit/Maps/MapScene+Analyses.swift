import GeoCore

/// The map of each analysis: what it computed, over the territories it ran on.
extension MapScene {
    /// Shared borders by status, with tripoints.
    public static func borders(_ report: BorderReport, territories: [Territory], credits: [String]) throws -> MapScene {
        var scene = MapScene(title: "Shared borders by status" + titleSuffix(report.source))
        scene.territories = territories
        scene.borders = report.pairs.flatMap(\.segments)
        if let i = report.intervals {
            scene.pairLengthIntervals = Dictionary(zip(report.pairs.map(\.territories), i.pairs), uniquingKeysWith: { a, _ in a })
        }
        scene.tripoints = Array(report.tripoints)
        scene.credits = credits
        scene.layers = [.territories, .graticule, .borders, .tripoints, .labels]
        return scene
    }

    /// Claims and control valid at the report's date, with the enclaves and exclaves found.
    public static func areas(_ report: AreaReport, territories: [Territory], claims: [Claim], control: [Control],
                             credits: [String]) throws -> MapScene {
        let when = report.at.map { "on \($0)" } ?? "latest state"
        var scene = MapScene(title: "Claims and control, \(when)" + titleSuffix(report.source))
        scene.territories = territories
        scene.claims = claims.filter { $0.period.holds(at: report.at) }
        scene.control = control.filter { $0.period.holds(at: report.at) }
        scene.enclaves = report.enclaves
        scene.pieces = report.pieces
        scene.pieceAreaIntervals = report.intervals?.pieces ?? []
        scene.enclaveAreaIntervals = report.intervals?.enclaves ?? []
        scene.date = report.at?.description
        scene.credits = credits
        scene.layers = [.territories, .graticule, .claims, .control, .enclaves, .labels]
        // Frame the claims and control when there are any: that is where the story is.
        var box: Envelope?
        for g in scene.claims.map(\.geometry) + scene.control.map(\.geometry) {
            guard let e = g.envelope else { continue }
            box = box.map { $0.union(e) } ?? e
        }
        if let b = box { scene.bbox = b.expanded(by: max(0.5, 0.3 * max(b.width, b.height))) }
        return scene
    }

    /// Routes with their crossings and corridors over the territories, their borders (by status, from the border
    /// analysis the routes were measured against: nothing is computed again) and the places.
    public static func routes(_ results: [RouteResult], context: RouteContext, borders: BorderReport? = nil,
                              places: [MapPlace], credits: [String], title: String) throws -> MapScene {
        var scene = MapScene(title: title)
        scene.territories = context.territories
        scene.borders = borders?.pairs.flatMap(\.segments) ?? context.borders
        scene.routes = results.map(MapRoute.init)
        scene.places = places
        scene.credits = credits
        scene.layers = [.territories, .graticule, .corridors, .borders, .routes, .crossings, .places, .labels]
        return scene
    }

    /// " (file)" for a user's file; nothing for the embedded data, which the credits name.
    static func titleSuffix(_ source: String) -> String {
        source.hasPrefix("GeoData/") ? "" : " (\(dataName(source)))"
    }
}
