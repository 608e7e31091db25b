import GeoCore

// Named values for the figures the analyses hand out in lists: Sendable, Hashable and Codable, so a program
// using BorderKit can keep, compare and encode them (public tuples can do none of that).

/// Metres of border with one status.
public struct StatusLength: Sendable, Hashable, Codable {
    /// The status.
    public var status: String
    /// Geodesic metres on WGS84.
    public var length: Double
    /// A length for a status.
    public init(status: String, length: Double) {
        self.status = status
        self.length = length
    }
}

/// Metres of a route in one jurisdiction.
public struct JurisdictionLength: Sendable, Hashable, Codable {
    /// The territory id.
    public var id: String
    /// Geodesic metres on WGS84.
    public var length: Double
    /// A length in a jurisdiction.
    public init(id: String, length: Double) {
        self.id = id
        self.length = length
    }
}

/// Square metres of a corridor (or another area) in one jurisdiction.
public struct JurisdictionArea: Sendable, Hashable, Codable {
    /// The territory id.
    public var id: String
    /// Geodesic m² on WGS84.
    public var area: Double
    /// An area in a jurisdiction.
    public init(id: String, area: Double) {
        self.id = id
        self.area = area
    }
}

/// A stretch of a route, in metres along it.
public struct RouteRange: Sendable, Hashable, Codable {
    /// Metres along the route where the stretch starts.
    public var from: Double
    /// Metres along the route where it ends.
    public var to: Double
    /// A stretch from `from` to `to` metres.
    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }
}

/// One sample of the distance-to-border profile.
public struct ProfileSample: Sendable, Hashable, Codable {
    /// Metres along the route.
    public var at: Double
    /// Where on the route (lon/lat).
    public var position: Position
    /// Geodesic metres to the nearest land border.
    public var distance: Double
    /// A sample at `at` metres.
    public init(at: Double, position: Position, distance: Double) {
        self.at = at
        self.position = position
        self.distance = distance
    }
}

/// The area one party (a territory, a claimant or a holder) has in an `areas` report.
public struct AreaTotal: Sendable, Hashable, Codable {
    /// The territory id, claimant or holder.
    public var key: String
    /// Geodesic m² on WGS84.
    public var area: Double
    /// A total for `key`.
    public init(key: String, area: Double) {
        self.key = key
        self.area = area
    }
}

/// The area a holder holds inside a territory.
public struct HeldInside: Sendable, Hashable, Codable {
    /// Who holds it.
    public var holder: String
    /// The territory it lies in (its id).
    public var territory: String
    /// Geodesic m² on WGS84.
    public var area: Double
    /// An area held by `holder` inside `territory`.
    public init(holder: String, territory: String, area: Double) {
        self.holder = holder
        self.territory = territory
        self.area = area
    }
}

/// Territories as read from a file, with the file's label and what the reader warned about.
public struct LoadedTerritories: Sendable, Hashable {
    /// The territories, in file order.
    public var territories: [Territory]
    /// The input's label in messages (a path, "<stdin>", or the embedded layer's name).
    public var source: String
    /// What the reader warned about (skipped features, reprojection, invalid geometry).
    public var warnings: [InputWarning]
    /// Territories read from `source`.
    public init(territories: [Territory], source: String, warnings: [InputWarning]) {
        self.territories = territories
        self.source = source
        self.warnings = warnings
    }
}
