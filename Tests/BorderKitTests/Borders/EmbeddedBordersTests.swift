import BorderKit
import Foundation
import GeoCore
import Testing
import TestSupport

/// `Borders.run` on the embedded data and on the Natural Earth world file.
@Suite struct EmbeddedBordersTests {
    @Test("embedded: Armenia–Azerbaijan 760–1,010 km split into the delimited 2024 section and the undelimited rest; published tripoints within 2 km")
    func embedded() throws {
        let data = try EmbeddedData.locate()
        let loaded = try Territory.load(try data.read("territories"), source: "t", idProperty: nil)
        let territories = loaded.territories
        let status = try BorderStatusLine.load(try data.read("border-status"), source: "s")
        let report = try Borders.run(territories, status: status, source: "embedded")
        let pair = try #require(report.pairs.first { $0.territories == ["armenia", "azerbaijan"] })
        #expect((760_000...1_010_000).contains(pair.length))
        var byStatus: [String: Double] = [:]
        for s in pair.lengthByStatus { byStatus[s.status] = s.length }
        #expect(abs(byStatus["delimited"]! - 12_700) < 50)
        #expect(abs(byStatus["undelimited"]! + byStatus["delimited"]! - pair.length) < 1e-6)
        for (ids, published) in [(["armenia", "azerbaijan", "iran"], Position(46.5347, 38.8683)),
                                 (["armenia", "azerbaijan", "iran"], Position(46.1403, 38.8447)),
                                 (["azerbaijan", "iran", "turkey"], Position(44.8072, 39.6386))] {
            let nearest = report.tripoints.filter { $0.territories == ids }.map { Geodesic.wgs84.distance($0.position, published) }.min()
            #expect((nearest ?? .infinity) < 2_000, "\(ids) near \(published): \(nearest ?? -1) m")
        }
    }

    /// The Natural Earth 10m world file against an independent computation: Tools/crosscheck/world_borders.py
    /// (shapely 2.2.0 with GEOS 3.14.1 + pyproj: STRtree candidates, intersection of the boundaries, line_merge,
    /// Geod.geometry_length) gave 329 pairs, 376 segments and 230,287,666.666 m on 2026-11-22.
    @Test("world file: pairs, segments and total length agree with shapely + pyproj (within 0.1%)",
          .enabled(if: TestPaths.sharedAvailable, Comment(rawValue: TestPaths.sharedMissingReason)))
    func world() throws {
        let path = TestPaths.shared("data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson").path
        let loaded = try Territory.load(try GeoJSONReader.read(path: path), source: path, idProperty: "ADM0_A3")
        let territories = loaded.territories, warnings = loaded.warnings
        #expect(warnings.contains { $0.pointer == "/features/160" && $0.message.contains("EGY (Egypt): invalid geometry (Ring Self-intersection") })
        let report = try Borders.run(territories, source: path)
        #expect(report.pairs.count == 329)
        #expect(report.segmentCount == 376)
        #expect(abs(report.totalLength - 230_287_666.666) / 230_287_666.666 < 0.001)
        #expect(report.pointContacts.count == 2)
    }
}
