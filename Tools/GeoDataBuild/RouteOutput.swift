import Foundation
import GeoCore

/// The routes layer: one LineString per definition, with every member of the definition but its legs, and the
/// named groups `compare` puts side by side (Tools/geodata/route-groups.json, beside the definitions) as the
/// collection's `groups` member.
func buildRoutes(definitionsPath: String, builder: RouteBuilder) throws -> (collection: FeatureCollection, provenance: JSONValue) {
    guard case .array(let definitions) = try JSONValue.read(try FileIO.readAll(definitionsPath), source: definitionsPath) else {
        throw BuildError("\(definitionsPath): expected an array of routes")
    }
    var features: [Feature] = []
    for case .object(let d) in definitions {
        guard case .string(let id)? = d["id"] else { throw BuildError("a route without an id") }
        let geometry = try builder.build(d)
        let properties = JSONObject(d.members.filter { $0.key != "id" && $0.key != "legs" })
        features.append(Feature(id: .string(id), geometry: geometry, properties: properties))
    }
    let provenance: JSONValue = .object([
        "name": .string("routes"),
        "file": .string("routes.geojson"),
        "source": .string("digitised by BorderKit from the places (GeoNames) and territories (DCW) layers; "
            + "definitions in Tools/geodata/routes.json, each route naming its own source"),
        "licence": .string("the project's own digitisation; derived from GeoNames (CC BY 4.0) and DCW-GMT (LGPL-3.0-or-later)"),
        "date": .string("routes as described in 2020–2025 statements; each route carries its dates"),
        "accuracy": .string("per route, in its accuracy property: ± 2 km along borders to ± 10 km for schematic lines"),
        "credit": .string("routes: digitised by BorderKit, ± 2–10 km"),
        "method": .string("Tools/GeoDataBuild/Routes.swift: legs are GeoNames places, border points nearest a place, or "
            + "stretches along a border on one bank — the DCW border offset a stated number of metres into one territory "
            + "(GEOSOffsetCurve in a local azimuthal equidistant projection) between two anchors — joined in order"),
        "features": .integer(Int64(features.count)),
    ])
    let groupsPath = (definitionsPath as NSString).deletingLastPathComponent + "/route-groups.json"
    let groups = try JSONValue.read(try FileIO.readAll(groupsPath), source: groupsPath)
    return (FeatureCollection(features, foreignMembers: ["name": .string("routes"), "groups": groups]), provenance)
}
