/// Locale-independent number formatting for JSON output, written by hand for exactness and speed.
public enum JSONNumberFormat {
    private static let powersOfTen: [Double] = (0...15).map { n in (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// `value` rounded to `decimals` decimal places (half away from zero), in plain decimal notation with
    /// trailing zeros dropped: 44.5000000 → "44.5", 45.0 → "45", -0.00000001 → "0". For coordinates, whose
    /// magnitude keeps value × 10^decimals well inside 2^63.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// As `fixed`, appending UTF-8 to `out`.
    public static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        let scale = powersOfTen[min(max(decimals, 0), 15)]
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, scaled < 9.0e18 else {
            out.append(contentsOf: shortest(value).utf8)
            return
        }
        var n = UInt64(scaled)
        if n == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var fractionDigits = decimals
        // Drop trailing zeros of the fraction.
        while fractionDigits > 0, n % 10 == 0 {
            n /= 10
            fractionDigits -= 1
        }
        // Digits right to left into a stack buffer (no allocation per number), then out in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0 || count <= fractionDigits
            for j in stride(from: count - 1, through: 0, by: -1) {
                out.append(digits[j])
                if j == fractionDigits, j > 0 { out.append(UInt8(ascii: ".")) }
            }
        }
    }

    /// The shortest text that reads back as the same double (Swift's own algorithm), "-0" written as "0";
    /// integral values below 2^53 without ".0". Not finite values (never valid JSON) are written as null.
    /// A real number as JSON that reads back as a real: the shortest form, with ".0" after a whole value
    /// (5.0 stays 5.0, so GDAL and pandas type the field as Real, not Integer); null when not finite.
    public static func real(_ value: Double) -> String {
        let s = shortest(value)
        guard value.isFinite, !s.contains(".") && !s.contains("e") && !s.contains("E") && !s.contains("n") && !s.contains("i") else { return s }
        return s + ".0"
    }

    /// The shortest text that reads back as `value` (integers without a fraction); "null" when not finite.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return value.description
    }

    /// `value` with exactly `decimals` decimals (for reports: "12.300"), locale-independent.
    public static func fixedPadded(_ value: Double, decimals: Int) -> String {
        var s = fixed(value, decimals: decimals)
        guard decimals > 0 else { return s }
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            s += String(repeating: "0", count: decimals - have)
        } else {
            s += "." + String(repeating: "0", count: decimals)
        }
        return s
    }
}
