import ArgumentParser
import BorderKit
import GeoCore

struct MeasureCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Geodesic length, area and perimeter of every feature, with validity and totals.",
        discussion: """
            Geodesic on WGS84 (PROJ geodesic.h, Karney's algorithm). md and csv show km and km² with 3 decimals;
            json and geojson carry SI units: length_m, area_m2, perimeter_m (geojson: the input features with
            those properties added). A polygon's area does not depend on its winding.
            """
    )

    @Argument(help: ArgumentHelp("A GeoJSON file, '-' for standard input, or any vector source GDAL reads (PATH:LAYER picks a layer); none: the embedded territories.", valueName: "file"), completion: .file())
    var file: String?

    @Option(help: ArgumentHelp("The layer to read, for sources of several layers (GeoPackage).", valueName: "name"))
    var layer: String?

    @Option(help: ArgumentHelp("The property to show as each feature's id (default: the feature's id).", valueName: "name"))
    var idProperty: String?

    @Option(help: "Worker threads, each with its own GEOS context (default: one per processor).")
    var workers: Int?

    @Option(name: .shortAndLong, help: "Output format: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output's ending, else md).")
    var format: FeatureFormat?

    func validate() throws {
        guard (workers ?? 1) >= 1 else { throw ValidationError("--workers must be at least 1") }
    }

    @OptionGroup var output: OutputOptions

    func execute() throws {
        let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: FeatureFormat.allCases.map(\.kind), fallback: .report(.markdown))
        let geojson: GeoJSON, source: String
        if let file, case .report(let format) = kind, format != .geojson {
            // The report holds rows, not features: the file streams through, a batch at a time.
            let input = VectorSource(file, layer: layer)
            let source = input.label
            var measure = StreamingMeasure(source: source, workers: workers, idProperty: idProperty)
            let root = try input.stream { feature, _ in try measure.add(feature) }
            if case .featureCollection = root {} else { for f in root.features { try measure.add(f) } }
            for note in root.notes { FileIO.writeToStandardError("borderkit: warning: \(source): \(note)\n") }
            let out = try AtomicOutput(output.output ?? "-")
            try measure.finish().write(format) { try out.write($0) }
            try out.commit()
            return
        }
        if let file {
            let input = VectorSource(file, layer: layer)
            (geojson, source) = (try input.read(), input.label)
        } else {
            let data = try EmbeddedData.locate()
            (geojson, source) = (try data.read("territories"), data.label(of: "territories"))
        }
        for note in geojson.notes { FileIO.writeToStandardError("borderkit: warning: \(source): \(note)\n") }
        let features = geojson.features
        let report = try Measure.run(features, source: source, workers: workers, idProperty: idProperty)
        switch kind {
        case .report(.markdown): try output.write(report.markdown)
        case .report(.csv): try output.write(report.csv)
        case .report(.json): try output.write(JSONWriter.data(report.json) + [0x0A])
        default: try output.writeFeatures(report.annotated(features), as: kind) { [] }
        }
    }
}
