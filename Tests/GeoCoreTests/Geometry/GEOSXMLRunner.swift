import Foundation
import GeoCore

/// Runs GEOS XMLTester files through BorderKit's Swift geometry API (WKT → Swift value → GEOS and back),
/// with the op mapping and comparison rules of ../shared/conformance/geos-xml/README.md.
struct GEOSXMLRunner {
    struct Outcome: Hashable {
        var file: String
        var caseNumber: Int
        var op: String
        var passed: Bool
        var detail: String
    }

    /// One `<case>`: inputs and tests, as written.
    struct Case {
        var a: String
        var b: String?
        var ops: [(name: String, attributes: [String: String], expected: String)]
    }

    /// Reads a file: its FIXED scale (nil = floating) and its cases.
    static func parse(_ xml: String) -> (scale: Double?, cases: [Case]) {
        let text = xml.replacing(/<!--[\s\S]*?-->/, with: "")
        var scale: Double?
        if let pm = text.firstMatch(of: /<precisionModel([^>]*)>/) {
            let attributes = Self.attributes(String(pm.1))
            if let s = attributes["scale"], let v = Double(s) { scale = v }
        }
        var cases: [Case] = []
        for c in text.matches(of: /<case>([\s\S]*?)<\/case>/) {
            let body = String(c.1)
            guard let a = body.firstMatch(of: /<a>([\s\S]*?)<\/a>/) else { continue }
            let b = body.firstMatch(of: /<b>([\s\S]*?)<\/b>/).map { String($0.1) }
            let ops = body.matches(of: /<op\s([^>]*)>([\s\S]*?)<\/op>/).map { m in
                let attributes = Self.attributes(String(m.1))
                return (name: (attributes["name"] ?? "").lowercased(), attributes: attributes,
                        expected: String(m.2).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            cases.append(Case(a: String(a.1), b: b, ops: ops))
        }
        return (scale, cases)
    }

    static func attributes(_ s: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in s.matches(of: /(\w+)\s*=\s*["']([^"']*)["']/) { out[String(m.1)] = String(m.2) }
        return out
    }

    /// A geometry from WKT or HEXWKB text, coordinates rounded to the FIXED grid (Java Math.round) if any.
    static func geometry(_ text: String, scale: Double?) throws -> Geometry {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let g: Geometry
        if let first = t.first, first.isHexDigit, !first.isLetter || first.isUppercase && "ABCDEF".contains(first) {
            g = try Geometry(wkb: Array(t.utf8), hex: true)
        } else {
            g = try Geometry(wkt: t)
        }
        guard let scale else { return g }
        return g.mapPositions { Position(($0.x * scale + 0.5).rounded(.down) / scale, ($0.y * scale + 0.5).rounded(.down) / scale) }
    }

    static func run(file: String, xml: String) -> [Outcome] {
        let (scale, cases) = parse(xml)
        var outcomes: [Outcome] = []
        for (n, c) in cases.enumerated() {
            for op in c.ops {
                let passed: Bool
                var detail = ""
                do {
                    (passed, detail) = try evaluate(op.name, op.attributes, op.expected, c, scale)
                } catch {
                    passed = false
                    detail = "threw: \(error)"
                }
                outcomes.append(Outcome(file: file, caseNumber: n + 1, op: op.name, passed: passed, detail: detail))
            }
        }
        return outcomes
    }

    private static func evaluate(_ name: String, _ attributes: [String: String], _ expected: String,
                                 _ c: Case, _ scale: Double?) throws -> (Bool, String) {
        let a = try geometry(c.a, scale: scale)
        let b = try c.b.map { try geometry($0, scale: scale) }
        let arg1IsB = attributes["arg1"] == "B"
        let first = arg1IsB ? (b ?? a) : a
        func other() throws -> Geometry {
            guard let b else { throw GEOSError(operation: name, message: "case has no B") }
            return arg1IsB ? a : b
        }
        let grid = scale.map { 1 / $0 }
        func boolean(_ v: Bool) -> (Bool, String) { (String(v) == expected.lowercased(), "got \(v), expected \(expected)") }
        func exact(_ result: Geometry) throws -> (Bool, String) {
            let want = try geometry(expected, scale: scale)
            let ok = try result.normalized().equalsExact(want.normalized())
            return (ok, ok ? "" : "got \(try result.wkt()), expected \(expected)")
        }
        func topological(_ result: Geometry) throws -> (Bool, String) {
            let want = try geometry(expected, scale: scale)
            if result.isEmpty && want.isEmpty { return (true, "") }
            if try result.topologicallyEquals(want) { return (true, "") }
            let ok = try result.normalized().wkt() == want.normalized().wkt()
            return (ok, ok ? "" : "got \(try result.wkt()), expected \(expected)")
        }
        func unionCompare(_ result: Geometry) throws -> (Bool, String) {
            let want = try geometry(expected, scale: scale)
            if result.isEmpty && want.isEmpty { return (true, "") }
            if try result.topologicallyEquals(want) { return (true, "") }
            let e = want.envelope
            let tolerance = e.map { min($0.maxX - $0.minX, $0.maxY - $0.minY) * 1e-9 } ?? 0
            let ok = try result.normalized().equalsExact(want.normalized(), tolerance: tolerance)
            return (ok, ok ? "" : "got \(try result.wkt()), expected \(expected)")
        }
        switch name {
        case "isvalid": return boolean(try first.isValid())
        case "issimple": return boolean(try first.isSimple())
        case "relate": return boolean(try first.relate(try other(), pattern: attributes["arg3"] ?? ""))
        case "intersects": return boolean(try first.intersects(try other()))
        case "contains": return boolean(try first.contains(try other()))
        case "covers": return boolean(try first.covers(try other()))
        case "coveredby": return boolean(try first.coveredBy(try other()))
        case "within": return boolean(try first.within(try other()))
        case "crosses": return boolean(try first.crosses(try other()))
        case "disjoint": return boolean(try first.disjoint(try other()))
        case "overlaps": return boolean(try first.overlaps(try other()))
        case "touches": return boolean(try first.touches(try other()))
        case "equalstopo": return boolean(try first.topologicallyEquals(try other()))
        case "intersection": return try exact(try a.intersection(try other(), gridSize: grid))
        case "difference": return try exact(try a.difference(b!, gridSize: grid))
        case "symdifference": return try exact(try a.symmetricDifference(try other(), gridSize: grid))
        case "union":
            return try unionCompare(b == nil ? try a.unaryUnion(gridSize: grid) : try a.union(b!, gridSize: grid))
        case "intersectionng", "intersectionsin": return try exact(try first.intersection(try other()))
        case "unionng": return try exact(try first.union(try other()))
        case "differenceng": return try exact(try first.difference(try other()))
        case "symdifferenceng": return try exact(try first.symmetricDifference(try other()))
        case "intersectionsr", "unionsr", "differencesr", "symdifferencesr":
            let g = 1 / (Double(attributes["arg3"] ?? "1") ?? 1)
            let o = try other()
            let result: Geometry = switch name {
            case "intersectionsr": try first.intersection(o, gridSize: g)
            case "unionsr": try first.union(o, gridSize: 1)   // XMLTester's unionSR reads arg3 too late: always scale 1
            case "differencesr": try first.difference(o, gridSize: g)
            default: try first.symmetricDifference(o, gridSize: g)
            }
            return try exact(result)
        case "overlayareatest":
            let o = try other()
            let areaA = try a.planarArea(), areaB = try o.planarArea()
            let inter = try a.intersection(o).planarArea(), un = try a.union(o).planarArea()
            let ab = try a.difference(o).planarArea(), ba = try o.difference(a).planarArea()
            let sym = try a.symmetricDifference(o).planarArea()
            let errors = [abs(areaA - (inter + ab)), abs(areaB - (inter + ba)), abs(un - (inter + ab + ba)), abs(sym - (ab + ba))]
            // Lineal inputs have no area: then every identity must hold exactly.
            let e = areaA + areaB > 0 ? errors.max()! / (areaA + areaB) : errors.max()!
            return (e < 1e-6, "identity error \(e)")
        case "unionarea":
            let area = try a.unaryUnion().planarArea()
            let want = Double(expected) ?? .nan
            return (abs(area - want) / want < 1e-3, "area \(area), expected \(want)")
        case "buffer", "buffermitredjoin":
            let distance = Double(attributes["arg2"] ?? "0") ?? 0
            let style = name == "buffer" ? BufferStyle() : BufferStyle(join: .mitre, mitreLimit: 5)
            let result = try a.buffer(distance, style: style)
            let want = try geometry(expected, scale: nil)
            if want.isEmpty { return (result.isEmpty, "got \(try result.wkt())") }
            let typesMatch = result.type == want.type
                || Set([result.type, want.type]).isSubset(of: [.polygon, .multiPolygon]) && result.polygons.count == want.polygons.count
            let ratio = try result.symmetricDifference(want).planarArea() / want.planarArea()
            return (typesMatch && ratio < 1e-3, "type \(result.type) vs \(want.type), area ratio \(ratio)")
        case "makevalid": return try topological(try a.makeValid())
        case "buildarea": return try topological(try a.buildArea())
        case "getboundary": return try exact(try a.boundary())
        case "linemerge":
            let result = try a.lineMerged(), want = try geometry(expected, scale: scale)
            let got = try result.lineStrings.map { try Geometry.lineString($0).wkt() }.sorted()
            let exp = try want.lineStrings.map { try Geometry.lineString($0).wkt() }.sorted()
            return (got == exp, "got \(got), expected \(exp)")
        default:
            return (false, "op \(name) not mapped")
        }
    }
}
