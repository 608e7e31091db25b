import Foundation
import GeoCore

/// One stretch of border between two territories, with one status.
public struct BorderSegment: Sendable, Hashable {
    /// "<a>|<b>#<n>": the pair and the segment's number within it (made when asked for, not kept: a coverage
    /// of a million cells has three million segments).
    public var id: String { "\(territories[0])|\(territories[1])#\(number)" }
    /// The segment's number within its pair, from 1, by position along the border.
    public var number: Int
    /// The two territory ids, sorted.
    public var territories: [String]
    /// The status ("undelimited" where no status line matches, or as `BorderOptions.unmatchedStatus` says).
    public var status: String
    /// When the status was set, from the status line.
    public var statusDate: String?
    /// Where the status comes from, from the status line.
    public var statusSource: String?
    /// The segment's line (lon/lat on WGS84; continuous across ±180°, split when written); empty when
    /// `BorderOptions.keepsLines` is false.
    public var line: LineString
    /// Geodesic length in metres on WGS84.
    public var length: Double
}

/// The border of one pair of territories.
public struct PairBorder: Sendable, Hashable {
    /// The two territory ids, in `IDOrder`.
    public var territories: [String]
    /// The border's segments, by position along it.
    public var segments: [BorderSegment]
    /// Where the two touch only at points (no shared line there).
    public var touchPoints: [Position]
    /// The border's nodes: the ends of its line-merged lines, and the touch points (for tripoints).
    public var nodes: [Position]
    /// Geodesic area in m² on WGS84 where the two territories overlap (0 in a clean coverage).
    public var overlapArea: Double = 0
    /// Geodesic length of the whole border, metres.
    public var length: Double { segments.reduce(0) { $0 + $1.length } }
    /// Metres per status, statuses sorted by name.
    public var lengthByStatus: [StatusLength] {
        // One status (the usual case): the same sum, in the same order, without grouping.
        if let first = segments.first, segments.allSatisfy({ $0.status == first.status }) {
            return [StatusLength(status: first.status, length: length)]
        }
        return Dictionary(grouping: segments, by: \.status).map { StatusLength(status: $0.key, length: $0.value.reduce(0) { $0 + $1.length }) }
            .sorted { $0.status < $1.status }
    }
}

/// A node where three or more territories meet.
public struct Tripoint: Sendable, Hashable {
    /// The ids of the territories that meet there, in `IDOrder` (three or more).
    public var territories: [String]
    /// Where they meet (lon/lat, longitude within ±180°).
    public var position: Position
    /// A tripoint of `territories` at `position`.
    public init(territories: [String], position: Position) {
        self.territories = territories
        self.position = position
    }
}

/// Two territories whose areas overlap: in a coverage, a mistake of the data.
public struct TerritoryOverlap: Sendable, Hashable, Codable {
    /// The two territory ids, sorted.
    public var territories: [String]
    /// Geodesic area of the overlap, m² on WGS84.
    public var area: Double
}

/// Options of the border analysis.
public struct BorderOptions: Sendable {
    /// Tolerance in metres for borders whose sources do not share vertices; 0 = exact. With a snap, each end
    /// of a border may run on along the next edge by up to the snap, so lengths are good to twice the snap.
    public var snap: Double = 0
    /// Only these pairs (ids, either order); nil = every touching pair.
    public var pairs: [[String]]?
    /// The status of border stretches no status line matches.
    public var unmatchedStatus = "undelimited"
    /// Worker threads, by default one per processor; each has its own GEOS context.
    public var workers = Parallel.processorCount
    /// Overlaps larger than this (m²) are reported and warned about.
    public var overlapTolerance = 1.0
    /// How far (metres) a status line may lie from a border and still give it its status; nil: the snap, at
    /// least 1 m.
    public var statusSnap: Double?
    /// Whether each segment keeps its line (for GeoJSON and maps); without, `BorderSegment.line` is empty and
    /// the report holds lengths, ids and nodes only: a coverage of a million cells needs a third of the memory.
    public var keepsLines = true
    /// Whether exact borders of valid territories are first looked for among the edges both rings hold
    /// (`SharedEdges`); off, every pair goes through GEOS's overlay (the reference the tests compare with).
    var matchesSharedEdges = true
    /// The default options: exact, every pair, one worker per processor.
    public init() {}
}

/// Shared borders of a set of territories: the analysis behind `borderkit borders`.
public struct BorderReport: Sendable {
    /// The territories' label (a path, "<stdin>" or the embedded layer).
    public var source: String
    /// How the borders were found, in words, for reports.
    public var method: String
    /// The snap used, metres (0: exact).
    public var snap: Double
    /// Every pair with a border of positive length, in `IDOrder`.
    public var pairs: [PairBorder]
    /// Pairs that touch only at points.
    public var pointContacts: [PairBorder]
    /// Nodes where three or more territories meet.
    public var tripoints: [Tripoint]
    /// Pairs that overlap by more than `BorderOptions.overlapTolerance`, sorted by ids.
    public var overlaps: [TerritoryOverlap] = []
    /// What the input made the analysis warn about, and the overlaps found.
    public var warnings: [InputWarning]
    /// Territory names by id, where the input has them.
    public var names: [String: String]
    /// Each length's interval from the territories' accuracy, when it is known (`BorderIntervals.compute`).
    public var intervals: BorderIntervals?
    /// The same pairs' borders in another source (`BorderComparison.compare`), when asked for.
    public var comparison: BorderComparison?
    /// How many candidate pairs `SharedEdges` answered without GEOS's overlay (for tests and profiles).
    var pairsFromSharedEdges = 0
}

/// The shared borders of a set of territories (`run`).
public enum Borders {
    /// Finds every pair of touching territories (candidates from a packed R-tree of their envelopes, `EnvelopeTree`),
    /// their shared boundary as line-merged segments with geodesic lengths, split by `status`, and the tripoints.
    ///
    /// Exact (snap 0): the lines where the two territories meet, which needs sources that share vertices (a clean
    /// coverage, Natural Earth): for two valid territories first from the edges both rings hold, where that is
    /// proved to be GEOS's answer (`SharedEdges`: no GEOS geometry built), else from GEOS's intersection of the
    /// pair (`GEOSIntersection_r`); both give the same lines, in one canonical form (`BorderLines`). With a snap of S metres: the part of A's
    /// boundary within S of B's (`GEOSBuffer_r` in a local azimuthal equidistant projection centred on the pair).
    /// `GEOSSharedPaths_r` would give the same lines but is about 170 times slower on real borders (../shared/DESIGN.md).
    public static func run(_ territories: [Territory], status: [BorderStatusLine] = [], source: String,
                           warnings: [InputWarning] = [], options: BorderOptions = BorderOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BorderReport {
        // Each territory's envelope once: the candidates' search and every pair of a territory use it.
        let envelopes = territories.map(\.geometry.envelope)
        // Pairs handed out, and so kept, in the order the report lists them (IDOrder of their two ids): an
        // integer sort of the candidates instead of a sort of the borders by their ids' strings.
        let rank = IDOrder.ranks(territories.map(\.id))
        var byRank = [Int](repeating: 0, count: territories.count)
        for (i, r) in rank.enumerated() { byRank[Int(r)] = i }
        let candidates = try candidatePairs(territories, envelopes: envelopes, options: options).map { p -> UInt64 in
            let (a, b) = (rank[p.0], rank[p.1])
            return UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
        }.sorted().map { key -> (Int, Int) in
            (byRank[Int(key >> 32)], byRank[Int(key & 0xFFFF_FFFF)])
        }
        // The shared-edge path's runs of edges per territory, built once on every worker.
        let indexes = Locked([SharedEdges.Index?](repeating: nil, count: options.snap == 0 && options.matchesSharedEdges ? territories.count : 0))
        if options.snap == 0 && options.matchesSharedEdges && !candidates.isEmpty {
            try Parallel.forEach(count: territories.count, workers: max(1, min(options.workers, territories.count))) { _ in { k in
                guard territories[k].isKnownValid, let index = SharedEdges.Index(territories[k].geometry) else { return }
                indexes.withLock { $0[k] = index }
            } }
        }
        let index = indexes.withLock { $0 }
        let results = Locked([PairOutcome?](repeating: nil, count: candidates.count))
        let done = Locked(0)
        let workers = max(1, min(options.workers, candidates.count))
        if !candidates.isEmpty {
            try Parallel.forEach(count: candidates.count, workers: workers) { _ in
                var scratch = SharedEdges.Scratch()
                return { k in
                let (i, j) = candidates[k]
                let outcome: PairOutcome
                do {
                    let ids = rank[i] < rank[j] ? [territories[i].id, territories[j].id] : [territories[j].id, territories[i].id]
                    let found = try pairResult(territories[i], territories[j], ids: ids, status: status, options: options,
                                               envelopes: Envelopes(first: envelopes[i], second: envelopes[j]),
                                               indexes: index.isEmpty ? nil : SharedEdges.Indexes(first: index[i], second: index[j]), scratch: &scratch)
                    outcome = .done(found.border, fromSharedEdges: found.fromSharedEdges)
                } catch {
                    outcome = .failed("\(territories[i].id)–\(territories[j].id): \(error)")
                }
                results.withLock { $0[k] = outcome }
                let n = done.withLock { $0 += 1; return $0 }
                progress?(n, candidates.count)
                }
            }
        }
        var pairs: [PairBorder] = [], contacts: [PairBorder] = [], overlaps: [TerritoryOverlap] = []
        var pairsFromSharedEdges = 0
        // Each kept border's two territories (indices), for the tripoints.
        var pairAt: [SIMD2<Int32>] = [], contactAt: [SIMD2<Int32>] = []
        // Taken out of the lock and let go one by one: pairs that do not touch free their memory here.
        var outcomes = results.withLock { r in
            defer { r = [] }
            return r
        }
        pairs.reserveCapacity(outcomes.count)
        for k in outcomes.indices {
            let outcome = outcomes[k]
            outcomes[k] = nil
            switch outcome {
            case .done(let p, let fromSharedEdges)?:
                if fromSharedEdges { pairsFromSharedEdges += 1 }
                let at = SIMD2(Int32(candidates[k].0), Int32(candidates[k].1))
                if !p.segments.isEmpty {
                    pairs.append(p)
                    pairAt.append(at)
                } else if !p.touchPoints.isEmpty {
                    contacts.append(p)
                    contactAt.append(at)
                }
                if p.overlapArea > options.overlapTolerance { overlaps.append(TerritoryOverlap(territories: p.territories, area: p.overlapArea)) }
            case .failed(let message)?: throw InputError("border of \(message)")
            case nil: break
            }
        }
        // Already in IDOrder: the candidates were.
        overlaps.sort { IDOrder.precedes($0.territories, $1.territories) }
        var allWarnings = warnings
        for o in overlaps { allWarnings.append(overlapWarning(o, source: source)) }
        let method = options.snap > 0
            ? "the part of each territory's boundary within \(JSONNumberFormat.shortest(options.snap)) m of its neighbour's "
                + "(GEOS buffer in a local azimuthal equidistant projection, then intersection), line-merged; lengths geodesic on WGS84"
            : "exact: the lines where the two territories meet (the edges both hold, where that is provably all they share; "
                + "else GEOS intersection of the pair, clipped to their shared box), line-merged; lengths geodesic on WGS84"
        var report = BorderReport(source: source, method: method, snap: options.snap, pairs: pairs, pointContacts: contacts,
                                  tripoints: tripoints([NodeSource(borders: pairs, territories: pairAt), NodeSource(borders: contacts, territories: contactAt)],
                                                       ids: territories.map(\.id), rank: rank, snap: options.snap), overlaps: overlaps, warnings: allWarnings,
                                  names: Dictionary(territories.compactMap { t in t.name.map { (t.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        report.pairsFromSharedEdges = pairsFromSharedEdges
        return report
    }

    /// The envelopes of a pair's two territories, as computed once for all pairs.
    struct Envelopes {
        var first: Envelope?
        var second: Envelope?
    }

    enum PairOutcome: Sendable {
        case done(PairBorder, fromSharedEdges: Bool)
        case failed(String)
    }

    /// The warning for an overlap: both ids and the area.
    public static func overlapWarning(_ o: TerritoryOverlap, source: String) -> InputWarning {
        InputWarning(source: source, pointer: "", message: "territories \"\(o.territories[0])\" and \"\(o.territories[1])\" overlap by "
            + "\(JSONNumberFormat.fixed(o.area / 1e6, decimals: 6)) km² (\(JSONNumberFormat.fixed(o.area, decimals: 1)) m²)")
    }

    /// Index pairs (i < j) whose envelopes (`envelopes`, the territories' own), grown by the snap, intersect, restricted to `options.pairs`, sorted.
    /// An envelope that reaches ±180° is also looked up one turn east or west, so neighbours across the
    /// antimeridian are found whichever frame each is in.
    static func candidatePairs(_ territories: [Territory], envelopes: [Envelope?], options: BorderOptions) throws -> [(Int, Int)] {
        let tree = EnvelopeTree(envelopes)
        // Degrees of longitude per metre are largest at high latitude: grow by the snap at 80° to be safe.
        let margin = options.snap / 111_320 / 0.17
        let wanted = options.pairs.map { Set($0.map { $0.idSorted().joined(separator: "\u{0}") }) }
        // A pair is found from both of its territories: kept from the first (j > i), so no set is needed, and
        // the list comes out sorted. Envelopes looked up one turn east or west too (reaching ±180°) can find a
        // pair from either side in either copy: those few go through a set and a final sort.
        var found = Set<Int64>()
        var out: [(Int, Int)] = []
        var acrossAntimeridian = false
        let n = Int64(territories.count)
        let boxes = envelopes.map { $0?.expanded(by: margin).antimeridianCopies ?? [] }
        for i in territories.indices {
            let copies = boxes[i]
            for copy in copies {
                for j in tree.query(copy) where j != i {
                    let (a, b) = (min(i, j), max(i, j))
                    if let wanted, !wanted.contains([territories[a].id, territories[b].id].idSorted().joined(separator: "\u{0}")) { continue }
                    if copies.count == 1, boxes[j].count <= 1 {
                        if j > i { out.append((i, j)) }
                    } else if found.insert(Int64(a) * n + Int64(b)).inserted {
                        out.append((a, b))
                        acrossAntimeridian = true
                    }
                }
            }
        }
        return acrossAntimeridian ? out.sorted { ($0.0, $0.1) < ($1.0, $1.1) } : out
    }

    /// Geodesic m² where two polygonal geometries overlap (in their common frame, clipped to their shared box).
    static func overlapArea(_ a: Geometry, _ b: Geometry) throws -> Double { try overlapAndContact(a, b).area }

    /// What one intersection of two polygonal geometries tells (in their common frame, clipped to their shared
    /// box): the geodesic m² where they overlap, and the geodesic metres of the lines where they meet — where
    /// they do not overlap, the length of their shared boundary.
    static func overlapAndContact(_ a: Geometry, _ b: Geometry) throws -> (area: Double, sharedLength: Double) {
        let framed = Geometry.commonFrame(a, b)
        let ga = framed.first, gb = framed.second
        guard let ea = ga.envelope, let eb = gb.envelope, let box = ea.shared(with: eb, margin: 1e-6) else { return (0, 0) }
        let meet = try ga.intersection(gb, clippedTo: box, envelope: ea, otherEnvelope: eb)
        return (Geodesic.wgs84.area(of: meet), Geodesic.wgs84.length(of: meet))
    }

    /// The border of one pair, computed in their common frame (`Geometry.commonFrame`).
    ///
    /// Exact (snap 0): the shared edges of two valid territories where `SharedEdges` proves them to be the whole
    /// answer; otherwise one GEOS intersection of the two polygons clipped to their shared box
    /// (`GEOSClipByRect_r`, `GEOSIntersection_r`): its lines are where the boundaries coincide (the same lines as
    /// intersecting the two boundaries, at the same cost), its points where they touch, and its polygons where
    /// the territories overlap. With a snap: the part of A's boundary within the snap of B's (buffered in a local
    /// azimuthal equidistant projection), and the overlap from the same intersection of the polygons.
    static func pairBorder(_ a: Territory, _ b: Territory, status: [BorderStatusLine], options: BorderOptions) throws -> PairBorder {
        var scratch = SharedEdges.Scratch()
        return try pairResult(a, b, ids: nil, status: status, options: options, envelopes: nil, indexes: nil, scratch: &scratch).border
    }

    /// A pair's border, and whether `SharedEdges` gave it.
    struct PairResult {
        var border: PairBorder
        var fromSharedEdges: Bool
    }

    /// `pairBorder`, with the territories' `envelopes` where already known, and the calling worker's `scratch`.
    static func pairResult(_ a: Territory, _ b: Territory, ids known: [String]?, status: [BorderStatusLine], options: BorderOptions,
                           envelopes: Envelopes?, indexes: SharedEdges.Indexes?,
                           scratch: inout SharedEdges.Scratch) throws -> PairResult {
        let ids = known ?? [a.id, b.id].idSorted()
        let ga: Geometry, gb: Geometry, known: Envelopes
        var indexes = indexes
        if let envelopes, !(envelopes.first?.reachesAntimeridian ?? true), !(envelopes.second?.reachesAntimeridian ?? true) {
            // Away from ±180° the common frame is the territories' own: no need to look at every position again.
            (ga, gb, known) = (a.geometry, b.geometry, envelopes)
        } else {
            let framed = Geometry.commonFrame(a.geometry, b.geometry)
            (ga, gb) = (framed.first, framed.second)
            known = Envelopes(first: ga.envelope, second: gb.envelope)
            // Indexes describe the territories as they are, not moved into another frame.
            indexes = nil
        }
        // Both lie within their own envelopes, so what they share lies in the overlap of the two: clipping both
        // to that box (a hair larger, so nothing shared runs along its edge) spares the overlay the rest of two
        // whole countries and leaves the intersection as it was.
        guard let ea = known.first, let eb = known.second, let box = ea.shared(with: eb, margin: 1e-6 + options.snap / 111_320 / 0.17) else {
            return PairResult(border: PairBorder(territories: ids, segments: [], touchPoints: [], nodes: []), fromSharedEdges: false)
        }
        // A coverage whose neighbours share vertices: the border from the edges both hold, where that is proved
        // to be GEOS's answer (`SharedEdges`); everything else through GEOS's overlay.
        let fromEdges = options.snap == 0 && options.matchesSharedEdges && a.isKnownValid && b.isKnownValid
            ? SharedEdges.lines(ga, gb, box: box, envelopes: known, indexes: indexes ?? SharedEdges.Indexes(), scratch: &scratch) : nil
        var points: [Position] = []
        var overlap = 0.0
        let merged: [LineString]
        if let fromEdges {
            merged = fromEdges
        } else {
            var meet: Geometry
            do {
                meet = try ga.intersection(gb, clippedTo: box, envelope: ea, otherEnvelope: eb)
            } catch let error as GEOSError where options.snap == 0 {
                // An invalid polygon can stop the polygon overlay; its boundary still meets the neighbour's.
                _ = error
                meet = try ga.clipped(to: box).boundary().intersection(try gb.clipped(to: box).boundary())
            }
            overlap = Geodesic.wgs84.area(of: meet)
            let shared: Geometry
            if options.snap > 0 {
                let ca = box.contains(ea) ? ga : try ga.clipped(to: box), cb = box.contains(eb) ? gb : try gb.clipped(to: box)
                let center = Position((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
                let projection = try Projection(center: center)
                let near = try projection.forward(try cb.boundary()).buffer(options.snap)
                shared = try projection.inverse(try projection.forward(try ca.boundary()).intersection(near))
            } else {
                shared = meet
            }
            let lines = shared.lineStrings.filter { $0.positions.count > 1 }
            collectPoints(shared, into: &points)
            // One line is merged already (most pairs of a coverage share one run of edges): no trip to GEOS for it.
            merged = lines.count <= 1 ? lines : try Geometry.multiLineString(MultiLineString(lines)).lineMerged().lineStrings
        }
        let normalised = BorderLines.normalised(merged)
        var segments: [BorderSegment] = []
        segments.reserveCapacity(merged.count)
        for line in normalised {
            for (piece, s) in try splitByStatus(line, status: status, tolerance: options.statusSnap ?? max(options.snap, 1)) {
                let length = Geodesic.wgs84.length(piece.positions)
                guard length > 0.01 else { continue }
                segments.append(BorderSegment(number: segments.count + 1, territories: ids,
                                              status: s?.status ?? options.unmatchedStatus, statusDate: s?.date,
                                              statusSource: s?.source, line: options.keepsLines ? piece : LineString([]), length: length))
            }
        }
        // Endpoints of the merged lines are the border's nodes; keep them for the tripoints.
        let ends = normalised.flatMap { [$0.positions.first!, $0.positions.last!] }
        return PairResult(border: PairBorder(territories: ids, segments: segments, touchPoints: points, nodes: points + ends, overlapArea: overlap),
                          fromSharedEdges: fromEdges != nil)
    }

    private static func collectPoints(_ g: Geometry, into out: inout [Position]) {
        switch g {
        case .point(let p): if let q = p.position { out.append(q) }
        case .multiPoint(let m): out += m.points.compactMap(\.position)
        case .geometryCollection(let c): for part in c.geometries { collectPoints(part, into: &out) }
        default: break
        }
    }

    /// Splits a border line where status lines run along it (within `tolerance` metres, in a local projection):
    /// the matched stretches with their status line, the rest with nil.
    static func splitByStatus(_ line: LineString, status: [BorderStatusLine], tolerance: Double) throws -> [(LineString, BorderStatusLine?)] {
        guard let e = Geometry.lineString(line).envelope else { return [] }
        let margin = tolerance / 111_320 / 0.17
        let relevant = status.filter { $0.geometry.envelope?.intersects(e.expanded(by: margin)) ?? false }
        guard !relevant.isEmpty else { return [(line, nil)] }
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        var remaining = try projection.forward(Geometry.lineString(line))
        var out: [(LineString, BorderStatusLine?)] = []
        for s in relevant {
            let zone = try projection.forward(s.geometry).buffer(tolerance)
            let matched = try remaining.intersection(zone)
            for piece in try merged(matched) { out.append((try back(piece, projection), s)) }
            remaining = try remaining.difference(zone)
        }
        for piece in try merged(remaining) { out.append((try back(piece, projection), nil)) }
        return out
    }

    private static func merged(_ g: Geometry) throws -> [LineString] {
        let lines = g.lineStrings.filter { $0.positions.count > 1 }
        guard !lines.isEmpty else { return [] }
        return try Geometry.multiLineString(MultiLineString(lines)).lineMerged().lineStrings
    }

    private static func back(_ l: LineString, _ p: Projection) throws -> LineString {
        LineString(try l.positions.map { try p.inverse($0) })
    }

    /// The borders of some pairs with each one's two territories (indices into the territories).
    struct NodeSource {
        var borders: [PairBorder]
        var territories: [SIMD2<Int32>]
    }

    /// Nodes shared by the borders of three or more territories. Exact positions when snap is 0 (matched by
    /// hashing, in the east-shifted frame so that the same point from either side of ±180° is one); otherwise a
    /// node joins the earliest node found before it within the snap (looked up in a grid of snap-sized cells on
    /// the unit sphere, confirmed geodesically). Linear in the number of nodes; territories are handled by index
    /// and ordered by their `rank` in `IDOrder`, their `ids` looked up at the end.
    static func tripoints(_ sources: [NodeSource], ids: [String], rank: [Int32], snap: Double) -> [Tripoint] {
        // A node's territories as a short list (a node has two to a handful): a set per node cost a hash table
        // per node of a million-cell coverage. Positions as two doubles (the altitude plays no part).
        var positions: [SIMD2<Double>] = [], members: [NodeTerritories] = []
        // Room for every node up front: growing a table of millions rehashes all it holds each time.
        let total = sources.reduce(0) { $0 + $1.borders.reduce(0) { $0 + $1.nodes.count } }
        positions.reserveCapacity(total / 2)
        members.reserveCapacity(total / 2)
        func add(_ t: SIMD2<Int32>, to k: Int) {
            members[k].insert(t.x)
            members[k].insert(t.y)
        }
        if snap > 0 {
            var grid = NodeGrid(cell: snap)
            for source in sources {
                for (p, t) in zip(source.borders, source.territories) {
                    for q in p.nodes {
                        if let k = grid.first(near: q, within: snap) {
                            add(t, to: k)
                        } else {
                            grid.insert(q)
                            positions.append(SIMD2(q.x, q.y))
                            members.append(NodeTerritories(t))
                        }
                    }
                }
            }
        } else {
            var index: [SIMD2<Double>: Int32] = [:]
            index.reserveCapacity(total / 2)
            for source in sources {
                for (p, t) in zip(source.borders, source.territories) {
                    for q in p.nodes {
                        let key = q.eastShiftedKey
                        if let k = index[SIMD2(key.x, key.y)] {
                            add(t, to: Int(k))
                        } else {
                            index[SIMD2(key.x, key.y)] = Int32(positions.count)
                            positions.append(SIMD2(q.x, q.y))
                            members.append(NodeTerritories(t))
                        }
                    }
                }
            }
        }
        // The nodes of three or more, each one's territories in IDOrder, then sorted as the report lists them.
        var found: [Int] = []
        for k in members.indices where members[k].count >= 3 {
            members[k].sort(by: rank)
            found.append(k)
        }
        found.sort { a, b in
            let (ta, tb) = (members[a], members[b])
            for i in 0..<min(ta.count, tb.count) where ta[i] != tb[i] { return rank[Int(ta[i])] < rank[Int(tb[i])] }
            if ta.count != tb.count { return ta.count < tb.count }
            return (positions[a].x, positions[a].y) < (positions[b].x, positions[b].y)
        }
        return found.map { k in
            Tripoint(territories: members[k].list.map { ids[Int($0)] }, position: Position(positions[k].x, positions[k].y).wrappedLongitude)
        }
    }
}

/// The territories (indices) whose borders end at one node: up to four held inline (most nodes have two or
/// three), more in an array, so a million nodes need no million arrays.
struct NodeTerritories {
    private var inline = SIMD4<Int32>(repeating: -1)
    private(set) var count = 0
    private var more: [Int32] = []

    /// The two territories of one border.
    init(_ pair: SIMD2<Int32>) {
        inline[0] = pair.x
        inline[1] = pair.y
        count = 2
    }

    /// Adds `t` unless it is there.
    mutating func insert(_ t: Int32) {
        for k in 0..<min(count, 4) where inline[k] == t { return }
        if count > 4, more.contains(t) { return }
        if count < 4 { inline[count] = t } else { more.append(t) }
        count += 1
    }

    /// The territories, in the order added (or as `sort` left them).
    var list: [Int32] { (0..<min(count, 4)).map { inline[$0] } + more }

    /// The i-th territory.
    subscript(i: Int) -> Int32 { i < 4 ? inline[i] : more[i - 4] }

    /// Puts the territories in the order of their `rank`.
    mutating func sort(by rank: [Int32]) {
        let sorted = list.sorted { rank[Int($0)] < rank[Int($1)] }
        for (i, t) in sorted.enumerated() {
            if i < 4 { inline[i] = t } else { more[i - 4] = t }
        }
    }
}

/// Positions bucketed in cubes of `cell` metres on a sphere of the Earth's mean radius, for finding the nodes
/// within a snap of a node without scanning them all. A chord is never longer than the geodesic it spans (to
/// within the sphere's approximation, covered by looking one cell further), so no node within the snap is missed.
struct NodeGrid {
    let cell: Double
    private var buckets: [SIMD3<Int64>: [Int]] = [:]
    /// The stored positions, by index in the order inserted.
    private(set) var positions: [Position] = []

    init(cell: Double) { self.cell = cell }

    private func key(_ p: Position) -> SIMD3<Int64> {
        let r = 6_371_008.8, lat = p.lat * .pi / 180, lon = p.lon * .pi / 180
        let v = SIMD3(r * cos(lat) * cos(lon), r * cos(lat) * sin(lon), r * sin(lat)) / cell
        return SIMD3(Int64(v.x.rounded(.down)), Int64(v.y.rounded(.down)), Int64(v.z.rounded(.down)))
    }

    /// Stores `p` with the next index.
    mutating func insert(_ p: Position) {
        buckets[key(p), default: []].append(positions.count)
        positions.append(p)
    }

    /// The smallest index of a stored node within `distance` metres (geodesic) of `q`.
    func first(near q: Position, within distance: Double) -> Int? {
        let k = key(q)
        var best: Int?
        for dx in -2...2 as ClosedRange<Int64> { for dy in -2...2 as ClosedRange<Int64> { for dz in -2...2 as ClosedRange<Int64> {
            for i in buckets[k &+ SIMD3(dx, dy, dz)] ?? [] where best.map({ i < $0 }) ?? true {
                if Geodesic.wgs84.distance(positions[i], q) <= distance { best = i }
            }
        } } }
        return best
    }
}

