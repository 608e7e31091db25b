import CGEOS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's GEOS context, with its error and notice messages.
///
/// GEOS's reentrant API takes a context handle per call. One context per thread, created lazily on first
/// use and finished when the thread exits, avoids both the cost of one per call and the races of a shared
/// one (GEOSwift issues #190/#192). The handlers write into this object, so nothing GEOS says reaches the
/// terminal: a failing call throws a `GEOSError` carrying the message instead.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error GEOS reported since `clearError()`.
    fileprivate(set) var lastError: String?
    /// Notices GEOS reported (at most the last 64), e.g. the location of an invalid ring during validity checks.
    fileprivate(set) var notices: [String] = []

    private init(handle h: GEOSContextHandle_t) {
        handle = h
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, userdata)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            if context.notices.count >= 64 { context.notices.removeFirst() }
            context.notices.append(message.map { String(cString: $0) } ?? "")
        }, userdata)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The calling thread's context, made on first use. Throws (never stops the process) when GEOS cannot
    /// make one (`GEOS_init_r` returns NULL when out of memory) or the thread key could not be created.
    static func current() throws(GEOSError) -> GEOSContext {
        guard let key = contextKey else { throw GEOSError(operation: "create a GEOS context", message: "pthread_key_create failed") }
        if let raw = pthread_getspecific(key) {
            return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
        }
        guard let h = GEOS_init_r() else { throw GEOSError(operation: "create a GEOS context", message: "GEOS_init_r returned NULL (out of memory)") }
        let context = GEOSContext(handle: h)
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// True when this is the calling thread's context: GEOS objects made in it may be used here.
    var isCurrentThread: Bool {
        guard let key = contextKey, let raw = pthread_getspecific(key) else { return false }
        return raw == Unmanaged.passUnretained(self).toOpaque()
    }

    func clearError() { lastError = nil }

    /// Throws unless called on this context's thread: GEOS objects must not cross threads.
    func checkThread(_ what: String) throws(GEOSError) {
        guard isCurrentThread else {
            throw GEOSError(operation: what, message: "used from another thread than the one that built it (GEOS objects belong to one thread's context)")
        }
    }

    /// The error for a failed call of `operation`, with GEOS's message (cleared afterwards).
    func error(_ operation: String) -> GEOSError {
        defer { lastError = nil }
        return GEOSError(operation: operation, message: lastError ?? "GEOS returned no result and no message")
    }

    /// Returns and clears the notices collected so far.
    func takeNotices() -> [String] {
        defer { notices.removeAll() }
        return notices
    }
}

/// The key of the per-thread context; its destructor releases the context when a thread exits. nil when the
/// key could not be created (then every GEOS call throws).
private let contextKey: pthread_key_t? = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        #if canImport(Glibc)
        guard let raw else { return }
        #endif
        Unmanaged<GEOSContext>.fromOpaque(raw).release()
    }
    return status == 0 ? key : nil
}()

/// Notices GEOS wrote on this thread since the last call, for callers that want to show them.
public func takeGEOSNotices() -> [String] {
    (try? GEOSContext.current())?.takeNotices() ?? []
}
