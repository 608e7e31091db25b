import GeoCore

/// The batches' `route` outputs (`route --batch k/n`) combined into the output of all the routes.
///
/// Why it is exact: each route is measured on its own against the same territories, so a batch's routes are what
/// the whole run gives for them; the merge puts the batches back in their order (given in order, as
/// `--batch 1/n` … `n/n`) after checking that they measured with the same options.
public enum RouteMerge {
    /// True when `report` is a `route` JSON report.
    public static func isRouteReport(_ report: JSONValue) -> Bool {
        report["routes"] != nil && report["step_m"] != nil
    }

    /// True when `report` is a `compare` JSON report.
    public static func isComparison(_ report: JSONValue) -> Bool {
        guard case .object(let o) = report else { return false }
        return o.keys == ["groups"]
    }

    /// The `compare` JSON report of all the batches' groups (`compare --batch k/n -f json`), in the batches' order.
    public static func comparison(_ outputs: [TileOutput<JSONValue>]) throws -> JSONValue {
        var groups: [JSONValue] = []
        for o in outputs {
            guard case .array(let list)? = o.content["groups"] else { throw MergeError("\(o.file): not a compare JSON report") }
            groups += list
        }
        return .object(["groups": .array(groups)])
    }

    /// True when `collection` is a `route` GeoJSON output.
    public static func isRouteCollection(_ collection: FeatureCollection) -> Bool {
        collection.foreignMembers["name"]?.stringValue == "routes"
    }

    /// The JSON report of all the batches' routes, in the batches' order.
    public static func json(_ outputs: [TileOutput<JSONValue>]) throws -> JSONValue {
        guard let first = outputs.first else { throw MergeError("no batch outputs to merge") }
        var routes: [JSONValue] = []
        for o in outputs {
            guard case .object(let members) = o.content, case .array(let list)? = o.content["routes"] else {
                throw MergeError("\(o.file): not a route JSON report")
            }
            for m in members.members where m.key != "routes" && first.content[m.key] != m.value {
                throw MergeError("\(o.file): its \(m.key) differs from \(first.file)'s: the batches come from different runs")
            }
            routes += list
        }
        guard case .object(var merged) = first.content else { throw MergeError("\(first.file): not a route JSON report") }
        merged["routes"] = .array(routes)
        return .object(merged)
    }

    /// The GeoJSON of all the batches' routes, in the batches' order.
    public static func geojson(_ outputs: [TileOutput<FeatureCollection>]) throws -> FeatureCollection {
        guard let first = outputs.first else { throw MergeError("no batch outputs to merge") }
        return FeatureCollection(outputs.flatMap(\.content.features), foreignMembers: first.content.foreignMembers)
    }
}
