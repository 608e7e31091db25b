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
    /// The merged JSON report of tiles' JSON reports (`borderkit borders -f json`), each named by its file.
    public static func json(_ outputs: [TileOutput<JSONValue>]) throws -> JSONValue {
        let tiles = outputs.map { (file: $0.file, report: $0.content) }
        guard let first = tiles.first else { throw MergeError("no tile outputs to merge") }
        func member(_ v: JSONValue, _ key: String, _ file: String) throws -> JSONValue {
            guard let m = v[key] else { throw MergeError("\(file): not a borders JSON report (no \"\(key)\")") }
            return m
        }
        var pairs: [JSONValue] = [], contacts: [JSONValue] = [], overlaps: [JSONValue] = [], tripoints: [JSONValue] = []
        var warnings: [String] = []
        let head = ["source", "method", "snap_m"]
        for (file, report) in tiles {
            for key in head where try member(report, key, file) != (try member(first.report, key, first.file)) {
                throw MergeError("\(file): its \(key) differs from \(first.file)'s: the tiles come from different runs")
            }
            guard case .array(let p) = try member(report, "pairs", file), case .array(let c) = try member(report, "point_contacts", file),
                  case .array(let o) = try member(report, "overlaps", file), case .array(let t) = try member(report, "tripoints", file),
                  case .array(let w) = try member(report, "warnings", file) else {
                throw MergeError("\(file): not a borders JSON report")
            }
            pairs += p
            contacts += c
            overlaps += o
            tripoints += t
            warnings += w.compactMap(\.stringValue)
        }
        func ids(_ v: JSONValue) -> [String] {
            if case .array(let a)? = v["territories"] { return a.compactMap(\.stringValue) }
            return []
        }
        func byIDs(_ list: [JSONValue]) -> [JSONValue] {
            list.map { (ids($0), $0) }.sorted { IDOrder.precedes($0.0, $1.0) }.map(\.1)
        }
        pairs = byIDs(pairs)
        contacts = byIDs(contacts)
        overlaps = byIDs(overlaps)
        tripoints = tripoints.map { (ids($0), $0["lon"]?.doubleValue ?? 0, $0["lat"]?.doubleValue ?? 0, $0) }.sorted { a, b in
            if a.0 != b.0 {
                for (x, y) in zip(a.0, b.0) where x != y { return IDOrder.less(x, y) }
                return a.0.count < b.0.count
            }
            return (a.1, a.2) < (b.1, b.2)
        }.map(\.3)
        var length = 0.0, segments: Int64 = 0
        for p in pairs {
            length += p["length_m"]?.doubleValue ?? 0
            if case .integer(let n)? = p["segments"] { segments += n }
        }
        let source = first.report["source"]?.stringValue ?? ""
        let overlapTexts = overlaps.map { o in
            Borders.overlapWarning(TerritoryOverlap(territories: ids(o), area: o["area_m2"]?.doubleValue ?? 0), source: source).description
        }
        return .object([
            "source": try member(first.report, "source", first.file),
            "method": try member(first.report, "method", first.file),
            "snap_m": try member(first.report, "snap_m", first.file),
            "pairs": .array(pairs),
            "point_contacts": .array(contacts),
            "overlaps": .array(overlaps),
            "tripoints": .array(tripoints),
            "totals": .object(["pairs": .integer(Int64(pairs.count)), "segments": .integer(segments), "length_m": .number(length),
                               "tripoints": .integer(Int64(tripoints.count))]),
            "warnings": .array((inputWarnings(warnings, except: Set(overlapTexts), source: source) + overlapTexts).map(JSONValue.string)),
        ])
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
