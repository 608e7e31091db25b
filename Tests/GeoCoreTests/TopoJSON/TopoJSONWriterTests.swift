import Foundation
import Testing
import TestSupport
@testable import GeoCore

/// TopoJSON from shared vertices: arcs stored once, rings rebuilt exactly, quantisation that breaks a polygon refused.
struct TopoJSONWriterTests {
    /// A topology decoded by the specification (not by the writer's code): each object's rings as positions.
    struct Decoded {
        var arcs: [[[Double]]]
        var objects: [String: [[String: Any]]]
        var transform: (scale: [Double], translate: [Double])?

        init(_ bytes: [UInt8]) throws {
            let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(root["type"] as? String == "Topology")
            var transform: (scale: [Double], translate: [Double])?
            if let t = root["transform"] as? [String: Any] {
                transform = (t["scale"] as! [Double], t["translate"] as! [Double])
            }
            self.transform = transform
            let raw = root["arcs"] as! [[[Double]]]
            arcs = raw.map { arc in
                guard let transform else { return arc }
                var x = 0.0, y = 0.0
                return arc.map { d in
                    x += d[0]; y += d[1]
                    return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]]
                }
            }
            var objects: [String: [[String: Any]]] = [:]
            for (name, o) in root["objects"] as! [String: Any] {
                objects[name] = (o as! [String: Any])["geometries"] as? [[String: Any]]
            }
            self.objects = objects
        }

        /// The positions of a ring or line given as arc indices.
        func path(_ refs: [Int]) -> [[Double]] {
            var out: [[Double]] = []
            for r in refs {
                let arc = r >= 0 ? arcs[r] : Array(arcs[~r].reversed())
                out += out.isEmpty ? arc : Array(arc.dropFirst())
            }
            return out
        }
    }

    func square(_ x: Double, _ y: Double, _ size: Double = 1) -> [Position] {
        [Position(x, y), Position(x + size, y), Position(x + size, y + size), Position(x, y + size), Position(x, y)]
    }

    func features(_ polygons: [Polygon]) -> [Feature] {
        polygons.enumerated().map { Feature(id: .integer(Int64($0.offset)), geometry: .polygon($0.element)) }
    }

    /// The same closed ring, whatever its first point.
    func sameRing(_ a: [[Double]], _ b: [Position]) -> Bool {
        let ring = Array(a.dropLast()), target = b.dropLast().map { [$0.x, $0.y] }
        guard ring.count == target.count, let start = ring.firstIndex(of: target[0]) else { return false }
        return (0..<ring.count).allSatisfy { ring[(start + $0) % ring.count] == target[$0] }
    }

    @Test("two squares sharing an edge: three arcs, the shared one walked forward by one and backward by the other")
    func sharedEdge() throws {
        let data = try TopoJSONWriter().data([TopoJSONObject(name: "t", features: features([Polygon([square(0, 0)]), Polygon([square(1, 0)])]))])
        let topo = try Decoded(data)
        #expect(topo.arcs.count == 3)
        let geometries = try #require(topo.objects["t"])
        let a = (geometries[0]["arcs"] as! [[Int]])[0], b = (geometries[1]["arcs"] as! [[Int]])[0]
        let shared = Set(a.map { $0 >= 0 ? $0 : ~$0 }).intersection(b.map { $0 >= 0 ? $0 : ~$0 })
        #expect(shared.count == 1)
        let k = try #require(shared.first)
        #expect(a.contains(k) != b.contains(k), "one walks it forward, the other backward: \(a) \(b)")
        #expect(sameRing(topo.path(a), square(0, 0)))
        #expect(sameRing(topo.path(b), square(1, 0)))
        #expect(geometries[0]["id"] as? Int == 0)
    }

    @Test("an enclave: the host's hole and the enclave's ring are one closed arc")
    func enclave() throws {
        let host = Polygon([square(0, 0, 4), Array(square(1, 1, 2).reversed())])
        let data = try TopoJSONWriter().data([TopoJSONObject(name: "t", features: features([host, Polygon([square(1, 1, 2)])]))])
        let topo = try Decoded(data)
        #expect(topo.arcs.count == 2)
        let g = try #require(topo.objects["t"])
        let hole = (g[0]["arcs"] as! [[Int]])[1], inner = (g[1]["arcs"] as! [[Int]])[0]
        #expect(hole.count == 1 && inner.count == 1 && hole[0] == ~inner[0])
        #expect(sameRing(topo.path(inner), square(1, 1, 2)))
    }

    @Test("a seeded coverage of jittered cells: every undirected edge in exactly one arc, every ring rebuilt exactly")
    func coverage() throws {
        var rng = SeededGenerator(seed: 19)
        let n = 12
        // Grid nodes jittered on a 1e-3 grid, so 7 decimals hold them exactly.
        var nodes: [[Position]] = []
        for i in 0...n {
            nodes.append((0...n).map { j in
                let dx = Int.random(in: -300...300, using: &rng), dy = Int.random(in: -300...300, using: &rng)
                return Position(Double(i * 1000 + (i == 0 || i == n ? 0 : dx)) / 1000, Double(j * 1000 + (j == 0 || j == n ? 0 : dy)) / 1000)
            })
        }
        var polygons: [Polygon] = []
        for i in 0..<n { for j in 0..<n {
            polygons.append(Polygon([[nodes[i][j], nodes[i + 1][j], nodes[i + 1][j + 1], nodes[i][j + 1], nodes[i][j]]]))
        } }
        struct Edge: Hashable { var a: [Double]; var b: [Double] }
        func key(_ p: Position, _ q: Position) -> Edge {
            let a = [p.x, p.y], b = [q.x, q.y]
            return a.lexicographicallyPrecedes(b) ? Edge(a: a, b: b) : Edge(a: b, b: a)
        }
        var edges = Set<Edge>()
        for p in polygons { for (a, b) in zip(p.rings[0], p.rings[0].dropFirst()) { edges.insert(key(a, b)) } }
        let topo = try Decoded(try TopoJSONWriter().data([TopoJSONObject(name: "cells", features: features(polygons))]))
        var arcEdges: [Edge] = []
        for arc in topo.arcs { for (a, b) in zip(arc, arc.dropFirst()) { arcEdges.append(key(Position(a[0], a[1]), Position(b[0], b[1]))) } }
        #expect(arcEdges.count == edges.count, "each edge stored once")
        #expect(Set(arcEdges) == edges, "\(Set(arcEdges).symmetricDifference(edges).count) edges differ")
        let g = try #require(topo.objects["cells"])
        for (i, p) in polygons.enumerated() {
            let refs = (g[i]["arcs"] as! [[Int]])[0]
            #expect(sameRing(topo.path(refs), p.rings[0]), "cell \(i)")
        }
    }

    @Test("quantised: delta-encoded arcs decode to within half a grid step; a grid that collapses a ring is refused")
    func quantised() throws {
        let polygons = [Polygon([square(0, 0, 100)]), Polygon([square(40.3, 40.3, 0.4)])]
        let fine = try Decoded(try TopoJSONWriter(quantization: 100_000).data([TopoJSONObject(name: "t", features: features(polygons))]))
        let step = 100.0 / 99_999
        let g = try #require(fine.objects["t"])
        let ring = fine.path((g[1]["arcs"] as! [[Int]])[0])
        for (p, q) in zip(ring.dropLast(), square(40.3, 40.3, 0.4)) {
            #expect(abs(p[0] - q.x) <= step / 2 + 1e-9 && abs(p[1] - q.y) <= step / 2 + 1e-9)
        }
        let error = try #require(throws: TopoJSONError.self) {
            try TopoJSONWriter(quantization: 11).data([TopoJSONObject(name: "t", features: features(polygons))])
        }
        #expect(error.reason.contains("id 1") && error.reason.contains("--quantize"), "\(error)")
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let objects = [TopoJSONObject(name: "t", features: features([Polygon([square(0, 0)]), Polygon([square(1, 0)]), Polygon([square(0, 1)])]))]
        #expect(try TopoJSONWriter().data(objects) == TopoJSONWriter().data(objects))
    }
}
