/// A JSON document whose long arrays are made a piece at a time while it is written.
///
/// Why: a report of a million rows as a `JSONValue` tree costs hundreds of bytes a row before a byte is
/// written. Written through `write(_:)`, each long array's elements are made 4,096 at a time, written and let
/// go; the bytes are those `JSONWriter.data(value)` gives for the same document (`value` makes the tree).
public indirect enum JSONDocument {
    /// A value written as it is.
    case value(JSONValue)
    /// An object, members in order.
    case object([Member])
    /// An array of `count` elements; `elements` makes those of a range.
    case lazyArray(count: Int, elements: (Range<Int>) -> [JSONValue])

    /// One member of an object.
    public struct Member {
        /// Its name.
        public var key: String
        /// Its value.
        public var document: JSONDocument
        /// A member `key`: `document`.
        public init(_ key: String, _ document: JSONDocument) {
            self.key = key
            self.document = document
        }
    }

    /// How many elements of a lazy array are made at once.
    public static let piece = 4096

    /// The document as a tree.
    public var value: JSONValue {
        switch self {
        case .value(let v): v
        case .object(let members): .object(JSONObject(members.map { JSONMember($0.key, $0.document.value) }))
        case .lazyArray(let count, let elements): .array(count == 0 ? [] : elements(0..<count))
        }
    }

    /// Writes the document and a newline, handing the bytes to `emit` about a MiB at a time.
    public func write(_ emit: ([UInt8]) throws -> Void) throws {
        var out: [UInt8] = []
        try write(to: &out, emit)
        out.append(0x0A)
        try emit(out)
    }

    private func write(to out: inout [UInt8], _ emit: ([UInt8]) throws -> Void) throws {
        switch self {
        case .value(let v):
            JSONWriter.write(v, to: &out)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(m.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try m.document.write(to: &out, emit)
            }
            out.append(UInt8(ascii: "}"))
        case .lazyArray(let count, let elements):
            out.append(UInt8(ascii: "["))
            for start in stride(from: 0, to: count, by: JSONDocument.piece) {
                for (i, v) in elements(start..<min(start + JSONDocument.piece, count)).enumerated() {
                    if start + i > 0 { out.append(UInt8(ascii: ",")) }
                    JSONWriter.write(v, to: &out)
                }
                if out.count >= 1 << 20 {
                    try emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
    }
}
