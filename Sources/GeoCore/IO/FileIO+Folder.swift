#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    /// Writes a folder of files all or nothing: into a new temporary folder beside `path` (mkdtemp), every file
    /// flushed, then renamed into place. An existing folder at `path` is replaced only if `replaceable` says it
    /// may be (e.g. it is an earlier report); it is moved aside, the new folder renamed in, and the old one
    /// removed. On any failure the temporary folder is removed and `path` is left as it was.
    ///
    /// - Parameters:
    ///   - files: names (plain file names, no "/") and contents, written in this order.
    ///   - path: the folder to write.
    ///   - replaceable: whether an existing folder at `path` may be replaced (it is asked with the folder's path).
    public static func writeFolderAtomically(_ files: [FolderFile], to path: String,
                                             replaceable: (String) -> Bool) throws(FileError) {
        var target = path
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        let slash = target.lastIndex(of: "/")
        let parent = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard !name.isEmpty, name != ".", name != ".." else { throw FileError(path: path, reason: "give a folder name") }
        let exists = try checkFolderTarget(path, replaceable: replaceable)
        var template = Array("\(parent.isEmpty ? "/" : parent)/.\(name).tmp-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw FileError(path: path, reason: "cannot create a folder in \(parent): \(systemMessage())")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer { if !done { removeFlatFolder(temporary) } }
        for file in files {
            guard !file.name.isEmpty, !file.name.contains("/") else { throw FileError(path: path, reason: "bad file name \"\(file.name)\"") }
            try writeAtomically(file.bytes, to: "\(temporary)/\(file.name)")
        }
        chmod(temporary, 0o755)
        if exists {
            let aside = "\(temporary).old"
            guard rename(target, aside) == 0 else { throw FileError(path: path, reason: "cannot move the old folder aside: \(systemMessage())") }
            guard rename(temporary, target) == 0 else {
                let message = systemMessage()
                rename(aside, target)
                throw FileError(path: path, reason: "cannot rename into place: \(message)")
            }
            removeFlatFolder(aside)
        } else {
            guard rename(temporary, target) == 0 else { throw FileError(path: path, reason: "cannot rename into place: \(systemMessage())") }
        }
        done = true
    }

    /// Checks, before any work, that `writeFolderAtomically` may write `path`: it does not exist, or it is a
    /// folder `replaceable` accepts. Returns whether it exists.
    @discardableResult
    public static func checkFolderTarget(_ path: String, replaceable: (String) -> Bool) throws(FileError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError(path: path, reason: "exists and is not a folder") }
        guard replaceable(path) else {
            throw FileError(path: path, reason: "exists and is not a folder this command wrote; choose another folder or remove it")
        }
        return true
    }

    /// The plain file names in a folder, sorted; empty if it cannot be read.
    public static func fileNames(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes a folder that holds only files (what `writeFolderAtomically` makes).
    private static func removeFlatFolder(_ folder: String) {
        for name in fileNames(in: folder) { unlink("\(folder)/\(name)") }
        rmdir(folder)
    }

}

/// One file of a folder written all or nothing (`FileIO.writeFolderAtomically`): a plain name and its bytes.
public struct FolderFile: Sendable, Hashable {
    /// A plain file name (no "/").
    public var name: String
    /// Its contents.
    public var bytes: [UInt8]
    /// A file `name` with `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
