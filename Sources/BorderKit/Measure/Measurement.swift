import GeoCore

/// Geodesic measures of one feature: lengths in metres, areas in square metres, on the given ellipsoid.
public struct FeatureMeasurement: Hashable, Sendable {
    /// Position of the feature in its file (0-based).
    public var index: Int
    /// The feature's id, if it has one.
    public var id: FeatureID?
    /// The feature's name from its properties (`Feature.displayName`), if any.
    public var name: String?
    /// nil for a feature without geometry.
    public var geometryType: GeometryType?
    /// The number of positions, closing positions counted.
    public var vertexCount: Int
    /// OGC validity from GEOS; nil for a feature without geometry.
    public var validity: Validity?
    /// Geodesic length of the lineal parts, metres; nil when there are none.
    public var length: Double?
    /// Geodesic area of the polygonal parts, m²; nil when there are none.
    public var area: Double?
    /// Geodesic perimeter of the polygonal parts (all rings), metres; nil when there are none.
    public var perimeter: Double?
}

/// What `measure` found in a file: one row per feature and the totals.
public struct MeasureReport: Hashable, Sendable {
    /// The file's label.
    public var source: String
    /// One measurement per feature, in file order.
    public var features: [FeatureMeasurement]

    /// Geodesic metres of all lines.
    public var totalLength: Double { orderFreeSum(features.compactMap(\.length)) }
    /// Geodesic m² of all polygons.
    public var totalArea: Double { orderFreeSum(features.compactMap(\.area)) }
    /// Geodesic metres of all polygons' rings.
    public var totalPerimeter: Double { orderFreeSum(features.compactMap(\.perimeter)) }
    /// Positions in all features.
    public var totalVertices: Int { features.reduce(0) { $0 + $1.vertexCount } }
    /// Features whose geometry GEOS finds invalid.
    public var invalidCount: Int { features.filter { $0.validity?.isValid == false }.count }
}

/// Measures features geodesically: length of lines, area and perimeter of polygons, with GEOS validity.
public enum Measure {
    /// Measures every feature (`Geodesic.length`, `Geodesic.areaAndPerimeter`; `GEOSisValidDetail_r`), on
    /// `workers` threads (default: one per processor; each with its own GEOS context), rows in the file's order whatever the threads do.
    ///
    /// With `idProperty`, each row's id is that property's value (a string or a number), as `--id-property` gives
    /// territories theirs; a feature without it keeps its own id.
    public static func run(_ features: [Feature], source: String, geodesic: Geodesic = .wgs84,
                           workers: Int? = nil, idProperty: String? = nil) throws -> MeasureReport {
        try run(features, firstIndex: 0, source: source, geodesic: geodesic, workers: workers, idProperty: idProperty)
    }

    /// `run` on features numbered from `firstIndex` in their file.
    static func run(_ features: [Feature], firstIndex: Int, source: String, geodesic: Geodesic,
                    workers: Int?, idProperty: String?) throws -> MeasureReport {
        let rows = Locked([Result<FeatureMeasurement, any Error>?](repeating: nil, count: features.count))
        try Parallel.forEach(count: features.count, workers: workers ?? Parallel.processorCount) { _ in { index in
            let row = Result<FeatureMeasurement, any Error> {
                var m = try measure(features[index], index: firstIndex + index, geodesic: geodesic)
                if let idProperty {
                    switch features[index].properties?[idProperty] {
                    case .string(let s)?: m.id = .string(s)
                    case .integer(let n)?: m.id = .integer(n)
                    case .bigInteger(let digits)?: m.id = .bigInteger(digits)
                    case .number(let d)?: m.id = .number(d)
                    default: break
                    }
                }
                return m
            }
            rows.withLock { $0[index] = row }
        } }
        return MeasureReport(source: source, features: try rows.withLock { $0 }.map { try $0!.get() })
    }

    static func measure(_ feature: Feature, index: Int, geodesic: Geodesic) throws -> FeatureMeasurement {
        guard let g = feature.geometry else {
            return FeatureMeasurement(index: index, id: feature.id, name: feature.displayName, geometryType: nil, vertexCount: 0)
        }
        let hasLines = !g.lineStrings.isEmpty, hasPolygons = !g.polygons.isEmpty
        // Across the antimeridian the rule of every command: jumps read the short way, and polygons split at
        // ±180° joined, so the cut is not counted in the perimeter and validity is judged where GEOS sees the
        // geometry whole.
        var whole = g
        if hasPolygons, [.crosses, .split].contains(g.antimeridianForm) {
            do { whole = try g.continuousAcrossAntimeridian().joinedAcrossAntimeridian() } catch let error as AntimeridianError {
                throw InputError("feature \(index)\(feature.id.map { " (\($0))" } ?? ""): \(error)", kind: .geometry)
            }
        }
        let polygonal = hasPolygons ? geodesic.areaAndPerimeter(of: whole) : nil
        return FeatureMeasurement(
            index: index,
            id: feature.id,
            name: feature.displayName,
            geometryType: g.type,
            vertexCount: g.vertexCount,
            validity: try whole.validity(),
            length: hasLines ? geodesic.length(of: g) : nil,
            area: polygonal?.area,
            perimeter: polygonal?.perimeter)
    }
}

/// Measures features as a file hands them out, a batch at a time, so that memory holds one batch of features
/// and the rows, not the file (`measure` of a coverage of a million cells).
public struct StreamingMeasure {
    private let source: String
    private let geodesic: Geodesic
    private let workers: Int?
    private let idProperty: String?
    private var batch: [Feature] = []
    private var batchVertices = 0
    private var rows: [FeatureMeasurement] = []

    /// A measure whose report names `source`; the options are `Measure.run`'s.
    public init(source: String, geodesic: Geodesic = .wgs84, workers: Int? = nil, idProperty: String? = nil) {
        self.source = source
        self.geodesic = geodesic
        self.workers = workers
        self.idProperty = idProperty
    }

    /// Takes the next feature of the file; a full batch (4,096 features or a million vertices) is measured
    /// on the workers and let go.
    public mutating func add(_ feature: Feature) throws {
        batchVertices += feature.geometry?.vertexCount ?? 0
        batch.append(feature)
        if batch.count >= 4096 || batchVertices >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        guard !batch.isEmpty else { return }
        rows += try Measure.run(batch, firstIndex: rows.count, source: source, geodesic: geodesic, workers: workers, idProperty: idProperty).features
        batch.removeAll(keepingCapacity: true)
        batchVertices = 0
    }

    /// The report of every feature taken, in their order.
    public mutating func finish() throws -> MeasureReport {
        try flush()
        return MeasureReport(source: source, features: rows)
    }
}

/// The sum of `values` in ascending order, so that the same values give the same bits in any order (a FlatGeobuf
/// hands features over in its index's order, a GeoJSON in the file's).
func orderFreeSum(_ values: [Double]) -> Double {
    values.sorted().reduce(0, +)
}
