import GeoCore

/// Tolerances of a diff. Distances in metres, lengths and areas in percent, property numbers absolute.
///
/// Each tolerance applies only when given. The geometric ones stand for each other: with none of `distance`,
/// `lengthPercent` and `areaPercent` given, geometry must match exactly (all three 0); with any given, only the
/// given ones are checked — a Hausdorff distance within `distance` already bounds how far every vertex moved,
/// so `--tolerance 1` passes a polygon whose vertices moved under 1 m whatever its area did. Numbers in
/// properties must be equal unless `number` is given.
public struct DiffTolerances: Sendable {
    /// Largest Hausdorff distance allowed, metres; nil: not given.
    public var distance: Double?
    /// Largest length difference allowed, percent; nil: not given.
    public var lengthPercent: Double?
    /// Largest area difference allowed, percent; nil: not given.
    public var areaPercent: Double?
    /// Largest difference allowed in numeric properties; nil: equal.
    public var number: Double?
    /// Properties not compared.
    public var ignore: Set<String> = []
    /// No tolerance given: everything must match exactly.
    public init() {}

    private var anyGeometric: Bool { distance != nil || lengthPercent != nil || areaPercent != nil }
    /// The tolerances as applied: nil for a check that is not made.
    public var appliedDistance: Double? { anyGeometric ? distance : 0 }
    /// The length tolerance applied, percent; nil when lengths are not checked.
    public var appliedLengthPercent: Double? { anyGeometric ? lengthPercent : 0 }
    /// The area tolerance applied, percent; nil when areas are not checked.
    public var appliedAreaPercent: Double? { anyGeometric ? areaPercent : 0 }
    /// The numeric tolerance applied.
    public var appliedNumber: Double { number ?? 0 }
}

/// One property that differs.
public struct PropertyDifference: Sendable, Hashable {
    /// The property's name.
    public var key: String
    /// Its value in the expected file; nil where absent.
    public var expected: JSONValue?
    /// Its value in the actual file; nil where absent.
    public var actual: JSONValue?
    /// For numbers: |actual − expected|.
    public var difference: Double?
    /// True when beyond `DiffTolerances.number` (or not a number and not equal).
    public var beyond: Bool
}

/// How one matched feature differs.
public struct FeatureDifference: Sendable {
    /// The key the features were matched by.
    public var id: String
    /// The expected feature's geometry type (nil: no geometry).
    public var expectedType: GeometryType?
    /// The actual feature's geometry type (nil: no geometry).
    public var actualType: GeometryType?
    /// Hausdorff distance in metres (discrete, densified, in a local azimuthal equidistant projection).
    public var hausdorff: Double
    /// Geodesic length of the actual minus the expected, metres.
    public var lengthDifference: Double
    /// That difference over the expected length (infinite when the expected has none).
    public var lengthRelative: Double
    /// Geodesic area of the actual minus the expected, m².
    public var areaDifference: Double
    /// That difference over the expected area (infinite when the expected has none).
    public var areaRelative: Double
    /// Properties that differ.
    public var properties: [PropertyDifference]
    /// Why the feature is beyond tolerance; empty when within it.
    public var reasons: [String]
    /// True when anything is beyond tolerance.
    public var beyond: Bool { !reasons.isEmpty }
}

/// The result of comparing two feature collections.
public struct DiffReport: Sendable {
    /// The expected file's label.
    public var expected: String
    /// The actual file's label.
    public var actual: String
    /// "id" or the property features were matched by.
    public var matchBy: String
    /// The tolerances given.
    public var tolerances: DiffTolerances
    /// Features found in both files.
    public var matched: Int
    /// Keys only in the actual file.
    public var added: [String]
    /// Keys only in the expected file.
    public var removed: [String]
    /// Every matched feature that differs at all, worst first.
    public var features: [FeatureDifference]
    /// Features beyond tolerance, and every feature added or removed.
    public var beyondTolerance: Int { features.filter(\.beyond).count + added.count + removed.count }
}

/// Feature-by-feature comparison of two GeoJSON files within tolerances (`run`).
public enum FeatureDiff {
    /// Matches features by `id` (or a property), then compares geometry type, Hausdorff distance in metres
    /// (`GEOSHausdorffDistanceDensify_r` with fraction 0.25 in an azimuthal equidistant projection centred on
    /// the pair), geodesic length and area, and every property (numbers within the tolerance, others exactly).
    public static func run(expected: GeoJSON, actual: GeoJSON, expectedName: String, actualName: String,
                           matchBy: String = "id", tolerances: DiffTolerances = DiffTolerances()) throws -> DiffReport {
        func key(_ f: Feature, _ i: Int, _ source: String, _ data: GeoJSON) throws -> String {
            let k: String? = matchBy == "id" ? f.id?.description : {
                switch f.properties?[matchBy] {
                case .string(let s)?: return s
                case .integer(let n)?: return String(n)
                case .bigInteger(let digits)?: return digits
                case .number(let d)?: return JSONNumberFormat.shortest(d)
                default: return nil
                }
            }()
            guard let k else { throw InputError("\(source): \(data.pointer(toFeature: i)): no \(matchBy == "id" ? "id" : "property \"\(matchBy)\"") to match features by") }
            return k
        }
        func index(_ data: GeoJSON, _ source: String) throws -> ([String], [String: Feature]) {
            var order: [String] = [], map: [String: Feature] = [:]
            for (i, f) in data.features.enumerated() {
                let k = try key(f, i, source, data)
                if map[k] != nil { throw InputError("\(source): \(data.pointer(toFeature: i)): duplicate key \"\(k)\" (match by \(matchBy))") }
                map[k] = f
                order.append(k)
            }
            return (order, map)
        }
        let (expectedOrder, expectedMap) = try index(expected, expectedName)
        let (actualOrder, actualMap) = try index(actual, actualName)
        var differences: [FeatureDifference] = []
        var matched = 0
        for k in expectedOrder {
            guard let a = actualMap[k] else { continue }
            matched += 1
            let d = try compare(k, expectedMap[k]!, a, tolerances)
            if d.hausdorff > 0 || d.lengthDifference != 0 || d.areaDifference != 0 || !d.properties.isEmpty || d.beyond { differences.append(d) }
        }
        differences.sort { ($0.beyond ? 0 : 1, -$0.hausdorff, $0.id) < ($1.beyond ? 0 : 1, -$1.hausdorff, $1.id) }
        return DiffReport(expected: expectedName, actual: actualName, matchBy: matchBy, tolerances: tolerances, matched: matched,
                          added: actualOrder.filter { expectedMap[$0] == nil }, removed: expectedOrder.filter { actualMap[$0] == nil },
                          features: differences)
    }

    static func compare(_ id: String, _ e: Feature, _ a: Feature, _ t: DiffTolerances) throws -> FeatureDifference {
        let g = Geodesic.wgs84
        var reasons: [String] = []
        let eg = e.geometry, ag = a.geometry
        if eg?.type != ag?.type {
            reasons.append("geometry type \(eg?.type.rawValue ?? "null") → \(ag?.type.rawValue ?? "null")")
        }
        var hausdorff = 0.0
        if let eg, let ag, eg != ag {
            hausdorff = try hausdorffMetres(eg, ag)
            if let limit = t.appliedDistance, hausdorff > limit {
                reasons.append("Hausdorff distance \(JSONNumberFormat.fixed(hausdorff, decimals: 3)) m > \(JSONNumberFormat.shortest(limit)) m")
            }
        }
        let el = eg.map { g.length(of: $0) } ?? 0, al = ag.map { g.length(of: $0) } ?? 0
        let ea = eg.map { g.area(of: $0) } ?? 0, aa = ag.map { g.area(of: $0) } ?? 0
        let lr = el > 0 ? (al - el) / el : (al == 0 ? 0 : .infinity)
        let ar = ea > 0 ? (aa - ea) / ea : (aa == 0 ? 0 : .infinity)
        if let limit = t.appliedLengthPercent, abs(lr) * 100 > limit, al != el { reasons.append("length differs by \(JSONNumberFormat.fixed(al - el, decimals: 3)) m") }
        if let limit = t.appliedAreaPercent, abs(ar) * 100 > limit, aa != ea { reasons.append("area differs by \(JSONNumberFormat.fixed(aa - ea, decimals: 3)) m²") }
        var properties: [PropertyDifference] = []
        let ep = e.properties ?? JSONObject(), ap = a.properties ?? JSONObject()
        var keys = ep.keys
        for k in ap.keys where !keys.contains(k) { keys.append(k) }
        for k in keys where !t.ignore.contains(k) {
            let x = ep[k], y = ap[k]
            guard x != y else { continue }
            if let dx = x?.doubleValue, let dy = y?.doubleValue {
                let d = abs(dy - dx)
                properties.append(PropertyDifference(key: k, expected: x, actual: y, difference: d, beyond: d > t.appliedNumber))
            } else {
                properties.append(PropertyDifference(key: k, expected: x, actual: y, difference: nil, beyond: true))
            }
        }
        for p in properties where p.beyond { reasons.append("property \(p.key) differs") }
        return FeatureDifference(id: id, expectedType: eg?.type, actualType: ag?.type, hausdorff: hausdorff,
                                 lengthDifference: al - el, lengthRelative: lr, areaDifference: aa - ea, areaRelative: ar,
                                 properties: properties, reasons: reasons)
    }

    /// The Hausdorff distance between two lon/lat geometries, in metres: both projected to an azimuthal
    /// equidistant projection centred on their joint envelope, densified discrete Hausdorff there.
    public static func hausdorffMetres(_ a: Geometry, _ b: Geometry) throws -> Double {
        guard let ea = a.envelope, let eb = b.envelope else { return a.isEmpty && b.isEmpty ? 0 : .infinity }
        let center = Position((min(ea.minX, eb.minX) + max(ea.maxX, eb.maxX)) / 2, (min(ea.minY, eb.minY) + max(ea.maxY, eb.maxY)) / 2)
        let projection = try Projection(center: center)
        return try projection.forward(a).hausdorffDistance(to: try projection.forward(b), densifyFraction: 0.25)
    }
}
