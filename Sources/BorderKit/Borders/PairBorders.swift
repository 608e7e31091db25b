import GeoCore

/// The borders of many pairs, held as columns: what `BorderReport.pairs` keeps.
///
/// Why columns: a coverage of a million cells has three million bordering pairs, and a `PairBorder` of its own
/// per pair (an array of ids, an array of segments) costs about 300 bytes in four heap blocks; here a pair of
/// one segment is about 30 bytes (two territory indices into one shared id list, a length, a status index, a
/// number where it is not the first), so the report of a million cells fits in less memory than its input file. A pair is made a
/// `PairBorder` again when it is read (`subscript`), so the collection reads like an array of them.
///
/// What it keeps of each pair: its two ids, its segments (number, status, date and source, line when kept,
/// length; a segment's territories are its pair's unless given otherwise), the points where the two touch, and
/// the overlap area. Built by `Borders.run` from territory indices, or from any `PairBorder` values (`init(_:)`,
/// `append(_:)`).
public struct PairBorders: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// A segment's status and where it comes from, kept once per distinct value.
    private struct Status: Sendable, Hashable {
        var status: String
        var date: String?
        var source: String?
    }

    /// The ids the pairs' territory indices point into.
    private var ids = IDList()
    /// Each pair's two territories, indices into `ids`.
    private var firsts: [Int32] = [], seconds: [Int32] = []
    /// Where each pair's segments end in the segment columns (its start is the previous pair's end).
    private var segmentEnds: [Int32] = []
    /// Per segment its geodesic metres.
    private var lengths: [Double] = []
    /// Per segment its status (index into `statuses`), or empty while every segment has the first status.
    private var statusIndices: [Int32] = []
    /// Segments whose number is not their place in their pair (from 1), by segment index: none from `Borders.run`.
    private var numbers: [Int: Int] = [:]
    /// Per segment its line, or empty while no segment has one (`BorderOptions.keepsLines` false).
    private var lines: [LineString] = []
    /// The distinct statuses, and each one's index.
    private var statuses: [Status] = [], statusIndex: [Status: Int32] = [:]
    /// Segments whose territories are not their pair's (by segment index): none from `Borders.run`.
    private var segmentTerritories: [Int: [String]] = [:]
    /// Touch points and overlap areas, by pair index, for the few pairs that have them.
    private var touchPoints: [Int: [Position]] = [:], overlapAreas: [Int: Double] = [:]

    /// No pairs.
    public init() {}

    /// No pairs yet, their territories to be given as indices into `ids` (`append(first:second:segments:…)`).
    init(ids: [String]) { self.ids = IDList(ids) }

    /// The pairs of `borders`, in their order.
    public init<S: Sequence>(_ borders: S) where S.Element == PairBorder {
        for b in borders { append(b) }
    }

    /// The pairs listed.
    public init(arrayLiteral elements: PairBorder...) { self.init(elements) }

    /// The first pair's index: 0.
    public var startIndex: Int { 0 }
    /// One past the last pair's index: the number of pairs.
    public var endIndex: Int { firsts.count }

    /// The number of segments of all pairs.
    public var segmentCount: Int { lengths.count }

    /// The `i`-th pair, made whole.
    public subscript(i: Int) -> PairBorder {
        let territories = [ids[firsts[i]], ids[seconds[i]]]
        let range = segmentRange(i)
        var segments: [BorderSegment] = []
        segments.reserveCapacity(range.count)
        for s in range {
            let status = statuses[statusIndices.isEmpty ? 0 : Int(statusIndices[s])]
            segments.append(BorderSegment(number: numbers[s] ?? s - range.lowerBound + 1, territories: segmentTerritories[s] ?? territories, status: status.status,
                                          statusDate: status.date, statusSource: status.source,
                                          line: lines.isEmpty ? LineString([]) : lines[s], length: lengths[s]))
        }
        return PairBorder(territories: territories, segments: segments, touchPoints: touchPoints[i] ?? [], overlapArea: overlapAreas[i] ?? 0)
    }

    /// The `i`-th pair's geodesic length in metres (its segments' lengths added in order, as `PairBorder.length`).
    public func length(at i: Int) -> Double {
        segmentRange(i).reduce(0) { $0 + lengths[$1] }
    }

    /// The `i`-th pair's two territory ids.
    public func territories(at i: Int) -> [String] { [ids[firsts[i]], ids[seconds[i]]] }

    /// Every status some segment has, sorted.
    public var statusNames: [String] { Array(Set(statuses.map(\.status))).sorted() }

    private func segmentRange(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : Int(segmentEnds[i - 1]))..<Int(segmentEnds[i])
    }

    /// Adds a pair whose territories are `ids[first]` and `ids[second]` (`init(ids:)`): no id is looked up.
    mutating func append(first: Int32, second: Int32, _ border: PairBorder) {
        firsts.append(first)
        seconds.append(second)
        appendContents(border)
    }

    /// Adds `border` at the end.
    public mutating func append(_ border: PairBorder) {
        precondition(border.territories.count == 2, "a pair border has two territories")
        firsts.append(ids.index(of: border.territories[0]))
        seconds.append(ids.index(of: border.territories[1]))
        appendContents(border)
    }

    private mutating func appendContents(_ border: PairBorder) {
        let pair = firsts.count - 1, start = lengths.count
        for s in border.segments {
            let status = Status(status: s.status, date: s.statusDate, source: s.statusSource)
            let k: Int32
            if let known = statusIndex[status] { k = known } else {
                k = Int32(statuses.count)
                statuses.append(status)
                statusIndex[status] = k
            }
            if s.territories != border.territories { segmentTerritories[lengths.count] = s.territories }
            if s.number != lengths.count - start + 1 { numbers[lengths.count] = s.number }
            Self.appendSparse(k, to: &statusIndices, at: lengths.count, unless: 0)
            Self.appendSparse(s.line, to: &lines, at: lengths.count, unless: LineString([]))
            lengths.append(s.length)
        }
        segmentEnds.append(Int32(lengths.count))
        if !border.touchPoints.isEmpty { touchPoints[pair] = border.touchPoints }
        if border.overlapArea != 0 { overlapAreas[pair] = border.overlapArea }
    }

    /// Puts `value` at `index` of a column kept empty while every value is `unless`: the column is filled in
    /// with `unless` up to `index` when the first other value comes.
    private static func appendSparse<T: Equatable>(_ value: T, to column: inout [T], at index: Int, unless empty: T) {
        if column.isEmpty, value == empty { return }
        if column.count < index { column += repeatElement(empty, count: index - column.count) }
        column.append(value)
    }

    /// Frees what was reserved beyond the pairs held.
    mutating func shrink() {
        firsts.shrink()
        seconds.shrink()
        segmentEnds.shrink()
        lengths.shrink()
        statusIndices.shrink()
        lines.shrink()
    }

    /// Room for `pairs` pairs of one segment each.
    mutating func reserveCapacity(_ pairs: Int) {
        firsts.reserveCapacity(pairs)
        seconds.reserveCapacity(pairs)
        segmentEnds.reserveCapacity(pairs)
        lengths.reserveCapacity(pairs)
    }

    /// The same pairs in the same order.
    public static func == (a: PairBorders, b: PairBorders) -> Bool { a.elementsEqual(b) }

    /// Hashes the pairs in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for p in self { hasher.combine(p) }
    }
}

extension Array {
    /// Gives back the capacity beyond `count` (a copy of exactly the elements held, when there is any spare).
    mutating func shrink() {
        guard capacity > count + count / 64 else { return }
        self = withUnsafeBufferPointer { Array($0) }
    }
}
