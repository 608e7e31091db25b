import FuzzDriver
import GeoCore

/// libFuzzer target: the GeoJSON reader on arbitrary bytes, and the writer on whatever it accepts.
///
/// Any input must end in a value or a `GeoJSONError` (never a crash, a hang or an overflow); whatever is read
/// must be written as RFC 7946 GeoJSON that reads back, and writing that again must give the same bytes.
/// Built only by Tools/fuzz/run.sh (BORDERKIT_FUZZ=1, -sanitize=fuzzer,address).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSONReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let geojson = try? GeoJSONReader(source: "fuzz").read(bytes) else { return 0 }
    let written = GeoJSONWriter().data(geojson)
    let again: GeoJSON
    do {
        again = try GeoJSONReader(source: "fuzz-written").read(written)
    } catch {
        fatalError("the writer's output does not read back: \(error)\n\(String(decoding: written.prefix(400), as: UTF8.self))")
    }
    guard GeoJSONWriter().data(again) == written else {
        fatalError("writing what was written changes it:\n\(String(decoding: written.prefix(400), as: UTF8.self))")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver on this target.
@_cdecl("fuzz_geojson_reader_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzGeoJSONReader)
}
