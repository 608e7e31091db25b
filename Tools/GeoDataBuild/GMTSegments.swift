import GeoCore

/// One ring of `gmt coast -E<code> -M` output: a "> <Name> Segment <n>" header and lon/lat lines.
struct GMTSegment {
    var number: Int
    var ring: [Position]
}

/// Reads GMT multisegment text (lon<TAB>lat per line, segments headed by '>').
func readGMTSegments(_ text: String) throws -> [GMTSegment] {
    var segments: [GMTSegment] = []
    for line in text.split(whereSeparator: \.isNewline) {
        if line.hasPrefix(">") {
            let number = line.split(separator: " ").last.flatMap { Int($0) } ?? segments.count
            segments.append(GMTSegment(number: number, ring: []))
        } else if !line.isEmpty {
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard fields.count >= 2, let x = Double(fields[0]), let y = Double(fields[1]), !segments.isEmpty else {
                throw BuildError("cannot read GMT line: \(line)")
            }
            segments[segments.count - 1].ring.append(Position(x, y))
        }
    }
    for i in segments.indices where segments[i].ring.first != segments[i].ring.last {
        segments[i].ring.append(segments[i].ring[0])
    }
    return segments
}

/// DCW stores an enclave as a ring plus the same ring reversed, with nothing marking either as a hole.
/// Returns the pairs (by index) whose rings hold the same positions in opposite order.
func reversedPairs(_ segments: [GMTSegment]) -> [(Int, Int)] {
    var pairs: [(Int, Int)] = []
    var used = Set<Int>()
    for i in segments.indices where !used.contains(i) {
        for j in segments.indices where j > i && !used.contains(j) {
            let a = segments[i].ring, b = segments[j].ring
            guard a.count == b.count, Set(a) == Set(b) else { continue }
            if planarSignedArea(a) * planarSignedArea(b) < 0 {
                pairs.append((i, j))
                used.formUnion([i, j])
                break
            }
        }
    }
    return pairs
}

/// Twice the signed shoelace area in the lon/lat plane (positive: counter-clockwise).
func planarSignedArea(_ ring: [Position]) -> Double {
    var s = 0.0
    for (a, b) in zip(ring, ring.dropFirst()) { s += a.x * b.y - b.x * a.y }
    return s
}

struct BuildError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
