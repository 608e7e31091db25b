import BorderKit
import GeoCore
import Testing

/// Report tables: the same rows in Markdown, CSV and JSON.
@Suite struct TableTests {
    let table = Table(columns: ["name", "km", "n", "ok"], rows: [
        [.text("a, \"b\""), .number(1.23456, decimals: 3), .integer(3), .bool(true)],
        [.text("x|y"), .empty, .integer(-1), .bool(false)],
    ])

    @Test("CSV quotes commas and quotes (RFC 4180), CRLF line ends, fixed decimals")
    func csv() {
        #expect(table.csv == "name,km,n,ok\r\n\"a, \"\"b\"\"\",1.235,3,true\r\nx|y,,-1,false\r\n")
    }

    @Test("Markdown escapes pipes and right-aligns numeric columns")
    func markdown() {
        #expect(table.markdown == """
            | name | km | n | ok |
            |---|---:|---:|---|
            | a, "b" | 1.235 | 3 | true |
            | x\\|y |  | -1 | false |

            """)
    }

    @Test("JSON keeps full precision and nulls")
    func json() {
        #expect(String(decoding: JSONWriter.data(table.jsonRows), as: UTF8.self)
            == #"[{"name":"a, \"b\"","km":1.23456,"n":3,"ok":true},{"name":"x|y","km":null,"n":-1,"ok":false}]"#)
    }
}
