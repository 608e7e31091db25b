import GeoCore

/// The claims, control and border-status layers, from published lines (qgis-common's world_map.gpkg:
/// the 1991 oblast outline and the 1994 ceasefire line), Natural Earth 10m's exclaves, and our routes.
struct AreasBuilder {
    let territories: [String: Geometry]
    let routes: [String: Geometry]
    let places: [Int64: Position]
    let digitised: [String: Position]
    let naturalEarth: [String: Geometry]
    let disputed: [(name: String, line: Geometry)]
    let g = Geodesic.wgs84

    /// The lines of one kind in the gpkg layer, merged (`GEOSLineMerge_r`) and then chained end to end
    /// across the small gaps the generalised source leaves (at most `maxGap` metres); returns the chain and
    /// the largest gap closed.
    func lines(_ name: String, maxGap: Double = 500) throws -> (positions: [Position], largestGap: Double) {
        let parts = disputed.filter { $0.name == name }.flatMap { $0.line.lineStrings }
        guard !parts.isEmpty else { throw BuildError("no \"\(name)\" lines in world_map.gpkg's disputed_borders") }
        var pieces = try Geometry.multiLineString(MultiLineString(parts)).lineMerged().lineStrings.map(\.positions)
        var chain = pieces.removeFirst()
        var largest = 0.0
        while !pieces.isEmpty {
            var best: (index: Int, reversed: Bool, atStart: Bool, gap: Double)?
            for (i, piece) in pieces.enumerated() {
                for (reversed, atStart) in [(false, false), (true, false), (false, true), (true, true)] {
                    let end = atStart ? chain.first! : chain.last!
                    let candidate = reversed ? piece.last! : piece.first!
                    let other = atStart ? (reversed ? piece.first! : piece.last!) : candidate
                    let gap = g.distance(end, other)
                    if best.map({ gap < $0.gap }) ?? true { best = (i, reversed, atStart, gap) }
                }
            }
            guard let b = best, b.gap <= maxGap else { throw BuildError("\(name): a gap of more than \(maxGap) m between its lines") }
            let piece = pieces.remove(at: b.index)
            let oriented = b.reversed ? Array(piece.reversed()) : piece
            largest = max(largest, b.gap)
            if b.atStart {
                chain = Array(oriented.dropLast(b.gap == 0 ? 1 : 0)) + chain
            } else {
                chain += oriented.dropFirst(b.gap == 0 ? 1 : 0)
            }
        }
        return (chain, largest)
    }

    /// The Nagorno-Karabakh Autonomous Oblast's outline in 1991: its boundary lines polygonised (chained across its gaps, then made a ring).
    func formerOblast() throws -> (outline: Geometry, largestGap: Double) {
        let (chain, gap) = try lines("Former USSR oblast in 1991")
        guard g.distance(chain.first!, chain.last!) <= 500 else { throw BuildError("the oblast lines do not close") }
        let ring = chain.first == chain.last ? chain : chain + [chain[0]]
        let outline = try Geometry.polygon(Polygon([ring])).makeValid().polygonal
        return (outline, max(gap, g.distance(chain.first!, chain.last!)))
    }

    /// The 1994 ceasefire line as one line.
    func ceasefireLine() throws -> (line: Geometry, largestGap: Double) {
        let (chain, gap) = try lines("Ceasefire Line 1994")
        return (.lineString(LineString(chain)), gap)
    }

    /// The mainland body of Azerbaijan (the component holding Baku).
    func mainland() throws -> Geometry {
        let baku = Geometry.point(Point(places[587084]!))
        return .polygon(try territories["AZ"]!.polygons.first { try Geometry.polygon($0).contains(baku) }!)
    }

    /// The area west of the ceasefire line held by Armenian forces 1994–2020: the ceasefire line, extended at
    /// both ends 2 km past Azerbaijan's border along its last segment, cuts mainland Azerbaijan
    /// (`GEOSPolygonize_r` on the noded union); the piece holding Lachin is the one held.
    func held1994() throws -> Geometry {
        var p = try lines("Ceasefire Line 1994").positions
        func extend(_ a: Position, _ b: Position) -> Position {   // 2 km beyond b, continuing a → b
            let inv = g.inverse(a, b)
            return g.direct(from: b, azimuth: inv.azimuth2, distance: 2_000).position
        }
        p.insert(extend(p[1], p[0]), at: 0)
        p.append(extend(p[p.count - 2], p[p.count - 1]))
        let body = try mainland()
        let noded = try body.boundary().union(.lineString(LineString(p)))
        let lachin = Geometry.point(Point(places[147625]!))
        let faces = try noded.polygonize().polygons.map(Geometry.polygon)
        guard let held = try faces.first(where: { try $0.contains(lachin) }) else { throw BuildError("no face holds Lachin") }
        return try held.intersection(body)
    }

    /// A corridor `width` metres wide along a route, inside Azerbaijan: the route buffered by half the width in a
    /// local azimuthal equidistant projection centred on it (`GEOSBuffer_r`), back to lon/lat.
    func corridor(_ route: String, width: Double) throws -> Geometry {
        let line = routes[route]!
        let e = line.envelope!
        let projection = try Projection(center: Position((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2))
        let dense = Geometry.lineString(LineString(g.densify(line.lineStrings[0].positions, maxSegment: 500)))
        let buffered = try projection.forward(dense).buffer(width / 2, style: BufferStyle(quadrantSegments: 16))
        return try projection.inverse(buffered).intersection(territories["AZ"]!)
    }

    /// The border section delimited in 2024 (Tavush–Gazakh): `length` metres of the DCW Armenia–Azerbaijan
    /// border from the border point nearest Baghanis, running towards Voskepar. Only its northern end is
    /// located by a source (the village); its length is the published figure, so it is not a check of the data.
    func delimited2024(length: Double) throws -> Geometry {
        let baghanis = places[616829]!, voskepar = places[616074]!
        let projection = try Projection(center: baghanis)
        let border = try sharedBorder(territories["AM"]!, territories["AZ"]!)
        let b = try projection.forward(baghanis), v = try projection.forward(voskepar)
        let line = try nearestComponent(of: border, to: b, b, in: projection)
        guard case .lineString(let l) = line else { throw BuildError("the Armenia–Azerbaijan border near Baghanis is not one line") }
        let db = try line.project(.point(Point(b))), dv = try line.project(.point(Point(v)))
        let piece = dv >= db ? substring(l.positions, from: db, to: db + length) : substring(l.positions, from: db - length, to: db)
        return .lineString(LineString(try piece.map { try projection.inverse($0) }))
    }

    /// Natural Earth's parts of `code` wholly surrounded by `host` in Natural Earth: `host` with its holes
    /// filled covers them (`GEOSCovers_r`).
    func exclaves(of code: String, in host: String) throws -> [Geometry] {
        let filled = try Geometry.union(of: naturalEarth[host]!.polygons.map { .polygon(Polygon([$0.rings[0]])) })
        return try naturalEarth[code]!.polygons.map(Geometry.polygon).filter { try filled.covers($0) }
    }
}
