import ArgumentParser
import BorderKit
import GeoCore

@main
struct BorderKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "borderkit",
        abstract: "Border and route analysis on GEOS and PROJ: geodesic measures, validity, borders, areas and routes.",
        discussion: """
            Lengths and areas are geodesic on WGS84. Input is RFC 7946 GeoJSON from a file or '-' (standard input);
            with no input, commands analyse the embedded South Caucasus data (see `borderkit data`).
            Exit codes: 0 success; 1 a check found a problem (invalid geometry, a coverage with overlaps or gaps, a
            diff beyond tolerance); 2 bad input, bad usage (an unknown option or a bad value) or a failure.
            """,
        version: "0.1.0 (GEOS \(geosVersion), PROJ \(projVersion))",
        subcommands: [MeasureCommand.self, ValidateCommand.self, BordersCommand.self, AreasCommand.self, RouteCommand.self, CompareCommand.self, MapCommand.self, ReportCommand.self, DiffCommand.self, ConvertCommand.self, PartitionCommand.self, MergeCommand.self, DataCommand.self]
    )

    /// Runs the command line, with buffers from 32 KiB up mapped on their own (see `Memory`).
    ///
    /// Exit codes are BorderKit's, not ArgumentParser's: a usage error (an unknown option, a bad value, a
    /// failed validation) is bad input like any other and exits 2 with its message and the usage, where
    /// ArgumentParser would exit 64.
    static func main() {
        Memory.mapLargeAllocations(from: 32 * 1024)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileIO.writeToStandardError(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// A subcommand whose failures become one clear line on stderr and exit code 2 (never a stack trace).
protocol BorderKitSubcommand: ParsableCommand {
    func execute() throws
}

extension BorderKitSubcommand {
    func run() throws {
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CleanExit {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as InputError {
            printError(cliMessage(error))
            throw ExitCode(2)
        } catch {
            printError(String(describing: error))
            throw ExitCode(2)
        }
    }
}

/// An input error in the command line's words: the library's remedy named by the flag that gives it.
func cliMessage(_ error: InputError) -> String {
    switch error.remedy {
    case .idProperty?: error.message + "; name the property that holds each territory's id with --id-property"
    case .bbox?: error.message + "; give the area to show with --bbox W,S,E,N"
    case nil: error.message
    }
}

/// Writes one line to standard error, prefixed with the program's name.
func printError(_ message: String) {
    FileIO.writeToStandardError("borderkit: error: \(message)\n")
}
