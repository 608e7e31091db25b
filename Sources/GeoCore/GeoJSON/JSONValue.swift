/// A JSON value that keeps what GeoJSON properties need kept: member order, and integers apart from doubles.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// A number written without fraction or exponent that does not fit in 64 bits, kept as its digits (an
    /// identifier such as 12345678901234567890 must not come back as 1.2345678901234567e+19).
    case bigInteger(String)
    /// A number written with a fraction or an exponent: a real, written back with a fraction ("5.0" stays 5.0).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as a double, for integers and numbers.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .bigInteger(let digits): Double(digits)
        case .number(let d): d
        default: nil
        }
    }

    /// The member `key` of an object value; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The string, for strings.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// JSON's name for the value's type, for error messages ("a string", "null").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .bigInteger, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The member's name.
    public var key: String
    /// Its value.
    public var value: JSONValue
    /// A member `key`: `value`.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object with its members in the order they were read or added.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// The members, in their order.
    public var members: [JSONMember]

    /// An object with `members` in this order.
    public init(_ members: [JSONMember] = []) { self.members = members }

    /// An object from a literal, in its order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { JSONMember($0.0, $0.1) }
    }

    /// The value of the last member named `key` (as most JSON readers do with duplicate keys), or nil.
    /// Setting replaces that member in place, or appends a new one.
    public subscript(key: String) -> JSONValue? {
        get { members.last { $0.key == key }?.value }
        set {
            if let i = members.lastIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }
    /// True when there are no members.
    public var isEmpty: Bool { members.isEmpty }
}

extension JSONValue {
    /// Parses JSON text (RFC 8259, strict); errors name `source` with line and column.
    public static func read(_ bytes: [UInt8], source: String) throws(GeoJSONError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            let (line, column) = JSONParser.lineAndColumn(of: error.offset, in: bytes)
            throw GeoJSONError(source: source, pointer: "", reason: "invalid JSON: \(error.reason)", line: line, column: column)
        }
    }
}
