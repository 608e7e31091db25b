/// A strict RFC 8259 JSON parser over bytes, written for GeoJSON.
///
/// Why not Foundation: JSONSerialization loses member order and the integer/double distinction, and is slow
/// here (2.1–2.5 s on the 16.6 MB Natural Earth file). This scans bytes once, parses numbers without
/// intermediate strings where the result is provably exact (Clinger's fast path) and otherwise through
/// Swift's locale-independent `Double(_:)`, and limits nesting so hostile input cannot overflow the stack.
struct JSONParser {
    /// Deepest nesting accepted; GeoJSON needs 6 (a MultiPolygon in a Feature in a collection) plus properties.
    static let maxDepth = 512

    struct SyntaxError: Error {
        var offset: Int
        var reason: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    /// Called now and then by `skipValue` with how far it has read, so that the input can let go of the bytes
    /// behind (see `InputBytes.release(upTo:)`).
    var progress: ((Int) -> Void)?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses one JSON text (a leading UTF-8 byte order mark is skipped).
    static func parse(_ data: [UInt8]) throws(SyntaxError) -> JSONValue {
        let result: Result<JSONValue, SyntaxError> = data.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            do throws(SyntaxError) {
                if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { parser.i = 3 }
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if parser.i < buffer.count { throw parser.error("unexpected data after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// 1-based line and column of a byte offset (columns count bytes).
    static func lineAndColumn<Bytes: RandomAccessCollection<UInt8>>(of offset: Int, in data: Bytes) -> (line: Int, column: Int) where Bytes.Index == Int {
        var line = 1, lineStart = 0
        for j in 0..<min(offset, data.count) where data[j] == UInt8(ascii: "\n") {
            line += 1
            lineStart = j + 1
        }
        return (line, offset - lineStart + 1)
    }

    func error(_ reason: String) -> SyntaxError { SyntaxError(offset: i, reason: reason) }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not JSON numbers")
        default:
            throw error("unexpected character \(describe(bytes[i]))")
        }
    }

    func describe(_ b: UInt8) -> String {
        (0x21...0x7E).contains(b) ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let n = literal.utf8CodeUnitCount
        let matches = i + n <= bytes.count && (0..<n).allSatisfy { bytes[i + $0] == literal.utf8Start[$0] }
        guard matches else { throw error("invalid literal (expected \(literal))") }
        i += n
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        var members: [JSONMember] = []
        if try openObject() {
            repeat {
                let key = try memberName()
                members.append(JSONMember(key, try parseValue()))
            } while try nextMember()
        }
        depth -= 1
        return .object(JSONObject(members))
    }

    /// Steps past the "{" at `i`: true when members follow, false when the object is empty (its "}" read too).
    mutating func openObject() throws(SyntaxError) -> Bool {
        i += 1
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return false
        }
        return true
    }

    /// Reads a member's name and its colon, leaving `i` at the value, which the caller reads.
    mutating func memberName() throws(SyntaxError) -> String {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input in an object") }
        guard bytes[i] == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
        let key = try parseString()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
        i += 1
        return key
    }

    /// After a member's value: true when another member follows (its comma read), false at the object's end
    /// (its "}" read).
    mutating func nextMember() throws(SyntaxError) -> Bool {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input in an object") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; return true }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return false }
        throw error("expected ',' or '}' in an object")
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1; depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw error("expected ',' or ']' in an array")
        }
        depth -= 1
        return .array(elements)
    }

    mutating func parseString() throws(SyntaxError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    i = start
                    throw error("string is not valid UTF-8")
                }
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character \(describe(b)) in a string must be escaped") }
            i += 1
        }
        var utf8 = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: utf8, as: UTF8.self) else {
                    i = start
                    throw error("string is not valid UTF-8")
                }
                i += 1
                return s
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): utf8.append(0x22)
                case UInt8(ascii: "\\"): utf8.append(0x5C)
                case UInt8(ascii: "/"): utf8.append(0x2F)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    i -= 1
                    throw error("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
            default:
                if b < 0x20 { throw error("control character \(describe(b)) in a string must be escaped") }
                utf8.append(b)
                i += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private static let powersOfTen: [Double] = (0...22).map(pow10)
    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }  // exact for n <= 22
        return r
    }

    mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
            throw error("invalid number: a digit must follow '-'")
        }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits accumulated in mantissa
        var dropped = false     // digits beyond 19 were not accumulated
        var exponent = 0        // decimal exponent adjustment
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                throw error("invalid number: leading zeros are not allowed")
            }
        } else {
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[i] - UInt8(ascii: "0"))
                    if mantissa != 0 { digits += 1 }
                } else {
                    dropped = true
                    exponent += 1
                }
                i += 1
            }
        }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
                throw error("invalid number: a digit must follow '.'")
            }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[i] - UInt8(ascii: "0"))
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    dropped = true
                }
                i += 1
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            var expNegative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
                throw error("invalid number: a digit must follow the exponent marker")
            }
            var e = 0
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                if e < 100_000 { e = e * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        if isInteger, !dropped {
            if negative, mantissa <= UInt64(Int64.max) + 1 {
                return .integer(mantissa == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mantissa))
            }
            if !negative, mantissa <= UInt64(Int64.max) { return .integer(Int64(mantissa)) }
        }
        if isInteger {
            // Too large for 64 bits: kept as its digits, so it is written back exactly.
            return .bigInteger(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        }
        // Clinger's fast path: both the mantissa and the power of ten are exact doubles, so one IEEE
        // multiplication or division rounds correctly.
        if !dropped, mantissa < (1 << 53), abs(exponent) <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / JSONParser.powersOfTen[-exponent] : value * JSONParser.powersOfTen[exponent]
            return .number(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text) else { throw SyntaxError(offset: start, reason: "invalid number \(text)") }
        guard value.isFinite else { throw SyntaxError(offset: start, reason: "number \(text) is out of range for a double") }
        return .number(value)
    }
}
