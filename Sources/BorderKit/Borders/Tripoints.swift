import GeoCore

/// Nodes where three or more territories meet, held as columns: what `BorderReport.tripoints` keeps.
///
/// Why columns: a coverage of a million cells has two million tripoints, and a `Tripoint` of its own per node
/// (an array of three ids) costs about 130 bytes; here one is about 40 (a position and three territory indices
/// into one shared id list). A node is made a `Tripoint` again when it is read (`subscript`).
public struct Tripoints: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The ids the nodes' territory indices point into.
    private var ids = IDList()
    /// Each node's longitude and latitude.
    private var positions: [SIMD2<Double>] = []
    /// The altitude of the few nodes given one (none from `Borders.run`).
    private var altitudes: [Int: Double] = [:]
    /// Where each node's territories end in `members` (its start is the previous node's end).
    private var memberEnds: [Int32] = []
    /// The nodes' territories, indices into `ids`, node after node.
    private var members: [Int32] = []

    /// No nodes.
    public init() {}

    /// No nodes yet, their territories to be given as indices into `ids` (`append(_:at:)`).
    init(ids: [String]) { self.ids = IDList(ids) }

    /// The nodes of `tripoints`, in their order.
    public init<S: Sequence>(_ tripoints: S) where S.Element == Tripoint {
        for t in tripoints { append(t) }
    }

    /// The nodes listed.
    public init(arrayLiteral elements: Tripoint...) { self.init(elements) }

    /// The first node's index: 0.
    public var startIndex: Int { 0 }
    /// One past the last node's index: the number of nodes.
    public var endIndex: Int { positions.count }

    /// The `i`-th node, made whole.
    public subscript(i: Int) -> Tripoint {
        let start = i == 0 ? 0 : Int(memberEnds[i - 1])
        let p = positions[i]
        return Tripoint(territories: members[start..<Int(memberEnds[i])].map { ids[$0] },
                        position: Position(p.x, p.y, altitudes[i]))
    }

    /// Adds a node of the territories `ids[k]` for each k of `territories` (`init(ids:)`): no id is looked up.
    /// Its position is given later (`appendPosition`), so that the two columns can be made one after the other.
    mutating func appendTerritories<C: Collection>(_ territories: C) where C.Element == Int32 {
        members += territories
        memberEnds.append(Int32(members.count))
    }

    /// Gives the next node added by `appendTerritories` without a position its position (lon/lat).
    mutating func appendPosition(_ position: SIMD2<Double>) {
        positions.append(position)
    }

    /// Adds `tripoint` at the end.
    public mutating func append(_ tripoint: Tripoint) {
        for id in tripoint.territories { members.append(ids.index(of: id)) }
        memberEnds.append(Int32(members.count))
        if let z = tripoint.position.z { altitudes[positions.count] = z }
        positions.append(SIMD2(tripoint.position.x, tripoint.position.y))
    }

    /// Room for `count` nodes of `members` territories in all.
    mutating func reserveCapacity(_ count: Int, members: Int) {
        positions.reserveCapacity(count)
        memberEnds.reserveCapacity(count)
        self.members.reserveCapacity(members)
    }

    /// The same nodes in the same order.
    public static func == (a: Tripoints, b: Tripoints) -> Bool { a.elementsEqual(b) }

    /// Hashes the nodes in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for t in self { hasher.combine(t) }
    }
}
