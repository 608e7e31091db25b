import GeoCore

/// A claim: a claimant and the area it claims, with its basis and period.
public struct Claim: Sendable, Hashable {
    public var id: String?
    public var claimant: String
    public var basis: String?
    public var period: Period
    public var geometry: Geometry

    public init(id: String? = nil, claimant: String, basis: String? = nil, period: Period = Period(), geometry: Geometry) {
        self.id = id
        self.claimant = claimant
        self.basis = basis
        self.period = period
        self.geometry = geometry
    }
}

/// Control: who holds an area, from when to when.
public struct Control: Sendable, Hashable {
    public var id: String?
    public var holder: String
    public var period: Period
    public var geometry: Geometry

    public init(id: String? = nil, holder: String, period: Period = Period(), geometry: Geometry) {
        self.id = id
        self.holder = holder
        self.period = period
        self.geometry = geometry
    }
}

extension Period {
    /// The period of a feature's `from` and `to` properties (ISO 8601 or null); a bad date names the feature.
    static func of(_ f: Feature, source: String, pointer: String) throws -> Period {
        func date(_ key: String) throws -> ISODate? {
            switch f.properties?[key] {
            case nil, .null?: return nil
            case .string(let s)?:
                guard let d = ISODate(s) else {
                    throw InputError("\(source): \(pointer)/properties/\(key): \"\(s)\" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
                }
                return d
            case let other?:
                throw InputError("\(source): \(pointer)/properties/\(key): a date must be a string, found \(other.kindDescription)")
            }
        }
        return Period(from: try date("from"), to: try date("to"))
    }
}

/// Reads the polygon features of a layer with a required string property (`claimant` or `holder`).
private func polygonal(_ geojson: GeoJSON, source: String, role: String,
                       _ make: (Feature, String, Period, Geometry) -> Void) throws {
    for (i, f) in geojson.features.enumerated() {
        let pointer = geojson.pointer(toFeature: i)
        let parts = (f.geometry?.polygons ?? []).filter { !($0.exterior?.isEmpty ?? true) }
        guard !parts.isEmpty else { throw InputError("\(source): \(pointer): needs a polygon geometry") }
        guard case .string(let who)? = f.properties?[role], !who.isEmpty else {
            throw InputError("\(source): \(pointer): needs a string property \"\(role)\"")
        }
        var ignored: [InputWarning] = []
        let g = try Territory.continuous(.multiPolygon(MultiPolygon(parts)), source: source, pointer: pointer, id: who, warnings: &ignored)
        make(f, who, try Period.of(f, source: source, pointer: pointer), g)
    }
}

extension Claim {
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Claim] {
        var out: [Claim] = []
        try polygonal(geojson, source: source, role: "claimant") { f, who, period, g in
            out.append(Claim(id: f.id?.description, claimant: who, basis: f.properties?["basis"]?.stringValue, period: period, geometry: g))
        }
        return out
    }
}

extension Control {
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Control] {
        var out: [Control] = []
        try polygonal(geojson, source: source, role: "holder") { f, who, period, g in
            out.append(Control(id: f.id?.description, holder: who, period: period, geometry: g))
        }
        return out
    }
}
