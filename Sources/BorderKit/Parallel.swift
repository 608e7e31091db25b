#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on several threads at once, each with its own GEOS context (GeoCore creates one per thread).
enum Parallel {
    /// Starts a thread running `start(argument)`; returns pthread_create's status (0: started). A parameter of
    /// `run`, so that tests can make it fail.
    typealias Spawn = @Sendable (_ thread: inout pthread_t, _ start: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?,
                                 _ argument: UnsafeMutableRawPointer) -> Int32

    static let pthreadSpawn: Spawn = { thread, start, argument in pthread_create(&thread, nil, start, argument) }

    /// Calls `body(w)` for w in 0..<workers, each on its own thread, and waits for all.
    ///
    /// Where a thread cannot be started (`pthread_create` fails: too many threads, no memory), the bodies of it
    /// and of the workers after it run on the calling thread instead, and the threads already started are
    /// joined before returning: every body runs, none is left running, nothing is lost.
    static func run(workers: Int, spawn: Spawn = pthreadSpawn, _ body: @escaping @Sendable (Int) -> Void) {
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
        var w = 0
        while w < workers {
            var thread = pthread_t()
            let job = Unmanaged.passRetained(Job(body, w)).toOpaque()
            let status = spawn(&thread, { raw in
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body(job.index)
                return nil
            }, job)
            guard status == 0 else {
                Unmanaged<Job>.fromOpaque(job).release()
                break
            }
            threads.append(thread)
            w += 1
        }
        for rest in w..<workers { body(rest) }
        for t in threads { pthread_join(t, nil) }
    }

    /// Runs every item in 0..<count on `workers` threads, each thread taking the next item as it finishes one
    /// (work of uneven size stays balanced: Russia's borders do not hold up one thread).
    ///
    /// `makeBody(worker)` is called once on each worker's thread and returns the function that does one item
    /// there, so per-thread state (GEOS indexes, which belong to the thread's GEOS context) lives in it.
    static func forEach(count: Int, workers: Int, spawn: Spawn = pthreadSpawn,
                        _ makeBody: @escaping @Sendable (_ worker: Int) -> (Int) -> Void) throws {
        let next = Locked(0)
        run(workers: max(1, min(workers, count)), spawn: spawn) { w in
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
