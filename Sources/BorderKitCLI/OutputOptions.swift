import ArgumentParser
import BorderKit
import GeoCore

extension ReportFormat: ExpressibleByArgument {}

/// The formats of a check's report (`validate`, `diff`): each command lists, and completes, only what it writes.
enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown = "md"
    case json
}

/// The formats of a table with no geometry (`compare`).
enum TableFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown = "md"
    case csv
    case json
}

/// Where a report goes: a file written all or nothing, or standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically: a temporary file, then rename) instead of standard output.", valueName: "path"), completion: .file())
    var output: String?

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws {
        try FileIO.writeAtomically(bytes, to: output ?? "-")
    }

    /// CSV, one table per file: the main table to --output (or standard output), the others beside it as
    /// NAME.<table>.csv. Without --output only the main table can go out, and a note says where the rest would.
    func write(_ tables: CSVTables) throws {
        guard let output, output != "-" else {
            try write(tables.main)
            let others = tables.tables.dropFirst().filter { !$0.table.rows.isEmpty }.map(\.name)
            if !others.isEmpty {
                FileIO.writeToStandardError("borderkit: note: CSV holds one table per file; give --output NAME.csv for the \(others.joined(separator: ", ")) table\(others.count > 1 ? "s" : "") (NAME.\(others[0]).csv)\n")
            }
            return
        }
        for f in tables.files(at: output) { try FileIO.writeAtomically(Array(f.csv.utf8), to: f.path) }
    }

    /// CSV as `write(_: CSVTables)`, each table written a piece at a time as it is made.
    func write(_ tables: CSVPieces) throws {
        guard let output, output != "-" else {
            let out = try AtomicOutput("-")
            try tables.tables.first?.pieces.writeCSV { try out.write($0) }
            try out.commit()
            let others = tables.tables.dropFirst().filter { $0.pieces.count > 0 }.map(\.name)
            if !others.isEmpty {
                FileIO.writeToStandardError("borderkit: note: CSV holds one table per file; give --output NAME.csv for the \(others.joined(separator: ", ")) table\(others.count > 1 ? "s" : "") (NAME.\(others[0]).csv)\n")
            }
            return
        }
        for (k, t) in tables.tables.enumerated() {
            let out = try AtomicOutput(CSVTables.path(of: t.name, main: k == 0, at: output))
            try t.pieces.writeCSV { try out.write($0) }
            try out.commit()
        }
    }
}
