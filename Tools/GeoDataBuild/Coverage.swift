import GeoCore

/// One change the coverage builder made to the DCW polygons, with its geodesic area.
struct Repair {
    var kind: String
    /// The territories involved (codes, sorted).
    var territories: [String]
    /// The territory that received the area.
    var receiver: String
    var area: Double
    var at: Position
    var note: String = ""
}

/// A gap that lies in no territory, and the neighbours it touches, with the shared boundary in metres.
struct GapReport {
    var area: Double
    var at: Position
    var sharedBoundary: [(String, Double)]
    var places: [String]
    var receiver: String
}

/// Builds a clean coverage of the frame from DCW's country rings.
///
/// 1. Each country's rings (minus DCW's enclave pairs) are unioned and clipped to the frame.
/// 2. Countries are taken finest DCW quantisation first; each is snapped (`GEOSSnap_r`) to what is
///    already placed within `snapDegrees`, and what still overlaps stays with the earlier, finer source.
/// 3. Each enclave pair becomes a hole in its country and a part of that country's neighbour with the
///    longest shared border.
/// 4. Every enclosed gap (one not touching the frame's edge, which is where the seas and the world beyond
///    are) goes to the territory of the GeoNames places inside it, else to the neighbour with the longest
///    shared boundary.
/// 5. Coordinates go on a 1e-7° grid (`GEOSGeom_setPrecision_r`), the precision they are written with.
struct CoverageBuilder {
    let frame: Envelope
    let snapDegrees: Double
    private(set) var repairs: [Repair] = []
    private(set) var gaps: [GapReport] = []
    private(set) var order: [String] = []
    private(set) var quantisation: [String: Double] = [:]
    private(set) var enclaveRings: [(owner: String, receiver: String, area: Double)] = []
    let g = Geodesic.wgs84

    init(frame: Envelope, snapDegrees: Double) {
        self.frame = frame
        self.snapDegrees = snapDegrees
    }

    mutating func build(_ countries: [(code: String, segments: [GMTSegment])], places: [(territory: String, name: String, at: Position)])
        throws -> [(code: String, geometry: Geometry)] {
        let frameGeometry = frame.polygon
        var raw: [String: Geometry] = [:]
        var enclaves: [(owner: String, ring: Geometry)] = []
        let midLatitude = (frame.minY + frame.maxY) / 2
        for (code, segments) in countries {
            let pairs = reversedPairs(segments)
            let paired = Set(pairs.flatMap { [$0.0, $0.1] })
            var parts: [Geometry] = []
            for (i, s) in segments.enumerated() where !paired.contains(i) {
                guard let e = Geometry.lineString(LineString(s.ring)).envelope, e.intersects(frame) else { continue }
                var ring = Geometry.polygon(Polygon([s.ring]))
                if try !ring.isValid() {
                    ring = try ring.makeValid().polygonal
                    let inFrame = try ring.intersection(frameGeometry)
                    repairs.append(Repair(kind: "invalid DCW ring made valid", territories: [code], receiver: code,
                                          area: g.area(of: inFrame), at: try representative(inFrame),
                                          note: "segment \(s.number); area and point are of its part inside the frame"))
                }
                parts.append(ring)
            }
            guard !parts.isEmpty else { continue }
            let clipped = try Geometry.union(of: parts).intersection(frameGeometry).polygonal
            guard !clipped.isEmpty else { continue }
            raw[code] = clipped
            quantisation[code] = quantisationMetres(segments, latitude: midLatitude)
            for (i, _) in pairs {
                let ring = try Geometry.polygon(Polygon([segments[i].ring])).intersection(frameGeometry).polygonal
                if !ring.isEmpty { enclaves.append((code, ring)) }
            }
        }
        let specOrder = territorySpecs.map(\.code)
        order = raw.keys.sorted { (quantisation[$0]!, specOrder.firstIndex(of: $0)!) < (quantisation[$1]!, specOrder.firstIndex(of: $1)!) }

        // 2. Priority with snapping.
        var result: [(code: String, geometry: Geometry)] = []
        var covered: Geometry?
        for code in order {
            var geometry = raw[code]!
            if let covered {
                let snapped = try geometry.snapped(to: covered, tolerance: snapDegrees)
                geometry = try snapped.isValid() ? snapped : snapped.makeValid().polygonal
                for (previous, placed) in result {
                    let overlap = try geometry.intersection(placed).polygonal
                    for piece in overlap.polygons {
                        let p = Geometry.polygon(piece)
                        repairs.append(Repair(kind: "overlap given to the finer source", territories: [previous, code].sorted(),
                                              receiver: previous, area: g.area(of: p), at: try representative(p)))
                    }
                }
                geometry = try geometry.difference(covered).polygonal
            }
            result.append((code, geometry))
            covered = try covered.map { try $0.union(geometry) } ?? geometry
        }

        // 3. Enclaves.
        for (owner, ring) in enclaves {
            let ownerGeometry = result.first { $0.code == owner }!.geometry
            let receiver = try result.filter { $0.code != owner }
                .map { ($0.code, try sharedLength(ownerGeometry, $0.geometry)) }
                .max { $0.1 < $1.1 }!.0
            for i in result.indices {
                result[i].geometry = result[i].code == receiver
                    ? try result[i].geometry.union(ring).polygonal
                    : try result[i].geometry.difference(ring).polygonal
            }
            let area = g.area(of: ring)
            enclaveRings.append((owner, receiver, area))
            repairs.append(Repair(kind: "enclave ring pair made a hole of \(owner) and a part of \(receiver)",
                                  territories: [owner, receiver].sorted(), receiver: receiver, area: area, at: try representative(ring)))
        }

        // 4. Gaps.
        let union = try Geometry.union(of: result.map(\.geometry))
        let frameBoundary = try frameGeometry.boundary()
        let holes = try frameGeometry.difference(union).polygonal.polygons.map(Geometry.polygon)
        for gap in holes where try !gap.intersects(frameBoundary) {
            var lengths: [(String, Double)] = []
            for (code, geometry) in result {
                let length = try sharedLength(gap, geometry)
                if length > 0 { lengths.append((code, length)) }
            }
            let inside = try places.filter { try gap.contains(.point(Point($0.at))) }
            let byPlaces = Dictionary(grouping: inside, by: \.territory).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
            guard let receiver = byPlaces ?? lengths.max(by: { $0.1 < $1.1 })?.0 else { continue }
            let i = result.firstIndex { $0.code == receiver }!
            result[i].geometry = try result[i].geometry.union(gap).polygonal
            let area = g.area(of: gap), at = try representative(gap)
            gaps.append(GapReport(area: area, at: at, sharedBoundary: lengths, places: inside.map(\.name), receiver: receiver))
            repairs.append(Repair(kind: byPlaces != nil ? "gap given to the territory of the places inside it" : "gap given to the neighbour with the longest shared boundary",
                                  territories: lengths.map(\.0).sorted(), receiver: receiver, area: area, at: at,
                                  note: inside.isEmpty ? "" : inside.map(\.name).joined(separator: ", ")))
        }

        // 5. The output grid.
        for i in result.indices {
            result[i].geometry = try result[i].geometry.reducedPrecision(gridSize: 1e-7).polygonal
        }
        return result
    }

    /// Geodesic length (m) of `a`'s boundary that lies on `b`'s boundary (within 1e-7°).
    func sharedLength(_ a: Geometry, _ b: Geometry) throws -> Double {
        let near = try b.boundary().buffer(1e-7, style: BufferStyle(quadrantSegments: 1))
        return g.length(of: try a.boundary().intersection(near))
    }

    func representative(_ geometry: Geometry) throws -> Position {
        try geometry.pointOnSurface().pointPosition ?? Position(.nan, .nan)
    }
}

extension Geometry {
    /// The polygons of this geometry as one MultiPolygon (lines and points dropped).
    var polygonal: Geometry { .multiPolygon(MultiPolygon(polygons.filter { !$0.rings.isEmpty })) }
}
