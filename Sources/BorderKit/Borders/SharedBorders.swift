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
    /// Candidate pairs computed together before their results are taken in order (tests make it small).
    var pairChunk = 1 << 16
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
    /// Every pair with a border of positive length, in `IDOrder` (held as columns).
    public var pairs: PairBorders
    /// Pairs that touch only at points.
    public var pointContacts: [PairBorder]
    /// Nodes where three or more territories meet (held as columns).
    public var tripoints: Tripoints
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
        var envelopes = territories.map(\.geometry.envelope)
        let ids = territories.map(\.id)
        // Pairs handed out, and so kept, in the order the report lists them (IDOrder of their two ids): an
        // integer sort of the candidates instead of a sort of the borders by their ids' strings. Each candidate
        // is its two ranks in one integer, the lower first.
        let rank = IDOrder.ranks(ids)
        var byRank = [Int32](repeating: 0, count: territories.count)
        for (i, r) in rank.enumerated() { byRank[Int(r)] = Int32(i) }
        var candidates = try candidatePairs(territories, envelopes: envelopes, options: options).map { p -> UInt64 in
            let (a, b) = (rank[p.0], rank[p.1])
            return UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
        }
        candidates.sort()
        // In chunks, each let go when its pairs are done.
        let chunk = max(1, options.pairChunk)
        var chunks = stride(from: 0, to: candidates.count, by: chunk).map { Array(candidates[$0..<min($0 + chunk, candidates.count)]) }
        candidates = []
        let found = try pairs(of: territories, candidates: &chunks, byRank: byRank, ids: ids, envelopes: envelopes, status: status,
                              options: options, progress: progress)
        // Let go of what the pairs needed before the tripoints are made.
        envelopes = []
        var nodes = found.nodes
        // Already in IDOrder: the candidates were.
        let overlaps = found.overlaps.sorted { IDOrder.precedes($0.territories, $1.territories) }
        var allWarnings = warnings
        for o in overlaps { allWarnings.append(overlapWarning(o, source: source)) }
        let method = options.snap > 0
            ? "the part of each territory's boundary within \(JSONNumberFormat.shortest(options.snap)) m of its neighbour's "
                + "(GEOS buffer in a local azimuthal equidistant projection, then intersection), line-merged; lengths geodesic on WGS84"
            : "exact: the lines where the two territories meet (the edges both hold, where that is provably all they share; "
                + "else GEOS intersection of the pair, clipped to their shared box), line-merged; lengths geodesic on WGS84"
        var report = BorderReport(source: source, method: method, snap: options.snap, pairs: found.pairs, pointContacts: found.contacts,
                                  tripoints: nodes.finish(ids: ids, rank: rank), overlaps: overlaps, warnings: allWarnings,
                                  names: Dictionary(territories.compactMap { t in t.name.map { (t.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        report.pairsFromSharedEdges = found.fromSharedEdges
        return report
    }

    /// What the pairs' computation hands on: the borders, the point contacts, the overlaps, the nodes matched.
    struct FoundPairs {
        var pairs: PairBorders
        var contacts: [PairBorder] = []
        var overlaps: [TerritoryOverlap] = []
        var nodes: NodeIndex
        var fromSharedEdges = 0
    }

    /// Candidate pairs (`chunks` of `BorderOptions.pairChunk`, each emptied when done) computed on every worker and taken in
    /// order: the borders into the columns of `PairBorders`, their nodes into a `NodeIndex` (the point contacts'
    /// nodes after every border's, as the tripoints always took them), so no pair's whole result outlives its chunk.
    private static func pairs(of territories: [Territory], candidates chunks: inout [[UInt64]], byRank: [Int32], ids: [String], envelopes: [Envelope?],
                              status: [BorderStatusLine], options: BorderOptions,
                              progress: (@Sendable (Int, Int) -> Void)?) throws -> FoundPairs {
        // The shared-edge path's runs of edges per territory, built once on every worker.
        let usesIndexes = options.snap == 0 && options.matchesSharedEdges
        let total = chunks.reduce(0) { $0 + $1.count }
        let index = usesIndexes && total > 0 ? try SharedEdges.indexes(of: territories, workers: options.workers) : [:]
        var found = FoundPairs(pairs: PairBorders(ids: ids), nodes: NodeIndex(snap: options.snap))
        var contactNodes: [([Position], SIMD2<Int32>)] = []
        var start = 0
        let done = Locked(0)
        for c in chunks.indices {
            let candidates = chunks[c]
            chunks[c] = []
            defer { start += candidates.count }
            let end = start + candidates.count
            @Sendable func pairAt(_ k: Int) -> (Int, Int) {
                (Int(byRank[Int(candidates[k] >> 32)]), Int(byRank[Int(candidates[k] & 0xFFFF_FFFF)]))
            }
            let results = Locked([PairOutcome?](repeating: nil, count: end - start))
            try Parallel.forEach(count: end - start, workers: max(1, min(options.workers, end - start))) { _ in
                var scratch = SharedEdges.Scratch()
                return { k in
                    let (i, j) = pairAt(k)
                    let outcome: PairOutcome
                    do {
                        // The candidate's first territory is the lower in IDOrder.
                        let found = try pairResult(territories[i], territories[j], ids: [territories[i].id, territories[j].id], status: status, options: options,
                                                   envelopes: Envelopes(first: envelopes[i], second: envelopes[j]),
                                                   indexes: usesIndexes ? SharedEdges.Indexes(first: index[i], second: index[j]) : nil, scratch: &scratch)
                        outcome = .done(found)
                    } catch {
                        outcome = .failed("\(territories[i].id)–\(territories[j].id): \(error)")
                    }
                    results.withLock { $0[k] = outcome }
                    let n = done.withLock { $0 += 1; return $0 }
                    progress?(n, total)
                }
            }
            // Taken out of the lock and let go one by one.
            var outcomes = results.withLock { r in
                defer { r = [] }
                return r
            }
            for k in outcomes.indices {
                let outcome = outcomes[k]
                outcomes[k] = nil
                switch outcome {
                case .done(let r)?:
                    if r.fromSharedEdges { found.fromSharedEdges += 1 }
                    let (i, j) = pairAt(k)
                    let at = SIMD2(Int32(i), Int32(j))
                    let p = r.border
                    if !p.segments.isEmpty {
                        found.pairs.append(first: at.x, second: at.y, p)
                        found.nodes.add(r.nodes, territories: at)
                    } else if !p.touchPoints.isEmpty {
                        found.contacts.append(p)
                        contactNodes.append((r.nodes, at))
                    }
                    if p.overlapArea > options.overlapTolerance { found.overlaps.append(TerritoryOverlap(territories: p.territories, area: p.overlapArea)) }
                case .failed(let message)?: throw InputError("border of \(message)")
                case nil: break
                }
            }
            if start == 0, end < total {
                // Room for the nodes to come, as many per candidate as in the first chunk.
                found.nodes.reserveCapacity(Int(Double(found.nodes.count) / Double(end) * Double(total) * 1.05))
                found.pairs.reserveCapacity(Int(Double(found.pairs.count) / Double(end) * Double(total) * 1.05))
            }
        }
        for (nodes, at) in contactNodes { found.nodes.add(nodes, territories: at) }
        found.pairs.shrink()
        return found
    }

    /// The envelopes of a pair's two territories, as computed once for all pairs.
    struct Envelopes {
        var first: Envelope?
        var second: Envelope?
    }

    enum PairOutcome: Sendable {
        case done(PairResult)
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

    /// The geodesic metres two valid territories share, where `SharedEdges` proves their border to be the edges
    /// both hold (then they do not overlap: the interiors lie on opposite sides of every shared edge), else nil
    /// (then `overlapAndContact` answers). Away from ±180° only; `indexes` as `SharedEdges.indexes(of:workers:)`.
    static func contactFromSharedEdges(_ a: Territory, _ b: Territory, envelopes: Envelopes, indexes: SharedEdges.Indexes,
                                       scratch: inout SharedEdges.Scratch) -> Double? {
        guard a.isKnownValid, b.isKnownValid, let ea = envelopes.first, let eb = envelopes.second,
              !ea.reachesAntimeridian, !eb.reachesAntimeridian else { return nil }
        guard let box = ea.shared(with: eb, margin: 1e-6) else { return 0 }
        guard let lines = SharedEdges.lines(a.geometry, b.geometry, box: box, envelopes: envelopes, indexes: indexes, scratch: &scratch) else { return nil }
        return lines.reduce(0) { $0 + Geodesic.wgs84.length($1.positions) }
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

    /// A pair's border, its nodes (the ends of its line-merged lines and its touch points, for the tripoints),
    /// and whether `SharedEdges` gave it.
    struct PairResult: Sendable {
        var border: PairBorder
        var nodes: [Position] = []
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
            return PairResult(border: PairBorder(territories: ids, segments: [], touchPoints: []), fromSharedEdges: false)
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
        return PairResult(border: PairBorder(territories: ids, segments: segments, touchPoints: points, overlapArea: overlap),
                          nodes: points + ends, fromSharedEdges: fromEdges != nil)
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
}
