#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on several threads at once, each with its own GEOS context (GeoCore creates one per thread).
enum Parallel {
    /// Calls `body(w)` for w in 0..<workers, each on its own thread, and waits for all.
    private static func run(workers: Int, _ body: @escaping @Sendable (Int) -> Void) throws {
        if workers <= 1 {
            body(0)
            return
        }
        final class Job: @unchecked Sendable {
            let body: @Sendable (Int) -> Void
            let index: Int
            init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) { self.body = body; self.index = index }
        }
        var threads: [pthread_t] = []
        for w in 0..<workers {
            var thread = pthread_t()
            let job = Unmanaged.passRetained(Job(body, w)).toOpaque()
            let status = pthread_create(&thread, nil, { raw in
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body(job.index)
                return nil
            }, job)
            guard status == 0 else {
                Unmanaged<Job>.fromOpaque(job).release()
                throw InputError("cannot start a worker thread (pthread_create: \(status))")
            }
            threads.append(thread)
        }
        for t in threads { pthread_join(t, nil) }
    }

    /// Runs every item in 0..<count on `workers` threads, each thread taking the next item as it finishes one
    /// (work of uneven size stays balanced: Russia's borders do not hold up one thread).
    ///
    /// `makeBody(worker)` is called once on each worker's thread and returns the function that does one item
    /// there, so per-thread state (GEOS indexes, which belong to the thread's GEOS context) lives in it.
    static func forEach(count: Int, workers: Int, _ makeBody: @escaping @Sendable (_ worker: Int) -> (Int) -> Void) throws {
        let next = Locked(0)
        try run(workers: max(1, min(workers, count))) { w in
            let body = makeBody(w)
            while true {
                let k = next.withLock { n -> Int in
                    defer { n += 1 }
                    return n
                }
                guard k < count else { return }
                body(k)
            }
        }
    }

    /// The number of processors online.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
