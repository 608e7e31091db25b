import GeoCore

/// One stretch of border between two territories, with one status.
public struct BorderSegment: Sendable, Hashable {
    public var id: String
    /// The two territory ids, sorted.
    public var territories: [String]
    public var status: String
    public var statusDate: String?
    public var statusSource: String?
    public var line: LineString
    /// Geodesic length in metres on WGS84.
    public var length: Double
}

/// The border of one pair of territories.
public struct PairBorder: Sendable, Hashable {
    public var territories: [String]
    public var segments: [BorderSegment]
    /// Where the two touch only at points (no shared line there).
    public var touchPoints: [Position]
    /// The border's nodes: the ends of its line-merged lines, and the touch points (for tripoints).
    public var nodes: [Position]
    /// Geodesic length of the whole border, metres.
    public var length: Double { segments.reduce(0) { $0 + $1.length } }
    /// Metres per status, statuses sorted by name.
    public var lengthByStatus: [(status: String, length: Double)] {
        Dictionary(grouping: segments, by: \.status).map { ($0.key, $0.value.reduce(0) { $0 + $1.length }) }.sorted { $0.0 < $1.0 }
    }
}

/// A node where three or more territories meet.
public struct Tripoint: Sendable, Hashable {
    public var territories: [String]
    public var position: Position
    public init(territories: [String], position: Position) {
        self.territories = territories
        self.position = position
    }
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
    public init() {}
}

/// Shared borders of a set of territories: the analysis behind `borderkit borders`.
public struct BorderReport: Sendable {
    public var source: String
    public var method: String
    public var snap: Double
    public var pairs: [PairBorder]
    /// Pairs that touch only at points.
    public var pointContacts: [PairBorder]
    public var tripoints: [Tripoint]
    public var warnings: [InputWarning]
    /// Territory names by id, where the input has them.
    public var names: [String: String]
}

public enum Borders {
    /// Finds every pair of touching territories (candidates from an STRtree on envelopes, `GEOSSTRtree_query_r`),
    /// their shared boundary as line-merged segments with geodesic lengths, split by `status`, and the tripoints.
    ///
    /// Exact (snap 0): the intersection of the two boundaries (`GEOSBoundary_r`, `GEOSIntersection_r`), which needs
    /// sources that share vertices (a clean coverage, Natural Earth). With a snap of S metres: the part of A's
    /// boundary within S of B's (`GEOSBuffer_r` in a local azimuthal equidistant projection centred on the pair).
    /// `GEOSSharedPaths_r` would give the same lines but is about 170 times slower on real borders (../shared/DESIGN.md).
    public static func run(_ territories: [Territory], status: [BorderStatusLine] = [], source: String,
                           warnings: [InputWarning] = [], options: BorderOptions = BorderOptions(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> BorderReport {
        let boundaries = try territories.map { try $0.geometry.boundary() }
        let candidates = try candidatePairs(territories, options: options)
        let results = Locked([PairOutcome?](repeating: nil, count: candidates.count))
        let done = Locked(0)
        let workers = max(1, min(options.workers, candidates.count))
        if !candidates.isEmpty {
            try Parallel.forEach(count: candidates.count, workers: workers) { _ in { k in
                let (i, j) = candidates[k]
                let outcome: PairOutcome
                do {
                    outcome = .done(try pairBorder(territories[i], territories[j], boundaries[i], boundaries[j],
                                                   status: status, options: options))
                } catch {
                    outcome = .failed("\(territories[i].id)–\(territories[j].id): \(error)")
                }
                results.withLock { $0[k] = outcome }
                let n = done.withLock { $0 += 1; return $0 }
                progress?(n, candidates.count)
            } }
        }
        var pairs: [PairBorder] = [], contacts: [PairBorder] = []
        for outcome in results.withLock({ $0 }) {
            switch outcome {
            case .done(let p)?: if !p.segments.isEmpty { pairs.append(p) } else if !p.touchPoints.isEmpty { contacts.append(p) }
            case .failed(let message)?: throw InputError("border of \(message)")
            case nil: break
            }
        }
        pairs.sort { $0.territories.lexicographicallyPrecedes($1.territories) }
        contacts.sort { $0.territories.lexicographicallyPrecedes($1.territories) }
        let method = options.snap > 0
            ? "the part of each territory's boundary within \(JSONNumberFormat.shortest(options.snap)) m of its neighbour's "
                + "(GEOS buffer in a local azimuthal equidistant projection, then intersection), line-merged; lengths geodesic on WGS84"
            : "exact: the intersection of the two boundaries (GEOS boundary, intersection), line-merged; lengths geodesic on WGS84"
        return BorderReport(source: source, method: method, snap: options.snap, pairs: pairs, pointContacts: contacts,
                            tripoints: tripoints(pairs + contacts, snap: options.snap), warnings: warnings,
                            names: Dictionary(territories.compactMap { t in t.name.map { (t.id, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    enum PairOutcome: Sendable {
        case done(PairBorder)
        case failed(String)
    }

    /// Index pairs (i < j) whose envelopes, grown by the snap, intersect, restricted to `options.pairs`.
    static func candidatePairs(_ territories: [Territory], options: BorderOptions) throws -> [(Int, Int)] {
        let tree = try STRtree(territories.map(\.geometry))
        // Degrees of longitude per metre are largest at high latitude: grow by the snap at 80° to be safe.
        let margin = options.snap / 111_320 / 0.17
        let wanted = options.pairs.map { Set($0.map { $0.sorted().joined(separator: "\u{0}") }) }
        var out: [(Int, Int)] = []
        for (i, t) in territories.enumerated() {
            guard let e = t.geometry.envelope else { continue }
            for j in try tree.query(e.expanded(by: margin)) where j > i {
                if let wanted, !wanted.contains([t.id, territories[j].id].sorted().joined(separator: "\u{0}")) { continue }
                out.append((i, j))
            }
        }
        return out
    }

    static func pairBorder(_ a: Territory, _ b: Territory, _ ba: Geometry, _ bb: Geometry,
                           status: [BorderStatusLine], options: BorderOptions) throws -> PairBorder {
        let ids = [a.id, b.id].sorted()
        let shared: Geometry
        if options.snap > 0 {
            guard let ea = ba.envelope, let eb = bb.envelope else { return PairBorder(territories: ids, segments: [], touchPoints: [], nodes: []) }
            let center = Position((max(ea.minX, eb.minX) + min(ea.maxX, eb.maxX)) / 2, (max(ea.minY, eb.minY) + min(ea.maxY, eb.maxY)) / 2)
            let projection = try Projection(center: center)
            let near = try projection.forward(bb).buffer(options.snap)
            shared = try projection.inverse(try projection.forward(ba).intersection(near))
        } else if let ea = ba.envelope, let eb = bb.envelope {
            // The shared boundary lies where both envelopes overlap: clipping both boundaries to that box (a
            // hair larger, so no shared line runs along its edge; `GEOSClipByRect_r`) leaves the intersection
            // as it was and spares the overlay the rest of two whole countries.
            let box = Envelope(minX: max(ea.minX, eb.minX), minY: max(ea.minY, eb.minY),
                               maxX: min(ea.maxX, eb.maxX), maxY: min(ea.maxY, eb.maxY)).expanded(by: 1e-6)
            let inside = { (e: Envelope) in e.minX >= box.minX && e.minY >= box.minY && e.maxX <= box.maxX && e.maxY <= box.maxY }
            shared = try (inside(ea) ? ba : ba.clipped(to: box)).intersection(inside(eb) ? bb : bb.clipped(to: box))
        } else {
            shared = try ba.intersection(bb)
        }
        let lines = shared.lineStrings.filter { $0.positions.count > 1 }
        var points: [Position] = []
        collectPoints(shared, into: &points)
        let merged = lines.isEmpty ? [] : try Geometry.multiLineString(MultiLineString(lines)).lineMerged().lineStrings
        var segments: [BorderSegment] = []
        for line in merged.sorted(by: { ($0.positions[0].x, $0.positions[0].y) < ($1.positions[0].x, $1.positions[0].y) }) {
            for (piece, s) in try splitByStatus(line, status: status, tolerance: max(options.snap, 1)) {
                let length = Geodesic.wgs84.length(piece.positions)
                guard length > 0.01 else { continue }
                segments.append(BorderSegment(id: "\(ids[0])|\(ids[1])#\(segments.count + 1)", territories: ids,
                                              status: s?.status ?? options.unmatchedStatus, statusDate: s?.date,
                                              statusSource: s?.source, line: piece, length: length))
            }
        }
        // Endpoints of the merged lines are the border's nodes; keep them for the tripoints.
        let ends = merged.flatMap { [$0.positions.first!, $0.positions.last!] }
        return PairBorder(territories: ids, segments: segments, touchPoints: points, nodes: points + ends)
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

    /// Nodes shared by the borders of three or more territories. Exact positions when snap is 0; otherwise
    /// nodes within the snap of each other are one.
    static func tripoints(_ pairs: [PairBorder], snap: Double) -> [Tripoint] {
        var nodes: [(position: Position, territories: Set<String>)] = []
        for p in pairs {
            for q in p.nodes {
                if let k = nodes.firstIndex(where: { snap > 0 ? Geodesic.wgs84.distance($0.position, q) <= snap : $0.position.x == q.x && $0.position.y == q.y }) {
                    nodes[k].territories.formUnion(p.territories)
                } else {
                    nodes.append((q, Set(p.territories)))
                }
            }
        }
        return nodes.filter { $0.territories.count >= 3 }
            .map { Tripoint(territories: $0.territories.sorted(), position: $0.position) }
            .sorted { ($0.territories.joined(separator: ","), $0.position.x, $0.position.y) < ($1.territories.joined(separator: ","), $1.position.x, $1.position.y) }
    }
}
