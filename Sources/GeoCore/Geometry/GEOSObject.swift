import CGEOS

/// One GEOS geometry with one owner: destroyed when this object goes away, on every path.
///
/// Lives only inside GeoCore, on the thread whose context made it (values never hold one).
final class GEOSObject {
    let context: GEOSContext
    private(set) var pointer: OpaquePointer?

    /// Takes ownership of `pointer`.
    init(_ pointer: OpaquePointer, _ context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    /// The geometry pointer (valid while this object lives and has not been released).
    var raw: OpaquePointer { pointer! }

    /// Gives up ownership, e.g. to a GEOS constructor that takes it.
    func release() -> OpaquePointer {
        let p = pointer!
        pointer = nil
        return p
    }

    deinit {
        if let pointer { GEOSGeom_destroy_r(context.handle, pointer) }
    }
}
