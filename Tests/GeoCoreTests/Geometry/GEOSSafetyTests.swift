import Foundation
import GeoCore
import Testing

/// GEOS and PROJ handled safely on every path (issue 17): a failed construction is not freed twice, GEOS
/// objects refuse another thread, PROJ failures with no message do not crash.
@Suite struct GEOSSafetyTests {
    static let hole: [Position] = [Position(1, 1), Position(2, 1), Position(2, 2), Position(1, 2), Position(1, 1)]

    @Test("a polygon with an empty shell and a hole: GEOS refuses it, we throw, nothing is freed twice")
    func emptyShellWithHole() throws {
        let bad = Geometry.polygon(Polygon([[], Self.hole]))
        for _ in 0..<3 {   // a double free would abort the process on the first or a later round
            #expect(throws: GEOSError.self) { _ = try bad.boundary() }
            #expect(throws: GEOSError.self) { _ = try Geometry.multiPolygon(MultiPolygon([Polygon([[], Self.hole])])).isValid() }
        }
        #expect(try Geometry.polygon(Polygon([[Position(0, 0), Position(3, 0), Position(3, 3), Position(0, 0)], Self.hole])).boundary().lineStrings.count == 2)
    }

    @Test("an STRtree or a prepared geometry used from another thread throws instead of touching that thread's context")
    func anotherThread() throws {
        let tree = try STRtree([.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 0)]]))])
        let prepared = try PreparedGeometry(.polygon(Polygon([[Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 0)]])))
        #expect(try tree.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [0])
        final class Outcome: @unchecked Sendable { var tree: Error?; var prepared: Error? }
        let outcome = Outcome()
        let box = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        nonisolated(unsafe) let sharedTree = tree, sharedPrepared = prepared
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try sharedTree.query(box) } catch { outcome.tree = error }
            do { _ = try sharedPrepared.contains(.point(Point(0.5, 0.2))) } catch { outcome.prepared = error }
            done.signal()
        }
        thread.start()
        done.wait()
        #expect((outcome.tree as? GEOSError)?.message.contains("another thread") == true)
        #expect((outcome.prepared as? GEOSError)?.message.contains("another thread") == true)
    }

    @Test("PROJ failures become errors with a message, never a crash")
    func projFailures() throws {
        #expect(throws: ProjError.self) { _ = try Projection(definition: "+proj=no_such_projection") }
        #expect(throws: ProjError.self) { _ = try CRSTransform(from: "") }
        let far = try Projection(definition: "+proj=ortho +lat_0=0 +lon_0=0 +ellps=WGS84")
        #expect(throws: ProjError.self) { _ = try far.forward(Position(179, 0)) }   // the far side of the globe
    }
}
