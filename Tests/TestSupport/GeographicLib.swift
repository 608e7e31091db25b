import Foundation

/// GeographicLib's command-line tools (Debian geographiclib-tools, installed by Tools/setup.sh) as the tests'
/// independent oracle: geodesic distances (GeodSolve) and polygon areas and perimeters (Planimeter), on WGS84.
public enum GeographicLib {
    /// True when both tools are on PATH.
    public static var available: Bool { TestPaths.which("GeodSolve") != nil && TestPaths.which("Planimeter") != nil }
    public static let missingReason = "GeographicLib's GeodSolve/Planimeter are not installed (Debian geographiclib-tools)"

    /// Geodesic distance in metres between two lon/lat points (GeodSolve -i, which reads "lat lon").
    public static func distance(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) throws -> Double {
        let r = try run(TestPaths.which("GeodSolve")!, ["-i", "-p", "9"], input: Data("\(lat1) \(lon1) \(lat2) \(lon2)\n".utf8))
        return Double(r.stdoutText.split(separator: " ")[2].trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// The geodesic's azimuths (degrees clockwise from north) at the two points, by GeodSolve -i.
    public static func azimuths(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) throws -> (start: Double, end: Double) {
        let r = try run(TestPaths.which("GeodSolve")!, ["-i", "-p", "9"], input: Data("\(lat1) \(lon1) \(lat2) \(lon2)\n".utf8))
        let f = r.stdoutText.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        return (f[0], f[1])
    }

    /// Geodesic length in metres of the path through lon/lat points.
    public static func length(_ points: [(Double, Double)]) throws -> Double {
        try zip(points, points.dropFirst()).reduce(0) { $0 + (try distance($1.0.0, $1.0.1, $1.1.0, $1.1.1)) }
    }

    /// Area (m², absolute) and perimeter (m) of the polygon through lon/lat points (not closed), by Planimeter
    /// (`-p 12`: Planimeter prints the area with 5 fewer decimals than the perimeter).
    public static func polygon(_ points: [(Double, Double)]) throws -> (area: Double, perimeter: Double) {
        let input = points.map { "\($0.1) \($0.0)" }.joined(separator: "\n") + "\n"
        let r = try run(TestPaths.which("Planimeter")!, ["-p", "12"], input: Data(input.utf8))  // area to 7 decimals (prec − 5)
        let f = r.stdoutText.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (abs(Double(f[2])!), Double(f[1])!)
    }
}
