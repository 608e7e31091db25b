import GeoCore

/// A claim: a claimant and the area it claims, with its basis and period.
public struct Claim: Sendable, Hashable {
    /// The claim's feature id, if it has one.
    public var id: String?
    /// Who claims the area (a state, or an entity that claims it).
    public var claimant: String
    /// On what ground, as the data states it (a law, a declaration), if it says.
    public var basis: String?
    /// When the claim holds (from inclusive, to exclusive; open ends for an open period).
    public var period: Period
    /// The area claimed (polygons, lon/lat on WGS84).
    public var geometry: Geometry

    /// A claim over `geometry` by `claimant`, holding over `period`.
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
    /// The control record's feature id, if it has one.
    public var id: String?
    /// Who holds the area (an army, an administration, a peacekeeping force).
    public var holder: String
    /// When the control holds (from inclusive, to exclusive; open ends for an open period).
    public var period: Period
    /// The area held (polygons, lon/lat on WGS84).
    public var geometry: Geometry

    /// Control of `geometry` by `holder` over `period`.
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
    /// The claims of a layer: polygon features with a string `claimant`, optional `basis`, `from` and `to` dates.
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Claim] {
        var out: [Claim] = []
        try polygonal(geojson, source: source, role: "claimant") { f, who, period, g in
            out.append(Claim(id: f.id?.description, claimant: who, basis: f.properties?["basis"]?.stringValue, period: period, geometry: g))
        }
        return out
    }
}

extension Control {
    /// The control of a layer: polygon features with a string `holder`, optional `from` and `to` dates.
    public static func load(_ geojson: GeoJSON, source: String) throws -> [Control] {
        var out: [Control] = []
        try polygonal(geojson, source: source, role: "holder") { f, who, period, g in
            out.append(Control(id: f.id?.description, holder: who, period: period, geometry: g))
        }
        return out
    }
}
