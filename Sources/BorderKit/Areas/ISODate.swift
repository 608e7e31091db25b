/// A calendar date from ISO 8601 text: "2024", "2024-06" or "2024-06-01" (missing parts are the first).
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : 1, d = parts.count > 2 ? Int(parts[2]) : 1
        guard let m, let d, (1...12).contains(m), (1...31).contains(d),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        year = y; month = m; day = d
    }

    public static func < (a: ISODate, b: ISODate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// A period from `from` (inclusive) to `to` (exclusive); nil ends are open.
public struct Period: Hashable, Sendable {
    public var from: ISODate?
    public var to: ISODate?

    public init(from: ISODate? = nil, to: ISODate? = nil) {
        self.from = from
        self.to = to
    }

    /// Whether the period holds on `date`; with no date, whether it is still open (the latest state).
    public func holds(at date: ISODate?) -> Bool {
        guard let date else { return to == nil }
        return (from.map { $0 <= date } ?? true) && (to.map { date < $0 } ?? true)
    }
}
