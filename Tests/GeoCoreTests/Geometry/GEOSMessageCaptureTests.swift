import Foundation
import GeoCore
import Testing

/// Nothing GEOS says reaches the terminal: errors come back as thrown errors, notices are kept.
@Suite struct GEOSMessageCaptureTests {
    @Test("GEOS errors and notices write nothing to stderr")
    func nothingOnStderr() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geos-stderr-\(getpid()).txt").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        let saved = dup(STDERR_FILENO)
        fflush(nil)
        dup2(fd, STDERR_FILENO)
        var messages: [String] = []
        do {
            _ = try Geometry(wkt: "POLYGON ((0 0, 1 1")
        } catch let e as GEOSError { messages.append(e.message) }
        do {
            _ = try Geometry(wkt: "LINESTRING (0 0)")
        } catch let e as GEOSError { messages.append(e.message) }
        // isValid reports its reason as a GEOS notice.
        let valid = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))").isValid()
        let notices = takeGEOSNotices()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(fd)
        let captured = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        unlink(path)

        #expect(!valid)
        #expect(messages.count == 2)
        #expect(messages[0].contains("ParseException"))
        #expect(messages[1].contains("IllegalArgumentException"))
        #expect(notices.contains { $0.contains("Self-intersection") })
        // Other tests may print to stderr while fd 2 is redirected; none of what GEOS said may be there.
        for m in messages + notices {
            #expect(!captured.contains(m), "GEOS wrote to stderr: \(m)")
        }
        // GEOS's own words, whatever it said: its exception names and validity reasons. (Not the bare word
        // "GEOS": the test runner's progress lines, written by parallel tests, contain it.)
        for word in ["Exception", "Self-intersection", "Ring Self", "Too few points"] {
            #expect(!captured.contains(word), "stderr holds \"\(word)\"")
        }
    }
}
