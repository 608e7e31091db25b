import BorderKit
import Testing

/// Figures printed to the digits their interval supports.
@Suite struct FigureIntervalTests {
    @Test("The step is the power of ten of the half-width's first digit; the ends round outwards", arguments: [
        (848_563.0, 753_905.0, 852_647.0, "850 (750–860)"),
        (110_574.389, 110_374.389, 110_774.389, "110.6 (110.3–110.8)"),
        (12_702.0, 12_700.0, 12_704.0, "12.702 (12.700–12.704)"),   // ± 2 m: the finest, 3 decimals
        (5_231_299.0, 4_700_000.0, 5_400_000.0, "5200 (4700–5400)"),
        (0.0, 0.0, 0.0, "0"),
    ])
    func text(value: Double, low: Double, high: Double, expected: String) {
        #expect(FigureInterval(low: low, high: high).text(value, scale: 1e3, maximum: 3) == expected)
    }

    @Test("Sums add the ends; including a value widens to it")
    func arithmetic() {
        let a = FigureInterval(low: 1, high: 3) + FigureInterval(low: 10, high: 20)
        #expect(a == FigureInterval(low: 11, high: 23))
        #expect(a.including(5) == FigureInterval(low: 5, high: 23) && a.including(15) == a)
        #expect(FigureInterval(low: 3, high: 1) == FigureInterval(low: 1, high: 3))
    }
}
