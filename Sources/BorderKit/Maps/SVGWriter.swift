import GeoCore

/// Builds an SVG document as text: elements with attributes in the order given, text escaped for XML,
/// numbers as integers or with one decimal, so that the same map is the same bytes.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    /// Opens an element; `attributes` are written in order, nil values left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        line("<\(name)\(SVGWriter.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element with no children.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        line("<\(name)\(SVGWriter.attributes(attributes))/>")
    }

    /// An element holding text.
    mutating func text(_ name: String, _ content: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        line("<\(name)\(SVGWriter.attributes(attributes))>\(SVGWriter.escape(content))</\(name)>")
    }

    mutating func raw(_ s: String) { line(s) }

    private mutating func line(_ s: String) {
        text += String(repeating: " ", count: depth) + s + "\n"
    }

    private static func attributes(_ list: KeyValuePairs<String, String?>) -> String {
        var out = ""
        for (k, v) in list { if let v { out += " \(k)=\"\(escape(v))\"" } }
        return out
    }

    /// Text escaped for XML content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even escaped.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// A pixel number: an integer when whole, else one decimal ("12", "12.5", "-3").
func px(_ v: Double) -> String { JSONNumberFormat.fixed(v, decimals: 1) }
