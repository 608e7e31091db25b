import ArgumentParser
import BorderKit
import GeoCore

struct AreasCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Who claims and who holds each piece of the territories at a date, with geodesic areas; enclaves and exclaves.",
        discussion: """
            With no inputs, the embedded territories, claims and control layers. --at YYYY-MM-DD selects the control
            and claims valid that day (from inclusive, to exclusive); without it, the latest state (those with no end).
            Where no control applies, a piece is held by its territory (de jure).
            """
    )

    @Option(help: ArgumentHelp("Territories (polygons): GeoJSON, or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var territories: String?
    @Option(help: ArgumentHelp("The layer of --territories to read, for sources of several layers (GeoPackage).", valueName: "name")) var layer: String?
    @Option(help: ArgumentHelp("Claims: polygons with claimant, basis, from, to.", valueName: "file"), completion: .file()) var claims: String?
    @Option(help: ArgumentHelp("Control: polygons with holder, from, to.", valueName: "file"), completion: .file()) var control: String?
    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name")) var idProperty: String?
    @Option(help: ArgumentHelp("The date (ISO 8601) whose state to show.", valueName: "date")) var at: String?
    @Option(help: ArgumentHelp("Tolerance in metres for enclave boundaries (0 = exact).", valueName: "metres")) var snap: Double = 0
    @Option(help: ArgumentHelp("Pieces below this many m² are listed as slivers (never dropped).", valueName: "m2")) var minArea: Double = 1
    @Option(help: ArgumentHelp("Warn about territories overlapping by more than this many m².", valueName: "m2")) var overlapTolerance: Double = 1
    @Option(help: ArgumentHelp("Name the territories' file this way in the report and messages (a tile: the file it was cut from).", valueName: "name")) var label: String?
    @OptionGroup var accuracy: AccuracyOption
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Write this tile's part for `merge`: the pieces of the territories whose envelope's lower-left corner lies in [W,E)×[S,N), and the overlaps and land contacts the tile owns (see `partition`; territories only, GeoJSON).", valueName: "W,S,E,N"))
    var ownerExtent: String?
    @Option(name: .shortAndLong, help: "Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output's ending, else md).") var format: TopologyFormat?
    @OptionGroup var quantize: QuantizeOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var map: MapOptions

    func validate() throws {
        if let at, ISODate(at) == nil { throw ValidationError("--at \(at) is not an ISO 8601 date (YYYY-MM-DD)") }
        guard snap >= 0, minArea >= 0, overlapTolerance >= 0 else { throw ValidationError("--snap, --min-area and --overlap-tolerance must be 0 or more") }
        if let ownerExtent {
            guard TileExtent(ownerExtent) != nil else {
                throw ValidationError("--owner-extent takes W,S,E,N with W < E and S < N, e.g. -10,35,20,60 (got \(ownerExtent))")
            }
            guard claims == nil, control == nil, snap == 0 else {
                throw ValidationError("--owner-extent takes territories alone, with no --snap: the overlay of claims and control, and snapped contacts, are not split into tiles yet; run them in one process")
            }
            guard accuracy.stated == nil else { throw ValidationError("--owner-extent with --accuracy: intervals are of whole totals, which `merge` does not add up; run it in one process") }
            guard map.map == nil else { throw ValidationError("--map draws the whole file: give it to `merge`'s output's run, not to a tile") }
            guard territories != nil else { throw ValidationError("--owner-extent needs --territories (a tile of `partition`)") }
            guard format == nil || format == .geojson else { throw ValidationError("a tile's part is GeoJSON; `merge` makes md, csv, json or geojson of the parts") }
        }
    }

    func execute() throws {
        let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: TopologyFormat.allCases.map(\.kind), fallback: .report(.markdown))
        let grid = try quantize.value()
        var inputs = InputSet(territories: territories, claims: claims, control: control, idProperty: idProperty)
        inputs.layer = layer
        inputs.territoriesLabel = label
        let loaded = try inputs.loadTerritories()
        let list = loaded.territories, source = loaded.source, warnings = loaded.warnings
        for w in warnings { FileIO.writeToStandardError("borderkit: warning: \(w)\n") }
        if let extent = ownerExtent.flatMap(TileExtent.init) {
            let part = try Areas.tilePart(list, owner: extent, at: at.flatMap(ISODate.init), source: source, minArea: minArea,
                                          overlapTolerance: overlapTolerance, warnings: warnings)
            try output.write(GeoJSONWriter.verbatim.data(.featureCollection(part.featureCollection)))
            return
        }
        let claimList = try inputs.loadClaims()
        let controlList = try inputs.loadControl()
        var report = try Areas.run(list, claims: claimList, control: controlList, at: at.flatMap(ISODate.init), source: source,
                                   minArea: minArea, snap: snap, overlapTolerance: overlapTolerance, warnings: warnings)
        if let metres = try accuracy.metres(for: inputs) { report.intervals = try AreaIntervals.compute(report, territories: list, accuracy: metres) }
        for o in report.overlaps { FileIO.writeToStandardError("borderkit: warning: \(Borders.overlapWarning(o, source: source))\n") }
        switch kind {
        case .report(.markdown): try output.write(report.markdown)
        case .report(.csv): try output.write(report.csv)
        case .report(.json): try output.write(JSONWriter.data(report.json) + [0x0A])
        default:
            let features = report.featureCollection
            try output.writeFeatures(features, as: kind, quantize: grid) {
                [TopoJSONObject(name: "territories", features: list.map(\.feature)),
                 TopoJSONObject(name: "pieces", features: features.features)]
            }
        }
        try map.write(try MapScene.areas(report, territories: list, claims: claimList, control: controlList,
                                         credits: try inputs.credits(routesShown: false)))
    }
}
