import Foundation
import Testing
import TestSupport

/// `areas --accuracy` (issue 22): areas between the outline shrunk and grown by the accuracy, against hand
/// calculation with GeographicLib's Planimeter.
@Suite struct AreasAccuracyTests {
    @Test("A 1° square at the equator, ± 1 km: (s − 2a)² and s² + 4sa + πa² (Planimeter's area and perimeter, 0.5% of the band)")
    func square() throws {
        try #require(GeographicLib.available, "\(GeographicLib.missingReason)")
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("square.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"sq","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#.utf8).write(to: file)
        let r = try borderkit(["areas", "--territories", file.path, "--accuracy", "1000", "--format", "json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let totals = try #require(o["totals"] as? [String: Any])
        let interval = try #require((totals["by_territory_interval"] as? [String: [Double]])?["sq"])
        let (area, perimeter) = try GeographicLib.polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
        let a = 1000.0, band = perimeter * a
        // Inward, a square loses a band of P·a less its four corner squares; outward it gains P·a and four quarter discs.
        #expect(abs(interval[0] - (area - band + 4 * a * a)) < 0.005 * band, "\(interval[0]) vs \(area - band + 4 * a * a)")
        #expect(abs(interval[1] - (area + band + Double.pi * a * a)) < 0.005 * band, "\(interval[1]) vs \(area + band + Double.pi * a * a)")
        let piece = try #require((o["pieces"] as? [[String: Any]])?.first?["area_m2_interval"] as? [Double])
        #expect(piece == interval)
        let md = try borderkit(["areas", "--territories", file.path, "--accuracy", "1000"])
        // 12,308 km² ± 445: printed to hundreds.
        #expect(md.stdoutText.contains("| sq |  | sq | 12300 (11800–12800) |"), "\(md.stdoutText)")
        let plain = try borderkit(["areas", "--territories", file.path, "--format", "json"])
        #expect(!plain.stdoutText.contains("_interval"))
    }
}
