import BorderKit
import GeoCore
import Testing

/// The report written a piece at a time is the report written whole, byte for byte, across piece boundaries.
@Suite struct MeasureReportStreamingTests {
    static func report(_ n: Int) throws -> MeasureReport {
        var features: [Feature] = []
        for i in 0..<n {
            let x = Double(i % 100) * 0.01, y = Double(i / 100) * 0.01
            let ring = [Position(x, y), Position(x + 0.01, y), Position(x + 0.01, y + 0.01), Position(x, y + 0.01), Position(x, y)]
            let geometry: Geometry? = i % 7 == 3 ? nil : i % 5 == 0 ? .lineString(LineString(Array(ring.prefix(3)))) : .polygon(Polygon([ring]))
            features.append(Feature(id: i % 2 == 0 ? .integer(Int64(i)) : .string("f|\(i),\"q\""), geometry: geometry,
                                    properties: ["name": .string("n\(i)")]))
        }
        var streaming = StreamingMeasure(source: "s.geojson", workers: 2)
        for f in features { try streaming.add(f) }
        let streamed = try streaming.finish()
        #expect(streamed == (try Measure.run(features, source: "s.geojson", workers: 2)))
        return streamed
    }

    @Test(arguments: [0, 1, 4096, 9000])
    func piecesJoinedAreTheWhole(rows: Int) throws {
        let report = try Self.report(rows)
        for format in [ReportFormat.markdown, .csv, .json] {
            var joined: [UInt8] = []
            var pieces = 0
            try report.write(format) { joined += $0; pieces += 1 }
            let whole: [UInt8] = switch format {
            case .markdown: Array(report.markdown.utf8)
            case .csv: Array(report.csv.main.utf8)
            default: JSONWriter.data(report.json) + [0x0A]
            }
            #expect(joined == whole, "\(format) with \(rows) rows")
            if rows == 9000, format != .json { #expect(pieces >= 3, "three pieces of rows: header, 4,096, 4,096, 808") }
        }
    }
}
