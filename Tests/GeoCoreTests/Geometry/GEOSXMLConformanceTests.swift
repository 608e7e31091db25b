import Foundation
import GeoCore
import Testing
import TestSupport

/// GEOS's own XML conformance cases (GEOS 3.11.1 tests/xmltester), run through the Swift API.
@Suite(.enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
struct GEOSXMLConformanceTests {
    /// The failures ../shared/conformance/geos-xml/README.md §4 explains (harness-level, not GEOS bugs):
    /// three NG ops on an empty line component, and one make-valid case that needs a FIXED input grid;
    /// and one of BorderKit's value model: a stand-alone LINEARRING becomes a LineString (GeoJSON and the
    /// Simple Features types BorderKit carries have no ring type), and a closed self-crossing LineString is valid.
    static let knownFailures: Set<String> = [
        "general/TestValid.xml#45 isvalid",
        "general/TestNGOverlayEmpty.xml#9 unionng",
        "general/TestNGOverlayEmpty.xml#9 differenceng",
        "general/TestNGOverlayEmpty.xml#9 symdifferenceng",
        "misc/makevalid.xml#14 makevalid",
    ]

    static func files() throws -> [String] {
        let manifest = try TestPaths.sharedText("conformance/geos-xml/MANIFEST.csv")
        return manifest.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
    }

    @Test("all 70 files: 7,474 of 7,479 pass; the 5 others are explained")
    func allFiles() throws {
        var byGroup: [String: (pass: Int, fail: Int)] = [:]
        var unexpected: [String] = []
        var total = 0, passed = 0
        let manifest = try TestPaths.sharedText("conformance/geos-xml/MANIFEST.csv")
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            let group = String(fields[0]), path = String(fields[1])
            let xml = try TestPaths.sharedText("conformance/geos-xml/\(path)")
            for o in GEOSXMLRunner.run(file: path, xml: xml) {
                total += 1
                let key = "\(path)#\(o.caseNumber) \(o.op)"
                if o.passed {
                    passed += 1
                    byGroup[group, default: (0, 0)].pass += 1
                } else {
                    byGroup[group, default: (0, 0)].fail += 1
                    if !Self.knownFailures.contains(key) { unexpected.append("\(key): \(o.detail)") }
                }
            }
        }
        for (group, counts) in byGroup.sorted(by: { $0.key < $1.key }) {
            print("geos-xml \(group): \(counts.pass) passed, \(counts.fail) failed")
        }
        print("geos-xml total: \(passed) of \(total) passed")
        #expect(total == 7_479)
        #expect(unexpected.isEmpty, "unexpected failures:\n\(unexpected.prefix(30).joined(separator: "\n"))")
        #expect(passed == total - Self.knownFailures.count)
    }

    @Test("line merge: the 21 cases transcribed from GEOS's unit tests")
    func lineMergeUnitCases() throws {
        let text = try TestPaths.sharedText("conformance/geos-xml/transcribed/linemerge_unit_cases.csv")
        var rows = 0
        for line in text.split(separator: "\n").dropFirst() {
            let f = Self.csvFields(String(line))
            guard f.count >= 6 else { continue }
            let input = try Geometry(wkt: f[3]), expected = try Geometry(wkt: f[4])
            let result = try input.lineMerged(directed: f[2].contains("Directed"))
            let got = try result.lineStrings.map { try Geometry.lineString($0).wkt() }.sorted()
            let want = try expected.lineStrings.map { try Geometry.lineString($0).wkt() }.sorted()
            #expect(got == want, "\(f[1]): got \(got), expected \(want)")
            rows += 1
        }
        #expect(rows == 21)
    }

    /// Splits one CSV line (RFC 4180 quoting).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                } else { current.append(c) }
            } else if c == "\"" {
                if current.last == "\"" { current.append("\"") }
                quoted = true
            } else if c == "," {
                fields.append(current); current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}
