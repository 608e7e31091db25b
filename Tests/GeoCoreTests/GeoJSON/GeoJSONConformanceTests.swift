import Foundation
import GeoCore
import Testing
import TestSupport

/// The 74 RFC 7946 edge cases of ../shared/conformance/geojson, each with the verdict its README gives.
@Suite(.enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
struct GeoJSONConformanceTests {
    /// Files read without error although filed as invalid or problematic upstream, and why that is right.
    static let accepted: Set<String> = [
        // RFC 7946 §3.1.6: parsers SHOULD NOT reject polygons that do not follow the right-hand rule.
        "invalid_geometries/invalid_exterior_not_ccw.geojson",
        "invalid_geometries/invalid_interior_not_cw.geojson",
    ]

    /// Problematic files that must be rejected: values outside the lon/lat domain.
    static let rejectedProblematic: [String: String] = [
        "problematic_geometries/problematic_outside_lat_lon_boundaries.geojson": "longitude -190.624027 is outside [-180, 180]",
    ]

    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: TestPaths.shared("conformance/geojson/\(folder)").path)
            .filter { $0.hasSuffix(".geojson") }.sorted().map { "\(folder)/\($0)" }
    }

    func read(_ relative: String) throws -> GeoJSON {
        try GeoJSONReader.read(path: TestPaths.shared("conformance/geojson/\(relative)").path)
    }

    @Test("valid and problematic files read; the out-of-domain ones are rejected with the reason")
    func accepted() throws {
        var files = try Self.files("valid") + Self.files("problematic_geometries") + Self.files("problematic_structure")
        files += Self.accepted
        #expect(files.count == 22 + 15 + 4 + 2)
        for f in files {
            if let reason = Self.rejectedProblematic[f] {
                #expect(performing: { _ = try read(f) }, throws: { ($0 as? GeoJSONError)?.reason.contains(reason) == true })
            } else {
                #expect(throws: Never.self, "\(f)") { _ = try read(f) }
            }
        }
    }

    @Test("invalid structure and invalid geometry files are rejected with a pointer and reason")
    func rejected() throws {
        let files = try (Self.files("invalid_structure") + Self.files("invalid_geometries")).filter { !Self.accepted.contains($0) }
        #expect(files.count == 28 + 3)
        for f in files {
            do {
                _ = try read(f)
                Issue.record("\(f) was read without error")
            } catch let error as GeoJSONError {
                #expect(!error.reason.isEmpty)
                #expect(error.source.hasSuffix(f))
            }
        }
    }

    @Test("3-D positions keep their altitude; null geometry and null properties are kept")
    func details() throws {
        let point = try read("valid/valid_geometry_3d_coordinates.geojson")
        guard case .geometry(.point(let p)) = point else { Issue.record("not a point"); return }
        #expect(p.position?.z != nil)
        let feature = try read("valid/valid_feature_null_geometry.geojson")
        #expect(feature.features.first?.geometry == nil)
    }
}
