import GeoCore

/// What is known of how far to trust a territories source: its positional accuracy and another source's lengths
/// of the same borders, from which reports make each figure's interval (`BorderIntervals`).
public struct SourceAccuracy: Sendable, Hashable {
    /// Positional accuracy in metres (a CE90 or its like: how far a drawn point may lie from the true one); nil
    /// when not stated.
    public var metres: Double?
    /// Where the accuracy comes from, in words (a provenance record, `--accuracy`).
    public var statement: String
    /// The other source's name, when one gives lengths of the same borders.
    public var referenceSource: String?
    /// The other source's border length per pair, geodesic metres, keyed by `SourceAccuracy.key(_:)`; a pair it
    /// lacks does not border there.
    public var referenceLengths: [String: Double]

    /// An accuracy of `metres` stated by `statement`, with another source's lengths where known.
    public init(metres: Double?, statement: String, referenceSource: String? = nil, referenceLengths: [String: Double] = [:]) {
        self.metres = metres
        self.statement = statement
        self.referenceSource = referenceSource
        self.referenceLengths = referenceLengths
    }

    /// The key of a pair of ids, whichever their order.
    public static func key(_ ids: [String]) -> String { ids.sorted().joined(separator: "\u{0}") }

    /// This accuracy with the lengths of `comparison`'s other source as its reference (`--compare-territories`).
    public func referring(to comparison: BorderComparison) -> SourceAccuracy {
        var copy = self
        copy.referenceSource = comparison.otherSource
        copy.referenceLengths = Dictionary(comparison.pairs.map { (Self.key($0.territories), $0.otherLength) }, uniquingKeysWith: { a, _ in a })
        return copy
    }

    /// The embedded territories' accuracy from their provenance record: `accuracy_m` with `accuracy_source`, and
    /// the independent source's lengths (`crosscheck_natural_earth`: `ids`, `natural_earth_border_km`).
    public static func embeddedTerritories(_ data: EmbeddedData) throws -> SourceAccuracy? {
        let provenance = try data.dataset("territories").provenance
        guard let metres = provenance["accuracy_m"]?.doubleValue else { return nil }
        var lengths: [String: Double] = [:]
        if case .array(let checks)? = provenance["crosscheck_natural_earth"] {
            for c in checks {
                guard case .array(let ids)? = c["ids"], let km = c["natural_earth_border_km"]?.doubleValue else { continue }
                lengths[key(ids.compactMap(\.stringValue))] = km * 1e3
            }
        }
        return SourceAccuracy(metres: metres, statement: provenance["accuracy_source"]?.stringValue ?? "the territories' provenance record",
                              referenceSource: lengths.isEmpty ? nil : provenance["independent_source"]?.stringValue, referenceLengths: lengths)
    }
}
