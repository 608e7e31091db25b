import ArgumentParser
import BorderKit
import GeoCore

struct ConvertCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Rewrites features as RFC 7946 GeoJSON, a GeoJSON text sequence, GeoPackage, FlatGeobuf, Shapefile or TopoJSON.",
        discussion: """
            GeoJSON output is what `ogr2ogr -f GeoJSON -lco RFC7946=YES` writes: exterior rings counter-clockwise and \
            holes clockwise, coordinates with --decimals digits (at most 7, the default: about 1 cm), foreign members kept \
            except "crs". Input is any vector source (GeoJSON by BorderKit's reader, the rest through GDAL, reprojected \
            to WGS84); it is checked as every command checks it, and a bad file is an error naming the feature. \
            --format (default: by --output's ending, else geojson): geojsonseq is one feature per line (.geojsons: \
            RFC 8142 record separators); gpkg, fgb and shp go through GDAL; topojson shares the arcs of neighbours.
            """
    )

    @Argument(help: ArgumentHelp("A GeoJSON file, '-' for standard input, or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var file: String
    @Option(help: ArgumentHelp("The layer to read, for sources of several layers (GeoPackage).", valueName: "name")) var layer: String?
    @Option(help: ArgumentHelp("Decimal digits of each coordinate (0–7; 7 is about 1 cm).", valueName: "n")) var decimals = 7
    @Option(name: .shortAndLong, help: "Output format: geojson, geojsonseq, gpkg, fgb, shp or topojson (default: by --output's ending, else geojson).") var format: ConvertFormat?
    @OptionGroup var quantize: QuantizeOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...7).contains(decimals) else { throw ValidationError("--decimals must be between 0 and 7") }
    }

    /// Streams: each feature is written as soon as it is read, into a file put in place at the end (nothing
    /// is written if the input turns out bad half-way), so memory holds a feature, not the file.
    func execute() throws {
        let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: ConvertFormat.allCases.map(\.kind), fallback: .report(.geojson))
        let grid = try quantize.value()
        let input = VectorSource(file, layer: layer)
        switch kind {
        case .report(.geojson), .geojsonseq: break
        case .topojson:
            let root = try input.read()
            for note in root.notes { FileIO.writeToStandardError("borderkit: warning: \(input.label): \(note)\n") }
            let name = VectorWriter.layerName(of: root, path: input.path)
            try output.write(TopoJSONWriter(quantization: grid, decimals: decimals).data([TopoJSONObject(name: name, features: root.features)]))
            return
        default:
            let root = try input.read()
            for note in root.notes { FileIO.writeToStandardError("borderkit: warning: \(input.label): \(note)\n") }
            var collection = FeatureCollection(root.features)
            if case .featureCollection(let c) = root { collection.foreignMembers = c.foreignMembers }
            try output.writeFeatures(collection, as: kind) { [] }
            return
        }
        let writer = GeoJSONWriter(decimals: decimals)
        let sequence = kind == .geojsonseq, separated = output.output?.lowercased().hasSuffix(".geojsons") ?? false
        let out = try AtomicOutput(output.output ?? "-")
        var bytes: [UInt8] = []
        var count = 0
        let root = try input.stream(onCollection: { head in
            for note in head.notes where head.origin != nil { FileIO.writeToStandardError("borderkit: warning: \(input.label): \(note)\n") }
            if !sequence { writer.writeHead(of: head, to: &bytes) }
        }, onFeature: { feature, index in
            if sequence { writer.writeRecord(feature, recordSeparator: separated, to: &bytes) } else { writer.writeFeature(feature, at: index, to: &bytes) }
            count += 1
            if bytes.count >= 1 << 16 {
                try out.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        })
        if case .featureCollection = root {
            if !sequence { writer.writeTail(count: count, to: &bytes) }
        } else if sequence {
            for f in root.features { writer.writeRecord(f, recordSeparator: separated, to: &bytes) }
        } else {
            bytes = writer.data(root)
        }
        try out.write(bytes)
        try out.commit()
    }
}
