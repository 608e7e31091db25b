import GeoCore

/// A polygonal area with an id, as the border and area analyses take it from a GeoJSON feature.
public struct Territory: Sendable, Hashable {
    /// The territory's id (unique within its file).
    public var id: String
    /// Its display name, from the feature's name properties, if any.
    public var name: String?
    /// Its polygons (lon/lat on WGS84; continuous across ±180°).
    public var geometry: Geometry
    /// Position of the feature in its file, and its JSON pointer, for messages.
    public var index: Int
    /// The feature's JSON pointer in its file, for messages.
    public var pointer: String {
        get { pointerText ?? "/features/\(index)" }
        set { pointerText = newValue == "/features/\(index)" ? nil : newValue }
    }
    /// The pointer when it is not "/features/<index>" (a million territories would hold a million strings).
    private var pointerText: String?
    /// Whether GEOS found its geometry valid (`Territory.load` checks; false when not checked): only valid
    /// territories may take the shared-edge path of the border analysis (`SharedEdges`).
    var isKnownValid = false

    /// A territory; `index` and `pointer` place it in its file for messages.
    public init(id: String, name: String? = nil, geometry: Geometry, index: Int = 0, pointer: String = "") {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.index = index
        self.pointer = pointer
    }
}

extension Territory {
    /// The territory as a feature: its id (as the feature's id and an "id" property), its name, its geometry.
    public var feature: Feature {
        var properties: JSONObject = ["id": .string(id)]
        if let name { properties["name"] = .string(name) }
        return Feature(id: .string(id), geometry: geometry, properties: properties)
    }
}

/// Something about the input worth telling the user that does not stop the analysis.
public struct InputWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file's label.
    public var source: String
    /// Where in the file (a JSON pointer; "" for the file as a whole).
    public var pointer: String
    /// What is worth knowing.
    public var message: String
    /// "<file>: <pointer>: <message>".
    public var description: String { pointer.isEmpty ? "\(source): \(message)" : "\(source): \(pointer): \(message)" }
}

/// A problem with the input that stops the analysis, naming the file and the feature.
///
/// `kind` says what is wrong for programs that handle some cases themselves; `remedy`, what the user can change,
/// named here as the library's option: a front end words it its own way (the CLI names its flag).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Hashable {
        /// A feature has no id to go by.
        case missingID
        /// Two features have the same id.
        case duplicateID
        /// A name or id asked for is not in the data.
        case unknownName
        /// A feature or a value is not what the analysis needs (a wrong geometry type, a bad date, …).
        case badFeature
        /// The geometry cannot be analysed as given (e.g. no longitude frame holds it).
        case geometry
        /// Anything else.
        case other
    }

    /// What the user can change to get past it.
    public enum Remedy: Sendable, Hashable {
        /// Name the property that holds each territory's id (`InputSet.idProperty`).
        case idProperty
        /// Give the area to show (`MapScene.bbox`).
        case bbox
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// The problem, naming the file, the feature and the reason; no remedy.
    public var message: String
    /// What the user can change to get past it, if anything.
    public var remedy: Remedy?

    /// An error with its message, kind and remedy.
    public init(_ message: String, kind: Kind = .other, remedy: Remedy? = nil) {
        self.message = message
        self.kind = kind
        self.remedy = remedy
    }

    /// The message and the remedy in the library's words.
    public var description: String {
        switch remedy {
        case .idProperty?: message + "; name the property that holds each territory's id"
        case .bbox?: message + "; give the area to show"
        case nil: message
        }
    }
}

extension Territory {
    /// Properties tried for a territory id when there is no `--id-property` and no feature `id`, in order.
    public static let fallbackIDProperties = ["id", "iso2", "ISO_A2", "ADM0_A3", "ISO_A3", "name", "NAME"]

    /// The polygonal features of `geojson` as territories.
    ///
    /// The id is the property `idProperty` when given, else the feature's `id`, else the first of
    /// `fallbackIDProperties` the feature has (a string or an integer). A feature without one, or two with the
    /// same, is an error naming both. Features without polygons are skipped with a warning, and invalid polygons
    /// are kept with a warning (GEOS's reason), since their boundaries still meet their neighbours'.
    /// Null and empty geometries are skipped with a warning naming the feature.
    ///
    /// A territory that crosses the antimeridian (consecutive positions more than 180° apart, read the short
    /// way) or is split there (parts on +180° and −180°) is moved into the east-shifted frame
    /// (`Geometry.eastShifted()`), where GEOS sees it continuous, and its parts that meet along 180° are joined
    /// into one body, so the cut is neither a border, an exclave nor part of the perimeter.
    public static func load(_ geojson: GeoJSON, source: String, idProperty: String?) throws -> LoadedTerritories {
        var loader = TerritoryLoader(source: source, idProperty: idProperty)
        for (i, f) in geojson.features.enumerated() { try loader.add(f, index: i, pointer: geojson.pointer(toFeature: i)) }
        return try loader.finish(notes: geojson.notes)
    }

    /// The polygonal features of a GeoJSON file or text sequence as territories, by the rules of `load(_:source:idProperty:)`,
    /// taken one feature at a time as the file is read (`VectorSource.stream`): the file's features are never
    /// all in memory beside the territories (a million features take more memory than their file).
    public static func load(streaming input: VectorSource, source: String, idProperty: String?) throws -> LoadedTerritories {
        var loader = TerritoryLoader(source: source, idProperty: idProperty)
        var isCollection = false
        let root = try input.stream(onCollection: { _ in isCollection = true }) { f, i in
            try loader.add(f, index: i, pointer: Feature.pointer(to: f, at: i))
        }
        if !isCollection {
            // A lone feature or geometry: handed over whole, not streamed.
            for (i, f) in root.features.enumerated() { try loader.add(f, index: i, pointer: root.pointer(toFeature: i)) }
        }
        return try loader.finish(notes: root.notes)
    }
}

extension Territory {
    /// Each territory's validity (`GEOSisValidDetail_r`), on every worker. A function of its own so that its
    /// copy of the list is let go before the caller changes its own (a copy of a million territories, else).
    static func validity(of territories: [Territory]) throws -> [Result<Validity, any Error>?] {
        let validity = Locked([Result<Validity, any Error>?](repeating: nil, count: territories.count))
        try Parallel.forEach(count: territories.count, workers: max(1, min(Parallel.processorCount, territories.count))) { _ in { k in
            let v = Result<Validity, any Error> { try territories[k].geometry.validity() }
            validity.withLock { $0[k] = v }
        } }
        return validity.withLock { v in
            defer { v = [] }
            return v
        }
    }

    /// `geometry` in a frame where it is continuous across the antimeridian, with parts meeting along 180° joined.
    static func continuous(_ geometry: Geometry, source: String, pointer: String, id: String,
                           warnings: inout [InputWarning]) throws -> Geometry {
        let form = geometry.antimeridianForm
        guard form == .crosses || form == .split else { return geometry }
        let shifted: Geometry
        do { shifted = try geometry.continuousAcrossAntimeridian() } catch {
            throw InputError("\(source): \(pointer): \(id): \(error)", kind: .geometry)
        }
        do {
            return try shifted.joinedAcrossAntimeridian()
        } catch {
            warnings.append(InputWarning(source: source, pointer: pointer,
                                         message: "\(id): its parts on either side of 180° could not be joined (\(error)); they are kept apart"))
            return shifted
        }
    }
}
