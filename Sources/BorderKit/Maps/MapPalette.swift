import GeoCore

/// The colours and line styles of a map.
enum MapPalette {
    /// Muted fills for territories; neighbours get different ones.
    /// None is blue, so that land never looks like water.
    static let fills = ["#ecdcb4", "#cfe0b8", "#f2c9b6", "#dccbe4", "#f3e7a6", "#c9d9c9", "#e6c3c9", "#d9d3c0"]
    /// Strong, distinct colours for routes (and claimants/holders that are not territories).
    static let strong = ["#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037"]
    static let water = "#dde8f0"
    static let ink = "#222222"
    static let muted = "#666666"

    /// How a border of a status is drawn: colour, width and dash pattern.
    struct Stroke {
        var colour: String
        var width: Double
        var dash: String?
        var label: String
    }

    /// A border when no status layer says what kind it is.
    static let plainBorder = Stroke(colour: "#3a3a3a", width: 1.3, dash: nil, label: "border")

    /// Styles by status; any other status is drawn plain and named as it is.
    static func stroke(forStatus status: String) -> Stroke {
        switch status.lowercased() {
        case "delimited": Stroke(colour: "#1b1b1b", width: 2.2, dash: nil, label: "delimited border")
        case "undelimited": Stroke(colour: "#4a4a4a", width: 1.4, dash: "6 3", label: "undelimited border")
        case "line of control": Stroke(colour: "#b71c1c", width: 2, dash: "2 2", label: "line of control")
        case "disputed": Stroke(colour: "#6a1b9a", width: 1.8, dash: "1 3", label: "disputed border")
        default: Stroke(colour: "#4a4a4a", width: 1.2, dash: "3 2", label: "border: \(status)")
        }
    }

    /// Greedy colouring: territories with the most neighbours first, each the first fill no neighbour has.
    /// Neighbours are territories whose geometries touch (envelopes first, then `GEOSIntersects_r`, prepared).
    static func colouring(_ territories: [Territory]) -> [String: String] {
        let n = territories.count
        let boxes = territories.map { $0.geometry.envelope }
        var neighbours = [[Int]](repeating: [], count: n)
        // Candidates from an STRtree on the envelopes (`GEOSSTRtree_query_r`), not from every pair: a map of
        // 10^5 territories would otherwise compare 5 × 10^9 envelopes.
        let tree = try? STRtree(territories.map(\.geometry))
        for i in 0..<n {
            guard let a = boxes[i], let prepared = try? PreparedGeometry(territories[i].geometry) else { continue }
            let found = tree.flatMap { try? $0.query(a.expanded(by: 1e-6)) }
            for j in found ?? Array((i + 1)..<n) where j > i {
                guard let b = boxes[j], a.expanded(by: 1e-6).intersects(b) else { continue }
                if (try? prepared.intersects(territories[j].geometry)) == true {
                    neighbours[i].append(j)
                    neighbours[j].append(i)
                }
            }
        }
        let order = (0..<n).sorted { (neighbours[$0].count, territories[$1].id) > (neighbours[$1].count, territories[$0].id) }
        var colour = [Int](repeating: -1, count: n)
        for i in order {
            let used = Set(neighbours[i].map { colour[$0] })
            colour[i] = (0..<fills.count).first { !used.contains($0) } ?? (i % fills.count)
        }
        var out: [String: String] = [:]
        for i in 0..<n { out[territories[i].id] = fills[colour[i]] }
        return out
    }
}
