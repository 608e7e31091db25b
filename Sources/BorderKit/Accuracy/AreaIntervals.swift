import GeoCore

/// The interval of every area of an `areas` report, from the territories' positional accuracy `a` metres.
///
/// Method: an outline known to ± `a` bounds an area between the outline shrunk and grown by `a`: the geodesic
/// areas of `GEOSBuffer_r` by −`a` and +`a` in an azimuthal equidistant projection centred on the outline. An
/// enclave's or exclave's record keeps only its area and perimeter: its interval is the bound on those buffers,
/// A − P·a to A + P·a + π·a² (Steiner's formula, exact for a convex outline, wider for a winding one). A
/// territory's total uses its own outline; a claimant's or holder's total and "held by X inside Y" add their pieces' intervals,
/// so the borders between pieces count (wider than the outline alone). Claim and control lines are taken at the
/// territories' accuracy: where their own sources are schematic, they may lie further off.
public struct AreaIntervals: Sendable {
    /// The accuracy, metres.
    public var accuracy: Double
    /// Each piece's interval, in the order of `AreaReport.pieces`.
    public var pieces: [FigureInterval]
    /// Each territory's total, by id.
    public var byTerritory: [String: FigureInterval]
    /// Each claimant's total.
    public var byClaimant: [String: FigureInterval]
    /// Each holder's total.
    public var byHolder: [String: FigureInterval]
    /// "Held by X inside Y", keyed by holder and territory joined with a NUL.
    public var heldInside: [String: FigureInterval]
    /// Each enclave, exclave and detached part, in the order of `AreaReport.enclaves`.
    public var enclaves: [FigureInterval]

    /// How the intervals are made, in words, for reports.
    public static let method = "each outline shrunk and grown by the territories' accuracy (GEOS buffer in a local azimuthal "
        + "equidistant projection), the areas of the two geodesic; an enclave's or exclave's from its area A and perimeter P, "
        + "A − P·a to A + P·a + π·a² (the bound on the same buffers); a territory's total from its own outline, claimants', holders' and "
        + "held-inside totals by adding their pieces' intervals; claim and control lines taken at the territories' accuracy (their "
        + "own sources may be coarser); figures are printed to the first digit of their interval's half-width"

    /// The interval of an area `area` m² whose outline of `perimeter` m in `polygons` polygons is known to ± `a` m.
    public static func interval(area: Double, perimeter: Double, polygons: Int, accuracy a: Double) -> FigureInterval {
        FigureInterval(low: max(0, area - perimeter * a), high: area + perimeter * a + Double(polygons) * Double.pi * a * a)
    }

    /// The intervals of `report`'s areas, the territories' outlines from `territories`, at accuracy `a` metres.
    public static func compute(_ report: AreaReport, territories: [Territory], accuracy a: Double) throws -> AreaIntervals {
        let g = Geodesic.wgs84
        func of(_ geometry: Geometry, area: Double) throws -> FigureInterval {
            guard a > 0, let box = geometry.envelope else { return FigureInterval(low: area, high: area) }
            let projection = AzimuthalEquidistant(center: Geodesic.middle(of: box))
            let local = projection.forward(geometry)
            func buffered(_ d: Double) throws -> Double { g.area(of: projection.inverse(try local.buffer(d))) }
            return FigureInterval(low: try buffered(-a), high: try buffered(a)).including(area)
        }
        let pieces = try report.pieces.map { try of($0.geometry, area: $0.area) }
        var byClaimant: [String: FigureInterval] = [:], byHolder: [String: FigureInterval] = [:], held: [String: FigureInterval] = [:]
        let zero = FigureInterval(low: 0, high: 0)
        for (p, i) in zip(report.pieces, pieces) {
            for c in p.claimants { byClaimant[c] = (byClaimant[c] ?? zero) + i }
            byHolder[p.holder] = (byHolder[p.holder] ?? zero) + i
            if let t = p.territory { held["\(p.holder)\u{0}\(t)"] = (held["\(p.holder)\u{0}\(t)"] ?? zero) + i }
        }
        let outlines = Dictionary(territories.map { ($0.id, $0.geometry) }, uniquingKeysWith: { a, _ in a })
        var byTerritory: [String: FigureInterval] = [:]
        // A territory that is one piece (no claim or control divides it) has that piece's interval: buffered once.
        var onlyPiece: [String: Int] = [:], pieceCount: [String: Int] = [:]
        for (k, p) in report.pieces.enumerated() {
            guard let t = p.territory else { continue }
            pieceCount[t, default: 0] += 1
            onlyPiece[t] = k
        }
        for t in report.byTerritory {
            guard let outline = outlines[t.key] else { byTerritory[t.key] = FigureInterval(low: t.area, high: t.area); continue }
            if pieceCount[t.key] == 1, let k = onlyPiece[t.key], report.pieces[k].geometry == outline {
                byTerritory[t.key] = pieces[k]
            } else {
                byTerritory[t.key] = try of(outline, area: t.area)
            }
        }
        return AreaIntervals(accuracy: a, pieces: pieces, byTerritory: byTerritory, byClaimant: byClaimant, byHolder: byHolder,
                             heldInside: held, enclaves: report.enclaves.map { interval(area: $0.area, perimeter: $0.perimeter, polygons: 1, accuracy: a) })
    }
}
