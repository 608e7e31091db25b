import GeoCore

/// `measure` reports: Markdown and CSV in km and km² with 3 decimals (units in the column names),
/// JSON and GeoJSON in SI units (`length_m`, `area_m2`, `perimeter_m`).
extension MeasureReport {
    /// The per-feature table in km (Markdown, CSV) or SI units (JSON).
    public func table(si: Bool) -> Table {
        let lengthName = si ? "length_m" : "length_km"
        let areaName = si ? "area_m2" : "area_km2"
        let perimeterName = si ? "perimeter_m" : "perimeter_km"
        let scale = si ? 1.0 : 1e-3
        let areaScale = si ? 1.0 : 1e-6
        func number(_ v: Double?, _ s: Double) -> Cell { v.map { .number($0 * s, decimals: 3) } ?? .empty }
        return Table(
            columns: ["index", "id", "name", "geometry_type", "vertices", "valid", "invalid_reason", lengthName, areaName, perimeterName],
            rows: features.map { f in
                [.integer(f.index), f.id.map { .text($0.description) } ?? .empty, f.name.map(Cell.text) ?? .empty,
                 f.geometryType.map { .text($0.rawValue) } ?? .empty, .integer(f.vertexCount),
                 f.validity.map { .bool($0.isValid) } ?? .empty, f.validity?.reason.map(Cell.text) ?? .empty,
                 number(f.length, scale), number(f.area, areaScale), number(f.perimeter, scale)]
            })
    }

    /// The report as Markdown: one row per feature in km and km², and the totals.
    public var markdown: String {
        var text = "# Measures of \(source)\n\n"
        text += "Geodesic on WGS84 (PROJ geodesic.h, Karney's algorithm): lengths and perimeters in km, areas in km², "
        text += "3 decimals. Validity from GEOS \(geosVersion).\n\n"
        text += table(si: false).markdown
        text += "\n**Totals:** \(features.count) features, \(totalVertices) vertices, \(invalidCount) invalid; "
        text += "length \(JSONNumberFormat.fixedPadded(totalLength / 1e3, decimals: 3)) km, "
        text += "area \(JSONNumberFormat.fixedPadded(totalArea / 1e6, decimals: 3)) km², "
        text += "perimeter \(JSONNumberFormat.fixedPadded(totalPerimeter / 1e3, decimals: 3)) km.\n"
        return text
    }

    /// CSV in km and km²: one row per feature.
    public var csv: CSVTables { CSVTables([.init(name: "features", table: table(si: false))]) }

    /// The report as JSON in metres and m²: one object per feature, and the totals.
    public var json: JSONValue {
        .object([
            "source": .string(source),
            "method": .string("geodesic on WGS84 (PROJ geodesic.h); validity from GEOS \(geosVersion)"),
            "features": table(si: true).jsonRows,
            "totals": .object([
                "features": .integer(Int64(features.count)),
                "vertices": .integer(Int64(totalVertices)),
                "invalid": .integer(Int64(invalidCount)),
                "length_m": .number(totalLength),
                "area_m2": .number(totalArea),
                "perimeter_m": .number(totalPerimeter),
            ]),
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
