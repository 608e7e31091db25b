import GeoCore

/// The interval of every length in a `borders` report, from the accuracy of its territories (`SourceAccuracy`).
///
/// Method, per line of a border (`method` says it in words): with a positional accuracy of `a` metres, the
/// least length the data supports is the line's simplified at `a` (Douglas–Peucker with topology kept,
/// `GEOSTopologyPreserveSimplify_r` in an azimuthal equidistant projection centred on the pair: the bends a
/// line of that accuracy cannot vouch for taken out), less `a` at each open end; the greatest, its length plus `a`
/// at each open end. A pair's interval is then widened to take in the other source's length of the same border,
/// where one is known (0 when that source has no such border). Sums are sums of the ends.
public struct BorderIntervals: Sendable {
    /// The accuracy the intervals come from.
    public var accuracy: SourceAccuracy
    /// Each pair's length interval, in the order of `BorderReport.pairs`.
    public var pairs: [FigureInterval]
    /// Each pair's intervals per status, in the order of `PairBorder.lengthByStatus`; empty without a
    /// positional accuracy.
    public var byStatus: [[FigureInterval]]
    /// The interval of the total length.
    public var total: FigureInterval

    /// The method, in words, for reports.
    public var method: String {
        var parts: [String] = []
        if let a = accuracy.metres {
            parts.append("positional accuracy ± \(JSONNumberFormat.shortest(a)) m (\(accuracy.statement)); each line's length "
                + "interval runs from its length simplified at the accuracy (Douglas–Peucker in a local projection), less the "
                + "accuracy at each open end, to its length plus the accuracy at each open end")
        }
        if let r = accuracy.referenceSource {
            parts.append("each pair's interval widened to take in the length of the same border in \(r)")
        }
        return parts.joined(separator: "; ") + "; figures are printed to the first digit of their interval's half-width"
    }

    /// The intervals of `report`'s lengths (its lines kept: `BorderOptions.keepsLines`), on `workers` threads.
    public static func compute(_ report: BorderReport, accuracy: SourceAccuracy, workers: Int? = nil) throws -> BorderIntervals {
        let pairs = report.pairs
        let results = Locked([Result<(FigureInterval, [FigureInterval]), Error>?](repeating: nil, count: pairs.count))
        try Parallel.forEach(count: pairs.count, workers: workers ?? Parallel.processorCount) { _ in { k in
            let p = pairs[k]
            let result = Result<(FigureInterval, [FigureInterval]), Error> {
                var whole = FigureInterval(low: p.length, high: p.length)
                var statuses = p.lengthByStatus.map { FigureInterval(low: $0.length, high: $0.length) }
                if let a = accuracy.metres, a > 0 {
                    let merged = try Geometry.multiLineString(MultiLineString(p.segments.map(\.line))).lineMerged()
                    guard let box = merged.envelope else { return (whole, statuses) }
                    let projection = AzimuthalEquidistant(center: Geodesic.middle(of: box))
                    whole = try interval(of: merged.lineStrings, accuracy: a, projection: projection)
                    let order = p.lengthByStatus.map(\.status)
                    var perStatus = [FigureInterval](repeating: FigureInterval(low: 0, high: 0), count: order.count)
                    for s in p.segments {
                        let i = order.firstIndex(of: s.status)!  // a handful of statuses per pair
                        perStatus[i] = perStatus[i] + (try interval(of: [s.line], accuracy: a, projection: projection))
                    }
                    statuses = perStatus
                }
                if accuracy.referenceSource != nil { whole = whole.including(accuracy.referenceLengths[SourceAccuracy.key(p.territories)] ?? 0) }
                return (whole, statuses)
            }
            results.withLock { $0[k] = result }
        } }
        let found = try results.withLock { $0 }.map { try $0!.get() }
        let total = found.reduce(FigureInterval(low: 0, high: 0)) { $0 + $1.0 }
        return BorderIntervals(accuracy: accuracy, pairs: found.map(\.0), byStatus: accuracy.metres == nil ? [] : found.map(\.1), total: total)
    }

    /// The interval of the total length of `lines` at accuracy `a` metres (see the type's method).
    static func interval(of lines: [LineString], accuracy a: Double, projection: AzimuthalEquidistant) throws -> FigureInterval {
        let g = Geodesic.wgs84
        var low = 0.0, high = 0.0
        for line in lines where line.positions.count > 1 {
            let length = g.length(line.positions)
            let ends = line.positions.first == line.positions.last ? 0.0 : 2.0
            let simple = projection.inverse(try projection.forward(.lineString(line)).simplified(tolerance: a))
            low += max(0, g.length(of: simple) - ends * a)
            high += length + ends * a
        }
        return FigureInterval(low: low, high: high)
    }
}
