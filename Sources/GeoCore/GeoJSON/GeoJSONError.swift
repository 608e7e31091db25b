/// Bad GeoJSON input: which file, where in it (a JSON pointer, and line and column for syntax errors), and why.
public struct GeoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given, or "<stdin>".
    public var source: String
    /// RFC 6901 JSON pointer to the offending value, e.g. "/features/12/geometry/coordinates/0/3"; "" is the root.
    public var pointer: String
    /// What is wrong, e.g. "latitude 91.5 is outside [-90, 90]".
    public var reason: String
    /// 1-based line and column, for JSON syntax errors.
    public var line: Int?
    /// 1-based column, for JSON syntax errors.
    public var column: Int?
    /// What kind of problem it is, for programs that handle some kinds themselves.
    public var kind: Kind

    /// The kinds of bad GeoJSON.
    public enum Kind: Sendable, Hashable {
        /// Not JSON at all (with a line and column).
        case syntax
        /// JSON, but not the GeoJSON object structure (a missing member, a wrong type, nesting).
        case structure
        /// A position that is not one: too few numbers, or outside [-180, 180] × [-90, 90].
        case position
        /// A legacy `crs` member that cannot be honoured.
        case crs
        /// The file could not be read at all.
        case file
    }

    /// An error in `source` at `pointer`, of `kind`.
    public init(source: String, pointer: String, reason: String, line: Int? = nil, column: Int? = nil, kind: Kind = .structure) {
        self.source = source
        self.pointer = pointer
        self.reason = reason
        self.line = line
        self.column = column
        self.kind = line != nil && kind == .structure ? .syntax : kind
    }

    /// "<file>[:line:column]: <pointer>: <reason>".
    public var description: String {
        var where_ = source
        if let line, let column { where_ += ":\(line):\(column)" }
        let at = pointer.isEmpty ? "(root)" : pointer
        return "\(where_): \(line == nil ? at + ": " : "")\(reason)"
    }
}

/// Builds RFC 6901 pointers: "~" becomes "~0" and "/" becomes "~1" in keys.
enum JSONPointer {
    static func appending(_ base: String, _ key: String) -> String {
        var escaped = ""
        for c in key {
            switch c {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(c)
            }
        }
        return base + "/" + escaped
    }

    static func appending(_ base: String, _ index: Int) -> String {
        base + "/" + String(index)
    }
}
