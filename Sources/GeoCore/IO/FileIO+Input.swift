#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input's bytes for one pass of reading, and a way to let go of what has been read.
///
/// Why: a file of several GB must read without a copy of it in memory. A regular file is mapped (`mmap`,
/// read-only, private) and each part the reader has passed is let go (`madvise(MADV_DONTNEED)`): the pages
/// leave resident memory and come back from the file if touched again (an error's line and column are
/// counted that way). Standard input, pipes and devices are read whole.
public final class InputBytes {
    /// The bytes; valid while this object lives.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Let go in steps of this many bytes at least, so the system call is rare.
    private static let step = 8 << 20

    private init(buffer: UnsafeBufferPointer<UInt8>, mapped: Bool) {
        self.buffer = buffer
        self.mapped = mapped
    }

    deinit {
        if mapped {
            if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
        } else {
            buffer.deallocate()
        }
    }

    /// Lets go of the bytes before `offset` (whole pages, in steps of 8 MiB) when the input is a mapped file.
    /// An offset before the last one starts a new pass over the bytes (a look ahead, then the reading).
    public func release(upTo offset: Int) {
        if offset < released { released = 0 }
        guard mapped, offset - released >= InputBytes.step, let base = buffer.baseAddress else { return }
        let end = offset / InputBytes.pageSize * InputBytes.pageSize
        guard end > released else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// The bytes of the file at `path`, or of standard input when `path` is "-" (read once).
    static func open(_ path: String) throws(FileError) -> InputBytes {
        if path != "-" {
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError(path: path, reason: "cannot open: \(FileIO.systemMessage())") }
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a directory, not a file") }
                if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
                    let size = Int(info.st_size)
                    if let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED {
                        _ = madvise(base, size, MADV_SEQUENTIAL)
                        return InputBytes(buffer: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), mapped: true)
                    }
                }
            }
        }
        let bytes = try FileIO.readAll(path)
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        return InputBytes(buffer: UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count), mapped: false)
    }
}

extension FileIO {
    /// Calls `body` with the bytes of the file at `path` (standard input for "-"), mapped rather than copied
    /// where the input is a regular file; see `InputBytes`.
    public static func withInput<R>(_ path: String, _ body: (InputBytes) throws -> R) throws -> R {
        let input = try InputBytes.open(path)
        return try withExtendedLifetime(input) { try body(input) }
    }
}
