import GeoCore

/// `measure` reports: Markdown and CSV in km and km² with 3 decimals (units in the column names),
/// JSON and GeoJSON in SI units (`length_m`, `area_m2`, `perimeter_m`).
extension MeasureReport {
    /// The per-feature table in km (Markdown, CSV) or SI units (JSON).
    public func table(si: Bool) -> Table { pieces(si: si).table }

    /// The same table, made a piece at a time as it is written.
    func pieces(si: Bool) -> TablePieces {
        let lengthName = si ? "length_m" : "length_km"
        let areaName = si ? "area_m2" : "area_km2"
        let perimeterName = si ? "perimeter_m" : "perimeter_km"
        let scale = si ? 1.0 : 1e-3
        let areaScale = si ? 1.0 : 1e-6
        func number(_ v: Double?, _ s: Double) -> Cell { v.map { .number($0 * s, decimals: 3) } ?? .empty }
        let features = features
        return TablePieces(
            columns: ["index", "id", "name", "geometry_type", "vertices", "valid", "invalid_reason", lengthName, areaName, perimeterName],
            count: features.count) { range in
                features[range].map { f in
                    [.integer(f.index), f.id.map { .text($0.description) } ?? .empty, f.name.map(Cell.text) ?? .empty,
                     f.geometryType.map { .text($0.rawValue) } ?? .empty, .integer(f.vertexCount),
                     f.validity.map { .bool($0.isValid) } ?? .empty, f.validity?.reason.map(Cell.text) ?? .empty,
                     number(f.length, scale), number(f.area, areaScale), number(f.perimeter, scale)]
                }
            }
    }

    /// The report as Markdown: one row per feature in km and km², and the totals.
    public var markdown: String {
        markdownHead + table(si: false).markdown + markdownTotals
    }

    private var markdownHead: String {
        "# Measures of \(source)\n\n"
            + "Geodesic on WGS84 (PROJ geodesic.h, Karney's algorithm): lengths and perimeters in km, areas in km², "
            + "3 decimals. Validity from GEOS \(geosVersion).\n\n"
    }

    private var markdownTotals: String {
        var text = "\n**Totals:** \(features.count) features, \(totalVertices) vertices, \(invalidCount) invalid; "
        text += "length \(JSONNumberFormat.fixedPadded(totalLength / 1e3, decimals: 3)) km, "
        text += "area \(JSONNumberFormat.fixedPadded(totalArea / 1e6, decimals: 3)) km², "
        text += "perimeter \(JSONNumberFormat.fixedPadded(totalPerimeter / 1e3, decimals: 3)) km.\n"
        return text
    }

    /// CSV in km and km²: one row per feature.
    public var csv: CSVTables { CSVTables([.init(name: "features", table: table(si: false))]) }

    /// The report's text in `format` (md, csv, json; not geojson), handed to `emit` a piece at a time, 4,096
    /// rows to a piece: a report of a million rows is never whole in memory as cells or text. The pieces
    /// joined are the bytes of `markdown`, `csv.main`, or `json` and a newline.
    public func write(_ format: ReportFormat, _ emit: ([UInt8]) throws -> Void) throws {
        switch format {
        case .markdown:
            try emit(Array(markdownHead.utf8))
            try pieces(si: false).writeMarkdown(emit)
            try emit(Array(markdownTotals.utf8))
        case .csv:
            try pieces(si: false).writeCSV(emit)
        case .json, .geojson:
            try jsonDocument(features: pieces(si: true).jsonRows).write(emit)
        }
    }

    /// The report as JSON in metres and m²: one object per feature, and the totals.
    public var json: JSONValue { jsonDocument(features: pieces(si: true).jsonRows).value }

    private func jsonDocument(features rows: JSONDocument) -> JSONDocument {
        .object([
            .init("source", .value(.string(source))),
            .init("method", .value(.string("geodesic on WGS84 (PROJ geodesic.h); validity from GEOS \(geosVersion)"))),
            .init("features", rows),
            .init("totals", .value(.object([
                "features": .integer(Int64(features.count)),
                "vertices": .integer(Int64(totalVertices)),
                "invalid": .integer(Int64(invalidCount)),
                "length_m": .number(totalLength),
                "area_m2": .number(totalArea),
                "perimeter_m": .number(totalPerimeter),
            ]))),
        ])
    }

    /// The input features with `length_m`, `area_m2` and `perimeter_m` added to their properties (where they apply).
    public func annotated(_ input: [Feature]) -> FeatureCollection {
        FeatureCollection(zip(input, features).map { feature, m in
            var f = feature
            var properties = f.properties ?? JSONObject()
            if let v = m.length { properties["length_m"] = .number(v) }
            if let v = m.area { properties["area_m2"] = .number(v) }
            if let v = m.perimeter { properties["perimeter_m"] = .number(v) }
            f.properties = properties
            return f
        })
    }
}
