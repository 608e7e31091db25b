import Foundation

/// BorderKit's own Markdown reports as HTML: headings, paragraphs, lists, tables (sortable), links (to a page's
/// `.md` rewritten to its `.html`), inline code, and the map image replaced by the interactive map's place.
///
/// Why not a general Markdown library: the reports use a small, fixed subset that BorderKit writes itself, and
/// every text in them may come from a user's file, so everything is escaped (`HTMLMap.escapeHTML`) and only
/// these constructs become tags.
enum MarkdownHTML {
    /// The HTML of `markdown`; the first image (`![alt](x.svg)`) becomes `<div id="map"></div>` when `map` is true.
    static func html(_ markdown: String, map: Bool) -> String {
        var out = ""
        var paragraph: [String] = []
        var list: [String] = []
        var table: [[String]] = []
        var mapPlaced = false
        func flush() {
            if !paragraph.isEmpty { out += "<p>" + inline(paragraph.joined(separator: " ")) + "</p>\n"; paragraph = [] }
            if !list.isEmpty { out += "<ul>\n" + list.map { "<li>" + inline($0) + "</li>\n" }.joined() + "</ul>\n"; list = [] }
            if !table.isEmpty {
                let head = table[0], rows = table.dropFirst().filter { !$0.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
                out += "<table class=\"sortable\">\n<thead><tr>" + head.map { "<th>" + inline($0) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for r in rows {
                    out += "<tr>" + r.map { cell in
                        let numeric = !cell.isEmpty && cell.allSatisfy { "0123456789.,-".contains($0) }
                        return (numeric ? "<td class=\"num\">" : "<td>") + inline(cell) + "</td>"
                    }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
                table = []
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush(); continue }
            if trimmed.hasPrefix("|") {
                if !paragraph.isEmpty || !list.isEmpty { let t = table; table = []; flush(); table = t }
                var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.first == "" { cells.removeFirst() }
                if cells.last == "" { cells.removeLast() }
                table.append(cells)
                continue
            }
            if !table.isEmpty { flush() }
            if let level = [("### ", 3), ("## ", 2), ("# ", 1)].first(where: { trimmed.hasPrefix($0.0) }) {
                flush()
                out += "<h\(level.1)>" + inline(String(trimmed.dropFirst(level.0.count))) + "</h\(level.1)>\n"
            } else if trimmed.hasPrefix("- ") {
                if !paragraph.isEmpty { flush() }
                list.append(String(trimmed.dropFirst(2)))
            } else if trimmed.hasPrefix("!["), map, !mapPlaced {
                flush()
                out += "<div id=\"map\"></div>\n"
                mapPlaced = true
            } else {
                if !list.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        return out
    }

    /// Inline Markdown of a line: `[text](url)` links (a local `.md` as `.html`), `![alt](url)` images, `code`;
    /// all other text escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`") {
                out += "<code>" + HTMLMap.escapeHTML(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
                continue
            }
            let image = rest.hasPrefix("![")
            if image || rest.hasPrefix("["),
               let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
                let label = String(rest[rest.index(rest.startIndex, offsetBy: image ? 2 : 1)..<close.lowerBound])
                var url = String(rest[close.upperBound..<end])
                let isLocal = !url.contains(":") && !url.hasPrefix("/")
                if isLocal, url.hasSuffix(".md") { url = String(url.dropLast(3)) + ".html" }
                if image {
                    out += "<img alt=\"\(HTMLMap.escapeHTML(label))\" src=\"\(HTMLMap.escapeHTML(url))\">"
                } else if isLocal || url.hasPrefix("https://") || url.hasPrefix("http://") {
                    out += "<a href=\"\(HTMLMap.escapeHTML(url))\">" + inline(label) + "</a>"
                } else {
                    out += HTMLMap.escapeHTML(label)
                }
                rest = rest[rest.index(after: end)...]
                continue
            }
            out += HTMLMap.escapeHTML(String(rest.first!))
            rest = rest.dropFirst()
        }
        return out
    }
}
