/// A calendar date from ISO 8601 text: "2024", "2024-06" or "2024-06-01" (missing parts are the first).
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year (four digits).
    public var year: Int
    /// The month, 1–12 (1 when the date gave only a year).
    public var month: Int
    /// The day, 1–31 (1 when the date gave only a year or a month).
    public var day: Int

    /// Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nil for anything else, or a day the month does not have.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : 1, d = parts.count > 2 ? Int(parts[2]) : 1
        guard let m, let d, (1...12).contains(m), (1...31).contains(d),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        year = y; month = m; day = d
    }

    /// Earlier dates first.
    public static func < (a: ISODate, b: ISODate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The date as "YYYY-MM-DD".
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// A period from `from` (inclusive) to `to` (exclusive); nil ends are open.
public struct Period: Hashable, Sendable {
    /// The first day of the period (inclusive); nil: since ever.
    public var from: ISODate?
    /// The day the period ends (exclusive); nil: still holds.
    public var to: ISODate?

    /// A period from `from` (inclusive) to `to` (exclusive).
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
