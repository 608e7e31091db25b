import GeoCore

/// Route reports: JSON in metres, Markdown and CSV in km, GeoJSON pieces, crossings, corridors and profiles.
public struct RouteReport: Sendable {
    /// The routes analysed.
    public var results: [RouteResult]
    /// The options they were analysed with.
    public var options: RouteOptions
    /// Whether the JSON and GeoJSON include every profile sample.
    public var profile: Bool

    /// A report of `results` measured with `options`.
    public init(results: [RouteResult], options: RouteOptions, profile: Bool = false) {
        self.results = results
        self.options = options
        self.profile = profile
    }

    private func km(_ m: Double) -> Cell { .number(m / 1e3, decimals: 3) }
    private func alongJSON(_ a: AlongBorder) -> JSONValue {
        .object(["territories": .array(a.territories.map(JSONValue.string)), "from_m": .number(a.from), "to_m": .number(a.to)])
    }
    private func name(_ j: String?) -> String { j ?? "outside" }

    /// One row per route: length, per jurisdiction, crossings, nearest border, near length, corridor; where the
    /// accuracy is known, each figure to the digits its interval supports with `_low` and `_high` columns.
    public var summaryTable: Table { summaryTable(.csv) }

    /// The summary for `format`: in Markdown a figure with an interval is one cell, "81 (69–86)".
    func summaryTable(_ format: ReportFormat) -> Table {
        let withIntervals = results.contains { $0.intervals != nil }
        func figure(_ name: String, _ value: Double?, _ interval: FigureInterval?, scale: Double = 1e3) -> [Cell] {
            FigureInterval.cells(value, interval, scale: scale, format: format, intervalColumns: withIntervals)
        }
        func columns(_ name: String) -> [String] { FigureInterval.columns(name, format: format, intervalColumns: withIntervals) }
        let near = "within_\(JSONNumberFormat.shortest(options.near / 1e3))_km_of_border_km"
        return Table(columns: ["route"] + columns("length_km") + ["jurisdictions (km, in order of travel)"] + columns("outside_km")
                        + ["crossings", "coast_crossings"] + columns("min_to_border_km") + columns(near) + columns("corridor_km2"),
              rows: results.map { r in
                  let i = r.intervals
                  let jurisdictions = r.byJurisdiction.map { j in
                      "\(j.id) " + (i?.byJurisdiction[j.id].map { $0.text(j.length, scale: 1e3, maximum: 3) } ?? JSONNumberFormat.fixedPadded(j.length / 1e3, decimals: 3))
                  }.joined(separator: "; ")
                  return [.text(r.route.id)] + figure("length_km", r.length, i?.length) + [.text(jurisdictions)]
                      + figure("outside_km", r.outside, i?.outside)
                      + [.integer(r.borderCrossings.count), .integer(r.crossings.count - r.borderCrossings.count)]
                      + figure("min_to_border_km", r.nearestBorder?.distance, i?.nearestBorder)
                      + figure(near, r.profile.nearLength, i?.nearLength)
                      + figure("corridor_km2", r.corridor?.area, i?.corridor, scale: 1e6)
              })
    }

    /// One row per crossing: route, part, kind, from, to, where.
    public var crossingTable: Table {
        Table(columns: ["route", "part", "kind", "from", "to", "at_km", "lon", "lat", "note"], rows: results.flatMap { r in
            r.crossings.map { c in
                [.text(r.route.id), .integer(c.part + 1), .text(c.kind.rawValue), .text(name(c.from)), .text(name(c.to)), km(c.at),
                 .number(c.position.lon, decimals: 5), .number(c.position.lat, decimals: 5),
                 .text(c.afterRunningAlong ? "after running along the border" : "")]
            }
        })
    }

    /// Territories the routes do not enter whose border comes within `near`, with the closest approach.
    public var approachTable: Table {
        Table(columns: ["route", "territory", "closest_km", "at_km", "lon", "lat"], rows: results.flatMap { r in
            r.closestApproaches.map { a in
                [.text(r.route.id), .text(a.territory ?? ""), .number(a.distance / 1e3, decimals: 3), km(a.at),
                 .number(a.position.lon, decimals: 5), .number(a.position.lat, decimals: 5)]
            }
        })
    }

    /// The report as Markdown: the summary, crossings, closest approaches, along the border, corridors.
    public var markdown: String {
        var text = "# Routes\n\nLengths geodesic on WGS84. Distance to the nearest land border sampled every "
        text += "\(JSONNumberFormat.shortest(options.step / 1e3)) km, measured in local azimuthal equidistant projections and re-measured geodesically. "
        text += "Corridor \(JSONNumberFormat.shortest(options.corridor / 1e3)) km wide, built piecewise in local azimuthal equidistant projections. "
        text += "Pieces shorter than \(JSONNumberFormat.shortest(options.snap)) m are merged; a route within that of a border for more than three times that runs along it.\n\n"
        if let i = results.lazy.compactMap(\.intervals).first {
            text += "Accuracy: territories ± \(JSONNumberFormat.shortest(i.territoryAccuracy)) m; each route's own as its file states "
                + "(accuracy_m) or --route-accuracy. Intervals: \(RouteIntervals.method).\n\n"
        }
        text += summaryTable(.markdown).markdown
        text += "\nCrossings are the changes between consecutive stretches of a route part: `border` from one territory to another, "
        text += "`coast` between a territory and outside every territory. `min_to_border_km` is exact (GEOS nearest points, re-measured "
        text += "geodesically): 0 where the route crosses a border. A MultiLineString's parts are measured apart; nothing is counted in the gaps.\n"
        if !crossingTable.rows.isEmpty { text += "\n## Crossings\n\n" + crossingTable.markdown }
        if !approachTable.rows.isEmpty {
            text += "\n## Closest approach to territories not entered (within \(JSONNumberFormat.shortest(options.near / 1e3)) km)\n\n" + approachTable.markdown
        }
        let alongRows: [[Cell]] = results.flatMap { r in r.alongBorder.map { [.text(r.route.id), .text($0.territories.joined(separator: " | ")), km($0.from), km($0.to)] } }
        if !alongRows.isEmpty { text += "\n## Along the border\n\n" + Table(columns: ["route", "border", "from_km", "to_km"], rows: alongRows).markdown }
        let corridorRows: [[Cell]] = results.flatMap { r in (r.corridor?.byJurisdiction ?? []).map { j in
            [.text(r.route.id), .text(j.id), r.intervals?.corridorByJurisdiction[j.id].map { .text($0.text(j.area, scale: 1e6, maximum: 3)) } ?? .number(j.area / 1e6, decimals: 3)]
        } }
        if !corridorRows.isEmpty { text += "\n## Corridor area per jurisdiction\n\n" + Table(columns: ["route", "jurisdiction", "area_km2"], rows: corridorRows).markdown }
        return text
    }

    /// CSV: the summary, and the crossings and closest approaches in files of their own.
    public var csv: CSVTables {
        CSVTables([.init(name: "routes", table: summaryTable), .init(name: "crossings", table: crossingTable),
                   .init(name: "approaches", table: approachTable)])
    }

    /// The report as JSON in metres: every route with its stretches, crossings, approaches, profile and corridor.
    public var json: JSONValue {
        .object([
            "step_m": .number(options.step), "near_m": .number(options.near), "snap_m": .number(options.snap),
            "routes": .array(results.map { r in
                let i = r.intervals
                func interval(_ f: FigureInterval?) -> JSONValue { f?.json ?? .null }
                var o: JSONObject = [
                    "id": .string(r.route.id), "names": .array(r.route.names.map(JSONValue.string)), "length_m": .number(r.length),
                    "jurisdictions": .array(r.byJurisdiction.map { j in
                        var o: JSONObject = ["id": .string(j.id), "length_m": .number(j.length)]
                        if let i { o["length_m_interval"] = interval(i.byJurisdiction[j.id]) }
                        return .object(o)
                    }),
                    "outside_m": .number(r.outside),
                    "stretches": .array(r.stretches.map { s in
                        var o: JSONObject = ["jurisdiction": s.jurisdiction.map(JSONValue.string) ?? .null, "from_m": .number(s.from), "to_m": .number(s.to)]
                        if r.route.parts.count > 1 { o["part"] = .integer(Int64(s.part)) }
                        if !s.alongBorder.isEmpty { o["along_border"] = .array(s.alongBorder.map(alongJSON)) }
                        return .object(o)
                    }),
                    "crossings": .array(r.crossings.map { c in
                        var o: JSONObject = ["from": c.from.map(JSONValue.string) ?? .null, "to": c.to.map(JSONValue.string) ?? .null, "at_m": .number(c.at),
                                             "lon": .number(c.position.lon), "lat": .number(c.position.lat), "after_running_along": .bool(c.afterRunningAlong),
                                             "kind": .string(c.kind.rawValue)]
                        if r.route.parts.count > 1 { o["part"] = .integer(Int64(c.part)) }
                        return .object(o)
                    }),
                    "along_border": .array(r.alongBorder.map(alongJSON)),
                    "nearest_border": r.nearestBorder.map { m in
                        .object(["min_m": .number(m.distance), "at_m": .number(m.at), "lon": .number(m.position.lon), "lat": .number(m.position.lat),
                                 "border_lon": .number(m.borderPosition.lon), "border_lat": .number(m.borderPosition.lat)])
                    } ?? .null,
                    "closest_approach": .array(r.closestApproaches.map { a in
                        .object(["territory": .string(a.territory ?? ""), "min_m": .number(a.distance), "at_m": .number(a.at),
                                 "lon": .number(a.position.lon), "lat": .number(a.position.lat),
                                 "border_lon": .number(a.borderPosition.lon), "border_lat": .number(a.borderPosition.lat)])
                    }),
                    "near_m": .number(r.profile.nearLength),
                    "near_stretches": .array(r.profile.nearStretches.map { .object(["from_m": .number($0.from), "to_m": .number($0.to)]) }),
                ]
                if let i {
                    o["length_m_interval"] = interval(i.length)
                    o["outside_m_interval"] = interval(i.outside)
                    o["near_m_interval"] = interval(i.nearLength)
                    if r.nearestBorder != nil { o["min_to_border_m_interval"] = interval(i.nearestBorder) }
                    o["accuracy"] = .object(["territories_m": .number(i.territoryAccuracy), "route_m": .number(i.routeAccuracy),
                                             "method": .string(RouteIntervals.method)])
                }
                if r.route.parts.count > 1 {
                    o["parts"] = .integer(Int64(r.route.parts.count))
                    o["gaps"] = .array(r.gaps.map { .object(["at_m": .number($0.at), "after_part": .integer(Int64($0.afterPart)), "span_m": .number($0.span)]) })
                }
                if let c = r.corridor {
                    var corridor: JSONObject = ["width_m": .number(c.width), "area_m2": .number(c.area),
                                                "by_jurisdiction": .array(c.byJurisdiction.map { j in
                                                    var o: JSONObject = ["id": .string(j.id), "area_m2": .number(j.area)]
                                                    if let i { o["area_m2_interval"] = interval(i.corridorByJurisdiction[j.id]) }
                                                    return .object(o)
                                                })]
                    if let i { corridor["area_m2_interval"] = interval(i.corridor) }
                    o["corridor"] = .object(corridor)
                }
                if profile {
                    o["profile"] = .array(r.profile.samples.map { .object(["at_m": .number($0.at), "distance_m": .number($0.distance)]) })
                }
                return .object(o)
            }),
        ])
    }

    /// The routes as GeoJSON: a piece per stretch, a point per crossing, the corridors (and the profile samples).
    public var featureCollection: FeatureCollection {
        var features: [Feature] = []
        for r in results {
            let path = RoutePath(r.route)
            for s in r.stretches {
                let measure = path.parts[s.part], start = path.starts[s.part]
                var positions = [measure.position(at: s.from - start)]
                for (i, c) in measure.cumulative.enumerated() where c > s.from - start && c < s.to - start { positions.append(measure.positions[i]) }
                positions.append(measure.position(at: s.to - start))
                features.append(Feature(geometry: .lineString(LineString(positions)), properties: [
                    "kind": .string("route_piece"), "route": .string(r.route.id),
                    "jurisdiction": s.jurisdiction.map(JSONValue.string) ?? .null, "length_m": .number(s.length),
                ]))
            }
            for c in r.crossings {
                features.append(Feature(geometry: .point(Point(c.position)), properties: [
                    "kind": .string("crossing"), "route": .string(r.route.id), "from": c.from.map(JSONValue.string) ?? .null,
                    "to": c.to.map(JSONValue.string) ?? .null, "at_m": .number(c.at), "crossing_kind": .string(c.kind.rawValue),
                ]))
            }
            if let c = r.corridor {
                features.append(Feature(geometry: c.geometry, properties: [
                    "kind": .string("corridor"), "route": .string(r.route.id), "width_m": .number(c.width), "area_m2": .number(c.area),
                ]))
            }
            if profile {
                for s in r.profile.samples {
                    features.append(Feature(geometry: .point(Point(s.position)), properties: [
                        "kind": .string("profile_point"), "route": .string(r.route.id), "at_m": .number(s.at), "distance_m": .number(s.distance),
                    ]))
                }
            }
        }
        return FeatureCollection(features, foreignMembers: ["name": .string("routes")])
    }
}
