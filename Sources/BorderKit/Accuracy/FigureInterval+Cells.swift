import GeoCore

/// A figure and its interval as table cells, one rule for every report.
extension FigureInterval {
    /// The cells of `value` (in units of `scale`: 1e3 for km from metres, 1e6 for km² from m²) for a table in
    /// `format`: without an interval, the figure to 3 decimals; in Markdown, one cell "850 (750–860)"; otherwise
    /// the figure to the digits its interval supports and the interval's ends rounded outwards. With
    /// `intervalColumns` (some figure of the column has an interval) every non-Markdown row has the three cells,
    /// empty where there is nothing; a nil `value` is an empty cell.
    static func cells(_ value: Double?, _ interval: FigureInterval?, scale: Double, format: ReportFormat, intervalColumns: Bool) -> [Cell] {
        let wide = intervalColumns && format != .markdown
        guard let value else { return wide ? [.empty, .empty, .empty] : [.empty] }
        guard let interval else { return [.number(value / scale, decimals: 3)] + (wide ? [.empty, .empty] : []) }
        if format == .markdown { return [.text(interval.text(value, scale: scale, maximum: 3))] }
        let u = interval.step(scale: scale, maximum: 3), d = interval.decimals(scale: scale, maximum: 3)
        return [.number((value / scale / u).rounded() * u, decimals: d),
                .number(outward(interval.low / scale / u, .down) * u, decimals: d),
                .number(outward(interval.high / scale / u, .up) * u, decimals: d)]
    }

    /// The column names of a figure named `name` (`cells(_:_:scale:format:intervalColumns:)`): with interval
    /// columns outside Markdown, `name`, `name_low` and `name_high`.
    static func columns(_ name: String, format: ReportFormat, intervalColumns: Bool) -> [String] {
        intervalColumns && format != .markdown ? [name, name + "_low", name + "_high"] : [name]
    }

    /// As JSON: `[low, high]`.
    var json: JSONValue { .array([.number(low), .number(high)]) }
}
