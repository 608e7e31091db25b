/// A value where GeoJSON expects an object (the root, a feature, a geometry), as the streaming parser reads it.
///
/// Why: a JSON tree costs an enum, and an array, per number; a position read straight into `Position` costs
/// 32 bytes. Objects keep their ordinary members as JSON (small: types, ids, properties) and hold the members
/// that carry geometry in forms of their own, so that the decoder never sees a tree of coordinates unless the
/// file is irregular there (then the tree is what it reads, with the messages it always gave).
indirect enum RawGeoJSON {
    /// An object, read member by member.
    case object(RawObject)
    /// Anything else (refused by the decoder, naming its kind).
    case other(JSONValue)

    /// The raw form of an already parsed JSON value: every member stays where it is, as JSON (the decoder reads
    /// "geometry", "coordinates" and "geometries" from the members when they were not read apart), so foreign
    /// members of any name are kept as the file has them.
    init(_ value: JSONValue) {
        guard case .object(let object) = value else {
            self = .other(value)
            return
        }
        self = .object(RawObject(members: object))
    }

    /// JSON's name for the value's type, for messages.
    var kindDescription: String {
        switch self {
        case .object: "an object"
        case .other(let v): v.kindDescription
        }
    }
}

/// A GeoJSON object's members: the ordinary ones as JSON, and those that carry geometry apart.
///
/// A member name read twice keeps its last value, as `JSONObject` does: reading a special member clears the
/// ordinary one of that name and the other way round.
struct RawObject {
    /// Every member but the ones held below.
    var members: JSONObject
    /// A Feature's "geometry", when it is an object.
    var geometry: RawGeoJSON?
    /// A geometry's "coordinates".
    var coordinates: RawCoordinates?
    /// A GeometryCollection's "geometries", when an array.
    var geometries: [RawGeoJSON]?

    /// The type name, when "type" is a string.
    var type: String? { members["type"]?.stringValue }
}

/// A geometry's "coordinates" as read: packed positions when the nesting is regular, else the JSON tree.
enum RawCoordinates {
    /// Every leaf a position of two or more numbers, all leaves at one depth, no empty array.
    case packed(PackedCoordinates)
    /// Anything else: the decoder reads the tree and says what is wrong with it.
    case tree(JSONValue)

    /// The JSON tree of these coordinates (numbers as reals; messages show them with their shortest digits).
    var tree: JSONValue {
        switch self {
        case .tree(let value): value
        case .packed(let packed): packed.tree
        }
    }
}

/// Regularly nested coordinates: positions in reading order and the length of every array above them.
struct PackedCoordinates {
    /// Nesting depth: 1 a position, 2 a list of positions, 3 a list of lists, 4 a list of lists of lists.
    var depth = 0
    /// Every position, in reading order.
    var positions: [Position] = []
    /// `counts[k]`: the element count of each array at nesting level k (0 the outermost), in reading order.
    var counts: [[Int]] = []

    /// The positions split by the arrays at level `level` (the one just above the positions: depth − 2), as
    /// slices of `positions` in order.
    func lists() -> [[Position]] {
        guard depth >= 2 else { return [exactly(0..<positions.count)] }
        var out: [[Position]] = []
        out.reserveCapacity(counts[depth - 2].count)
        var start = 0
        for n in counts[depth - 2] {
            out.append(exactly(start..<start + n))
            start += n
        }
        return out
    }

    /// The positions of `range` in an array of exactly their count (the reading buffer grew by doubling: kept
    /// as it is, a million polygons would hold up to twice the memory they need).
    func exactly(_ range: Range<Int>) -> [Position] {
        [Position](unsafeUninitializedCapacity: range.count) { buffer, count in
            for (k, i) in range.enumerated() { (buffer.baseAddress! + k).initialize(to: positions[i]) }
            count = range.count
        }
    }

    /// The same coordinates as a JSON tree.
    var tree: JSONValue {
        func position(_ p: Position) -> JSONValue {
            var numbers: [JSONValue] = [.number(p.x), .number(p.y)]
            if let z = p.z { numbers.append(.number(z)) }
            return .array(numbers)
        }
        guard depth >= 2 else { return positions.first.map(position) ?? .array([]) }
        // Build from the leaves up: each level groups the level below by its counts.
        var level: [JSONValue] = positions.map(position)
        for k in stride(from: depth - 2, through: 0, by: -1) {
            var grouped: [JSONValue] = []
            var start = 0
            for n in counts[k] {
                grouped.append(.array(Array(level[start..<start + n])))
                start += n
            }
            level = grouped
        }
        return level.first ?? .array([])
    }
}
