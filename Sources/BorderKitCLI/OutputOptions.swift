import ArgumentParser
import BorderKit
import GeoCore

extension ReportFormat: ExpressibleByArgument {}

/// Where a report goes: a file written all or nothing, or standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically: a temporary file, then rename) instead of standard output.", valueName: "path"))
    var output: String?

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws {
        try FileIO.writeAtomically(bytes, to: output ?? "-")
    }
}
