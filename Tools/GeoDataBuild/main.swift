import Foundation
import GeoCore

// geodata-build: makes every GeoData layer and its provenance record from inputs that Tools/geodata/rebuild.sh
// makes from installable packages: `gmt coast -E<code> -M` exports (DCW), GeoNames places, Natural Earth 10m,
// world_map.gpkg's disputed lines, and our route definitions.

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// The features of a GeoJSON file keyed by a string member (`id` when `property` is nil), in file order.
func keyed(_ path: String, by property: String?) throws -> [(key: String, geometry: Geometry)] {
    try GeoJSONReader.read(path: path).features.compactMap { f in
        let key = property.map { f.properties?[$0]?.stringValue } ?? (f.id.map { "\($0)" })
        guard let key, let g = f.geometry else { return nil }
        return (key, g)
    }
}

/// Writes one layer and its provenance record into the output folder.
func write(_ name: String, _ collection: FeatureCollection, _ provenance: JSONValue, to out: String) throws {
    try FileIO.writeAtomically(GeoJSONWriter().data(collection), to: "\(out)/\(name).geojson")
    try FileIO.writeAtomically(JSONWriter.data(provenance) + [0x0A], to: "\(out)/\(name).provenance.json")
}

do {
    guard let dcw = argument("--dcw"), let placesPath = argument("--places"), let namesPath = argument("--place-names"),
          let ne = argument("--ne"), let routesPath = argument("--routes"), let digitisedPath = argument("--digitised-places"), let disputedPath = argument("--disputed"),
          let out = argument("--out") else {
        throw BuildError("usage: geodata-build --dcw DIR --places places.json --place-names names.json --digitised-places digitised.json --ne ne.geojson "
            + "--routes routes.json --disputed disputed.geojson [--qgis-version V] --out DIR")
    }
    let frame = Envelope(minX: 38, minY: 36, maxX: 52, maxY: 44)

    var places = try buildPlaces(rawPath: placesPath, namesPath: namesPath, digitisedPath: digitisedPath)

    var countries: [(code: String, segments: [GMTSegment])] = []
    for spec in territorySpecs {
        let text = String(decoding: try FileIO.readAll("\(dcw)/\(spec.code).txt"), as: UTF8.self)
        countries.append((spec.code, try readGMTSegments(text)))
    }
    var builder = CoverageBuilder(frame: frame, snapDegrees: 0.001)
    let territories = try builder.build(countries, places: places.territoryPoints)

    let naturalEarth = Dictionary(try keyed(ne, by: "ISO_A2").map { ($0.key, $0.geometry) }, uniquingKeysWith: { _, last in last })
    let nearFrame = try naturalEarth.mapValues { try $0.intersection(frame.expanded(by: 0.5).polygon) }
    let checks = try crossCheck(ours: territories, reference: nearFrame, center: Position(45, 40), frame: frame)
    let output = try territoryOutput(territories, builder: builder, checks: checks, frame: frame)
    try write("territories", output.collection, output.provenance, to: out)

    let byCode = Dictionary(uniqueKeysWithValues: territories.map { ($0.code, $0.geometry) })
    try places.addDilucu(territories: byCode)
    try write("places", places.collection, places.provenance, to: out)

    let routes = try buildRoutes(definitionsPath: routesPath,
                                 builder: RouteBuilder(territories: byCode, places: places.positions, digitised: places.digitised))
    try write("routes", routes.collection, routes.provenance, to: out)

    let areas = AreasBuilder(
        territories: byCode,
        routes: Dictionary(uniqueKeysWithValues: routes.collection.features.compactMap { f in f.id.map { ("\($0)", f.geometry!) } }),
        places: places.positions, digitised: places.digitised, naturalEarth: naturalEarth,
        disputed: try keyed(disputedPath, by: "name").map { (name: $0.key, line: $0.geometry) })
    for layer in try buildAreas(areas, qgisVersion: argument("--qgis-version") ?? "?") {
        try write(layer.name, layer.collection, layer.provenance, to: out)
    }
    FileIO.writeToStandardError("geodata-build: \(territories.count) territories, \(builder.repairs.count) repairs, "
        + "\(places.collection.features.count) places, \(routes.collection.features.count) routes, "
        + "\(checks.count) borders cross-checked\n")
} catch {
    FileIO.writeToStandardError("geodata-build: error: \(error)\n")
    exit(1)
}
