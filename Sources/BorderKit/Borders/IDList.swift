/// Territory ids held once and referred to by index, for the report's columns (`PairBorders`, `Tripoints`).
///
/// Why: a million-cell coverage's three million pairs and two million tripoints name its million ids again and
/// again; an index is 4 bytes. Built from `Borders.run`'s territory list as is (no lookup), or id by id
/// (`index(of:)`), the lookup table made only then.
struct IDList: Sendable {
    private var ids: [String]
    private var lookup: [String: Int32] = [:]

    /// The ids of `ids`, index for index.
    init(_ ids: [String] = []) { self.ids = ids }

    /// The id at `k`.
    subscript(k: Int32) -> String { ids[Int(k)] }

    /// The index of `id`, added when new.
    mutating func index(of id: String) -> Int32 {
        if lookup.count < ids.count {
            for (k, known) in ids.enumerated() where lookup[known] == nil { lookup[known] = Int32(k) }
        }
        if let k = lookup[id] { return k }
        ids.append(id)
        lookup[id] = Int32(ids.count - 1)
        return Int32(ids.count - 1)
    }
}
