import GeoCore

/// `borders` reports: GeoJSON segments and tripoints; JSON in metres; Markdown and CSV in km, one row per pair.
extension BorderReport {
    /// Every status that occurs, sorted.
    public var statuses: [String] { Array(Set(pairs.flatMap { $0.segments.map(\.status) })).sorted() }

    /// Geodesic metres of all pairs' borders.
    public var totalLength: Double { pairs.reduce(0) { $0 + $1.length } }
    /// The number of segments of all pairs.
    public var segmentCount: Int { pairs.reduce(0) { $0 + $1.segments.count } }

    private func label(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }

    /// One row per pair: km by status, segments; in km with 3 decimals.
    public var pairTable: Table { pairPieces.table }

    /// The same table, made a piece at a time as it is written.
    var pairPieces: TablePieces {
        let s = statuses, pairs = pairs
        return TablePieces(columns: ["territory_a", "territory_b", "segments", "length_km"] + s.map { "\($0)_km" }, count: pairs.count) { range in
            pairs[range].map { p in
                let byStatus = Dictionary(uniqueKeysWithValues: p.lengthByStatus.map { ($0.status, $0.length) })
                return [.text(p.territories[0]), .text(p.territories[1]), .integer(p.segments.count), .number(p.length / 1e3, decimals: 3)]
                    + s.map { .number((byStatus[$0] ?? 0) / 1e3, decimals: 3) }
            }
        }
    }

    /// One row per tripoint: the territories and where.
    public var tripointTable: Table { tripointPieces.table }

    var tripointPieces: TablePieces {
        let tripoints = tripoints
        return TablePieces(columns: ["territories", "lon", "lat"], count: tripoints.count) { range in
            tripoints[range].map { t in
                [.text(t.territories.joined(separator: ", ")), .number(t.position.lon, decimals: 5), .number(t.position.lat, decimals: 5)]
            }
        }
    }

    /// The report as Markdown: method, totals, pairs by status, tripoints, point contacts, overlaps, warnings.
    public var markdown: String {
        var bytes: [UInt8] = []
        try? write(.markdown) { bytes += $0 }  // `emit` here does not throw
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The report's text in `format` (md or json; csv and geojson are written whole), handed to `emit` a
    /// piece at a time: the pairs and tripoints 4,096 rows at a time, so that a report of millions of pairs is
    /// never whole in memory as cells or text. The pieces joined are `markdown`, or `json` and a newline.
    public func write(_ format: ReportFormat, _ emit: ([UInt8]) throws -> Void) throws {
        switch format {
        case .json:
            try jsonDocument.write(emit)
            return
        case .csv:
            return try emit(Array(csv.main.utf8))
        case .geojson:
            return try emit(GeoJSONWriter().data(featureCollection))
        case .markdown:
            break
        }
        var text = "# Borders of \(source)\n\n"
        text += "Method: \(method). Snap tolerance: \(JSONNumberFormat.shortest(snap)) m.\n\n"
        text += "\(pairs.count) bordering pairs, \(segmentCount) segments, \(JSONNumberFormat.fixedPadded(totalLength / 1e3, decimals: 3)) km; "
        text += "\(tripoints.count) tripoints; \(pointContacts.count) pairs touching only at points.\n\n"
        try emit(Array(text.utf8))
        try pairPieces.writeMarkdown(emit)
        text = ""
        if !tripoints.isEmpty {
            try emit(Array("\n## Tripoints\n\n".utf8))
            try tripointPieces.writeMarkdown(emit)
        }
        if !pointContacts.isEmpty {
            text += "\n## Pairs touching only at points\n\n"
            text += pointContacts.map { "- \(label($0.territories[0])) – \(label($0.territories[1]))" }.joined(separator: "\n") + "\n"
        }
        if !overlaps.isEmpty {
            text += "\n## Overlaps\n\nTerritories whose areas overlap (a coverage should have none); their border above is where their boundaries coincide.\n\n"
            text += Table(columns: ["territory_a", "territory_b", "overlap_km2"], rows: overlaps.map {
                [.text($0.territories[0]), .text($0.territories[1]), .number($0.area / 1e6, decimals: 6)]
            }).markdown
        }
        if !warnings.isEmpty { text += "\n## Warnings\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        try emit(Array(text.utf8))
    }

    /// CSV: the pairs, and the tripoints in a file of their own.
    public var csv: CSVTables { CSVTables([.init(name: "pairs", table: pairTable), .init(name: "tripoints", table: tripointTable)]) }

    /// The report as JSON, lengths in metres: pairs, point contacts, overlaps, tripoints, totals, warnings.
    public var json: JSONValue { jsonDocument.value }

    /// The JSON report with its pairs and tripoints made a piece at a time.
    var jsonDocument: JSONDocument {
        let pairs = pairs, tripoints = tripoints
        return .object([
            .init("source", .value(.string(source))),
            .init("method", .value(.string(method))),
            .init("snap_m", .value(.number(snap))),
            .init("pairs", .lazyArray(count: pairs.count) { range in pairs[range].map { p in
                .object([
                    "territories": .array(p.territories.map(JSONValue.string)),
                    "length_m": .number(p.length),
                    "segments": .integer(Int64(p.segments.count)),
                    "by_status": .object(JSONObject(p.lengthByStatus.map { JSONMember($0.status, .number($0.length)) })),
                ])
            } }),
            .init("point_contacts", .value(.array(pointContacts.map { p in
                .object(["territories": .array(p.territories.map(JSONValue.string)),
                         "points": .array(p.touchPoints.map { .array([.number($0.wrappedLongitude.lon), .number($0.lat)]) })])
            }))),
            .init("overlaps", .value(.array(overlaps.map { o in
                .object(["territories": .array(o.territories.map(JSONValue.string)), "area_m2": .number(o.area)])
            }))),
            .init("tripoints", .lazyArray(count: tripoints.count) { range in tripoints[range].map { t in
                .object(["territories": .array(t.territories.map(JSONValue.string)), "lon": .number(t.position.lon), "lat": .number(t.position.lat)])
            } }),
            .init("totals", .value(.object([
                "pairs": .integer(Int64(pairs.count)), "segments": .integer(Int64(segmentCount)),
                "length_m": .number(totalLength), "tripoints": .integer(Int64(tripoints.count)),
            ]))),
            .init("warnings", .value(.array(warnings.map { .string($0.description) }))),
        ])
    }

    /// Segments (`kind` = `border_segment`) and tripoints (`kind` = `tripoint`).
    public var featureCollection: FeatureCollection {
        var features: [Feature] = []
        for p in pairs {
            for s in p.segments {
                var properties: JSONObject = [
                    "kind": .string("border_segment"), "id": .string(s.id),
                    "territories": .array(s.territories.map(JSONValue.string)),
                ]
                if s.territories.contains(where: { names[$0] != nil }) {
                    properties["names"] = .array(s.territories.map { names[$0].map(JSONValue.string) ?? .null })
                }
                properties["status"] = .string(s.status)
                if let d = s.statusDate { properties["status_date"] = .string(d) }
                if let src = s.statusSource { properties["status_source"] = .string(src) }
                properties["length_m"] = .number(s.length)
                properties["method"] = .string(snap > 0 ? "within \(JSONNumberFormat.shortest(snap)) m" : "exact")
                features.append(Feature(id: .string(s.id), geometry: .lineString(s.line), properties: properties))
            }
        }
        for t in tripoints {
            let at = "\(JSONNumberFormat.fixed(t.position.lon, decimals: 5)),\(JSONNumberFormat.fixed(t.position.lat, decimals: 5))"
            features.append(Feature(id: .string("tripoint:" + t.territories.joined(separator: "|") + "@" + at), geometry: .point(Point(t.position)),
                                    properties: ["kind": .string("tripoint"), "territories": .array(t.territories.map(JSONValue.string))]))
        }
        return FeatureCollection(features, foreignMembers: ["name": .string("borders")])
    }
}
