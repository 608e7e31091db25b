import ArgumentParser
import BorderKit

/// `--accuracy METRES|none`, shared by `borders`, `areas`, `route` and `compare`: the territories' positional
/// accuracy, from which each figure gets an interval (issue 22); `none` states no accuracy, so the embedded
/// territories' figures print as measured, without intervals (and without their cost).
struct AccuracyOption: ParsableArguments {
    /// An accuracy as written on the command line.
    enum Value: ExpressibleByArgument, Equatable {
        /// Metres.
        case metres(Double)
        /// No accuracy stated: no intervals.
        case none

        init?(argument: String) {
            if argument == "none" {
                self = .none
            } else if let m = Double(argument) {
                self = .metres(m)
            } else {
                return nil
            }
        }
    }

    @Option(help: ArgumentHelp("The territories' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs); none: no intervals.", valueName: "metres|none"))
    var accuracy: Value?

    func validate() throws {
        if case .metres(let m)? = accuracy, !(m >= 0 && m.isFinite) { throw ValidationError("--accuracy must be 0 or more metres, or none") }
    }

    /// The metres given with --accuracy, if any.
    var stated: Double? {
        if case .metres(let m)? = accuracy { return m }
        return nil
    }

    /// True when --accuracy none turned intervals off.
    var isNone: Bool { accuracy == Value.none }

    /// The accuracy given, else the embedded territories' (provenance `accuracy_m`) when `inputs` uses them and
    /// --accuracy is not none, else nil.
    func metres(for inputs: InputSet) throws -> Double? {
        if let stated { return stated }
        guard inputs.usesEmbeddedTerritories, !isNone else { return nil }
        return try SourceAccuracy.embeddedTerritories(try EmbeddedData.locate())?.metres
    }
}
