import ArgumentParser
import BorderKit

/// `--accuracy METRES`, shared by `borders`, `areas`, `route` and `compare`: the territories' positional accuracy,
/// from which each figure gets an interval (issue 22).
struct AccuracyOption: ParsableArguments {
    @Option(help: ArgumentHelp("The territories' positional accuracy in metres: each figure gets an interval and is printed to the digits it supports (the embedded territories state theirs).", valueName: "metres"))
    var accuracy: Double?

    func validate() throws {
        if let accuracy, !(accuracy >= 0 && accuracy.isFinite) { throw ValidationError("--accuracy must be 0 or more metres") }
    }

    /// The accuracy given, else the embedded territories' (provenance `accuracy_m`) when `inputs` uses them, else nil.
    func metres(for inputs: InputSet) throws -> Double? {
        if let accuracy { return accuracy }
        guard inputs.usesEmbeddedTerritories else { return nil }
        return try SourceAccuracy.embeddedTerritories(try EmbeddedData.locate())?.metres
    }
}
