import GeoCore

extension BorderReport {
    /// The part of the report one tile owns: the pairs, point contacts and overlaps whose reference point (the
    /// lower-left corner of the intersection of the two territories' envelopes, `TileExtent.referencePoint`) lies
    /// in `extent`, and the tripoints whose position does (a longitude of 180° counts as -180°).
    ///
    /// Why these points: the tile holding a pair's reference point holds both whole territories (`Partition`
    /// copies a feature into every tile its envelope touches, and both envelopes contain the point), and the tile
    /// holding a tripoint holds every territory meeting there; so each result is computed whole by the one tile
    /// that reports it, and the tiles' reports together hold each result once.
    public func owned(by extent: TileExtent, territories: [Territory]) -> BorderReport {
        var envelopes: [String: Envelope] = [:]
        envelopes.reserveCapacity(territories.count)
        for t in territories { if let e = t.geometry.envelope { envelopes[t.id] = e } }
        func owns(_ ids: [String]) -> Bool {
            guard ids.count == 2, let a = envelopes[ids[0]], let b = envelopes[ids[1]] else { return false }
            return extent.owns(a, b)
        }
        var part = self
        part.pairs = PairBorders(pairs.filter { owns($0.territories) })
        part.pointContacts = pointContacts.filter { owns($0.territories) }
        part.overlaps = overlaps.filter { owns($0.territories) }
        part.tripoints = Tripoints(tripoints.filter { extent.owns($0.position) })
        return part
    }
}
