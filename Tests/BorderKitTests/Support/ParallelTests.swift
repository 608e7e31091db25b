@testable import BorderKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `Parallel` when threads cannot be started (issue 17): every item still runs exactly once, and the threads
/// that did start are joined before it returns.
@Suite struct ParallelTests {
    @Test("pthread_create failing for the second thread on: all 1,000 items run once, on the first thread and the caller's",
          arguments: [0, 1, 3])
    func failingSpawn(_ allowed: Int) throws {
        let started = Locked(0), seen = Locked([Int](repeating: 0, count: 1_000))
        let spawn: Parallel.Spawn = { thread, start, argument in
            let n = started.withLock { $0 += 1; return $0 }
            return n <= allowed ? pthread_create(&thread, nil, start, argument) : EAGAIN
        }
        try Parallel.forEach(count: 1_000, workers: 4, spawn: spawn) { _ in { k in seen.withLock { $0[k] += 1 } } }
        #expect(seen.withLock { $0 }.allSatisfy { $0 == 1 })
    }
}
