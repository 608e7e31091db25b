import CGEOS

/// A GEOS STR-packed R-tree over a fixed list of geometries, answering by index into that list.
///
/// Holds GEOS objects, so it belongs to the thread that built it (it is deliberately not `Sendable`):
/// build one per worker. Used from another thread, a query throws (`GEOSError`) rather than touch another
/// thread's GEOS context. Everything it holds is destroyed when it goes away.
public final class STRtree {
    private let context: GEOSContext
    private let tree: OpaquePointer
    private var items: [GEOSObject] = []
    private var indexByPointer: [OpaquePointer: Int] = [:]

    /// Builds the tree over `geometries` (`GEOSSTRtree_create_r`, `GEOSSTRtree_insert_r`); empty ones are skipped.
    public init(_ geometries: [Geometry], nodeCapacity: Int = 10) throws {
        context = try GEOSContext.current()
        context.clearError()
        guard let tree = GEOSSTRtree_create_r(context.handle, max(nodeCapacity, 2)) else { throw context.error("create STRtree") }
        self.tree = tree
        items.reserveCapacity(geometries.count)
        for (i, g) in geometries.enumerated() {
            let object = try g.makeGEOS(context)
            items.append(object)
            if g.isEmpty { continue }
            indexByPointer[object.raw] = i
            GEOSSTRtree_insert_r(context.handle, tree, object.raw, UnsafeMutableRawPointer(object.raw))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indices of the geometries whose envelopes intersect `envelope`, ascending (`GEOSSTRtree_query_r`).
    public func query(_ envelope: Envelope) throws -> [Int] {
        try context.checkThread("STRtree")
        let box = try envelope.polygon.makeGEOS(context)
        return withExtendedLifetime(box) { query(box.raw) }
    }

    /// Indices of the geometries whose envelopes intersect that of `geometry`, ascending.
    public func query(_ geometry: Geometry) throws -> [Int] {
        guard let envelope = geometry.envelope else { return [] }
        return try query(envelope)
    }

    private func query(_ g: OpaquePointer) -> [Int] {
        final class Hits { var pointers: [OpaquePointer] = [] }
        let hits = Hits()
        withExtendedLifetime(hits) {
            GEOSSTRtree_query_r(context.handle, tree, g, { item, userdata in
                guard let item, let userdata else { return }
                Unmanaged<Hits>.fromOpaque(userdata).takeUnretainedValue().pointers.append(OpaquePointer(item))
            }, Unmanaged.passUnretained(hits).toOpaque())
        }
        return hits.pointers.compactMap { indexByPointer[$0] }.sorted()
    }

    /// Index of the geometry nearest to `geometry` by planar distance (`GEOSSTRtree_nearest_r`); nil if the tree is empty.
    public func nearest(to geometry: Geometry) throws -> Int? {
        guard !indexByPointer.isEmpty else { return nil }
        try context.checkThread("STRtree")
        let g = try geometry.makeGEOS(context)
        return try withExtendedLifetime(g) { () throws -> Int? in
            context.clearError()
            guard let found = GEOSSTRtree_nearest_r(context.handle, tree, g.raw) else {
                if let message = context.lastError { throw GEOSError(operation: "STRtree nearest", message: message) }
                return nil
            }
            return indexByPointer[OpaquePointer(UnsafeRawPointer(found))]
        }
    }
}
