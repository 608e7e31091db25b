import GeoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The South Caucasus data every command analyses when given no input: the GeoData folder.
///
/// Found, in this order: the folder named by the environment variable `BORDERKIT_GEODATA`; `GeoData`
/// beside the executable or in `../share/borderkit/GeoData` from it (an installed copy); the first `GeoData`
/// above the executable (a build inside the checkout, e.g. `.build/release/borderkit`); the checkout the
/// binary was built from (`swift run`).
public struct EmbeddedData: Sendable {
    /// The GeoData folder.
    public let folder: String

    /// The environment variable that names the GeoData folder to use.
    public static let environmentVariable = "BORDERKIT_GEODATA"

    /// Locates GeoData, or throws naming every place looked at.
    public static func locate() throws -> EmbeddedData {
        var candidates: [String] = []
        if let env = getenv(environmentVariable).map({ String(cString: $0) }), !env.isEmpty {
            guard isFolder(env) else {
                throw DataError("\(environmentVariable)=\(env) is not a folder; point it at BorderKit's GeoData folder")
            }
            return EmbeddedData(folder: env)
        }
        if let exe = executableFolder() {
            candidates += [exe + "/GeoData", exe + "/../share/borderkit/GeoData"]
            var dir = exe
            while let slash = dir.lastIndex(of: "/"), !dir.isEmpty {
                dir = String(dir[..<slash])
                candidates.append((dir.isEmpty ? "" : dir) + "/GeoData")
            }
        }
        candidates.append(sourceCheckout + "/GeoData")
        for c in candidates where isFile(c + "/territories.geojson") {
            return EmbeddedData(folder: c)
        }
        throw DataError("the embedded GeoData was not found; set \(environmentVariable) to BorderKit's GeoData folder "
            + "(looked in: \(candidates.joined(separator: ", ")))")
    }

    /// The embedded data in `folder`.
    public init(folder: String) { self.folder = folder }

    /// Path of a layer's GeoJSON file, e.g. "territories" → ".../GeoData/territories.geojson".
    public func path(of layer: String) -> String { "\(folder)/\(layer).geojson" }

    /// How reports name a layer: "GeoData/territories.geojson", the same wherever GeoData lies, so that
    /// outputs on the embedded data are the same bytes on every machine.
    public func label(of layer: String) -> String { "GeoData/\(layer).geojson" }

    /// Reads a layer; a missing or damaged file is an error naming it.
    public func read(_ layer: String) throws -> GeoJSON {
        let p = path(of: layer)
        guard isFile(p) else { throw DataError("GeoData layer \"\(layer)\" is missing: \(p) does not exist") }
        return try GeoJSONReader.read(path: p)
    }

    /// Every dataset in the folder: the GeoJSON files that have a provenance record beside them.
    public func datasets() throws -> [Dataset] {
        guard let dir = opendir(folder) else { throw DataError("cannot open GeoData folder \(folder)") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".provenance.json") { names.append(String(name.dropLast(".provenance.json".count))) }
        }
        return try names.sorted().map { try dataset($0) }
    }

    /// The short credit line of a layer's provenance (source, licence, accuracy), for maps; nil when it has none.
    public func credit(of name: String) throws -> String? {
        let p = "\(folder)/\(name).provenance.json"
        guard isFile(p) else { return nil }
        guard case .object(let provenance) = try JSONValue.read(try FileIO.readAll(p), source: p) else {
            throw DataError("\(p): a provenance record must be a JSON object")
        }
        return provenance["credit"]?.stringValue
    }

    /// One dataset's provenance and feature count.
    public func dataset(_ name: String) throws -> Dataset {
        let p = "\(folder)/\(name).provenance.json"
        guard isFile(p) else {
            let known = (try? datasets().map(\.name).joined(separator: ", ")) ?? ""
            throw DataError("no dataset \"\(name)\" in \(folder) (known: \(known))")
        }
        guard case .object(let provenance) = try JSONValue.read(try FileIO.readAll(p), source: p) else {
            throw DataError("\(p): a provenance record must be a JSON object")
        }
        let features = try read(name).features.count
        return Dataset(name: name, file: path(of: name), features: features, provenance: provenance)
    }
}

/// One layer of GeoData with its provenance record (source, licence, date, accuracy, method, repairs).
public struct Dataset: Sendable {
    /// The layer's name ("territories", "routes", …).
    public var name: String
    /// The file name in the GeoData folder.
    public var file: String
    /// How many features the file holds.
    public var features: Int
    /// The layer's provenance record (source, licence, date, accuracy, method).
    public var provenance: JSONObject
}

/// A problem with the embedded data.
public struct DataError: Error, Sendable, CustomStringConvertible {
    /// Where GeoData was looked for and why it was not found.
    public var description: String
    /// An error saying where GeoData was looked for.
    public init(_ description: String) { self.description = description }
}

private func isFile(_ path: String) -> Bool {
    var s = stat()
    return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFREG
}

private func isFolder(_ path: String) -> Bool {
    var s = stat()
    return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
}

/// The folder of the running executable (Linux: /proc/self/exe).
private func executableFolder() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return path.lastIndex(of: "/").map { String(path[..<$0]) }
}

/// The package root this file was compiled in.
private let sourceCheckout: String = {
    var path = #filePath
    for _ in 0..<4 { if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) } }
    return path
}()
