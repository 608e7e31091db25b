import GeoCore

/// A tile's output that cannot be merged: which file, and why.
public struct MergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the tile's file.
    public var reason: String
    /// An error saying `reason`.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}

/// One tile's output as read: its file's name (for messages) and its content.
public struct TileOutput<Content: Sendable>: Sendable {
    /// The file it was read from.
    public var file: String
    /// What it holds: a JSON report, or a feature collection.
    public var content: Content
    /// The output of the tile written to `file`.
    public init(file: String, content: Content) {
        self.file = file
        self.content = content
    }
}

/// The tiles' `borders` outputs of a partition (`--owner-extent`, `--label`) combined into the whole file's.
///
/// Why it is exact: each tile reports the pairs, point contacts, overlaps and tripoints it owns, computed whole
/// (`BorderReport.owned`), so the merge only orders them as `Borders.run` does (pairs, contacts and overlaps by
/// `IDOrder` of their ids; tripoints by their ids, their number, then longitude and latitude), sums the totals
/// in that order (the same additions, so the same bits), and keeps each warning once: the file's notes first,
/// then the features' warnings by their index in the file, then one per overlap, as `Borders.run` words it.
public enum BorderMerge {
    /// The merged JSON report of tiles' JSON reports (`borderkit borders -f json`), each named by its file: the
    /// text `borderkit borders` writes for the whole file, ending with a newline.
    ///
    /// Each record (a pair, contact, overlap or tripoint) is read only for its ids and figures and copied as the
    /// tile wrote it (`JSONSpans`): the tiles and the whole run write records with the same writer.
    public static func json(_ outputs: [TileOutput<JSONSpans>]) throws -> [UInt8] {
        guard let first = outputs.first else { throw MergeError("no tile outputs to merge") }
        let head = ["source", "method", "snap_m"], listed = ["pairs", "point_contacts", "overlaps", "tripoints"]
        // Each tile read on its own thread: its records' ranges, ids and figures.
        let reads = Locked([Result<TileRead, any Error>?](repeating: nil, count: outputs.count))
        try Parallel.forEach(count: outputs.count, workers: Parallel.processorCount) { _ in { t in
            let r = Result { try read(outputs[t], tile: t, head: head, listed: listed) }
            reads.withLock { $0[t] = r }
        } }
        var lists: [String: [Record]] = [:]
        var warnings: [String] = []
        var heads: [String: ArraySlice<UInt8>] = [:]
        for (t, result) in reads.withLock({ $0 }).enumerated() {
            let read = try result!.get()
            for key in head {
                if let known = heads[key], known != read.heads[key] {
                    throw MergeError("\(outputs[t].file): its \(key) differs from \(first.file)'s: the tiles come from different runs")
                }
                heads[key] = read.heads[key]
            }
            for key in listed { lists[key, default: []] += read.lists[key] ?? [] }
            warnings += read.warnings
        }
        let order = IDListOrder(listed.flatMap { (lists[$0] ?? []).map(\.ids) })
        func byIDs(_ list: [Record]) -> [Record] {
            let keys = list.map { order.key($0.ids) }
            return list.indices.sorted { keys[$0] < keys[$1] }.map { list[$0] }
        }
        let pairs = byIDs(lists["pairs"] ?? []), contacts = byIDs(lists["point_contacts"] ?? []), overlaps = byIDs(lists["overlaps"] ?? [])
        let tripointList = lists["tripoints"] ?? []
        let tripointKeys = tripointList.map { (order.key($0.ids), $0.lon, $0.lat) }
        let tripoints = tripointList.indices.sorted { a, b in
            let (x, y) = (tripointKeys[a], tripointKeys[b])
            return x.0 != y.0 ? x.0 < y.0 : (x.1, x.2) < (y.1, y.2)
        }.map { tripointList[$0] }
        var length = 0.0, segments: Int64 = 0
        for p in pairs {
            length += p.length
            segments += p.segments
        }
        let source = heads["source"].flatMap { try? JSONValue.read(Array($0), source: first.file).stringValue } ?? ""
        let overlapTexts = try overlaps.map { o -> String in
            let spans = outputs[o.tile].content
            let area = try spans.members(of: o.range).first { $0.name == "area_m2" }.map { try spans.value(at: $0.range).doubleValue ?? 0 } ?? 0
            return Borders.overlapWarning(TerritoryOverlap(territories: o.ids, area: area), source: source).description
        }
        var out: [UInt8] = []
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func list(_ records: [Record]) {
            put("[")
            for (k, r) in records.enumerated() {
                if k > 0 { put(",") }
                out.append(contentsOf: outputs[r.tile].content.text(r.range))
            }
            put("]")
        }
        put("{")
        for (k, key) in head.enumerated() {
            put((k > 0 ? "," : "") + "\"\(key)\":")
            out.append(contentsOf: heads[key]!)
        }
        put(",\"pairs\":"); list(pairs)
        put(",\"point_contacts\":"); list(contacts)
        put(",\"overlaps\":"); list(overlaps)
        put(",\"tripoints\":"); list(tripoints)
        put(",\"totals\":")
        out += JSONWriter.data(.object(["pairs": .integer(Int64(pairs.count)), "segments": .integer(segments), "length_m": .number(length),
                                        "tripoints": .integer(Int64(tripoints.count))]))
        put(",\"warnings\":")
        out += JSONWriter.data(.array((inputWarnings(warnings, except: Set(overlapTexts), source: source) + overlapTexts).map(JSONValue.string)))
        put("}\n")
        return out
    }

    /// A record of a tile's report: where it lies, its ids (and a tripoint's position, or a pair's index).
    struct Record: Sendable {
        var tile: Int
        var range: Range<Int>
        var ids: [String]
        /// A tripoint's position.
        var lon = 0.0, lat = 0.0
        /// A pair's metres and segments, summed into the totals.
        var length = 0.0, segments: Int64 = 0
    }

    /// What `json` reads of one tile.
    struct TileRead: Sendable {
        var heads: [String: ArraySlice<UInt8>] = [:]
        var lists: [String: [Record]] = [:]
        var warnings: [String] = []
    }

    /// Reads one tile's report for `json`.
    static func read(_ output: TileOutput<JSONSpans>, tile t: Int, head: [String], listed: [String]) throws -> TileRead {
        let spans = output.content, file = output.file
        var out = TileRead()
        let members = Dictionary(try spans.members(of: spans.root).map { ($0.name, $0.range) }, uniquingKeysWith: { a, _ in a })
        func member(_ key: String) throws -> Range<Int> {
            guard let r = members[key] else { throw MergeError("\(file): not a borders JSON report (no \"\(key)\")") }
            return r
        }
        for key in head { out.heads[key] = spans.text(try member(key)) }
        for key in listed {
            var records: [Record] = []
            for (k, element) in try spans.elements(of: try member(key)).enumerated() {
                var record = Record(tile: t, range: element, ids: [])
                for m in try spans.members(of: element) {
                    switch m.name {
                    case "territories":
                        guard case .array(let a) = try spans.value(at: m.range) else { throw MergeError("\(file): /\(key)/\(k)/territories is not a list") }
                        record.ids = a.compactMap(\.stringValue)
                    case "lon" where key == "tripoints": record.lon = try spans.value(at: m.range).doubleValue ?? 0
                    case "lat" where key == "tripoints": record.lat = try spans.value(at: m.range).doubleValue ?? 0
                    case "length_m" where key == "pairs": record.length = try spans.value(at: m.range).doubleValue ?? 0
                    case "segments" where key == "pairs":
                        if case .integer(let n) = try spans.value(at: m.range) { record.segments = n }
                    default: break
                    }
                }
                records.append(record)
            }
            out.lists[key] = records
        }
        guard case .array(let w) = try spans.value(at: try member("warnings")) else { throw MergeError("\(file): not a borders JSON report") }
        out.warnings = w.compactMap(\.stringValue)
        return out
    }

    /// The input's warnings once each: those naming no feature first, in their order, then by feature index.
    static func inputWarnings(_ all: [String], except overlaps: Set<String>, source: String) -> [String] {
        var seen = Set<String>()
        var keyed: [(key: Int, order: Int, text: String)] = []
        let prefix = source + ": /features/"
        for (order, w) in all.enumerated() where !overlaps.contains(w) && seen.insert(w).inserted {
            var key = -1
            if w.hasPrefix(prefix) {
                let digits = w.dropFirst(prefix.count).prefix { $0.isNumber }
                key = Int(digits) ?? -1
            }
            keyed.append((key, order, w))
        }
        return keyed.sorted { ($0.key, $0.order) < ($1.key, $1.order) }.map(\.text)
    }

    /// The merged GeoJSON of tiles' GeoJSON outputs (`borderkit borders -f geojson`): the segments pair by pair in
    /// `IDOrder`, each pair's by their number, then the tripoints in the report's order.
    public static func geojson(_ outputs: [TileOutput<FeatureCollection>]) throws -> FeatureCollection {
        let tiles = outputs.map { (file: $0.file, collection: $0.content) }
        guard let first = tiles.first else { throw MergeError("no tile outputs to merge") }
        var segments: [(ids: [String], number: Int, feature: Feature)] = []
        var tripoints: [(ids: [String], lon: Double, lat: Double, feature: Feature)] = []
        for (file, c) in tiles {
            for f in c.features {
                let ids: [String] = if case .array(let a)? = f.properties?["territories"] { a.compactMap(\.stringValue) } else { [] }
                switch f.properties?["kind"]?.stringValue {
                case "border_segment"?:
                    let id = f.properties?["id"]?.stringValue ?? ""
                    let number = id.split(separator: "#").last.flatMap { Int($0) } ?? 0
                    segments.append((ids, number, f))
                case "tripoint"?:
                    guard case .point(let p)? = f.geometry, let q = p.position else { throw MergeError("\(file): a tripoint without a position") }
                    tripoints.append((ids, q.x, q.y, f))
                default:
                    throw MergeError("\(file): a feature that is neither a border segment nor a tripoint: not a borders GeoJSON output")
                }
            }
        }
        segments.sort { a, b in a.ids != b.ids ? IDOrder.precedes(a.ids, b.ids) : a.number < b.number }
        tripoints.sort { a, b in
            if a.ids != b.ids {
                for (x, y) in zip(a.ids, b.ids) where x != y { return IDOrder.less(x, y) }
                return a.ids.count < b.ids.count
            }
            return (a.lon, a.lat) < (b.lon, b.lat)
        }
        return FeatureCollection(segments.map(\.feature) + tripoints.map(\.feature), foreignMembers: first.collection.foreignMembers)
    }
}

/// Lists of ids ordered as `IDOrder.precedes` orders them, by integer keys: each distinct id ranked once
/// (`IDOrder.ranks`, as `Borders.run` sorts its pairs), a list of up to three ids packed into one integer.
///
/// Why: the merge of a million cells' tiles sorts three million pairs; comparing their ids' strings (and moving
/// the JSON values with them) took most of its time.
struct IDListOrder {
    private let rank: [String: Int64]
    private let packs: Bool

    /// The order of the ids in `lists`.
    init(_ lists: [[String]]) {
        var seen = Set<String>()
        var distinct: [String] = []
        var longest = 0
        for list in lists {
            longest = max(longest, list.count)
            for id in list where seen.insert(id).inserted { distinct.append(id) }
        }
        let ranks = IDOrder.ranks(distinct)
        rank = Dictionary(uniqueKeysWithValues: zip(distinct, ranks.map { Int64($0) }))
        packs = longest <= 3 && distinct.count < (1 << 21) - 1
    }

    /// A list's key: packed ranks (one more than each, 0 past the end, so the shorter list comes first), or the
    /// ranks themselves when the lists are longer or the ids too many to pack.
    func key(_ ids: [String]) -> Key {
        let r = ids.map { rank[$0] ?? 0 }
        guard packs else { return Key(packed: 0, ranks: r) }
        var packed: Int64 = 0
        for k in 0..<3 { packed = packed << 21 | (k < r.count ? r[k] + 1 : 0) }
        return Key(packed: packed, ranks: [])
    }

    /// A comparable key of a list of ids.
    struct Key: Comparable {
        let packed: Int64
        let ranks: [Int64]
        static func < (a: Key, b: Key) -> Bool {
            a.packed != b.packed ? a.packed < b.packed : a.ranks.lexicographicallyPrecedes(b.ranks)
        }
    }
}
