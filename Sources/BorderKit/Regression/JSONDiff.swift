import GeoCore

/// Differences between two JSON documents (e.g. report outputs pinned as golden files): numbers within a
/// relative tolerance, everything else exactly. Each difference names its JSON pointer.
public enum JSONDiff {
    /// The differences between two JSON values, each as "<pointer>: <expected> → <actual>"; numbers within `relative` or `absolute`.
    public static func run(_ expected: JSONValue, _ actual: JSONValue, relative: Double = 0, absolute: Double = 0) -> [String] {
        var out: [String] = []
        walk(expected, actual, "", relative, absolute, &out)
        return out
    }

    private static func walk(_ e: JSONValue, _ a: JSONValue, _ path: String, _ rel: Double, _ abs_: Double, _ out: inout [String]) {
        switch (e, a) {
        case (.object(let x), .object(let y)):
            if x.keys != y.keys { out.append("\(path.isEmpty ? "/" : path): members \(x.keys) → \(y.keys)") }
            for m in x.members { if let v = y[m.key] { walk(m.value, v, "\(path)/\(m.key)", rel, abs_, &out) } }
        case (.array(let x), .array(let y)):
            if x.count != y.count { out.append("\(path.isEmpty ? "/" : path): \(x.count) elements → \(y.count)") }
            for (i, (u, v)) in zip(x, y).enumerated() { walk(u, v, "\(path)/\(i)", rel, abs_, &out) }
        default:
            if let x = e.doubleValue, let y = a.doubleValue {
                let d = abs(x - y)
                if d > abs_ && d > rel * max(abs(x), abs(y)) { out.append("\(path): \(JSONNumberFormat.shortest(x)) → \(JSONNumberFormat.shortest(y))") }
            } else if e != a {
                out.append("\(path): \(String(decoding: JSONWriter.data(e), as: UTF8.self)) → \(String(decoding: JSONWriter.data(a), as: UTF8.self))")
            }
        }
    }
}
