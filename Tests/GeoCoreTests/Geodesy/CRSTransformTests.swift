import Foundation
import GeoCore
import Testing
import TestSupport

/// Legacy `crs` members reprojected with PROJ (`CRSTransform`), checked by hand and with GeographicLib.
@Suite struct CRSTransformTests {
    @Test("UTM 32N: a point on the central meridian comes back at 9° E, as far north as its northing says (GeodSolve)",
          .enabled(if: GeographicLib.available, Comment(rawValue: GeographicLib.missingReason)))
    func utm() throws {
        let text = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32632"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,5700000]}}]}"#
        let g = try GeoJSONReader(source: "t").read(Array(text.utf8))
        let p = try #require(g.features[0].geometry?.pointPosition)
        #expect(abs(p.lon - 9) < 1e-9)
        // Transverse Mercator's scale on the central meridian is k0 = 0.9996: the meridian arc from the equator is
        // the northing over k0.
        #expect(abs(try GeographicLib.distance(9, 0, 9, p.lat) - 5_700_000 / 0.9996) < 1e-3)
        #expect(g.notes.contains { $0.contains("EPSG:32632") && $0.contains("reprojected") })
    }

    @Test("CRS84 and EPSG:4326 are read as lon/lat; an unknown CRS is refused naming it; NULL messages from PROJ do not crash")
    func names() throws {
        #expect(CRSTransform.isWGS84LonLat("urn:ogc:def:crs:OGC:1.3:CRS84") && CRSTransform.isWGS84LonLat("EPSG:4326"))
        let lonLat = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[44.5,40.2]}}]}"#
        #expect(try GeoJSONReader(source: "t").read(Array(lonLat.utf8)).features[0].geometry?.pointPosition == Position(44.5, 40.2))
        let unknown = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:999999"}},"features":[]}"#
        #expect(performing: { _ = try GeoJSONReader(source: "t").read(Array(unknown.utf8)) },
                throws: { ($0 as? GeoJSONError).map { $0.pointer == "/crs" && $0.reason.contains("EPSG:999999") } == true })
        #expect(throws: ProjError.self) { _ = try CRSTransform(from: "not a crs at all") }
    }

    @Test("a position out of range after reprojecting is named by its feature's geometry, in a collection and alone")
    func reprojectedOutOfRange() throws {
        // NAD83 (EPSG:4269) is lon/lat in degrees too (in PROJ's x-y order): latitude 95 stays 95, out of range.
        let point = #"{"type":"Point","coordinates":[10,95]}"#
        let crs = #""crs":{"type":"name","properties":{"name":"EPSG:4269"}}"#
        let ok = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}"#
        let cases = [
            (#"{"type":"FeatureCollection","# + crs + #","features":["# + ok + #",{"type":"Feature","properties":{},"geometry":"# + point + "}]}", "/features/1/geometry/1"),
            (#"{"type":"Feature","# + crs + #","properties":{},"geometry":"# + point + "}", "/geometry/1"),
        ]
        for (text, pointer) in cases {
            #expect(performing: { _ = try GeoJSONReader(source: "t").read(Array(text.utf8)) },
                    throws: { ($0 as? GeoJSONError).map { $0.pointer == pointer && $0.reason.contains("after reprojecting from EPSG:4269") } == true })
        }
    }
}
