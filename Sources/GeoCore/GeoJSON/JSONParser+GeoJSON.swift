/// The GeoJSON side of the parser: objects read with their geometry members apart, coordinates read straight
/// into positions, and a look ahead at the root's members that skips its features.
extension JSONParser {
    /// Where a GeoJSON object is being read, which decides which of its members carry geometry.
    enum GeoContext {
        /// A Feature: its "geometry" is read as a geometry object.
        case feature
        /// A geometry: its "coordinates" packed, its "geometries" read as geometry objects.
        case geometry
    }

    /// The root object's members but "features", and what the look ahead found out about the rest.
    struct RootScan {
        /// Every member but "features", parsed, in order.
        var members: JSONObject
        /// How many "features" members the root has.
        var featureMembers = 0
        /// Whether every "features" member's value is an array.
        var featuresAreArrays = true
    }

    /// Reads the root object's members, skipping the value of "features" without building it; nil when the
    /// text is not an object or the look ahead cannot make sense of it (the full parse then reports why).
    mutating func scanRoot() -> RootScan? {
        let start = i, startDepth = depth
        defer { i = start; depth = startDepth }
        do throws(SyntaxError) {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            i += 1
            var scan = RootScan(members: JSONObject())
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                skipWhitespace()
                return i == bytes.count ? scan : nil
            }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
                let key = try parseString()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipWhitespace()
                if key == "features" {
                    scan.featureMembers += 1
                    if i >= bytes.count || bytes[i] != UInt8(ascii: "[") { scan.featuresAreArrays = false }
                    guard skipValue() else { return nil }
                } else {
                    scan.members.members.append(JSONMember(key, try parseValue()))
                }
                skipWhitespace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") {
                    // Data after the root is a syntax error the full parse must report before anything else.
                    i += 1
                    skipWhitespace()
                    return i == bytes.count ? scan : nil
                }
                return nil
            }
        } catch {
            return nil
        }
    }

    /// Moves past one value without building it, leniently (the full parse checks it); false at the end of
    /// the text. Strings are skipped with their escapes, so brackets inside them do not count.
    mutating func skipValue() -> Bool {
        var level = 0
        var reported = i
        while i < bytes.count {
            if i - reported >= 1 << 22, let progress {
                progress(i)
                reported = i
            }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard i < bytes.count else { return false }
                i += 1
                if level == 0 { return true }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                level += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                i += 1
                if level <= 0 { return level == 0 }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if level == 0 { return true }
                i += 1
            default:
                i += 1
            }
        }
        return level == 0 && i == bytes.count
    }

    /// Reads a value where a GeoJSON object is expected: an object member by member, its geometry members
    /// apart (see `RawObject`); anything else as JSON.
    mutating func parseRaw(_ context: GeoContext) throws(SyntaxError) -> RawGeoJSON {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return .other(try parseValue()) }
        try enter()
        var raw = RawObject(members: JSONObject())
        if try openObject() {
            repeat {
                let key = try memberName()
                skipWhitespace()
                let opening = i < bytes.count ? bytes[i] : 0
                switch (context, key) {
                case (.feature, "geometry") where opening == UInt8(ascii: "{"):
                    raw.members.members.removeAll { $0.key == key }
                    raw.geometry = try parseRaw(.geometry)
                case (.geometry, "coordinates") where opening == UInt8(ascii: "["):
                    raw.members.members.removeAll { $0.key == key }
                    raw.coordinates = try parseCoordinates()
                case (.geometry, "geometries") where opening == UInt8(ascii: "["):
                    raw.members.members.removeAll { $0.key == key }
                    raw.geometries = try parseRawArray(.geometry)
                default:
                    switch (context, key) {
                    case (.feature, "geometry"): raw.geometry = nil
                    case (.geometry, "coordinates"): raw.coordinates = nil
                    case (.geometry, "geometries"): raw.geometries = nil
                    default: break
                    }
                    raw.members.members.append(JSONMember(key, try parseValue()))
                }
            } while try nextMember()
        }
        depth -= 1
        return .object(raw)
    }

    /// Reads an array of values where GeoJSON objects are expected, handing each to `each` as it is read
    /// (with its index and the offset just past it), so that a caller can decode and let go of one at a time.
    mutating func parseRawElements(_ context: GeoContext, _ each: (RawGeoJSON, Int, Int) throws -> Void) throws {
        try enter()
        i += 1
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1; depth -= 1
            return
        }
        var n = 0
        while true {
            let element = try parseRaw(context)
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in an array") }
            let separator = bytes[i]
            guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
            try each(element, n, i)
            n += 1
            i += 1
            if separator == UInt8(ascii: "]") { break }
        }
        depth -= 1
    }

    private mutating func parseRawArray(_ context: GeoContext) throws(SyntaxError) -> [RawGeoJSON] {
        var list: [RawGeoJSON] = []
        do {
            try parseRawElements(context) { element, _, _ in list.append(element) }
        } catch let e as SyntaxError {
            throw e
        } catch {
            // `each` above does not throw.
        }
        return list
    }

    /// Reads coordinates straight into positions when they are regularly nested (see `PackedCoordinates`);
    /// otherwise reads them again as JSON, so that the decoder reports what is wrong as it always has.
    mutating func parseCoordinates() throws(SyntaxError) -> RawCoordinates {
        let start = i, startDepth = depth
        var packed = PackedCoordinates()
        if try pack(level: 0, &packed) { return .packed(packed) }
        i = start
        depth = startDepth
        return .tree(try parseValue())
    }

    /// After an element of a packed array: true when another follows (its comma read), false at the array's
    /// end (its "]" read), nil for anything else (the array is then read again as JSON).
    private mutating func packedNext() -> Bool? {
        skipWhitespace()
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") { i += 1; return true }
        if bytes[i] == UInt8(ascii: "]") { i += 1; return false }
        return nil
    }

    /// Packs the array at `i` (nesting `level`); false at the first irregularity (an empty array, a non-number,
    /// a position with fewer than two numbers, leaves at different depths, a syntax error).
    private mutating func pack(level: Int, _ p: inout PackedCoordinates) throws(SyntaxError) -> Bool {
        try enter()
        i += 1
        skipWhitespace()
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "[") {
            if p.depth != 0, level > p.depth - 2 { return false }
            if p.counts.count == level { p.counts.append([]) }
            let slot = p.counts[level].count
            p.counts[level].append(0)
            var n = 0
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return false }
                guard try pack(level: level + 1, &p) else { return false }
                n += 1
                guard let more = packedNext() else { return false }
                if !more { break }
            }
            p.counts[level][slot] = n
        } else {
            if p.depth == 0 { p.depth = level + 1 } else if p.depth != level + 1 { return false }
            var x = 0.0, y = 0.0, z: Double?
            var n = 0
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
                    return false
                }
                guard let d = try parseNumber().doubleValue else { return false }
                switch n {
                case 0: x = d
                case 1: y = d
                case 2: z = d
                default: break
                }
                n += 1
                guard let more = packedNext() else { return false }
                if !more { break }
            }
            guard n >= 2 else { return false }
            p.positions.append(Position(x, y, z))
        }
        depth -= 1
        return true
    }
}
