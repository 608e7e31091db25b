import GeoCore

/// `AreaTilePart` written and read as GeoJSON: the pieces as features with their exact coordinates (written with
/// `GeoJSONWriter.verbatim`, split at 180° as every GeoJSON output is), everything else in the foreign member
/// `borderkit_areas_tile`.
extension AreaTilePart {
    /// The foreign member that marks a tile part and holds all but the pieces.
    public static let member = "borderkit_areas_tile"

    /// The tile part as a FeatureCollection (write it with `GeoJSONWriter.verbatim`, so the merge gets the very
    /// coordinates).
    public var featureCollection: FeatureCollection {
        // Across ±180° as every GeoJSON output puts it (split at 180°), so that the part reads back as GeoJSON;
        // the merge's writer leaves it so.
        let features = pieces.map { p in
            Feature(geometry: p.geometry.withinAntimeridian, properties: [
                "kind": .string("area_piece"), "territory": p.territory.map(JSONValue.string) ?? .null,
                "claimants": .array(p.claimants.map(JSONValue.string)), "holder": .string(p.holder), "area_m2": .number(p.area),
            ])
        }
        let body: JSONValue = .object([
            "source": .string(source),
            "at": at.map { .string($0.description) } ?? .null,
            "min_area_m2": .number(minArea),
            "warnings": .array(warnings.map { .array([.string($0.pointer), .string($0.message)]) }),
            "overlaps": .array(overlaps.map { .array([.string($0.territories[0]), .string($0.territories[1]), .number($0.area)]) }),
            "parts": .array(parts.map { r in
                .array([.string(r.territory), .integer(Int64(r.number)), .integer(Int64(r.main)), .number(r.area),
                        .number(r.centroid.x), .number(r.centroid.y)])
            }),
            "contacts": .array(contacts.map { c in
                .array([.string(c.a.territory), .integer(Int64(c.a.number)), .string(c.b.territory), .integer(Int64(c.b.number))])
            }),
            "enclosures": .array(enclosures.map { .array([.string($0.part.territory), .integer(Int64($0.part.number)), .string($0.by)]) }),
        ])
        return FeatureCollection(features, foreignMembers: ["name": .string("areas tile"), Self.member: body])
    }

    /// Reads a tile part from `collection` (read from `file`, named in errors); nil when it is not one.
    public init?(_ collection: FeatureCollection, file: String) throws {
        guard let body = collection.foreignMembers[Self.member] else { return nil }
        func bad(_ what: String) -> MergeError { MergeError("\(file): \(what) in its \(Self.member) member: not an areas tile part") }
        func rows(_ key: String, _ count: Int) throws -> [[JSONValue]] {
            guard case .array(let list)? = body[key] else { throw bad("no \"\(key)\"") }
            return try list.map { row in
                guard case .array(let r) = row, r.count == count else { throw bad("a row of \"\(key)\" that is not \(count) values") }
                return r
            }
        }
        func text(_ v: JSONValue) throws -> String { guard let s = v.stringValue else { throw bad("a string expected") }; return s }
        func number(_ v: JSONValue) throws -> Double { guard let d = v.doubleValue else { throw bad("a number expected") }; return d }
        func int(_ v: JSONValue) throws -> Int { guard case .integer(let i) = v else { throw bad("an integer expected") }; return Int(i) }
        source = try text(body["source"] ?? .null)
        at = try body["at"].flatMap { $0 == .null ? nil : try text($0) }.map { text in
            guard let d = ISODate(text) else { throw bad("\"at\" is not a date") }
            return d
        }
        minArea = try number(body["min_area_m2"] ?? .null)
        let label = source
        warnings = try rows("warnings", 2).map { InputWarning(source: label, pointer: try text($0[0]), message: try text($0[1])) }
        overlaps = try rows("overlaps", 3).map { TerritoryOverlap(territories: [try text($0[0]), try text($0[1])], area: try number($0[2])) }
        parts = try rows("parts", 6).map { r in
            PartRecord(territory: try text(r[0]), number: try int(r[1]), main: try int(r[2]), area: try number(r[3]),
                       centroid: Position(try number(r[4]), try number(r[5])))
        }
        contacts = try rows("contacts", 4).map { r in
            PartContact(a: PartKey(territory: try text(r[0]), number: try int(r[1])), b: PartKey(territory: try text(r[2]), number: try int(r[3])))
        }
        enclosures = try rows("enclosures", 3).map { PartEnclosure(part: PartKey(territory: try text($0[0]), number: try int($0[1])), by: try text($0[2])) }
        pieces = try collection.features.enumerated().map { k, f in
            guard let g = f.geometry, let p = f.properties, p["kind"]?.stringValue == "area_piece", let holder = p["holder"]?.stringValue,
                  let area = p["area_m2"]?.doubleValue, case .array(let claimants)? = p["claimants"] else {
                throw MergeError("\(file): /features/\(k) is not an area piece")
            }
            return AreaPiece(territory: p["territory"]?.stringValue, claimants: claimants.compactMap(\.stringValue), holder: holder, area: area, geometry: g)
        }
    }
}

/// The tiles' `areas` parts (`areas --owner-extent`) combined into the whole file's report.
///
/// Why it is exact: each piece, overlap and land contact is found whole by the one tile that owns it, with the
/// numbers one process finds; the merge orders the pieces as `Areas.run` does, classifies the whole land-contact
/// graph with `Enclaves.classify`, and the report computes its totals from the pieces in that order.
public enum AreaMerge {
    /// The whole file's report from the tiles' parts, each named by its file.
    public static func report(_ outputs: [TileOutput<AreaTilePart>]) throws -> AreaReport {
        guard let first = outputs.first?.content else { throw MergeError("no tile outputs to merge") }
        for o in outputs where o.content.source != first.source || o.content.at != first.at || o.content.minArea != first.minArea {
            throw MergeError("\(o.file): its source, date or --min-area differs from \(outputs[0].file)'s: the tiles come from different runs")
        }
        let all = outputs.map(\.content)
        let pieces = Areas.sortedPieces(all.flatMap(\.pieces))
        let overlaps = all.flatMap(\.overlaps).sorted { IDOrder.precedes($0.territories, $1.territories) }
        // The graph: every part named anywhere gets an index; territories in first-seen order (only ids are shown).
        var territoryIndex: [String: Int] = [:], territoryIDs: [String] = []
        func territory(_ id: String) -> Int {
            if let i = territoryIndex[id] { return i }
            territoryIndex[id] = territoryIDs.count
            territoryIDs.append(id)
            return territoryIDs.count - 1
        }
        var partIndex: [AreaTilePart.PartKey: Int] = [:], summaries: [LandGraph.PartSummary] = [], centroids: [Position] = []
        func part(_ k: AreaTilePart.PartKey, area: Double = 0, centroid: Position = Position(0, 0)) -> Int {
            if let p = partIndex[k] { return p }
            partIndex[k] = summaries.count
            summaries.append(LandGraph.PartSummary(territory: territory(k.territory), area: area))
            centroids.append(centroid)
            return summaries.count - 1
        }
        var mains: [Int: AreaTilePart.PartKey] = [:]
        for tile in all {
            for r in tile.parts {
                let p = part(.init(territory: r.territory, number: r.number), area: r.area, centroid: r.centroid)
                summaries[p] = LandGraph.PartSummary(territory: summaries[p].territory, area: r.area)
                centroids[p] = r.centroid
                mains[summaries[p].territory] = .init(territory: r.territory, number: r.main)
            }
        }
        var contacts: [(Int, Int)] = []
        for tile in all { for c in tile.contacts { contacts.append((part(c.a), part(c.b))) } }
        var enclosures = Set<LandGraph.Enclosure>()
        for tile in all { for e in tile.enclosures { enclosures.insert(.init(part: part(e.part), territory: territory(e.by))) } }
        var mainPart = [Int](repeating: -1, count: territoryIDs.count)
        for (t, key) in mains { mainPart[t] = part(key) }
        let enclaves = try Enclaves.classify(parts: summaries, mainPart: mainPart, territoryIDs: territoryIDs, contacts: contacts,
                                             enclosures: enclosures) { centroids[$0] }
        let source = first.source
        let overlapTexts = Set(overlaps.map { Borders.overlapWarning($0, source: source).description })
        var byText: [String: InputWarning] = [:]
        for w in all.flatMap(\.warnings) { byText[w.description] = w }
        let inputs = BorderMerge.inputWarnings(all.flatMap(\.warnings).map(\.description), except: overlapTexts, source: source).compactMap { byText[$0] }
        return AreaReport(source: source, at: first.at, pieces: pieces, slivers: pieces.filter { $0.area < first.minArea }, minArea: first.minArea,
                          enclaves: enclaves, overlaps: overlaps, notes: overlaps.isEmpty ? [] : [Areas.overlapNote],
                          warnings: inputs + overlaps.map { Borders.overlapWarning($0, source: source) })
    }
}
