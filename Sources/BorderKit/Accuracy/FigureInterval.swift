import GeoCore

/// The range a figure's true value may lie in, given the accuracy of the data it was computed from
/// (issue 22): a length, area or distance in its own units (metres, m²).
///
/// Reports print the figure to the digits the interval supports (`decimals(scale:)`) and the interval beside
/// it; JSON keeps the figure whole and adds the interval as `[low, high]` under a `*_interval` key.
public struct FigureInterval: Sendable, Hashable, Codable {
    /// The least value the data supports.
    public var low: Double
    /// The greatest value the data supports.
    public var high: Double

    /// An interval from `low` to `high` (swapped when given the other way round).
    public init(low: Double, high: Double) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// The smallest interval holding this one and `value`.
    public func including(_ value: Double) -> FigureInterval { FigureInterval(low: min(low, value), high: max(high, value)) }

    /// The interval of a sum: the sums of the lows and of the highs.
    public static func + (a: FigureInterval, b: FigureInterval) -> FigureInterval {
        FigureInterval(low: a.low + b.low, high: a.high + b.high)
    }

    /// The rounding step a figure in units of `scale` (1e3: km from metres) supports: the power of ten of the
    /// interval's half-width's first digit, no finer than `maximum` decimals (± 21 km: 10 km; ± 0.4 km: 0.1 km).
    public func step(scale: Double, maximum: Int) -> Double {
        let half = (high - low) / 2 / scale, finest = FigureInterval.power(-maximum)
        guard half > finest, half.isFinite else { return finest }
        return FigureInterval.power(half.log10Floor)
    }

    /// The decimals `step(scale:maximum:)` needs.
    public func decimals(scale: Double, maximum: Int) -> Int { max(0, -step(scale: scale, maximum: maximum).log10Floor) }

    /// The figure rounded to the supported step, in units of `scale`, as text ("850", "848.6").
    public func rounded(_ value: Double, scale: Double, maximum: Int) -> String {
        let u = step(scale: scale, maximum: maximum)
        return JSONNumberFormat.fixedPadded(((value / scale) / u).rounded() * u, decimals: decimals(scale: scale, maximum: maximum))
    }

    /// The figure and its interval as text in units of `scale`, e.g. "850 (820–880)": the figure rounded to the
    /// supported step, the interval's ends rounded outwards to it.
    public func text(_ value: Double, scale: Double, maximum: Int) -> String {
        if value == 0, low == 0, high == 0 { return "0" }  // nothing there, for certain
        let u = step(scale: scale, maximum: maximum), d = decimals(scale: scale, maximum: maximum)
        func f(_ x: Double) -> String { JSONNumberFormat.fixedPadded(x * u, decimals: d) }
        let lo = FigureInterval.outward(low / scale / u, .down), hi = FigureInterval.outward(high / scale / u, .up)
        return "\(rounded(value, scale: scale, maximum: maximum)) (\(f(lo))–\(f(hi)))"
    }

    /// `q` rounded down or up, except that a `q` within 1e-9 of a whole number (12.700 / 0.001 is
    /// 12699.999999999998) is that number.
    static func outward(_ q: Double, _ rule: FloatingPointRoundingRule) -> Double {
        let nearest = q.rounded()
        return abs(q - nearest) <= 1e-9 * max(1, abs(q)) ? nearest : q.rounded(rule)
    }

    static func power(_ e: Int) -> Double {
        var x = 1.0
        if e >= 0 { for _ in 0..<e { x *= 10 } } else { for _ in 0..<(-e) { x /= 10 } }
        return x
    }
}

extension Double {
    /// ⌊log10(self)⌋ for a positive finite number, by comparison (no rounding trouble at powers of ten).
    var log10Floor: Int {
        var e = 0, x = self
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }
}
