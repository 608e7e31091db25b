import GeoCore

/// Territories made from features one at a time (`add`), then checked for validity on every worker (`finish`):
/// the rules of `Territory.load`.
struct TerritoryLoader {
    let source: String
    let idProperty: String?
    private var out: [Territory] = []
    private var warnings: [InputWarning] = []
    /// Each id's territory (index in `out`), for duplicates.
    private var seen: [String: Int] = [:]
    private var validityWarningAt: [Int] = []

    init(source: String, idProperty: String?) {
        self.source = source
        self.idProperty = idProperty
    }

    /// Adds the territory of feature `f` (number `i` in its file, at `pointer`), or a warning why not.
    mutating func add(_ f: Feature, index i: Int, pointer: String) throws {
        let source = source, idProperty = idProperty
        func value(_ key: String) -> String? {
            switch f.properties?[key] {
            case .string(let s)? where !s.isEmpty: s
            case .integer(let n)?: String(n)
            case .bigInteger(let digits)?: digits
            default: nil
            }
        }
        let id: String?
        if let idProperty {
            id = value(idProperty)
            if id == nil { throw InputError("\(source): \(pointer): no property \"\(idProperty)\" (a string or an integer) to use as the territory id", kind: .missingID) }
        } else {
            id = f.id.map(\.description) ?? Territory.fallbackIDProperties.lazy.compactMap(value).first
        }
        guard let id else {
            throw InputError("\(source): \(pointer): no territory id: the feature has no \"id\" and none of the properties "
                + "\(Territory.fallbackIDProperties.joined(separator: ", "))", kind: .missingID, remedy: .idProperty)
        }
        let parts = (f.geometry?.polygons ?? []).filter { !($0.exterior?.isEmpty ?? true) }
        guard !parts.isEmpty else {
            let what = f.geometry == nil ? "null geometry" : (f.geometry!.polygons.isEmpty ? "no polygon" : "empty polygon")
            warnings.append(InputWarning(source: source, pointer: pointer, message: "\(id): \(what), skipped"))
            return
        }
        let geometry = Geometry.multiPolygon(MultiPolygon(parts))
        if let other = seen[id] {
            throw InputError("\(source): \(pointer): duplicate territory id \"\(id)\" (also at \(out[other].pointer))", kind: .duplicateID, remedy: .idProperty)
        }
        seen[id] = out.count
        let polygonal = try Territory.continuous(geometry, source: source, pointer: pointer, id: id, warnings: &warnings)
        validityWarningAt.append(warnings.count)
        out.append(Territory(id: id, name: f.displayName, geometry: polygonal, index: i, pointer: pointer))
    }

    /// The territories with their validity known, and the warnings in file order after the reader's `notes`.
    consuming func finish(notes: [String]) throws -> LoadedTerritories {
        seen = [:]
        let noted = notes.map { InputWarning(source: source, pointer: "", message: $0) }
        // Validity (`GEOSisValidDetail_r`) on every worker; each warning goes where the loop above would have put it.
        let validities = try Territory.validity(of: out)
        var merged: [InputWarning] = noted
        var next = 0
        for (k, v) in validities.enumerated() {
            while next < validityWarningAt[k] { merged.append(warnings[next]); next += 1 }
            let validity = try v!.get()
            out[k].isKnownValid = validity.isValid
            guard !validity.isValid else { continue }
            let t = out[k]
            let at = validity.location.map { " at \(JSONNumberFormat.fixed($0.lon, decimals: 5)), \(JSONNumberFormat.fixed($0.lat, decimals: 5))" } ?? ""
            merged.append(InputWarning(source: source, pointer: t.pointer,
                                       message: "\(t.id)\(t.name.map { " (\($0))" } ?? ""): invalid geometry (\(validity.reason ?? "invalid")\(at)); its borders are computed as given"))
        }
        merged += warnings[next...]
        return LoadedTerritories(territories: out, source: source, warnings: merged)
    }
}
