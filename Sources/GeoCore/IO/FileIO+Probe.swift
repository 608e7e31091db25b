#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    /// True when `path` names an existing file or folder (`stat`).
    public static func exists(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0
    }

    /// True when `path` names an existing folder.
    public static func isFolder(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }

    /// Up to the first `bytes` bytes of a regular file, nil when it cannot be opened or is a folder; for telling
    /// formats apart before choosing a reader.
    static func head(of path: String, bytes: Int) -> [UInt8]? {
        var s = stat()
        guard stat(path, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, bytes) }
        guard n >= 0 else { return nil }
        return Array(buffer.prefix(n))
    }
}
