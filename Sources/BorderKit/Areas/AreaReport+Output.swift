import GeoCore

/// `areas` reports: pieces, totals and enclaves in GeoJSON, JSON (m²), Markdown and CSV (km²).
extension AreaReport {
    /// Area per key, sorted by key.
    private func total(_ key: (AreaPiece) -> [String]) -> [AreaTotal] {
        var sums: [String: Double] = [:]
        for p in pieces { for k in key(p) { sums[k, default: 0] += p.area } }
        return IDOrder.sorted(Array(sums), by: \.key).map { AreaTotal(key: $0.key, area: $0.value) }
    }

    /// Geodesic m² per territory.
    public var byTerritory: [AreaTotal] { total { $0.territory.map { [$0] } ?? [] } }
    /// Geodesic m² per claimant.
    public var byClaimant: [AreaTotal] { total(\.claimants) }
    /// Geodesic m² per holder.
    public var byHolder: [AreaTotal] { total { [$0.holder] } }
    /// Area held by X inside territory Y, for every pair that occurs.
    public var heldInside: [HeldInside] {
        total { p in p.territory.map { ["\(p.holder)\u{0}\($0)"] } ?? [] }.map {
            let parts = $0.key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            return HeldInside(holder: parts[0], territory: parts[1], area: $0.area)
        }
    }
    /// The parts that are exclaves by land (see `Enclaves.find`).
    public var exclaves: [EnclaveRecord] { enclaves.filter(\.isExclave) }
    /// The parts wholly surrounded by one other territory.
    public var enclavesOnly: [EnclaveRecord] { enclaves.filter { $0.surroundedBy != nil } }
    /// Parts apart from the main body that are not linked to it over land (islands, alone or shared).
    public var detachedParts: [EnclaveRecord] { enclaves.filter(\.isDetachedPart) }

    private var atText: String { at.map { "at \($0)" } ?? "latest state (open-ended control and claims)" }

    /// One row per piece: territory, claimants, holder, km² (with `_low`, `_high` where the accuracy is known).
    public var pieceTable: Table { pieceTable(.csv) }

    func pieceTable(_ format: ReportFormat) -> Table {
        let i = intervals
        return Table(columns: ["territory", "claimants", "holder"] + FigureInterval.columns("area_km2", format: format, intervalColumns: i != nil),
                     rows: pieces.indices.map { k in
                         let p = pieces[k]
                         return [p.territory.map(Cell.text) ?? .empty, .text(p.claimants.joined(separator: "; ")), .text(p.holder)]
                             + FigureInterval.cells(p.area, i?.pieces[k], scale: 1e6, format: format, intervalColumns: i != nil)
                     })
    }

    /// One row per exclave or enclave: territory, kind, the territory around it, neighbours, km², centroid.
    public var enclaveTable: Table { enclaveTable(.csv) }

    func enclaveTable(_ format: ReportFormat) -> Table {
        let i = intervals
        return Table(columns: ["territory", "kind", "surrounded_by", "neighbours"] + FigureInterval.columns("area_km2", format: format, intervalColumns: i != nil)
                        + ["lon", "lat"],
                     rows: enclaves.indices.filter { !enclaves[$0].isDetachedPart }.map { k in
                         let e = enclaves[k]
                         return [.text(e.territory), .text(e.kind), e.surroundedBy.map(Cell.text) ?? .empty, .text(e.neighbours.joined(separator: "; "))]
                             + FigureInterval.cells(e.area, i?.enclaves[k], scale: 1e6, format: format, intervalColumns: i != nil)
                             + [.number(e.centroid.lon, decimals: 5), .number(e.centroid.lat, decimals: 5)]
                     })
    }

    /// The report as Markdown: pieces, held by X inside Y, per claimant, enclaves and exclaves, overlaps, warnings.
    public var markdown: String {
        var text = "# Areas of \(source), \(atText)\n\nAreas geodesic on WGS84, km². \(notes.joined(separator: "; ")).\n\n"
        let i = intervals
        if let i { text += "Accuracy: territories ± \(JSONNumberFormat.shortest(i.accuracy)) m. Intervals: \(AreaIntervals.method).\n\n" }
        func area(_ value: Double, _ interval: FigureInterval?) -> [Cell] {
            FigureInterval.cells(value, interval, scale: 1e6, format: .markdown, intervalColumns: interval != nil)
        }
        text += "## Who holds what\n\n" + pieceTable(.markdown).markdown
        text += "\n## Held by X inside Y\n\n" + Table(columns: ["holder", "territory", "area_km2"], rows: heldInside.map {
            [.text($0.holder), .text($0.territory)] + area($0.area, i?.heldInside["\($0.holder)\u{0}\($0.territory)"])
        }).markdown
        if let i {
            text += "\n## Per territory\n\n" + Table(columns: ["territory", "area_km2"], rows: byTerritory.map { [.text($0.key)] + area($0.area, i.byTerritory[$0.key]) }).markdown
        }
        text += "\n## Per claimant\n\n" + Table(columns: ["claimant", "area_km2"], rows: byClaimant.map { [.text($0.key)] + area($0.area, i?.byClaimant[$0.key]) }).markdown
        text += "\n## Enclaves and exclaves\n\n"
        text += "An exclave is a part apart from the territory's main body (its largest part) that is linked to it over land "
        text += "only through other territories; an enclave is wholly surrounded by one other territory.\n\n" + enclaveTable(.markdown).markdown
        let islands = Dictionary(grouping: detachedParts, by: \.territory)
        if !islands.isEmpty {
            text += "\nDetached parts, apart from the main body and not linked to it over land (islands, alone or shared with a neighbour): "
            text += islands.keys.idSorted().map { "\($0) \(islands[$0]!.count)" }.joined(separator: ", ") + ".\n"
        }
        if !overlaps.isEmpty {
            text += "\n## Overlaps\n\nTerritories whose areas overlap; each overlap is counted in every territory that holds it.\n\n"
            text += Table(columns: ["territory_a", "territory_b", "overlap_km2"], rows: overlaps.map {
                [.text($0.territories[0]), .text($0.territories[1]), .number($0.area / 1e6, decimals: 6)]
            }).markdown
        }
        if !slivers.isEmpty { text += "\n\(slivers.count) pieces are smaller than \(JSONNumberFormat.shortest(minArea)) m² (kept above).\n" }
        if !warnings.isEmpty { text += "\n## Warnings\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        return text
    }

    /// CSV: the pieces, and the enclaves and exclaves in a file of their own.
    public var csv: CSVTables { CSVTables([.init(name: "pieces", table: pieceTable), .init(name: "enclaves", table: enclaveTable)]) }

    /// The report as JSON, areas in m²: pieces, totals, enclaves, exclaves, detached parts, overlaps, notes, warnings.
    public var json: JSONValue {
        func pairs(_ list: [AreaTotal]) -> JSONValue { .object(JSONObject(list.map { JSONMember($0.key, .number($0.area)) })) }
        func intervals(_ list: [AreaTotal], _ by: [String: FigureInterval]) -> JSONValue {
            .object(JSONObject(list.map { JSONMember($0.key, by[$0.key]?.json ?? .null) }))
        }
        let i = self.intervals
        var totals: JSONObject = [
            "by_territory": pairs(byTerritory), "by_claimant": pairs(byClaimant), "by_holder": pairs(byHolder),
            "held_inside": .array(heldInside.map { h in
                var o: JSONObject = ["holder": .string(h.holder), "territory": .string(h.territory), "area_m2": .number(h.area)]
                if let i { o["area_m2_interval"] = i.heldInside["\(h.holder)\u{0}\(h.territory)"]?.json ?? .null }
                return .object(o)
            }),
        ]
        if let i {
            totals["by_territory_interval"] = intervals(byTerritory, i.byTerritory)
            totals["by_claimant_interval"] = intervals(byClaimant, i.byClaimant)
            totals["by_holder_interval"] = intervals(byHolder, i.byHolder)
        }
        // Each record with its index in `enclaves`, where its interval is.
        func records(_ keep: (EnclaveRecord) -> Bool, _ members: (EnclaveRecord) -> JSONObject) -> JSONValue {
            .array(enclaves.indices.filter { keep(enclaves[$0]) }.map { k in
                var o = members(enclaves[k])
                if let i { o["area_m2_interval"] = i.enclaves[k].json }
                return .object(o)
            })
        }
        var document: JSONObject = [
            "source": .string(source),
            "at": at.map { .string($0.description) } ?? .null,
            "pieces": .array(pieces.indices.map { k in
                let p = pieces[k]
                var o: JSONObject = ["territory": p.territory.map(JSONValue.string) ?? .null, "claimants": .array(p.claimants.map(JSONValue.string)),
                                     "holder": .string(p.holder), "area_m2": .number(p.area)]
                if let i { o["area_m2_interval"] = i.pieces[k].json }
                return .object(o)
            }),
            "totals": .object(totals),
            "enclaves": records({ $0.surroundedBy != nil }) { e in
                ["territory": .string(e.territory), "surrounded_by": .string(e.surroundedBy!), "area_m2": .number(e.area),
                 "lon": .number(e.centroid.lon), "lat": .number(e.centroid.lat)]
            },
            "exclaves": records(\.isExclave) { e in
                ["territory": .string(e.territory), "area_m2": .number(e.area), "lon": .number(e.centroid.lon),
                 "lat": .number(e.centroid.lat), "neighbours": .array(e.neighbours.map(JSONValue.string))]
            },
            "detached_parts": records(\.isDetachedPart) { e in
                ["territory": .string(e.territory), "area_m2": .number(e.area), "lon": .number(e.centroid.lon),
                 "lat": .number(e.centroid.lat), "neighbours": .array(e.neighbours.map(JSONValue.string))]
            },
            "overlaps": .array(overlaps.map { o in
                .object(["territories": .array(o.territories.map(JSONValue.string)), "area_m2": .number(o.area)])
            }),
            "slivers": .integer(Int64(slivers.count)), "min_area_m2": .number(minArea),
            "notes": .array(notes.map(JSONValue.string)),
            "warnings": .array(warnings.map { .string($0.description) }),
        ]
        if let i {
            document["accuracy"] = .object(["metres": .number(i.accuracy), "method": .string(AreaIntervals.method)])
        }
        return .object(document)
    }

    /// The pieces as GeoJSON features (`kind` = `area_piece`), with points for exclaves and enclaves.
    public var featureCollection: FeatureCollection {
        var features = pieces.map { p in
            Feature(geometry: p.geometry, properties: [
                "kind": .string("area_piece"), "territory": p.territory.map(JSONValue.string) ?? .null,
                "claimants": .array(p.claimants.map(JSONValue.string)), "holder": .string(p.holder), "area_m2": .number(p.area),
            ])
        }
        for e in enclaves {
            for kind in [e.isExclave ? "exclave" : nil, e.surroundedBy != nil ? "enclave" : nil].compactMap({ $0 }) {
                features.append(Feature(geometry: .point(Point(e.centroid)), properties: [
                    "kind": .string(kind), "territory": .string(e.territory),
                    "surrounded_by": e.surroundedBy.map(JSONValue.string) ?? .null, "area_m2": .number(e.area),
                ]))
            }
        }
        return FeatureCollection(features, foreignMembers: ["name": .string("areas")])
    }
}
