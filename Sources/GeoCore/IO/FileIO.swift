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
        if path == "-" {
            try writeAll(bytes, fd: STDOUT_FILENO, path: "<stdout>")
            return
        }
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming a file over it
        // would replace it.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFCHR || (info.st_mode & S_IFMT) == S_IFIFO {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError(path: path, reason: "cannot open: \(systemMessage())") }
            defer { close(fd) }
            try writeAll(bytes, fd: fd, path: path)
            return
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw FileError(path: path, reason: "is a folder; give a file name") }
        #if os(Linux)
        if try writeUnnamed(bytes, folder: folder.isEmpty ? "/" : folder, name: name, path: path) { return }
        #endif
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot create a file in \(folder): \(systemMessage())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do throws(FileError) {
            try writeAll(bytes, fd: fd, path: path)
            guard fsync(fd) == 0 else { throw FileError(path: path, reason: "cannot write: \(systemMessage())") }
        } catch {
            close(fd)
            throw error
        }
        fchmod(fd, 0o644)
        guard close(fd) == 0 else { throw FileError(path: path, reason: "cannot write: \(systemMessage())") }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, reason: "cannot rename into place: \(systemMessage())") }
        done = true
    }

    #if os(Linux)
    /// The Linux way, which leaves nothing behind if the process is killed while writing: the bytes go into an
    /// unnamed file in the target's folder (`O_TMPFILE`), flushed, which is then given a temporary name
    /// (`linkat` through /proc/self/fd) and renamed over the target. Returns false, having written nothing,
    /// where the file system or /proc does not allow it, so that the caller falls back to a named temporary file.
    private static func writeUnnamed(_ bytes: [UInt8], folder: String, name: String, path: String) throws(FileError) -> Bool {
        let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY  // __O_TMPFILE | O_DIRECTORY, as <fcntl.h> defines O_TMPFILE
        let fd = open(folder, oTmpFile | O_WRONLY | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL { return false }
            throw FileError(path: path, reason: "cannot create a file in \(folder): \(systemMessage())")
        }
        defer { close(fd) }
        try writeAll(bytes, fd: fd, path: path)
        guard fsync(fd) == 0 else { throw FileError(path: path, reason: "cannot write: \(systemMessage())") }
        for attempt in 0..<100 {
            let temporary = "\(folder)/.\(name).tmp-\(getpid())-\(attempt)"
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 {
                guard rename(temporary, path) == 0 else {
                    let message = systemMessage()
                    unlink(temporary)
                    throw FileError(path: path, reason: "cannot rename into place: \(message)")
                }
                return true
            }
            if errno == EEXIST { continue }
            if errno == ENOENT || errno == EPERM || errno == EXDEV { return false }
            throw FileError(path: path, reason: "cannot name the written file: \(systemMessage())")
        }
        return false
    }
    #endif

    /// Writes `text` to standard error (diagnostics and progress; failures to write are ignored).
    public static func writeToStandardError(_ text: String) {
        try? writeAll(Array(text.utf8), fd: STDERR_FILENO, path: "<stderr>")
    }

    /// Whether standard error is a terminal (progress is shown only then).
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws(FileError) {
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
