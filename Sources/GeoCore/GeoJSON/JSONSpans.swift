/// A JSON text read only as far as a caller needs: the byte ranges of an object's members and an array's
/// elements, values parsed only where asked.
///
/// Why: merging the tiles' reports of a million cells (`borderkit merge`) moves three million records that it
/// only orders; parsing each into a tree and writing it back took most of the merge's time. With the ranges,
/// the merge reads a record's ids and figures and copies its bytes, which are the bytes the whole run writes
/// (the same writer wrote them). Names and the values asked for are parsed strictly; values passed over are
/// checked only for their brackets and strings.
public struct JSONSpans: Sendable {
    /// The text.
    public let bytes: [UInt8]
    /// The text's label in errors (a path).
    public let source: String

    /// The text of `source`.
    public init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The whole text's range (a leading byte order mark and surrounding white space left out).
    public var root: Range<Int> {
        var a = 0, b = bytes.count
        if b >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { a = 3 }
        while a < b, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[a]) { a += 1 }
        while b > a, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[b - 1]) { b -= 1 }
        return a..<b
    }

    /// The members of the object at `range`, each with the range of its value; throws when it is not an object.
    public func members(of range: Range<Int>) throws(GeoJSONError) -> [JSONSpanMember] {
        try scan(range) { (p: inout JSONParser) throws(JSONParser.SyntaxError) -> [JSONSpanMember] in
            guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "{") else { throw p.error("expected an object") }
            var out: [JSONSpanMember] = []
            if try p.openObject() {
                repeat {
                    let name = try p.memberName()
                    p.skipWhitespace()
                    let start = p.i
                    try p.skipOne()
                    out.append(JSONSpanMember(name: name, range: start..<p.i))
                } while try p.nextMember()
            }
            return out
        }
    }

    /// The ranges of the elements of the array at `range`; throws when it is not an array.
    public func elements(of range: Range<Int>) throws(GeoJSONError) -> [Range<Int>] {
        try scan(range) { (p: inout JSONParser) throws(JSONParser.SyntaxError) -> [Range<Int>] in
            guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "[") else { throw p.error("expected an array") }
            p.i += 1
            var out: [Range<Int>] = []
            p.skipWhitespace()
            if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; return out }
            while true {
                p.skipWhitespace()
                let start = p.i
                try p.skipOne()
                out.append(start..<p.i)
                p.skipWhitespace()
                guard p.i < p.bytes.count else { throw p.error("unexpected end of input in an array") }
                if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
                if p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; break }
                throw p.error("expected ',' or ']' in an array")
            }
            return out
        }
    }

    /// The value at `range`, parsed strictly.
    public func value(at range: Range<Int>) throws(GeoJSONError) -> JSONValue {
        try scan(range) { (p: inout JSONParser) throws(JSONParser.SyntaxError) -> JSONValue in try p.parseValue() }
    }

    /// The bytes of `range`.
    public func text(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    /// Runs `body` on a parser over `range` (offsets as in the whole text); errors name the line and column.
    private func scan<T>(_ range: Range<Int>, _ body: (inout JSONParser) throws(JSONParser.SyntaxError) -> T) throws(GeoJSONError) -> T {
        let result: Result<T, JSONParser.SyntaxError> = bytes.withUnsafeBufferPointer { all in
            var p = JSONParser(UnsafeBufferPointer(rebasing: all[..<range.upperBound]))
            p.i = range.lowerBound
            do throws(JSONParser.SyntaxError) {
                p.skipWhitespace()
                return .success(try body(&p))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let v): return v
        case .failure(let e):
            let (line, column) = JSONParser.lineAndColumn(of: e.offset, in: bytes)
            throw GeoJSONError(source: source, pointer: "", reason: "invalid JSON: \(e.reason)", line: line, column: column)
        }
    }
}

/// An object's member as `JSONSpans` finds it: its name and the byte range of its value.
public struct JSONSpanMember: Sendable, Hashable {
    /// The member's name.
    public var name: String
    /// Where its value lies in the text.
    public var range: Range<Int>
}

extension JSONParser {
    /// Moves past one value: objects, arrays and strings by their brackets and quotes (`skipValue`), numbers and
    /// literals parsed.
    mutating func skipOne() throws(SyntaxError) {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""):
            guard skipValue() else { throw error("unexpected end of input in a value") }
        default:
            _ = try parseValue()
        }
    }
}
