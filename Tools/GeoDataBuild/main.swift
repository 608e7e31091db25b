import Foundation
import GeoCore

// geodata-build: makes GeoData/territories.geojson and its provenance from `gmt coast -E<code> -M` exports,
// GeoData/places.geojson from GeoNames places, and cross-checks the borders against Natural Earth.
// Run by Tools/geodata/rebuild.sh, which makes its inputs from installable packages.

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func text(_ path: String) throws -> String { String(decoding: try FileIO.readAll(path), as: UTF8.self) }

do {
    guard let dcw = argument("--dcw"), let placesPath = argument("--places"), let namesPath = argument("--place-names"),
          let out = argument("--out") else {
        throw BuildError("usage: geodata-build --dcw DIR --places places.json --place-names names.json --out DIR [--ne ne.geojson]")
    }
    let frame = Envelope(minX: 38, minY: 36, maxX: 52, maxY: 44)

    let places = try buildPlaces(rawPath: placesPath, namesPath: namesPath)
    try FileIO.writeAtomically(GeoJSONWriter().data(places.collection), to: "\(out)/places.geojson")
    try FileIO.writeAtomically(JSONWriter.data(places.provenance) + [0x0A], to: "\(out)/places.provenance.json")

    var countries: [(code: String, segments: [GMTSegment])] = []
    for spec in territorySpecs {
        countries.append((spec.code, try readGMTSegments(try text("\(dcw)/\(spec.code).txt"))))
    }
    var builder = CoverageBuilder(frame: frame, snapDegrees: 0.001)
    let territories = try builder.build(countries, places: places.territoryPoints)

    var checks: [BorderCrossCheck] = []
    if let ne = argument("--ne") {
        var reference: [String: Geometry] = [:]
        for f in try GeoJSONReader.read(path: ne).features {
            if case .string(let code)? = f.properties?["ISO_A2"], let g = f.geometry {
                reference[code] = try g.intersection(frame.expanded(by: 0.5).polygon)
            }
        }
        checks = try crossCheck(ours: territories, reference: reference, center: Position(45, 40))
    }
    let output = try territoryOutput(territories, builder: builder, checks: checks, frame: frame)
    try FileIO.writeAtomically(GeoJSONWriter().data(output.collection), to: "\(out)/territories.geojson")
    try FileIO.writeAtomically(JSONWriter.data(output.provenance) + [0x0A], to: "\(out)/territories.provenance.json")

    if let routesPath = argument("--routes"), let ne = argument("--ne"), let disputedPath = argument("--disputed") {
        let routes = try buildRoutes(definitionsPath: routesPath, territories: territories, places: places.collection)
        try FileIO.writeAtomically(GeoJSONWriter().data(routes.collection), to: "\(out)/routes.geojson")
        try FileIO.writeAtomically(JSONWriter.data(routes.provenance) + [0x0A], to: "\(out)/routes.provenance.json")

        var naturalEarth: [String: Geometry] = [:]
        for f in try GeoJSONReader.read(path: ne).features {
            if case .string(let code)? = f.properties?["ISO_A2"], let g = f.geometry { naturalEarth[code] = g }
        }
        var disputed: [(name: String, line: Geometry)] = []
        for f in try GeoJSONReader.read(path: disputedPath).features {
            if case .string(let name)? = f.properties?["name"], let g = f.geometry { disputed.append((name, g)) }
        }
        var placePositions: [Int64: Position] = [:]
        for f in places.collection.features {
            if case .integer(let id)? = f.properties?["geonameid"], case .point(let p)? = f.geometry { placePositions[id] = p.position }
        }
        var routeGeometries: [String: Geometry] = [:]
        for f in routes.collection.features { if case .string(let id)? = f.id { routeGeometries[id] = f.geometry } }
        let areas = AreasBuilder(territories: Dictionary(uniqueKeysWithValues: territories.map { ($0.code, $0.geometry) }),
                                 routes: routeGeometries, places: placePositions, naturalEarth: naturalEarth, disputed: disputed)
        for layer in try buildAreas(areas, qgisVersion: argument("--qgis-version") ?? "?") {
            try FileIO.writeAtomically(GeoJSONWriter().data(layer.collection), to: "\(out)/\(layer.name).geojson")
            try FileIO.writeAtomically(JSONWriter.data(layer.provenance) + [0x0A], to: "\(out)/\(layer.name).provenance.json")
        }
    }
    FileIO.writeToStandardError("geodata-build: \(territories.count) territories, \(builder.repairs.count) repairs, "
        + "\(places.collection.features.count) places, \(checks.count) borders cross-checked\n")
} catch {
    FileIO.writeToStandardError("geodata-build: error: \(error)\n")
    exit(1)
}
