import GeoCore
import Testing

/// `JSONSpans`: members and elements found by their byte ranges, strings holding brackets and escapes passed
/// over whole, values parsed where asked, and errors that name the line and column.
struct JSONSpansTests {
    let text = #" {"a": [1, "x]}\"y", {"b": [true, null]}, -2.5e3], "c": {"d": "}"}, "e": 7}"# + "\n"

    @Test("members and elements by range; the text of each range is the value as written")
    func ranges() throws {
        let spans = JSONSpans(bytes: Array(text.utf8), source: "t.json")
        let members = try spans.members(of: spans.root)
        #expect(members.map(\.name) == ["a", "c", "e"])
        func string(_ r: Range<Int>) -> String { String(decoding: spans.text(r), as: UTF8.self) }
        #expect(members.map { string($0.range) } == [#"[1, "x]}\"y", {"b": [true, null]}, -2.5e3]"#, #"{"d": "}"}"#, "7"])
        let elements = try spans.elements(of: members[0].range)
        #expect(elements.map(string) == ["1", #""x]}\"y""#, #"{"b": [true, null]}"#, "-2.5e3"])
        #expect(try spans.value(at: elements[1]) == .string("x]}\"y"))
        #expect(try spans.value(at: elements[3]) == .number(-2500))
        #expect(try spans.elements(of: try spans.members(of: elements[2])[0].range).count == 2)
    }

    @Test("a truncated text, a member without a colon, an object where an array is asked for: errors with line and column")
    func errors() throws {
        let broken = JSONSpans(bytes: Array("{\"a\": [1, 2,\n".utf8), source: "b.json")
        #expect(throws: GeoJSONError.self) { try broken.elements(of: try broken.members(of: broken.root)[0].range) }
        do {
            _ = try broken.elements(of: try broken.members(of: broken.root)[0].range)
        } catch {
            #expect(error.description.hasPrefix("b.json:1:13: ") && error.description.contains("unexpected end of input"), "\(error)")
        }
        let colon = JSONSpans(bytes: Array(#"{"a" 1}"#.utf8), source: "c.json")
        #expect(throws: GeoJSONError.self) { try colon.members(of: colon.root) }
        let object = JSONSpans(bytes: Array(#"{"a": 1}"#.utf8), source: "o.json")
        #expect(throws: GeoJSONError.self) { try object.elements(of: object.root) }
    }
}
