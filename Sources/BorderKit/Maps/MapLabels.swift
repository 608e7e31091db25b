/// Places labels without overlap: each label is tried at its candidate points in order and placed at the
/// first where its box (estimated from the font size) stays inside the map and clear of every label before it.
struct MapLabels {
    struct Box {
        var minX, minY, maxX, maxY: Double
        var width: Double { maxX - minX }
    }
    private(set) var placed: [Box] = []
    let bounds: Box

    init(left: Double, top: Double, width: Double, height: Double) {
        bounds = Box(minX: left + 2, minY: top + 2, maxX: left + width - 2, maxY: top + height - 2)
    }

    /// The box of `text` centred on x with its baseline at y.
    static func box(_ text: String, x: Double, y: Double, size: Double) -> Box {
        let w = Double(text.count) * size * 0.56 + 4
        return Box(minX: x - w / 2, minY: y - size, maxX: x + w / 2, maxY: y + size * 0.3)
    }

    /// Reserves an area (a marker, the scale bar) so that no label covers it.
    mutating func reserve(_ b: Box) { placed.append(b) }

    /// The first candidate (x, baseline y) where the label fits, reserving its box; nil if none does.
    mutating func place(_ text: String, candidates: [(Double, Double)], size: Double) -> (Double, Double)? {
        for (x, y) in candidates {
            let b = MapLabels.box(text, x: x, y: y, size: size)
            guard b.minX >= bounds.minX, b.maxX <= bounds.maxX, b.minY >= bounds.minY, b.maxY <= bounds.maxY else { continue }
            if placed.contains(where: { $0.minX < b.maxX && b.minX < $0.maxX && $0.minY < b.maxY && b.minY < $0.maxY }) { continue }
            placed.append(b)
            return (x, y)
        }
        return nil
    }
}
