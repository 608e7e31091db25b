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

private let spawnLock = NSLock()

/// Runs `executable` with `arguments`, feeding `input` on standard input; waits at most `timeout` seconds, times
/// BORDERKIT_TEST_TIMEOUT_SCALE when set (Tools/reliability/sanitizers.sh sets it: a sanitized build is slower).
///
/// Spawns with posix_spawn and reads both pipes with poll(): Foundation's Process.run() crashed here now and
/// then (a bad memmove inside it) when tests started many processes in parallel.
public func run(_ executable: String, _ arguments: [String], input: Data? = nil, currentDirectory: URL? = nil,
                timeout: TimeInterval = 60) throws -> RunResult {
    func fail(_ what: String) -> NSError {
        NSError(domain: "run", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
    if let currentDirectory {   // posix_spawn_file_actions_addchdir_np is not visible from Swift: env -C does it
        return try run("/usr/bin/env", ["-C", currentDirectory.path, executable] + arguments, input: input, timeout: timeout)
    }
    // Pipes are made close-on-exec and the child spawned under one lock, so that no other child spawned at the
    // same time inherits them (which would hold their ends open).
    spawnLock.lock()
    var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { spawnLock.unlock(); throw fail("pipe") }
    for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
    spawnLock.unlock()
    guard spawned == 0 else {
        close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
        errno = spawned
        throw fail("posix_spawn \(executable)")
    }
    // Feed standard input from another thread, so that a child that does not read cannot block us.
    let writer = inPipe[1]
    let payload = input ?? Data()
    let fed = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        signal(SIGPIPE, SIG_IGN)
        payload.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(writer, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        close(writer)
        fed.signal()
    }
    var out = Data(), err = Data()
    var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
    var open = 2
    let scale = ProcessInfo.processInfo.environment["BORDERKIT_TEST_TIMEOUT_SCALE"].flatMap(Double.init) ?? 1
    let deadline = Date().addingTimeInterval(timeout * max(scale, 1))
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while open > 0 {
        if Date() > deadline {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(outPipe[0]); close(errPipe[0])
            throw NSError(domain: "run", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) took more than \(timeout) s"])
        }
        let ready = poll(&fds, nfds_t(fds.count), 100)
        if ready < 0 { if errno == EINTR { continue }; throw fail("poll") }
        for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
            let n = read(fds[k].fd, &buffer, buffer.count)
            if n > 0 {
                if k == 0 { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
            } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
                close(fds[k].fd)
                fds[k].fd = -1
                open -= 1
            }
        }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    fed.wait()
    // WIFEXITED / WEXITSTATUS, and 128 + signal for a child killed by a signal.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return RunResult(status: code, stdout: out, stderr: err)
}
