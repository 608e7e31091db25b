import Foundation
import TestSupport

/// Runs the built `borderkit` with `arguments` (from a scratch folder unless told otherwise).
func borderkit(_ arguments: [String], input: Data? = nil, in folder: URL? = nil) throws -> RunResult {
    try run(TestPaths.borderkit.path, arguments, input: input, currentDirectory: folder)
}

/// A fixture file's path.
func fixture(_ name: String) -> String {
    TestPaths.packageRoot.appendingPathComponent("Tests/BorderKitCLITests/Fixtures/\(name)").path
}

/// A new empty folder for one test's files.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("borderkit-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names of the files in a folder.
func listing(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
