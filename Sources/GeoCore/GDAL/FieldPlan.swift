import CGDAL

/// The attribute fields a set of features needs in a GDAL layer: each property's OGR type, from its values.
///
/// Why: a GeoPackage or Shapefile column has one type, where GeoJSON properties may vary from feature to feature.
/// The plan keeps what GDAL's GeoJSON reader would infer: integers that fit 32 bits `OFTInteger`, wider ones
/// `OFTInteger64`, any real (or integers mixed with reals) `OFTReal`, booleans `OFTInteger`/`OFSTBoolean`,
/// strings `OFTString`, arrays and objects `OFTString`/`OFSTJSON` (their JSON text, read back as JSON by
/// `OGRFieldSchema`); a column whose values mix kinds holds text. Shapefile names are cut to 10 bytes and made
/// unique (case-insensitively, as dBASE compares them); `renamed` lists every name that changed.
struct FieldPlan {
    enum Kind: Equatable {
        case integer, integer64, real, boolean, string, json
    }

    struct Field {
        /// The property's name in the features.
        let property: String
        /// The column's name in the file (differs only for a Shapefile).
        let column: String
        let kind: Kind
    }

    let fields: [Field]

    /// The properties of `features` in first-seen order, plus "id" when features carry ids and no property is
    /// named so (as GDAL's GeoJSON reader makes an "id" field).
    init(_ features: ArraySlice<Feature>, shortNames: Bool) {
        var order: [String] = []
        var kinds: [String: Kind?] = [:]
        func note(_ key: String, _ value: JSONValue) {
            if kinds[key] == nil { order.append(key); kinds[key] = .some(nil) }
            guard let k = FieldPlan.kind(of: value) else { return }
            kinds[key] = .some(FieldPlan.merge(kinds[key]!, k))
        }
        var ids: [FeatureID] = []
        for f in features {
            for m in f.properties?.members ?? [] { note(m.key, m.value) }
            if let id = f.id { ids.append(id) }
        }
        if !ids.isEmpty, kinds["id"] == nil {
            for id in ids { note("id", id.jsonValue) }
        }
        var used = Set<String>()
        fields = order.map { key in
            let column = shortNames ? FieldPlan.shortName(key, avoiding: &used) : key
            return Field(property: key, column: column, kind: (kinds[key] ?? nil) ?? .string)
        }
    }

    /// The fields whose column name differs from the property's.
    var renamed: [Field] { fields.filter { $0.property != $0.column } }

    private static func kind(of v: JSONValue) -> Kind? {
        switch v {
        case .null: nil
        case .bool: .boolean
        case .integer(let i): Int32(exactly: i) != nil ? .integer : .integer64
        case .bigInteger: .string
        case .number: .real
        case .string: .string
        case .array, .object: .json
        }
    }

    private static func merge(_ a: Kind?, _ b: Kind) -> Kind {
        guard let a, a != b else { return b }
        switch (a, b) {
        case (.integer, .integer64), (.integer64, .integer): return .integer64
        case (.integer, .real), (.real, .integer), (.integer64, .real), (.real, .integer64): return .real
        default: return .string
        }
    }

    /// At most 10 bytes of UTF-8, unique without regard to case: the name cut, then "_1", "_2", ... in its last bytes.
    private static func shortName(_ name: String, avoiding used: inout Set<String>) -> String {
        func cut(_ s: String, _ bytes: Int) -> String {
            var out = ""
            for c in s where out.utf8.count + String(c).utf8.count <= bytes { out.append(c) }
            return out
        }
        var candidate = cut(name, 10)
        var n = 1
        while used.contains(candidate.uppercased()) {
            let suffix = "_\(n)"
            candidate = cut(name, 10 - suffix.utf8.count) + suffix
            n += 1
        }
        used.insert(candidate.uppercased())
        return candidate
    }

    /// Creates the columns on `layer` (`OGR_L_CreateField`), in order.
    func create(on layer: OGRLayerH) -> Bool {
        for field in fields {
            let type: OGRFieldType = switch field.kind {
            case .integer, .boolean: OFTInteger
            case .integer64: OFTInteger64
            case .real: OFTReal
            case .string, .json: OFTString
            }
            guard let defn = gdal.OGR_Fld_Create!(field.column, type) else { return false }
            defer { gdal.OGR_Fld_Destroy!(defn) }
            if field.kind == .boolean { gdal.OGR_Fld_SetSubType!(defn, OFSTBoolean) }
            if field.kind == .json { gdal.OGR_Fld_SetSubType!(defn, OFSTJSON) }
            guard gdal.OGR_L_CreateField!(layer, defn, 0) == OGRERR_NONE else { return false }
        }
        return true
    }

    /// Sets the feature's values (field i is the plan's i-th); a property absent stays unset, null is null.
    func set(_ feature: Feature, on f: OGRFeatureH) {
        for (i, field) in fields.enumerated() {
            let index = Int32(i)
            var value = feature.properties?[field.property]
            if value == nil, field.property == "id", feature.properties?["id"] == nil { value = feature.id?.jsonValue }
            guard let value else { continue }
            switch (field.kind, value) {
            case (_, .null): gdal.OGR_F_SetFieldNull!(f, index)
            case (.integer, .integer(let v)), (.integer64, .integer(let v)): gdal.OGR_F_SetFieldInteger64!(f, index, v)
            case (.boolean, .bool(let b)): gdal.OGR_F_SetFieldInteger!(f, index, b ? 1 : 0)
            case (.real, _): gdal.OGR_F_SetFieldDouble!(f, index, value.doubleValue ?? .nan)
            case (.string, .string(let s)): gdal.OGR_F_SetFieldString!(f, index, s)
            default: gdal.OGR_F_SetFieldString!(f, index, String(decoding: JSONWriter.data(value), as: UTF8.self))
            }
        }
    }
}
