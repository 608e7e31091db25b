import GeoCore

/// Features split into tiles by a KD split of their envelopes' centres, balanced by vertex count.
///
/// Why: `borders` and `areas` on 10^6 polygons can run as one process per tile (on a dask cluster, or anywhere)
/// and still give one answer: every feature is copied whole into every tile its envelope touches, so the tile
/// whose half-open box holds a result's reference point (`TileExtent`) has every polygon that result needs. The
/// split alternates to the wider side of the centres' box and cuts at the centre where the vertices behind it
/// reach the tiles' share (ties broken by file order), so tiles hold about equal work, not equal counts.
public struct Partition: Sendable {
    /// One tile: its box and the indices (in file order) of the features copied into it.
    public struct Tile: Sendable, Hashable {
        /// The tile's half-open box.
        public var extent: TileExtent
        /// Indices of the features it holds, ascending.
        public var features: [Int]
        /// Indices of the features whose envelope centre lies in the tile (each feature has one home tile).
        public var homes: Int
        /// Vertices of the features it holds.
        public var vertices: Int
    }

    /// The tiles, in KD order (the same input and count give the same tiles).
    public var tiles: [Tile]

    /// Tiles of `features` (`count` at least 1). Features without geometry go to the first tile only.
    public init(_ features: [Feature], tiles count: Int) {
        struct Item { var index: Int; var envelope: Envelope; var cx: Double; var cy: Double; var weight: Int }
        var items: [Item] = []
        var bare: [Int] = []
        items.reserveCapacity(features.count)
        for (i, f) in features.enumerated() {
            guard let g = f.geometry, let e = g.envelope else { bare.append(i); continue }
            items.append(Item(index: i, envelope: e, cx: (e.minX + e.maxX) / 2, cy: (e.minY + e.maxY) / 2, weight: max(1, g.vertexCount)))
        }
        var boxes: [(extent: TileExtent, homes: [Int])] = []
        func split(_ list: ArraySlice<Item>, _ extent: TileExtent, _ k: Int) {
            guard k > 1, list.count > 1 else {
                boxes.append((extent, list.map(\.index)))
                for _ in 1..<max(k, 1) { boxes.append((TileExtent(west: extent.east, south: extent.north, east: extent.east, north: extent.north), [])) }
                return
            }
            let minX = list.map(\.cx).min()!, maxX = list.map(\.cx).max()!, minY = list.map(\.cy).min()!, maxY = list.map(\.cy).max()!
            let alongX = maxX - minX >= maxY - minY
            let sorted = list.sorted { a, b in
                let (p, q) = alongX ? (a.cx, b.cx) : (a.cy, b.cy)
                return p != q ? p < q : a.index < b.index
            }
            let left = k / 2
            let total = sorted.reduce(0) { $0 + $1.weight }
            let target = Double(total) * Double(left) / Double(k)
            var cut = 0, sum = 0
            while cut < sorted.count - 1, Double(sum + sorted[cut].weight) <= target { sum += sorted[cut].weight; cut += 1 }
            cut = max(cut, 1)
            // Items at the cut's coordinate all go right: the box is half-open.
            let value = alongX ? sorted[cut].cx : sorted[cut].cy
            while cut > 0, (alongX ? sorted[cut - 1].cx : sorted[cut - 1].cy) == value { cut -= 1 }
            var low = extent, high = extent
            if alongX { low.east = value; high.west = value } else { low.north = value; high.south = value }
            if cut == 0 {
                // Every centre at one coordinate: nothing to cut there; the other tiles stay empty.
                split(sorted[...], extent, 1)
                for _ in 1..<k { boxes.append((TileExtent(west: extent.east, south: extent.north, east: extent.east, north: extent.north), [])) }
                return
            }
            split(sorted[..<cut], low, left)
            split(sorted[cut...], high, k - left)
        }
        split(items[...], .everything, max(count, 1))
        // Copies: every tile whose box the feature's envelope touches, or its copy a turn east or west where it
        // reaches ±180° (`TileExtent.referencePoint` may name a point there), found by scanning the tiles (there
        // are few) for each feature.
        var members = Array(repeating: [Int](), count: boxes.count)
        var vertices = Array(repeating: 0, count: boxes.count)
        for item in items {
            let copies = item.envelope.antimeridianCopies
            for (t, box) in boxes.enumerated() where box.extent.east > box.extent.west && copies.contains(where: box.extent.touches) {
                members[t].append(item.index)
                vertices[t] += item.weight
            }
        }
        if !bare.isEmpty { members[0] = (bare + members[0]).sorted() }
        tiles = boxes.indices.map { t in
            Tile(extent: boxes[t].extent, features: members[t], homes: boxes[t].homes.count, vertices: vertices[t])
        }
    }

    /// Features copied, per feature with geometry: 1 when no envelope crosses a tile's edge.
    public var replication: Double {
        let homes = tiles.reduce(0) { $0 + $1.homes }
        return homes == 0 ? 0 : Double(tiles.reduce(0) { $0 + $1.features.count }) / Double(homes)
    }
}
