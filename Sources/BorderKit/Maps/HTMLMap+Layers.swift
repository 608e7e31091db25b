import GeoCore

/// The interactive map's layers: each feature with its geometry (lon/lat, simplified for the page), its Leaflet
/// style (the SVG map's colours) and its popup rows (the reports' figures, formatted as the Markdown report
/// formats them).
struct HTMLMapLayers {
    struct Feature {
        var geometry: Geometry
        var style: JSONObject
        var popup: [(String, String)]
    }

    struct Layer {
        var name: String
        var features: [Feature] = []
    }

    private(set) var layers: [Layer] = []

    init(scene: MapScene, tolerance: Double) throws {
        func simple(_ g: Geometry) throws -> Geometry {
            tolerance == 0 || g.vertexCount < 4 ? g : try g.simplified(tolerance: tolerance).withinAntimeridian
        }
        func km(_ metres: Double) -> String { JSONNumberFormat.fixedPadded(metres / 1e3, decimals: 3) + " km" }
        func km2(_ m2: Double) -> String { JSONNumberFormat.fixedPadded(m2 / 1e6, decimals: 3) + " km²" }
        // A figure with its interval, as the reports print it ("850 (750–860) km"), where the accuracy is known.
        func km(_ metres: Double, _ interval: FigureInterval?) -> String { interval.map { $0.text(metres, scale: 1e3, maximum: 3) + " km" } ?? km(metres) }
        func km2(_ m2: Double, _ interval: FigureInterval?) -> String { interval.map { $0.text(m2, scale: 1e6, maximum: 3) + " km²" } ?? km2(m2) }
        func on(_ layer: MapLayer) -> Bool { scene.layers.contains(layer) }
        let names = Dictionary(scene.territories.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String?) -> String { id.map { names[$0] ?? $0 } ?? "outside every territory" }
        var parties: [String] = []
        func partyColour(_ party: String) -> String {
            if !parties.contains(party.lowercased()) { parties.append(party.lowercased()) }
            return MapPalette.strong[(parties.firstIndex(of: party.lowercased()) ?? 0) % MapPalette.strong.count]
        }

        if on(.territories), !scene.territories.isEmpty {
            let fills = MapPalette.colouring(scene.territories)
            var layer = Layer(name: "Territories")
            for t in scene.territories {
                layer.features.append(Feature(geometry: try simple(t.geometry), style: [
                    "color": .string("#8a8a8a"), "weight": .number(0.6), "fillColor": .string(fills[t.id] ?? "#eeeeee"), "fillOpacity": .number(0.85),
                ], popup: [("territory", t.name ?? t.id), ("id", t.id)]))
            }
            layers.append(layer)
        }
        // The pieces of `areas`: who claims and who holds each part of each territory, with its area.
        if on(.territories), !scene.pieces.isEmpty {
            var layer = Layer(name: "Who holds what")
            for (k, piece) in scene.pieces.enumerated() {
                let colour = partyColour(piece.holder)
                layer.features.append(Feature(geometry: try simple(piece.geometry), style: [
                    "color": .string(colour), "weight": .number(0.8), "fillColor": .string(colour), "fillOpacity": .number(0.08),
                ], popup: [("territory", name(piece.territory)), ("claimed by", piece.claimants.isEmpty ? "nobody beyond the territory" : piece.claimants.joined(separator: ", ")),
                           ("held by", piece.holder), ("area", km2(piece.area, k < scene.pieceAreaIntervals.count ? scene.pieceAreaIntervals[k] : nil))]))
            }
            layers.append(layer)
        }
        for (kind, list) in [("Claims", on(.claims) ? scene.claims.map { ($0.claimant, $0.geometry, "claimed by") } : []),
                             ("Control", on(.control) ? scene.control.map { ($0.holder, $0.geometry, "held by") } : [])] where !list.isEmpty {
            var layer = Layer(name: kind)
            for (party, geometry, what) in list {
                let colour = partyColour(party)
                layer.features.append(Feature(geometry: try simple(geometry), style: [
                    "color": .string(colour), "weight": .number(1.5), "dashArray": kind == "Claims" ? .string("4 3") : .null,
                    "fillColor": .string(colour), "fillOpacity": .number(0.15),
                ], popup: [(what, party), ("area", km2(Geodesic.wgs84.area(of: geometry)))]))
            }
            layers.append(layer)
        }
        let corridors = on(.corridors) ? scene.routes.compactMap { r in r.corridor.map { (r, $0) } } : []
        if !corridors.isEmpty {
            var layer = Layer(name: "Corridors")
            for (r, c) in corridors {
                layer.features.append(Feature(geometry: try simple(c.geometry), style: ["color": .string("#9e9e9e"), "weight": .number(0.5), "fillColor": .string("#9e9e9e"), "fillOpacity": .number(0.25)],
                                              popup: [("corridor of", r.route.name), ("width", km(c.width)), ("area", km2(c.area))]
                                                + c.byJurisdiction.map { ("in \(name($0.id))", km2($0.area)) }))
            }
            layers.append(layer)
        }
        if on(.borders), !scene.borders.isEmpty {
            var pairLength: [[String]: Double] = [:]
            for b in scene.borders { pairLength[b.territories, default: 0] += b.length }
            var layer = Layer(name: "Borders")
            for b in scene.borders {
                let s = scene.borderStatusKnown ? MapPalette.stroke(forStatus: b.status) : MapPalette.plainBorder
                layer.features.append(Feature(geometry: try simple(.lineString(b.line)), style: [
                    "color": .string(s.colour), "weight": .number(s.width + 0.6), "dashArray": s.dash.map(JSONValue.string) ?? .null, "fill": .bool(false),
                ], popup: [("border", b.territories.map(name).joined(separator: " – ")), ("status", scene.borderStatusKnown ? b.status : "not given"),
                           ("length of the border", km(pairLength[b.territories] ?? b.length, scene.pairLengthIntervals[b.territories])), ("this segment", km(b.length))]))
            }
            layers.append(layer)
        }
        if on(.routes), !scene.routes.isEmpty {
            var layer = Layer(name: "Routes")
            for (i, r) in scene.routes.enumerated() {
                var rows = [("route", r.route.name)]
                if let m = r.result {
                    rows.append(("length", km(m.length, m.intervals?.length)))
                    rows += m.byJurisdiction.map { ("in \(name($0.id))", km($0.length, m.intervals?.byJurisdiction[$0.id])) }
                    rows.append(("border crossings", String(m.borderCrossings.count)))
                    if let n = m.nearestBorder { rows.append(("closest to a border", km(n.distance, m.intervals?.nearestBorder))) }
                    rows += m.closestApproaches.map { ("closest to \(name($0.territory))", km($0.distance)) }
                }
                layer.features.append(Feature(geometry: try simple(r.route.geometry), style: [
                    "color": .string(MapPalette.strong[i % MapPalette.strong.count]), "weight": .number(3), "fill": .bool(false),
                ], popup: rows))
            }
            layers.append(layer)
        }
        if on(.tripoints), !scene.tripoints.isEmpty {
            var layer = Layer(name: "Tripoints")
            for t in scene.tripoints {
                layer.features.append(Feature(geometry: .point(Point(t.position)), style: [
                    "radius": .number(3), "color": .string("#111111"), "weight": .number(1), "fillColor": .string("#111111"), "fillOpacity": .number(1),
                ], popup: [("tripoint", t.territories.map(name).joined(separator: ", ")),
                           ("at", JSONNumberFormat.fixed(t.position.lat, decimals: 5) + ", " + JSONNumberFormat.fixed(t.position.lon, decimals: 5))]))
            }
            layers.append(layer)
        }
        let marked = on(.enclaves) ? scene.enclaves.indices.filter { scene.enclaves[$0].isExclave || scene.enclaves[$0].surroundedBy != nil } : []
        if !marked.isEmpty {
            var layer = Layer(name: "Exclaves and enclaves")
            for k in marked {
                let e = scene.enclaves[k]
                var rows = [(e.kind, name(e.territory)), ("area", km2(e.area, k < scene.enclaveAreaIntervals.count ? scene.enclaveAreaIntervals[k] : nil))]
                if let s = e.surroundedBy { rows.append(("surrounded by", name(s))) }
                if !e.neighbours.isEmpty { rows.append(("neighbours", e.neighbours.map(name).joined(separator: ", "))) }
                layer.features.append(Feature(geometry: .point(Point(e.centroid)), style: [
                    "radius": .number(7), "color": .string("#ad1457"), "weight": .number(2), "fill": .bool(false), "dashArray": e.isExclave ? .string("3 2") : .null,
                ], popup: rows))
            }
            layers.append(layer)
        }
        if on(.crossings) {
            var layer = Layer(name: "Crossings")
            for (i, r) in scene.routes.enumerated() {
                for (n, c) in r.crossings.enumerated() {
                    layer.features.append(Feature(geometry: .point(Point(c.position)), style: [
                        "radius": .number(6), "color": .string(MapPalette.strong[i % MapPalette.strong.count]), "weight": .number(2),
                        "fillColor": .string("#ffffff"), "fillOpacity": .number(1),
                    ], popup: [("crossing", "\(n + 1) of \(r.route.name)"), ("from", name(c.from)), ("to", name(c.to)), ("at", km(c.at) + " along the route")]))
                }
            }
            if !layer.features.isEmpty { layers.append(layer) }
        }
        if on(.places), !scene.places.isEmpty {
            var layer = Layer(name: "Places")
            for p in scene.places {
                layer.features.append(Feature(geometry: .point(Point(p.position)), style: [
                    "radius": .number(2.5), "color": .string("#333333"), "weight": .number(1), "fillColor": .string("#333333"), "fillOpacity": .number(1),
                ], popup: [("place", p.name)]))
            }
            layers.append(layer)
        }
    }
}
