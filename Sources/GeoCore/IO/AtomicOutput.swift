#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written all or nothing, in as many pieces as the writer likes: the bytes go into a temporary file in
/// the target's folder, which `commit()` flushes to disk and renames over the target; dropped without a commit
/// (an error, a thrown input error half-way), it is removed and the target is left as it was.
///
/// Why pieces: a command that streams (`convert` of a file of several GB) must not hold its whole output in
/// memory to write it atomically. On Linux the temporary file has no name until the commit (`O_TMPFILE`), so a
/// process killed while writing leaves nothing behind; elsewhere it is `.NAME.tmp-XXXXXX`. `path` "-" writes to
/// standard output, and a device or a pipe (/dev/null, a FIFO) is written as it is: renaming over it would
/// replace it.
public final class AtomicOutput {
    private let path: String
    private let folder: String
    private let name: String
    private var fd: Int32
    /// The named temporary file, when not an unnamed one; nil also for standard output and devices.
    private var temporary: String?
    /// Whether the bytes go to the target itself (standard output, a device, a pipe).
    private let direct: Bool
    /// Whether pieces are written as they come; standard output and pipes get the whole output at the commit
    /// or nothing, as a file does.
    private var streams = true
    private var done = false
    private var buffer: [UInt8] = []

    /// Opens the temporary file beside `path` (or the target itself, for "-", a device or a pipe).
    public init(_ path: String) throws(FileError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folderPart = slash.map { String(path[..<$0]) } ?? "."
        folder = folderPart.isEmpty ? "/" : folderPart
        name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if path == "-" {
            (fd, direct, streams) = (STDOUT_FILENO, true, false)
            return
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFCHR || (info.st_mode & S_IFMT) == S_IFIFO {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError(path: path, reason: "cannot open: \(FileIO.systemMessage())") }
            (self.fd, direct, streams) = (fd, true, (info.st_mode & S_IFMT) == S_IFCHR)
            return
        }
        guard !name.isEmpty else { throw FileError(path: path, reason: "is a folder; give a file name") }
        direct = false
        #if os(Linux)
        let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY  // __O_TMPFILE | O_DIRECTORY, as <fcntl.h> defines O_TMPFILE
        let unnamed = access("/proc/self/fd", F_OK) == 0 ? open(folder, oTmpFile | O_RDWR | O_CLOEXEC, 0o644) : -1
        if unnamed >= 0 {
            fd = unnamed
            return
        }
        if unnamed == -1, errno != 0, !(errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL || errno == ENOENT) {
            throw FileError(path: path, reason: "cannot create a file in \(folder): \(FileIO.systemMessage())")
        }
        #endif
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { throw FileError(path: path, reason: "cannot create a file in \(folder): \(FileIO.systemMessage())") }
        fd = named
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        guard !done else { return }
        if fd != STDOUT_FILENO { close(fd) }
        if let temporary { unlink(temporary) }
    }

    /// Appends `bytes` (kept until 1 MiB has gathered, then written).
    public func write(_ bytes: [UInt8]) throws(FileError) {
        buffer.append(contentsOf: bytes)
        if streams, buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(FileError) {
        guard !buffer.isEmpty else { return }
        try FileIO.writeAll(buffer, fd: fd, path: direct && path == "-" ? "<stdout>" : path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, flushes the file to disk and puts it in place of the target.
    public func commit() throws(FileError) {
        try flush()
        if direct {
            done = true
            if fd != STDOUT_FILENO { close(fd) }
            return
        }
        guard fsync(fd) == 0 else { throw FileError(path: path, reason: "cannot write: \(FileIO.systemMessage())") }
        if let temporary {
            fchmod(fd, 0o644)
            guard close(fd) == 0 else { throw FileError(path: path, reason: "cannot write: \(FileIO.systemMessage())") }
            done = true
            guard rename(temporary, path) == 0 else {
                let message = FileIO.systemMessage()
                unlink(temporary)
                throw FileError(path: path, reason: "cannot rename into place: \(message)")
            }
            return
        }
        #if os(Linux)
        // A new target: the unnamed file is linked straight to its name (atomic, nothing to leave behind).
        // Replacing one: Linux cannot link over a name, so the file gets a temporary name through /proc and is
        // renamed over the target. A process killed between the two leaves that name holding the whole new
        // output; the next write to the same target removes such names of processes no longer running.
        defer {
            close(fd)
            done = true
        }
        let procPath = "/proc/self/fd/\(fd)"
        if linkat(AT_FDCWD, procPath, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
        if errno == EEXIST { AtomicOutput.removeStaleTemporaries(folder: folder, name: name) }
        for attempt in 0..<100 {
            let named = "\(folder)/.\(name).tmp-\(getpid())-\(attempt)"
            if linkat(AT_FDCWD, procPath, AT_FDCWD, named, AT_SYMLINK_FOLLOW) == 0 {
                guard rename(named, path) == 0 else {
                    let message = FileIO.systemMessage()
                    unlink(named)
                    throw FileError(path: path, reason: "cannot rename into place: \(message)")
                }
                return
            }
            if errno == EEXIST { continue }
            if errno == ENOENT || errno == EPERM || errno == EXDEV { break }
            throw FileError(path: path, reason: "cannot name the written file: \(FileIO.systemMessage())")
        }
        // Where the unnamed file cannot be given a name, its bytes are copied into a named temporary file.
        try copyIntoNamedFile()
        #endif
    }

    /// Removes `.NAME.tmp-PID-N` files in `folder` left by a process killed between naming its output and
    /// renaming it (PID no longer running). Listed only when a target is replaced, so writing many new files
    /// into one folder never lists it.
    static func removeStaleTemporaries(folder: String, name: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let prefix = Array(".\(name).tmp-".utf8)
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard entryName.count > prefix.count, entryName.starts(with: prefix) else { continue }
            let parts = entryName[prefix.count...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (48...57).contains($0) } }),
                  let pid = pid_t(String(decoding: parts[0], as: UTF8.self)), pid != getpid() else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                unlink("\(folder)/\(String(decoding: entryName, as: UTF8.self))")
            }
        }
    }

    private func copyIntoNamedFile() throws(FileError) {
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { throw FileError(path: path, reason: "cannot create a file in \(folder): \(FileIO.systemMessage())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            close(named)
            if !ok { unlink(temporary) }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw FileError(path: path, reason: "cannot write: \(FileIO.systemMessage())") }
            if n == 0 { break }
            try FileIO.writeAll(Array(chunk[0..<n]), fd: named, path: path)
            offset += off_t(n)
        }
        fchmod(named, 0o644)
        guard fsync(named) == 0 else { throw FileError(path: path, reason: "cannot write: \(FileIO.systemMessage())") }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, reason: "cannot rename into place: \(FileIO.systemMessage())") }
        ok = true
    }
}
