import GeoCore

/// `borders` reports: GeoJSON segments and tripoints; JSON in metres; Markdown and CSV in km, one row per pair.
extension BorderReport {
    /// Every status that occurs, sorted.
    public var statuses: [String] { pairs.statusNames }

    /// Geodesic metres of all pairs' borders.
    public var totalLength: Double { pairs.indices.reduce(0) { $0 + pairs.length(at: $1) } }
    /// The number of segments of all pairs.
    public var segmentCount: Int { pairs.segmentCount }

    private func label(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }

    /// One row per pair: km by status, segments; in km with 3 decimals, or, where the accuracy is known, to the
    /// digits each figure's interval supports, with `_low` and `_high` columns beside it.
    public var pairTable: Table { pairPieces(.csv).table }

    /// The pair table, made a piece at a time as it is written: for Markdown a figure with an interval is one
    /// cell, "850 (750–860)"; for CSV its interval's ends are columns of their own.
    func pairPieces(_ format: ReportFormat) -> TablePieces {
        let s = statuses, pairs = pairs, intervals = intervals
        let statusIntervals = !(intervals?.byStatus.isEmpty ?? true)
        func columns(_ name: String, _ hasInterval: Bool) -> [String] { FigureInterval.columns(name, format: format, intervalColumns: hasInterval) }
        func cells(_ metres: Double, _ interval: FigureInterval?) -> [Cell] {
            FigureInterval.cells(metres, interval, scale: 1e3, format: format, intervalColumns: interval != nil)
        }
        return TablePieces(columns: ["territory_a", "territory_b", "segments"] + columns("length_km", intervals != nil)
                            + s.flatMap { columns("\($0)_km", statusIntervals) }, count: pairs.count) { range in
            range.map { k in
                let p = pairs[k], byStatus = p.lengthByStatus
                let perStatus = Dictionary(uniqueKeysWithValues: byStatus.enumerated().map { i, sl in
                    (sl.status, (sl.length, statusIntervals ? intervals!.byStatus[k][i] : nil as FigureInterval?))
                })
                return [.text(p.territories[0]), .text(p.territories[1]), .integer(p.segments.count)] + cells(p.length, intervals?.pairs[k])
                    + s.flatMap { status in
                        perStatus[status].map { cells($0.0, $0.1) } ?? cells(0, statusIntervals ? FigureInterval(low: 0, high: 0) : nil)
                    }
            }
        }
    }

    /// Each pair's border here and in the other source (`comparison`): both lengths in km, their difference, and
    /// the offsets in metres.
    public var comparisonTable: Table? {
        guard let comparison else { return nil }
        return Table(columns: ["territory_a", "territory_b", "length_km", "other_length_km", "difference_km", "samples", "median_offset_m", "max_offset_m"],
                     rows: comparison.pairs.map { c in
                         [.text(c.territories[0]), .text(c.territories[1]), .number(c.length / 1e3, decimals: 3), .number(c.otherLength / 1e3, decimals: 3),
                          .number((c.length - c.otherLength) / 1e3, decimals: 3),
                          c.offsets.map { .integer($0.samples) } ?? .empty,
                          c.offsets.map { .number($0.median, decimals: 0) } ?? .empty,
                          c.offsets.map { .number($0.maximum, decimals: 0) } ?? .empty]
                     })
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
        if let intervals { text += "Accuracy: \(intervals.method).\n\n" }
        let total = intervals.map { $0.total.text(totalLength, scale: 1e3, maximum: 3) } ?? JSONNumberFormat.fixedPadded(totalLength / 1e3, decimals: 3)
        text += "\(pairs.count) bordering pairs, \(segmentCount) segments, \(total) km; "
        text += "\(tripoints.count) tripoints; \(pointContacts.count) pairs touching only at points.\n\n"
        try emit(Array(text.utf8))
        try pairPieces(.markdown).writeMarkdown(emit)
        text = ""
        if let comparison, let table = comparisonTable {
            text += "\n## Compared with \(comparison.otherSource)\n\n"
            text += "Method: \(BorderComparison.method). The difference is this source's length less the other's.\n\n"
            text += table.markdown
            try emit(Array(text.utf8))
            text = ""
        }
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

    /// CSV as `csv`, each table made a piece at a time as it is written.
    public var csvPieces: CSVPieces {
        CSVPieces([.init(name: "pairs", pieces: pairPieces(.csv)), .init(name: "tripoints", pieces: tripointPieces)]
                  + (comparisonTable.map { [.init(name: "comparison", pieces: TablePieces($0))] } ?? []))
    }

    /// CSV: the pairs, and the tripoints in a file of their own.
    public var csv: CSVTables {
        CSVTables([.init(name: "pairs", table: pairTable), .init(name: "tripoints", table: tripointTable)]
                  + (comparisonTable.map { [.init(name: "comparison", table: $0)] } ?? []))
    }

    /// The report as JSON, lengths in metres: pairs, point contacts, overlaps, tripoints, totals, warnings.
    public var json: JSONValue { jsonDocument.value }

    /// The JSON report with its pairs and tripoints made a piece at a time.
    var jsonDocument: JSONDocument {
        let pairs = pairs, tripoints = tripoints, intervals = intervals
        var members: [JSONDocument.Member] = [
            .init("source", .value(.string(source))),
            .init("method", .value(.string(method))),
            .init("snap_m", .value(.number(snap))),
        ]
        if let intervals {
            var accuracy: JSONObject = ["method": .string(intervals.method), "statement": .string(intervals.accuracy.statement)]
            accuracy["metres"] = intervals.accuracy.metres.map(JSONValue.number) ?? .null
            if let r = intervals.accuracy.referenceSource { accuracy["reference_source"] = .string(r) }
            members.append(.init("accuracy", .value(.object(accuracy))))
        }
        members += [
            .init("pairs", .lazyArray(count: pairs.count) { range in range.map { k in
                let p = pairs[k]
                var o: JSONObject = [
                    "territories": .array(p.territories.map(JSONValue.string)),
                    "length_m": .number(p.length),
                ]
                if let intervals { o["length_m_interval"] = intervals.pairs[k].json }
                o["segments"] = .integer(Int64(p.segments.count))
                o["by_status"] = .object(JSONObject(p.lengthByStatus.map { JSONMember($0.status, .number($0.length)) }))
                if let intervals, !intervals.byStatus.isEmpty {
                    o["by_status_interval"] = .object(JSONObject(zip(p.lengthByStatus, intervals.byStatus[k]).map { JSONMember($0.status, $1.json) }))
                }
                return .object(o)
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
            .init("totals", .value(.object(JSONObject([
                JSONMember("pairs", .integer(Int64(pairs.count))), JSONMember("segments", .integer(Int64(segmentCount))),
                JSONMember("length_m", .number(totalLength))]
                + (intervals.map { [JSONMember("length_m_interval", $0.total.json)] } ?? [])
                + [JSONMember("tripoints", .integer(Int64(tripoints.count)))])))),
        ]
        if let comparison {
            members.append(.init("comparison", .value(.object([
                "source": .string(comparison.otherSource),
                "method": .string(BorderComparison.method),
                "pairs": .array(comparison.pairs.map { c in
                    var o: JSONObject = ["territories": .array(c.territories.map(JSONValue.string)),
                                         "length_m": .number(c.length), "other_length_m": .number(c.otherLength)]
                    if let f = c.offsets {
                        o["samples"] = .integer(Int64(f.samples))
                        o["median_offset_m"] = .number(f.median)
                        o["max_offset_m"] = .number(f.maximum)
                    }
                    return .object(o)
                }),
            ]))))
        }
        members.append(.init("warnings", .value(.array(warnings.map { .string($0.description) }))))
        return .object(members)
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
