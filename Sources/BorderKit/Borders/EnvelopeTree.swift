import GeoCore

/// A packed R-tree of envelopes (Sort-Tile-Recursive, Leutenegger et al. 1997) in plain arrays, for finding the
/// envelopes that meet a box.
///
/// Why: candidate pairs need envelopes only; GEOS's STRtree takes whole GEOS geometries, so every territory was
/// converted to GEOS just to be indexed (a million cells: a million GEOS polygons held for the whole run).
struct EnvelopeTree {
    private static let capacity = 16
    /// Node boxes, level by level from the leaves up; a leaf entry's item is in `items`.
    private var boxes: [Envelope] = []
    /// Per level: where its nodes start in `boxes`.
    private var levels: [Int] = []
    /// The item of each leaf entry (level 0).
    private var items: [Int32] = []

    /// A tree of `envelopes` (nil ones, of empty geometries, left out); items are their indices.
    init(_ envelopes: [Envelope?]) {
        var order = envelopes.indices.filter { envelopes[$0] != nil }
        guard !order.isEmpty else { return }
        // Leaves: sorted into vertical slices by centre x, each slice by centre y.
        func cx(_ i: Int) -> Double { (envelopes[i]!.minX + envelopes[i]!.maxX) / 2 }
        func cy(_ i: Int) -> Double { (envelopes[i]!.minY + envelopes[i]!.maxY) / 2 }
        order.sort { (cx($0), $0) < (cx($1), $1) }
        let leaves = (order.count + Self.capacity - 1) / Self.capacity
        let slices = Int(Double(leaves).squareRoot().rounded(.up))
        let perSlice = slices * Self.capacity
        var k = 0
        while k < order.count {
            let end = min(k + perSlice, order.count)
            order[k..<end].sort { (cy($0), $0) < (cy($1), $1) }
            k = end
        }
        items = order.map { Int32($0) }
        boxes = order.map { envelopes[$0]! }
        levels = [0]
        // Upper levels: each node covers `capacity` consecutive nodes of the level below.
        var from = 0, count = boxes.count
        while count > 1 {
            var next: [Envelope] = []
            next.reserveCapacity((count + Self.capacity - 1) / Self.capacity)
            var i = from
            while i < from + count {
                var box = boxes[i]
                for j in (i + 1)..<min(i + Self.capacity, from + count) {
                    let b = boxes[j]
                    box = Envelope(minX: min(box.minX, b.minX), minY: min(box.minY, b.minY), maxX: max(box.maxX, b.maxX), maxY: max(box.maxY, b.maxY))
                }
                next.append(box)
                i += Self.capacity
            }
            from = boxes.count
            levels.append(from)
            boxes += next
            count = next.count
        }
    }

    /// The items whose envelopes meet `box` (boundaries included), in increasing order.
    func query(_ box: Envelope) -> [Int] {
        guard !levels.isEmpty else { return [] }
        var out: [Int] = []
        // (level, index within the level)
        var stack: [(Int, Int)] = [(levels.count - 1, 0)]
        while let (level, i) = stack.popLast() {
            let node = boxes[levels[level] + i]
            guard node.intersects(box) else { continue }
            if level == 0 {
                out.append(Int(items[i]))
                continue
            }
            let below = levels[level - 1], belowCount = levels[level] - below
            for j in (i * Self.capacity)..<min((i + 1) * Self.capacity, belowCount) { stack.append((level - 1, j)) }
        }
        return out.sorted()
    }
}
