import GeoCore

/// The control changes after 2020 that no installable package draws: the part of Nagorno-Karabakh Armenian
/// forces held from 2020 to 2023, the villages returned in 2024, Armenian land held by Azerbaijan since
/// 2021–2022, and Karki. Each is schematic and says which places and published figures it follows.
extension AreasBuilder {
    /// The part of the former oblast held by Armenian forces from the trilateral statement (10 November 2020)
    /// to September 2023: the oblast's part held in 1994–2020, cut by the nearest-place rule — each point goes
    /// with the nearest of the named places whose 2020 fate the press reports (held: Khankendi/Stepanakert,
    /// Karkijahan/Krkzhan, Khojaly/Ivanyan, Askeran, Khojavend/Martuni, Vank, Aghdara/Martakert, Mets Shen;
    /// taken in October–November 2020: Shusha, Hadrut, Talish). The cells are Voronoi cells
    /// (`GEOSVoronoiDiagram_r`) in a local azimuthal equidistant projection, so "nearest" is on the ground.
    func held2020(oblast: Geometry, held1994: Geometry) throws -> Geometry {
        let held = [146970, 147736, 147774, 148450, 146969, 584747].map { places[$0]! } + ["martakert", "mets-shen"].map { digitised[$0]! }
        let taken = [places[147105]!] + ["hadrut", "talish"].map { digitised[$0]! }
        let mask = try oblast.intersection(held1994)
        let e = mask.envelope!
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let seeds = try (held + taken).map { try projection.forward($0) }
        let box = try projection.forward(mask).envelopeGeometry().buffer(50_000)
        let cells = try Geometry.multiPoint(MultiPoint(seeds.map { Point($0) })).voronoiCells(extent: box).polygons.map(Geometry.polygon)
        let heldSeeds = seeds.prefix(held.count).map { Geometry.point(Point($0)) }
        let kept = try cells.filter { cell in try heldSeeds.contains { try cell.contains($0) } }
        return try projection.inverse(try Geometry.union(of: kept)).intersection(mask)
    }

    /// The part of `territory` within `depth` metres of `line` (a flat-ended buffer in a local azimuthal
    /// equidistant projection), with the depth found by bisection so that its geodesic area is `area` m².
    /// For layers whose only located facts are a line and a published area: the area is then the published
    /// figure by construction, and only the placement is data.
    func strip(along line: Geometry, inside territory: Geometry, area: Double) throws -> (geometry: Geometry, depth: Double) {
        let e = line.envelope!
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let dense = try projection.forward(.multiLineString(MultiLineString(line.lineStrings.map { LineString(g.densify($0.positions, maxSegment: 200)) })))
        let inside = try projection.forward(territory)
        func make(_ d: Double) throws -> Geometry {
            try projection.inverse(try dense.buffer(d, style: BufferStyle(quadrantSegments: 8, cap: .flat)).intersection(inside))
        }
        var low = 1.0, high = 20_000.0
        for _ in 0..<40 {
            let mid = (low + high) / 2
            if g.area(of: try make(mid)) < area { low = mid } else { high = mid }
        }
        let depth = (low + high) / 2
        return (try make(depth), depth)
    }

    /// The stretch of the border between territories `a` and `b` from the border point nearest `from` to the one
    /// nearest `to`: the border component passing nearest both, cut in a local azimuthal equidistant projection.
    func borderBetween(_ a: String, _ b: String, from: Position, to: Position) throws -> Geometry {
        let border = try sharedBorder(territories[a]!, territories[b]!)
        let projection = try Projection(center: Position((from.x + to.x) / 2, (from.y + to.y) / 2))
        let p = try projection.forward(from), q = try projection.forward(to)
        let line = try nearestComponent(of: border, to: p, q, in: projection)
        guard case .lineString(let l) = line else { throw BuildError("the \(a)–\(b) border is not one line") }
        let dp = try line.project(.point(Point(p))), dq = try line.project(.point(Point(q)))
        let piece = substring(l.positions, from: min(dp, dq), to: max(dp, dq))
        return .lineString(LineString(try piece.map { try projection.inverse($0) }))
    }

    /// A disc of geodesic area `area` m² around `center` (radius √(area/π) in a local azimuthal equidistant
    /// projection, where areas near the centre are true to well under 0.1%), inside `territory`.
    func disc(at center: Position, area: Double, inside territory: Geometry) throws -> Geometry {
        let projection = try Projection(center: center)
        let radius = (area / Double.pi).squareRoot()
        let circle = try Geometry.point(Point(0, 0)).buffer(radius, style: BufferStyle(quadrantSegments: 32))
        return try projection.inverse(circle).intersection(territory)
    }

    /// The digitised places that lie in `part` or within `within` metres of it (default 2 km: Natural Earth 10m is
    /// good to about 1 km and a village point to about 0.5 km).
    func places(in part: Geometry, _ slugs: [String], within: Double = 2_000) throws -> [String] {
        try slugs.filter { slug in
            let p = digitised[slug]!
            let projection = try Projection(center: p)
            return try projection.forward(part).planarDistance(to: .point(Point(0, 0))) <= within
        }
    }
}
