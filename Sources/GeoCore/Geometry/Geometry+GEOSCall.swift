import CGEOS

// Helpers that run one GEOS call on the calling thread's context: build the inputs, call, read the result,
// destroy everything GEOS made on every path, and turn a failure into a `GEOSError` with GEOS's message.

extension Geometry {
    /// Runs `body` with this geometry built in GEOS.
    func withGEOS<R>(_ body: (GEOSContext, OpaquePointer) throws -> R) throws -> R {
        let context = try GEOSContext.current()
        let g = try makeGEOS(context)
        return try withExtendedLifetime(g) { try body(context, g.raw) }
    }

    /// Runs `body` with this geometry and `other` built in GEOS.
    func withGEOS<R>(_ other: Geometry, _ body: (GEOSContext, OpaquePointer, OpaquePointer) throws -> R) throws -> R {
        let context = try GEOSContext.current()
        let a = try makeGEOS(context)
        let b = try other.makeGEOS(context)
        return try withExtendedLifetime((a, b)) { try body(context, a.raw, b.raw) }
    }

    /// A geometry-valued operation on this geometry: `call` returns a new GEOS geometry (owned by us) or NULL.
    func unary(_ operation: String, _ call: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { context, g in
            context.clearError()
            guard let result = call(context.handle, g) else { throw context.error(operation) }
            let owned = GEOSObject(result, context)
            return try Geometry.fromGEOS(owned.raw, context)
        }
    }

    /// A geometry-valued operation on this geometry and `other`.
    func binary(_ operation: String, _ other: Geometry,
                _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS(other) { context, a, b in
            context.clearError()
            guard let result = call(context.handle, a, b) else { throw context.error(operation) }
            let owned = GEOSObject(result, context)
            return try Geometry.fromGEOS(owned.raw, context)
        }
    }

    /// A predicate on this geometry and `other`: GEOS returns 1 (true), 0 (false) or 2 (exception).
    func predicate(_ operation: String, _ other: Geometry,
                   _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        try withGEOS(other) { context, a, b in
            context.clearError()
            let r = call(context.handle, a, b)
            guard r != 2 else { throw context.error(operation) }
            return r == 1
        }
    }

    /// A predicate on this geometry alone.
    func predicate(_ operation: String, _ call: (GEOSContextHandle_t, OpaquePointer) -> CChar) throws -> Bool {
        try withGEOS { context, g in
            context.clearError()
            let r = call(context.handle, g)
            guard r != 2 else { throw context.error(operation) }
            return r == 1
        }
    }

    /// A number-valued measure: GEOS returns 1 on success and writes the value.
    func measure(_ operation: String, _ call: (GEOSContextHandle_t, OpaquePointer, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        try withGEOS { context, g in
            context.clearError()
            var value = 0.0
            guard call(context.handle, g, &value) == 1 else { throw context.error(operation) }
            return value
        }
    }

    /// A number-valued measure of this geometry and `other`.
    func measure(_ operation: String, _ other: Geometry,
                 _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        try withGEOS(other) { context, a, b in
            context.clearError()
            var value = 0.0
            guard call(context.handle, a, b, &value) == 1 else { throw context.error(operation) }
            return value
        }
    }
}
