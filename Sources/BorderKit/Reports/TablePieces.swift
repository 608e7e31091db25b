import GeoCore

/// A table whose rows are made a piece at a time while it is written, for reports of a million rows.
///
/// Why: `Table` holds every row's cells (tens of bytes each) at once; this makes 4,096 rows at a time, writes
/// them and lets them go. The bytes written are those of `table.markdown`, `table.csv` and `table.jsonRows`.
public struct TablePieces {
    /// Column names.
    public var columns: [String]
    /// How many rows.
    public var count: Int
    /// The rows of a range, one cell per column.
    public var rows: (Range<Int>) -> [[Cell]]

    /// A table of `count` rows made by `rows`.
    public init(columns: [String], count: Int, rows: @escaping (Range<Int>) -> [[Cell]]) {
        self.columns = columns
        self.count = count
        self.rows = rows
    }

    /// A whole table, written as its pieces.
    public init(_ table: Table) {
        self.init(columns: table.columns, count: table.rows.count) { Array(table.rows[$0]) }
    }

    private var ranges: [Range<Int>] {
        stride(from: 0, to: count, by: JSONDocument.piece).map { $0..<min($0 + JSONDocument.piece, count) }
    }

    /// The whole table.
    public var table: Table { Table(columns: columns, rows: count == 0 ? [] : rows(0..<count)) }

    /// Writes the Markdown table (`Table.markdown`): a first pass finds the numeric columns, a second writes.
    public func writeMarkdown(_ emit: ([UInt8]) throws -> Void) throws {
        var numeric = [Bool](repeating: true, count: columns.count), anyNumber = numeric.map { _ in false }
        for range in ranges {
            for row in rows(range) {
                for (c, cell) in row.enumerated() {
                    if cell.isNumeric { anyNumber[c] = true } else if cell != .empty { numeric[c] = false }
                }
            }
        }
        try emit(Array(Table.markdownHeader(columns, numeric: zip(numeric, anyNumber).map { $0 && $1 }).utf8))
        for range in ranges { try emit(Array(Table(columns: columns, rows: rows(range)).markdownRows.utf8)) }
    }

    /// Writes the CSV table (`Table.csv`).
    public func writeCSV(_ emit: ([UInt8]) throws -> Void) throws {
        try emit(Array(Table.csvHeader(columns).utf8))
        for range in ranges { try emit(Array(Table(columns: columns, rows: rows(range)).csvRows.utf8)) }
    }

    /// The rows as a JSON array of objects (`Table.jsonRows`), made a piece at a time.
    public var jsonRows: JSONDocument {
        .lazyArray(count: count) { range in
            guard case .array(let a) = Table(columns: columns, rows: rows(range)).jsonRows else { return [] }
            return a
        }
    }
}

/// A CSV report's tables made a piece at a time as they are written (`TablePieces`), for reports too large to
/// hold as text (`BorderReport.csvPieces`: three million pairs); the first is the main one, the files named as
/// `CSVTables.files(at:)` names them.
public struct CSVPieces {
    /// A table with its name (the suffix of its file: NAME.<name>.csv).
    public struct Named {
        /// The table's name.
        public var name: String
        /// The table, made a piece at a time.
        public var pieces: TablePieces
        /// A named table.
        public init(name: String, pieces: TablePieces) {
            self.name = name
            self.pieces = pieces
        }
    }

    /// The tables; the first is the main one.
    public var tables: [Named]

    /// The tables; the first is the main one.
    public init(_ tables: [Named]) { self.tables = tables }
}
