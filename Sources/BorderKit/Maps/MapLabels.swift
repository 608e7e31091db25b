/// Places labels without overlap: each label is tried at its candidate points in order and placed at the
/// first where its box (estimated from the font size) stays inside the map and clear of every label before it.
///
/// The placed boxes are bucketed in a grid of 32-pixel cells, so that a candidate is checked against the
/// boxes near it, not against every label placed (a map of 10^5 territories tries each of them).
struct MapLabels {
    struct Box {
        var minX, minY, maxX, maxY: Double
        var width: Double { maxX - minX }
    }
    private(set) var placed: [Box] = []
    let bounds: Box
    private var grid: [SIMD2<Int>: [Int]] = [:]
    private static let cell = 32.0

    private static func cells(_ b: Box) -> [SIMD2<Int>] {
        let x0 = Int((b.minX / cell).rounded(.down)), x1 = Int((b.maxX / cell).rounded(.down))
        let y0 = Int((b.minY / cell).rounded(.down)), y1 = Int((b.maxY / cell).rounded(.down))
        guard x1 - x0 < 1_000, y1 - y0 < 1_000 else { return [SIMD2(Int.min, Int.min)] }
        var out: [SIMD2<Int>] = []
        for x in x0...x1 { for y in y0...y1 { out.append(SIMD2(x, y)) } }
        return out
    }

    private mutating func add(_ b: Box) {
        for c in MapLabels.cells(b) { grid[c, default: []].append(placed.count) }
        placed.append(b)
    }

    private func isClear(_ b: Box) -> Bool {
        // A box too large for the grid (none on a map) is checked against everything.
        if let huge = grid[SIMD2(Int.min, Int.min)], huge.contains(where: { MapLabels.overlap(placed[$0], b) }) { return false }
        let cells = MapLabels.cells(b)
        if cells == [SIMD2(Int.min, Int.min)] { return !placed.contains { MapLabels.overlap($0, b) } }
        for c in cells {
            if let list = grid[c], list.contains(where: { MapLabels.overlap(placed[$0], b) }) { return false }
        }
        return true
    }

    private static func overlap(_ a: Box, _ b: Box) -> Bool {
        a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
    }

    init(left: Double, top: Double, width: Double, height: Double) {
        bounds = Box(minX: left + 2, minY: top + 2, maxX: left + width - 2, maxY: top + height - 2)
    }

    /// The box of `text` centred on x with its baseline at y.
    static func box(_ text: String, x: Double, y: Double, size: Double) -> Box {
        let w = Double(text.count) * size * 0.56 + 4
        return Box(minX: x - w / 2, minY: y - size, maxX: x + w / 2, maxY: y + size * 0.3)
    }

    /// Reserves an area (a marker, the scale bar) so that no label covers it.
    mutating func reserve(_ b: Box) { add(b) }

    /// The first candidate (x, baseline y) where the label fits (inside the map, clear of the labels and markers
    /// before it, and where `fits` says), reserving its box; nil if none does.
    mutating func place(_ text: String, candidates: [(Double, Double)], size: Double, fits: (Box) -> Bool = { _ in true }) -> (Double, Double)? {
        for (x, y) in candidates {
            let b = MapLabels.box(text, x: x, y: y, size: size)
            guard b.minX >= bounds.minX, b.maxX <= bounds.maxX, b.minY >= bounds.minY, b.maxY <= bounds.maxY else { continue }
            guard isClear(b), fits(b) else { continue }
            add(b)
            return (x, y)
        }
        return nil
    }
}

