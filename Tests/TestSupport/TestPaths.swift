import Foundation

/// Where the tests find the package, ../shared and the built `borderkit` binary.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// ../shared beside the checkout (CI always has it; a user's fresh clone may not).
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether ../shared is there; tests that need it are skipped with this reason when it is not.
    public static let sharedAvailable = FileManager.default.fileExists(atPath: shared.appendingPathComponent("conformance").path)
    public static let sharedMissingReason = "../shared is absent (a fresh clone without it): conformance and data tests skipped"

    /// A file under ../shared.
    public static func shared(_ relative: String) -> URL { shared.appendingPathComponent(relative) }

    /// The text of a file under ../shared.
    public static func sharedText(_ relative: String) throws -> String {
        try String(contentsOf: shared(relative), encoding: .utf8)
    }

    /// The folder of the running test binary, where SwiftPM also puts `borderkit`.
    public static let productsFolder: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        // On Linux the test binary is <products>/BorderKitPackageTests.xctest.
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder
    }()

    /// The built `borderkit` executable.
    public static var borderkit: URL { productsFolder.appendingPathComponent("borderkit") }

    /// Full path of a program on PATH, or nil.
    public static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The result of running a program.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs `executable` with `arguments`, feeding `input` on standard input; waits at most `timeout` seconds.
public func run(_ executable: String, _ arguments: [String], input: Data? = nil, currentDirectory: URL? = nil,
                timeout: TimeInterval = 60) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    // Read both pipes concurrently so a large output cannot block the child.
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    if let input { inp.fileHandleForWriting.write(input) }
    try? inp.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            throw NSError(domain: "run", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) took more than \(timeout) s"])
        }
        usleep(5_000)
    }
    group.wait()
    return RunResult(status: process.terminationStatus, stdout: outData, stderr: errData)
}
