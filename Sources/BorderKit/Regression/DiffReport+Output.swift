import GeoCore

extension DiffReport {
    /// The diff as JSON: tolerances applied, matches, and every feature that differs.
    public var json: JSONValue {
        .object([
            "expected": .string(expected), "actual": .string(actual), "match_by": .string(matchBy),
            "tolerances": .object(["distance_m": tolerances.appliedDistance.map(JSONValue.number) ?? .null,
                                   "length_percent": tolerances.appliedLengthPercent.map(JSONValue.number) ?? .null,
                                   "area_percent": tolerances.appliedAreaPercent.map(JSONValue.number) ?? .null,
                                   "number": .number(tolerances.appliedNumber)]),
            "matched": .integer(Int64(matched)),
            "added": .array(added.map(JSONValue.string)),
            "removed": .array(removed.map(JSONValue.string)),
            "beyond_tolerance": .integer(Int64(beyondTolerance)),
            "features": .array(features.map { f in
                .object([
                    "id": .string(f.id),
                    "geometry_types": .array([f.expectedType.map { .string($0.rawValue) } ?? .null, f.actualType.map { .string($0.rawValue) } ?? .null]),
                    "hausdorff_m": .number(f.hausdorff),
                    "length_diff_m": .number(f.lengthDifference), "length_diff_relative": f.lengthRelative.isFinite ? .number(f.lengthRelative) : .null,
                    "area_diff_m2": .number(f.areaDifference), "area_diff_relative": f.areaRelative.isFinite ? .number(f.areaRelative) : .null,
                    "properties": .array(f.properties.map { p in
                        .object(["key": .string(p.key), "expected": p.expected ?? .null, "actual": p.actual ?? .null,
                                 "difference": p.difference.map(JSONValue.number) ?? .null, "beyond": .bool(p.beyond)])
                    }),
                    "beyond": .bool(f.beyond),
                    "reasons": .array(f.reasons.map(JSONValue.string)),
                ])
            }),
        ])
    }

    /// The report in Markdown: the features beyond tolerance and why; with `verbose`, also those that differ
    /// within tolerance, with a note for each property that does.
    public func markdown(verbose: Bool) -> String {
        func limit(_ v: Double?, _ unit: String) -> String { v.map { "\(JSONNumberFormat.shortest($0))\(unit)" } ?? "not checked" }
        var text = "# Diff of \(actual) against \(expected)\n\n"
        text += "Matched by \(matchBy): \(matched) matched, \(added.count) added, \(removed.count) removed; "
        text += "\(beyondTolerance) beyond tolerance (distance \(limit(tolerances.appliedDistance, " m")), "
        text += "length \(limit(tolerances.appliedLengthPercent, "%")), area \(limit(tolerances.appliedAreaPercent, "%")), "
        text += "numbers ± \(JSONNumberFormat.shortest(tolerances.appliedNumber))).\n"
        let shown = verbose ? features : features.filter(\.beyond)
        if !shown.isEmpty {
            text += "\n" + Table(columns: ["id", "beyond", "hausdorff_m", "length_diff_m", "area_diff_m2", "why"], rows: shown.map { f in
                [.text(f.id), .bool(f.beyond), .number(f.hausdorff, decimals: 3), .number(f.lengthDifference, decimals: 3),
                 .number(f.areaDifference, decimals: 3),
                 .text((f.reasons + (verbose ? f.properties.filter { !$0.beyond }.map { "property \($0.key) within tolerance" } : [])).joined(separator: "; "))]
            }).markdown
        }
        let within = features.count - features.filter(\.beyond).count
        if !verbose && within > 0 { text += "\n\(within) more features differ within tolerance (`--verbose` lists them).\n" }
        if !added.isEmpty { text += "\nAdded: \(added.joined(separator: ", ")).\n" }
        if !removed.isEmpty { text += "\nRemoved: \(removed.joined(separator: ", ")).\n" }
        return text
    }
}
