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
}

extension Sequence where Element == String {
    /// The ids in `IDOrder`.
    public func idSorted() -> [String] { sorted(by: IDOrder.less) }
}
