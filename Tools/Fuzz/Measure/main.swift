import BorderKit
import FuzzDriver
import GeoCore

/// libFuzzer target: the geometry pipeline behind `measure` and `validate` on arbitrary bytes.
///
/// What the reader accepts is measured (geodesic lengths and areas, GEOS validity) and checked, and invalid
/// features are repaired (GEOSMakeValid) as `validate --repair` does. GEOS errors must come back as Swift
/// errors; measures must be finite and not negative. Built only by Tools/fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMeasure(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let geojson = try? GeoJSONReader(source: "fuzz").read(bytes) else { return 0 }
    let features = geojson.features
    if let report = try? Measure.run(features, source: "fuzz", workers: 1) {
        for row in report.features {
            for value in [row.length, row.area, row.perimeter].compactMap({ $0 }) where !(value.isFinite && value >= 0) {
                fatalError("feature \(row.index): a measure is \(value)")
            }
        }
    }
    _ = try? Validation.check(geojson)
    _ = try? Validation.repair(features)
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver on this target.
@_cdecl("fuzz_measure_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzMeasure)
}
