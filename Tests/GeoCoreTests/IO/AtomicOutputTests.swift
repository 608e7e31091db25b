import Foundation
import GeoCore
import Testing

/// An output written in pieces is all or nothing: dropped before the commit, the target is as it was and no
/// temporary file is left; committed, it holds every piece in order.
@Suite struct AtomicOutputTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("borderkit-atomic-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Pieces of 300 KiB, enough for several of the writer's 1 MiB flushes.
    static let pieces: [[UInt8]] = (0..<12).map { k in [UInt8](repeating: UInt8(65 + k), count: 300 << 10) }

    @Test func committedHoldsEveryPiece() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        let out = try AtomicOutput(path)
        for p in Self.pieces { try out.write(p) }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing at the target before the commit")
        try out.commit()
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == Self.pieces.flatMap { $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
    }

    /// A process killed between naming its output and renaming it over the target leaves `.NAME.tmp-PID-N`;
    /// the next replacement of that target removes it when PID no longer runs, and keeps a running writer's.
    @Test func replacingRemovesTemporariesOfDeadWriters() throws {
        #if os(Linux)
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try Data("before".utf8).write(to: URL(fileURLWithPath: path))
        // A pid above /proc/sys/kernel/pid_max runs nowhere.
        let dead = dir.appendingPathComponent(".out.txt.tmp-99999999-0").path
        let running = dir.appendingPathComponent(".out.txt.tmp-1-0").path
        let otherTarget = dir.appendingPathComponent(".other.txt.tmp-99999999-0").path
        for stale in [dead, running, otherTarget] { try Data("whole".utf8).write(to: URL(fileURLWithPath: stale)) }
        let out = try AtomicOutput(path)
        try out.write(Array("after".utf8))
        try out.commit()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "after")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            == [".other.txt.tmp-99999999-0", ".out.txt.tmp-1-0", "out.txt"])
        #endif
    }

    @Test func droppedLeavesTheTargetAsItWas() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try Data("before".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let out = try AtomicOutput(path)
            for p in Self.pieces { try out.write(p) }
            // No commit: as when the input turns out bad half-way.
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "before")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"], "no temporary file left")
    }
}
