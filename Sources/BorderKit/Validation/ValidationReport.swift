import GeoCore

/// What `validate` found across its files, and what `--repair` changed.
public struct ValidationReport: Hashable, Sendable {
    /// A feature checked, with its file.
    public struct Entry: Hashable, Sendable {
        /// The file's label.
        public var file: String
        /// Its validity.
        public var result: FeatureValidity
    }

    /// Every feature checked.
    public var entries: [Entry] = []
    /// What `--repair` changed, if it ran.
    public var repairs: [FeatureRepair] = []
    /// True when every repaired geometry is valid.
    public var repairedValid = true
    /// Where the repair was written, if it ran.
    public var repairedOutput: String?

    /// An empty report.
    public init() {}

    /// Adds the results of checking one file.
    public mutating func add(file: String, results: [FeatureValidity]) {
        entries += results.map { Entry(file: file, result: $0) }
    }

    /// The entries whose geometry is invalid.
    public var invalid: [Entry] { entries.filter { !$0.result.validity.isValid } }
    /// How many are invalid.
    public var invalidCount: Int { invalid.count }

    private static func place(_ p: Position?) -> String {
        guard let p else { return "" }
        return "\(JSONNumberFormat.fixed(p.lon, decimals: 7)), \(JSONNumberFormat.fixed(p.lat, decimals: 7))"
    }

    /// The report as Markdown: what is invalid, why and where, and the repairs.
    public var markdown: String {
        var text = "# Validity\n\n\(entries.count) geometries checked (GEOS \(geosVersion)), \(invalidCount) invalid.\n"
        if !invalid.isEmpty {
            let table = Table(columns: ["file", "index", "id", "name", "pointer", "reason", "lon, lat"], rows: invalid.map { e in
                [.text(e.file), .integer(e.result.index), e.result.id.map { .text($0.description) } ?? .empty,
                 e.result.name.map(Cell.text) ?? .empty,
                 .text(e.result.pointer.isEmpty ? "/" : e.result.pointer), .text(e.result.validity.reason ?? ""),
                 .text(Self.place(e.result.validity.location))]
            })
            text += "\n" + table.markdown
        }
        if let repairedOutput {
            text += "\n## Repairs (GEOS make-valid), written to \(repairedOutput)\n\n"
            text += repairs.isEmpty ? "Nothing to repair.\n" : Table(
                columns: ["index", "id", "reason", "type before", "type after", "area before km²", "area after km²", "length after km"],
                rows: repairs.map { r in
                    [.integer(r.index), r.id.map { .text($0.description) } ?? .empty, .text(r.reason),
                     .text(r.typeBefore.rawValue), .text(r.typeAfter.rawValue),
                     .number(r.areaBefore / 1e6, decimals: 3), .number(r.areaAfter / 1e6, decimals: 3),
                     .number(r.lengthAfter / 1e3, decimals: 3)]
                }).markdown
            text += repairedValid ? "\nEvery repaired geometry is valid.\n" : "\nSome geometries are still invalid after repair.\n"
        }
        return text
    }

    /// The report as JSON: the invalid features with reason and location, and the repairs.
    public var json: JSONValue {
        var object: JSONObject = [
            "checked": .integer(Int64(entries.count)),
            "invalid": .integer(Int64(invalidCount)),
            "geos": .string(geosVersion),
            "features": .array(invalid.map { e in
                .object([
                    "file": .string(e.file),
                    "index": .integer(Int64(e.result.index)),
                    "id": e.result.id.map { .string($0.description) } ?? .null,
                    "name": e.result.name.map(JSONValue.string) ?? .null,
                    "pointer": .string(e.result.pointer),
                    "reason": .string(e.result.validity.reason ?? ""),
                    "location": e.result.validity.location.map { .array([.number($0.lon), .number($0.lat)]) } ?? .null,
                ])
            }),
        ]
        if let repairedOutput {
            object["repaired_output"] = .string(repairedOutput)
            object["repaired_valid"] = .bool(repairedValid)
            object["repairs"] = .array(repairs.map { r in
                .object([
                    "index": .integer(Int64(r.index)),
                    "id": r.id.map { .string($0.description) } ?? .null,
                    "reason": .string(r.reason),
                    "type_before": .string(r.typeBefore.rawValue),
                    "type_after": .string(r.typeAfter.rawValue),
                    "area_before_m2": .number(r.areaBefore),
                    "area_after_m2": .number(r.areaAfter),
                    "length_before_m": .number(r.lengthBefore),
                    "length_after_m": .number(r.lengthAfter),
                ])
            })
        }
        return .object(object)
    }
}
