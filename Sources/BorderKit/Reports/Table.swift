import GeoCore

/// A cell of a report table: the value and how to show it.
public enum Cell: Hashable, Sendable {
    case text(String)
    case integer(Int)
    /// A number shown with a fixed count of decimals in Markdown and CSV, at full precision in JSON.
    case number(Double, decimals: Int)
    case bool(Bool)
    case empty

    var plain: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .number(let d, let decimals): d.isFinite ? JSONNumberFormat.fixedPadded(d, decimals: decimals) : ""
        case .bool(let b): b ? "true" : "false"
        case .empty: ""
        }
    }

    var json: JSONValue {
        switch self {
        case .text(let s): .string(s)
        case .integer(let i): .integer(Int64(i))
        case .number(let d, _): d.isFinite ? .number(d) : .null
        case .bool(let b): .bool(b)
        case .empty: .null
        }
    }

    var isNumeric: Bool {
        switch self {
        case .integer, .number: true
        default: false
        }
    }
}

/// Rows of named columns, rendered as Markdown, CSV or JSON with the same rows in each.
public struct Table: Hashable, Sendable {
    /// The column names, in order.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[Cell]]

    /// A table with `columns` and `rows`.
    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// A GitHub-flavoured Markdown table; numeric columns right-aligned.
    public var markdown: String {
        var bytes: [UInt8] = []
        try? TablePieces(self).writeMarkdown { bytes += $0 }  // appending does not throw
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The header and alignment lines of a Markdown table; `numeric` columns are right-aligned.
    static func markdownHeader(_ columns: [String], numeric: [Bool]) -> String {
        "| " + columns.map(Table.escapeMarkdown).joined(separator: " | ") + " |\n"
            + "|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
    }

    /// The rows of the Markdown table, a line each.
    var markdownRows: String {
        var text = ""
        for row in rows {
            text += "| " + row.map { Table.escapeMarkdown($0.plain) }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    private static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// RFC 4180 CSV with a header row; fields quoted when they hold a comma, quote or line break.
    public var csv: String { Table.csvHeader(columns) + csvRows }

    /// The header line of a CSV table.
    static func csvHeader(_ columns: [String]) -> String { columns.map(Table.quoteCSV).joined(separator: ",") + "\r\n" }

    /// The rows of the CSV table, a line each.
    var csvRows: String {
        var text = ""
        for row in rows {
            text += row.map { Table.quoteCSV($0.plain) }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    private static func quoteCSV(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The rows as JSON objects keyed by column name, in column order.
    public var jsonRows: JSONValue {
        .array(rows.map { row in .object(JSONObject(zip(columns, row).map { JSONMember($0, $1.json) })) })
    }
}

/// A report's CSV: one table per file, as spreadsheets and `pandas.read_csv` expect. The first table is the
/// report's main table; the others are written beside it as `NAME.<name>.csv` (`borders.csv`,
/// `borders.tripoints.csv`).
public struct CSVTables: Hashable, Sendable {
    /// Each table with its name; the first is the main one.
    public var tables: [NamedTable]

    /// A table with its name (the suffix of its file: NAME.<name>.csv).
    public struct NamedTable: Hashable, Sendable {
        /// The table's name.
        public var name: String
        /// The table.
        public var table: Table
        /// A named table.
        public init(name: String, table: Table) {
            self.name = name
            self.table = table
        }
    }

    /// The tables; the first is the main one.
    public init(_ tables: [NamedTable]) { self.tables = tables }

    /// The main table's CSV.
    public var main: String { tables.first?.table.csv ?? "" }

    /// The files to write for a main file at `path`: the path itself for the main table, and beside it
    /// `<path without .csv>.<name>.csv` for each other table, with their CSV.
    public func files(at path: String) -> [File] {
        tables.enumerated().map { k, t in File(path: Self.path(of: t.name, main: k == 0, at: path), csv: t.table.csv) }
    }

    /// Where table `name` goes for a main file at `path`: the path itself for the main table, else
    /// `<path without .csv>.<name>.csv`.
    public static func path(of name: String, main: Bool, at path: String) -> String {
        let base = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return main ? path : "\(base).\(name).csv"
    }

    /// One CSV file to write: where, and its text.
    public struct File: Sendable, Hashable {
        /// Where to write it.
        public var path: String
        /// Its CSV text (RFC 4180, CRLF line ends).
        public var csv: String
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
