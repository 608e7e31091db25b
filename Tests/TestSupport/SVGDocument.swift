import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG that failed to parse.
public struct SVGError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// What the tests read back from an SVG: ids, texts, path data, circles by group, and the scale bar.
public struct SVGDocument {
    public var ids: [String] = []
    public var texts: [String] = []
    public var paths: [String] = []
    public var circlesByGroup: [String: [(x: Double, y: Double)]] = [:]
    public var scaleBar: (km: Double, pixels: Double)?

    public init(_ svg: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw SVGError(message: "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        ids = delegate.ids
        texts = delegate.texts
        paths = delegate.paths
        circlesByGroup = delegate.circles
        if let label = delegate.scaleTexts.first(where: { $0.hasSuffix(" km") }), let km = Double(label.replacingOccurrences(of: " km", with: "")), delegate.scaleRects.count == 3 {
            scaleBar = (km, delegate.scaleRects[1] + delegate.scaleRects[2])
        }
    }

    public func circles(in group: String) -> [(x: Double, y: Double)] { circlesByGroup[group] ?? [] }

    private final class Collector: NSObject, XMLParserDelegate {
        var ids: [String] = [], texts: [String] = [], paths: [String] = []
        var circles: [String: [(x: Double, y: Double)]] = [:]
        var groups: [String] = []
        var scaleRects: [Double] = [], scaleTexts: [String] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if let id = attributes["id"] { ids.append(id) }
            if name == "g" { groups.append(attributes["id"] ?? groups.last ?? "") }
            if name == "path", let d = attributes["d"] { paths.append(d) }
            let group = groups.last ?? ""
            if name == "circle", let x = attributes["cx"].flatMap(Double.init), let y = attributes["cy"].flatMap(Double.init) {
                circles[group, default: []].append((x, y))
            }
            if name == "rect", group == "scale-bar", let w = attributes["width"].flatMap(Double.init) { scaleRects.append(w) }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" {
                texts.append(text)
                if groups.last == "scale-bar", name == "text" { scaleTexts.append(text) }
            }
            if name == "g" { groups.removeLast() }
            text = ""
        }
    }
}
