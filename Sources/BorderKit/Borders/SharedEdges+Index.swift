import GeoCore

extension SharedEdges {
    /// The `Index` of every valid territory that has one (many edges), by territory index, built on `workers`
    /// threads; a dictionary, since a coverage's small cells have none.
    static func indexes(of territories: [Territory], workers: Int) throws -> [Int: Index] {
        let indexes = Locked([Int: Index]())
        try Parallel.forEach(count: territories.count, workers: max(1, min(workers, territories.count))) { _ in { k in
            guard territories[k].isKnownValid, let index = Index(territories[k].geometry) else { return }
            indexes.withLock { $0[k] = index }
        } }
        return indexes.withLock { $0 }
    }

    /// A territory's rings cut into runs of edges with their envelopes, and each ring's orientation: built once
    /// per territory, so that a pair looks only at the runs in its box instead of every position of both.
    ///
    /// Why: a large country is a candidate of dozens of pairs (its envelope overlaps theirs), and most of its
    /// rings lie far from each neighbour; scanning them all for every pair was most of the shared-edge path's
    /// time on the world file.
    struct Index: Sendable {
        /// Edges per run.
        static let run = 64
        /// Runs of ring r (rings in the order of the geometry's polygons, then their rings): `start[r]..<start[r + 1]`.
        var start: [Int32] = [0]
        /// Each run's envelope.
        var boxes: [Envelope] = []
        /// Per ring: +1 interior on the left of its direction, −1 on the right, 0 not certain (then computed per pair).
        var interior: [Int8] = []

        /// The index of `g`, or nil when it has so few positions that scanning them is as quick.
        init?(_ g: Geometry) {
            let polygons = g.polygons
            guard polygons.reduce(0, { $0 + $1.rings.reduce(0) { $0 + $1.count } }) >= 4 * Self.run else { return nil }
            for polygon in polygons {
                for (k, ring) in polygon.rings.enumerated() {
                    var i = 0
                    while i + 1 < ring.count {
                        let end = min(i + Self.run, ring.count - 1)
                        var box = Envelope(minX: ring[i].x, minY: ring[i].y, maxX: ring[i].x, maxY: ring[i].y)
                        for p in ring[(i + 1)...end] {
                            box.minX = min(box.minX, p.x); box.maxX = max(box.maxX, p.x)
                            box.minY = min(box.minY, p.y); box.maxY = max(box.maxY, p.y)
                        }
                        boxes.append(box)
                        i = end
                    }
                    start.append(Int32(boxes.count))
                    interior.append(ring.count >= 4 ? SharedEdges.interiorSide(ring, isShell: k == 0) ?? 0 : 0)
                }
            }
        }

        /// The edge positions (first edge index ..< last + 1) of ring r's runs whose envelopes meet `box`, adjacent
        /// runs joined.
        func runs(ofRing r: Int, meeting box: Envelope, edgeCount: Int) -> [Range<Int>] {
            var out: [Range<Int>] = []
            for c in Int(start[r])..<Int(start[r + 1]) where boxes[c].intersects(box) {
                let from = (c - Int(start[r])) * Self.run, to = min(from + Self.run, edgeCount)
                if let last = out.last, last.upperBound == from { out[out.count - 1] = last.lowerBound..<to } else { out.append(from..<to) }
            }
            return out
        }

        /// Whether any run of ring r has an envelope meeting the horizontal ray from one of `points` towards +x.
        func ring(_ r: Int, mayCross points: [XY]) -> Bool {
            for c in Int(start[r])..<Int(start[r + 1]) {
                let b = boxes[c]
                if points.contains(where: { $0.y >= b.minY && $0.y <= b.maxY && b.maxX >= $0.x }) { return true }
            }
            return false
        }
    }
}

/// Point in polygon by ray crossing (towards +x) over an `SharedEdges.Index`'s runs: runs kept in horizontal
/// bands, and a point scans only the edges of the runs of its band whose envelopes its ray meets.
struct RunCrossings {
    private let geometry: [[Position]]
    private var runs: [(ring: Int32, from: Int32, to: Int32, box: Envelope)] = []
    private var start: [Int32] = []
    private var items: [Int32] = []
    private let minY: Double, scale: Double, bands: Int

    /// The runs of `g` (described by `index`) that rays from points within `rays` can cross.
    init(_ g: Geometry, index: SharedEdges.Index, rays: Envelope) {
        var rings: [[Position]] = []
        for polygon in g.polygons { rings += polygon.rings }
        geometry = rings
        for (r, ring) in rings.enumerated() where ring.count > 1 {
            for c in Int(index.start[r])..<Int(index.start[r + 1]) {
                let box = index.boxes[c]
                guard box.maxY >= rays.minY, box.minY <= rays.maxY, box.maxX >= rays.minX else { continue }
                let from = (c - Int(index.start[r])) * SharedEdges.Index.run
                runs.append((Int32(r), Int32(from), Int32(min(from + SharedEdges.Index.run, ring.count - 1)), box))
            }
        }
        bands = max(1, min(4096, runs.count))
        minY = rays.minY
        scale = rays.maxY > rays.minY ? Double(bands) / (rays.maxY - rays.minY) : 0
        var count = [Int32](repeating: 0, count: bands + 1)
        for run in runs { for k in band(run.box.minY)...band(run.box.maxY) { count[k + 1] += 1 } }
        for k in 1..<count.count { count[k] += count[k - 1] }
        var fill = count
        items = [Int32](repeating: 0, count: Int(count[bands]))
        for (i, run) in runs.enumerated() {
            for k in band(run.box.minY)...band(run.box.maxY) { items[Int(fill[k])] = Int32(i); fill[k] += 1 }
        }
        start = count
    }

    private func band(_ y: Double) -> Int { max(0, min(bands - 1, Int(((y - minY) * scale).rounded(.down)))) }

    /// Whether `p` (within the rays' envelope) lies inside; nil when it lies on an edge or a sign is not certain.
    func contains(_ p: XY) -> Bool? {
        var inside = false
        let k = band(p.y)
        for i in Int(start[k])..<Int(start[k + 1]) {
            let run = runs[Int(items[i])]
            guard run.box.minY <= p.y, run.box.maxY >= p.y, run.box.maxX >= p.x else { continue }
            let ring = geometry[Int(run.ring)]
            for e in Int(run.from)..<Int(run.to) {
                let a = XY(ring[e].x, ring[e].y), b = XY(ring[e + 1].x, ring[e + 1].y)
                guard (a.y > p.y) != (b.y > p.y) else { continue }
                guard let right = RayCrossings.passesRight(a, b, of: p) else { return nil }
                if right { inside.toggle() }
            }
        }
        return inside
    }
}
