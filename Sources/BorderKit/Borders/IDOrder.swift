/// The order of territory ids in every output: ids that are whole numbers by their value (31 before 268, as a
/// GADM or census file numbers its units), other ids by their text, numbers before text.
public enum IDOrder {
    /// True when `a` comes before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        switch (Int64(a), Int64(b)) {
        case let (x?, y?): return x != y ? x < y : a < b
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a < b
        }
    }

    /// True when the list `a` comes before `b` (element by element in this order, then the shorter first).
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        a.lexicographicallyPrecedes(b, by: less)
    }

    /// An id with its number read once, so that sorting a million ids does not read each number twenty times.
    struct Key: Comparable {
        let number: Int64?
        let text: String
        init(_ text: String) {
            self.text = text
            number = Int64(text)
        }
        static func < (a: Key, b: Key) -> Bool {
            switch (a.number, b.number) {
            case let (x?, y?): return x != y ? x < y : a.text < b.text
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.text < b.text
            }
        }
    }

    /// `items` in this order of `key(item)`, each key read once.
    static func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        let keys = items.map { Key(key($0)) }
        return items.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    /// Each id's place in this order (0 first), by index in `ids` (ids distinct): sorted once, so that lists of
    /// ids (a border's pair, a tripoint's territories) are ordered by comparing integers.
    static func ranks(_ ids: [String]) -> [Int32] {
        let keys = ids.map(Key.init)
        var rank = [Int32](repeating: 0, count: ids.count)
        for (r, i) in ids.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() { rank[i] = Int32(r) }
        return rank
    }
}

extension Sequence where Element == String {
    /// The ids in `IDOrder`.
    public func idSorted() -> [String] { IDOrder.sorted(Array(self)) { $0 } }
}
