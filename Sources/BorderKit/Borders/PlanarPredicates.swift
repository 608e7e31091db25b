/// A point of the plane (x, y in the pair's frame: degrees of longitude and latitude), hashable by its exact bits
/// (−0 and +0 are one point, as in GEOS).
struct XY: Hashable {
    var x: Double
    var y: Double

    @inline(__always) init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Lexicographic order (x, then y): the order border lines are normalised in.
    @inline(__always) static func precedes(_ a: XY, _ b: XY) -> Bool { (a.x, a.y) < (b.x, b.y) }
}

/// Orientation tests whose sign is certain or admitted unknown, never guessed.
///
/// Why: the shared-edge path of `Borders.pairBorder` (`SharedEdges`) may answer without GEOS only when every
/// decision it makes is exact; a sign that rounding could have flipped sends the pair back to GEOS's overlay.
/// The filter is Shewchuk's first stage (orient2dfast with the error bound `ccwerrboundA`, J. R. Shewchuk,
/// "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997).
enum PlanarPredicates {
    /// (3 + 16ε)ε with ε = 2⁻⁵³: the relative error bound of the determinant below.
    private static let errorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// The side of the line a→b on which c lies: +1 left (a, b, c counter-clockwise), −1 right, 0 on the line
    /// (exactly), nil when rounding could have decided the sign.
    @inline(__always)
    static func orientation(_ a: XY, _ b: XY, _ c: XY) -> Int? {
        let left = (a.x - c.x) * (b.y - c.y)
        let right = (a.y - c.y) * (b.x - c.x)
        let det = left - right
        let sum = abs(left) + abs(right)
        let bound = errorBound * sum
        if det > bound { return 1 }
        if -det > bound { return -1 }
        // Both products exactly zero only when a difference is exactly zero (Sterbenz): the true value is 0.
        return sum == 0 ? 0 : nil
    }

    /// How two segments meet.
    enum Contact {
        /// No common point.
        case disjoint
        /// The same segment (in either direction).
        case identical
        /// Only this common end.
        case commonEnd(XY)
        /// Anything else (a crossing, a touch inside a segment, a collinear overlap), or not decidable exactly.
        case other
    }

    /// How segment p1–p2 meets segment q1–q2 (neither of zero length).
    static func contact(_ p1: XY, _ p2: XY, _ q1: XY, _ q2: XY) -> Contact {
        let s11 = p1 == q1, s12 = p1 == q2, s21 = p2 == q1, s22 = p2 == q2
        if (s11 && s22) || (s12 && s21) { return .identical }
        if s11 || s12 || s21 || s22 {
            let common = (s11 || s12) ? p1 : p2
            let pOther = (s11 || s12) ? p2 : p1
            let qOther = (s11 || s21) ? q2 : q1
            guard let o = orientation(p1, p2, qOther) else { return .other }
            if o != 0 { return .commonEnd(common) }
            // Collinear: they meet beyond the common end unless they leave it in opposite directions.
            let dot = (pOther.x - common.x) * (qOther.x - common.x) + (pOther.y - common.y) * (qOther.y - common.y)
            return dot < 0 ? .commonEnd(common) : .other
        }
        guard let d1 = orientation(q1, q2, p1), let d2 = orientation(q1, q2, p2) else { return .other }
        if d1 * d2 > 0 { return .disjoint }
        guard let d3 = orientation(p1, p2, q1), let d4 = orientation(p1, p2, q2) else { return .other }
        if d3 * d4 > 0 { return .disjoint }
        if d1 == 0, d2 == 0, d3 == 0, d4 == 0 {
            // On one line: apart unless their extents along it overlap or touch.
            let useX = p1.x != p2.x
            let (pa, pb) = useX ? (min(p1.x, p2.x), max(p1.x, p2.x)) : (min(p1.y, p2.y), max(p1.y, p2.y))
            let (qa, qb) = useX ? (min(q1.x, q2.x), max(q1.x, q2.x)) : (min(q1.y, q2.y), max(q1.y, q2.y))
            return pb < qa || qb < pa ? .disjoint : .other
        }
        return .other
    }
}
