import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file could not be read or written; `reason` is the system's message.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public var path: String
    /// The system's message.
    public var reason: String
    /// An error about `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    /// "<path>: <reason>".
    public var description: String { "\(path): \(reason)" }
}

/// Whole-file input and all-or-nothing output.
public enum FileIO {
    /// True until standard input has been read.
    private static let standardInputUnread = Atomic<Bool>(true)

    /// All bytes of the file at `path`, or of standard input when `path` is "-".
    public static func readAll(_ path: String) throws(FileError) -> [UInt8] {
        // Standard input can be read once: a command given '-' twice (`validate - x -`) would find it empty the
        // second time and report on nothing.
        if path == "-" {
            guard standardInputUnread.exchange(false, ordering: .relaxed) else {
                throw FileError(path: "<stdin>", reason: "standard input ('-') is read once; give '-' for one input only")
            }
        }
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot open: \(systemMessage())") }
        defer { if path != "-" { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, reason: "is a directory, not a file")
        }
        var bytes: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: "cannot read: \(systemMessage())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Writes `bytes` to `path` all or nothing: into a temporary file in the same folder, flushed to disk,
    /// then renamed over the target. On any failure the temporary file is removed and the target is left as
    /// it was. `path` "-" writes to standard output.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        let output = try AtomicOutput(path)
        try output.write(bytes)
        try output.commit()
    }

    /// Writes `text` to standard error (diagnostics and progress; failures to write are ignored).
    public static func writeToStandardError(_ text: String) {
        try? writeAll(Array(text.utf8), fd: STDERR_FILENO, path: "<stderr>")
    }

    /// Whether standard error is a terminal (progress is shown only then).
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: "cannot write: \(systemMessage())")
            }
            offset += n
        }
    }

    static func systemMessage() -> String { String(cString: strerror(errno)) }
}
