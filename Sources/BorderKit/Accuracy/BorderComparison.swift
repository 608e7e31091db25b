import GeoCore

/// One pair's border in two sources: both lengths and how far the first lies from the second.
public struct PairComparison: Sendable, Hashable, Codable {
    /// The two territory ids, in `IDOrder`.
    public var territories: [String]
    /// Geodesic metres of the pair's border in the report's own territories (0: they do not border there).
    public var length: Double
    /// Geodesic metres of the pair's border in the other source (0: they do not border there).
    public var otherLength: Double
    /// The offsets of this source's border from the other's, sampled every `BorderComparison.spacing` metres
    /// along it; nil when either source has no border for the pair.
    public var offsets: LineOffsets?
}

/// Every pair's border from two sources side by side (`borders --compare-territories FILE`): the cross-check
/// GeoData/README.md gives for DCW against Natural Earth, for anyone's two files.
public struct BorderComparison: Sendable {
    /// The other source's label (its path).
    public var otherSource: String
    /// Pairs bordering in either source: the report's pairs in its order, then the other's remaining pairs in its order.
    public var pairs: [PairComparison]
    /// Metres between samples along each border.
    public static let spacing = 1000.0

    /// How the comparison is made, in words, for reports.
    public static let method = "each pair's border in this source sampled every 1 km along it; each sample's offset is the "
        + "geodesic distance to the nearest point of the same pair's border in the other source (found with GEOS in an azimuthal "
        + "equidistant projection centred on the pair); median and maximum of the samples"

    /// Compares the borders of `report` with those of `other` (both run with `BorderOptions.keepsLines`), pair by pair,
    /// matched by the two ids; the offsets on `workers` threads, each with its own GEOS context.
    public static func compare(_ report: BorderReport, with other: BorderReport, workers: Int? = nil) throws -> BorderComparison {
        let key = SourceAccuracy.key
        let theirs = Dictionary(other.pairs.map { (key($0.territories), $0) }, uniquingKeysWith: { a, _ in a })
        let ours = Set(report.pairs.map { key($0.territories) })
        let jobs: [(mine: PairBorder?, theirs: PairBorder?)] = report.pairs.map { ($0, theirs[key($0.territories)]) }
            + other.pairs.filter { !ours.contains(key($0.territories)) }.map { (nil, $0) }
        let results = Locked([Result<PairComparison, Error>?](repeating: nil, count: jobs.count))
        try Parallel.forEach(count: jobs.count, workers: workers ?? Parallel.processorCount) { _ in { k in
            let (mine, theirs) = jobs[k]
            let result = Result<PairComparison, Error> {
                var offsets: LineOffsets?
                if let mine, let theirs {
                    offsets = try Geodesic.wgs84.offsets(of: lines(mine), from: lines(theirs), every: spacing)
                }
                return PairComparison(territories: (mine ?? theirs)!.territories, length: mine?.length ?? 0,
                                      otherLength: theirs?.length ?? 0, offsets: offsets)
            }
            results.withLock { $0[k] = result }
        } }
        let pairs = try results.withLock { $0 }.map { try $0!.get() }
        return BorderComparison(otherSource: other.source, pairs: pairs)
    }

    /// A pair's segments as one lineal geometry.
    static func lines(_ p: PairBorder) -> Geometry { .multiLineString(MultiLineString(p.segments.map(\.line))) }
}
