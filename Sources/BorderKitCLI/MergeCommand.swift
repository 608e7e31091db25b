import ArgumentParser
import BorderKit
import GeoCore

struct MergeCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combines the tiles' `borders` or `areas` outputs of a partition, or `route` batches, into the whole file's report.",
        discussion: """
            Give every tile's output, each from `borderkit borders --territories TILE --owner-extent EXTENT --label \
            FILE` with the tile's extent and the input's name from the partition's manifest.json: JSON reports \
            (-f json) merge into the JSON report, GeoJSON outputs (-f geojson) into the GeoJSON, the same bytes \
            `borderkit borders` writes for the whole file. The tiles' `areas` parts (`borderkit areas --territories \
            TILE --owner-extent EXTENT --label FILE`, GeoJSON) merge into the `areas` report in any of its formats \
            (--format, or by --output's ending; Markdown by default): the same bytes `borderkit areas` writes for the \
            whole file. The batches of `borderkit route --batch k/n` (JSON or GeoJSON), given in their order, merge into \
            the output of all the routes; the batches of `borderkit compare --batch k/n -f json` into the comparison of \
            all the named groups.
            """
    )

    @Argument(help: ArgumentHelp("The tiles' outputs: all JSON reports or all GeoJSON.", valueName: "file"), completion: .file())
    var files: [String]
    @Option(name: .shortAndLong, help: "For `areas` parts: md, csv, json, geojson, geojsonseq, gpkg, fgb or shp (default: by --output's ending, else md). `borders` outputs merge into their own format.")
    var format: FeatureFormat?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the tiles' outputs to merge") }
    }

    func execute() throws {
        var reports: [TileOutput<JSONSpans>] = []
        var collections: [TileOutput<FeatureCollection>] = []
        var areaParts: [TileOutput<AreaTilePart>] = []
        for file in files {
            let spans = JSONSpans(bytes: try FileIO.readAll(file), source: file)
            // The kind by the root's members, without reading the rest.
            let type = try spans.members(of: spans.root).first { $0.name == "type" }.map { try spans.value(at: $0.range).stringValue }
            if type == "FeatureCollection" {
                guard case .featureCollection(let c) = try GeoJSONReader.read(path: file) else { throw MergeError("\(file): not a FeatureCollection") }
                if let part = try AreaTilePart(c, file: file) {
                    areaParts.append(TileOutput(file: file, content: part))
                } else {
                    collections.append(TileOutput(file: file, content: c))
                }
            } else {
                reports.append(TileOutput(file: file, content: spans))
            }
        }
        let kinds = [(reports.first?.file, "a borders JSON report"), (collections.first?.file, "borders GeoJSON"), (areaParts.first?.file, "an areas tile part")]
            .compactMap { f, what in f.map { "\($0) is \(what)" } }
        guard kinds.count == 1 else { throw MergeError(kinds.joined(separator: " and ") + ": merge one kind at a time") }
        if !areaParts.isEmpty {
            let kind = try OutputKind.resolve(format?.kind, output: output.output, allowed: FeatureFormat.allCases.map(\.kind), fallback: .report(.markdown))
            let report = try AreaMerge.report(areaParts)
            switch kind {
            case .report(.markdown): try output.write(report.markdown)
            case .report(.csv): try output.write(report.csv)
            case .report(.json): try output.write(JSONWriter.data(report.json) + [0x0A])
            default: try output.writeFeatures(report.featureCollection, as: kind) { [] }   // not TopoJSON: FeatureFormat has none
            }
            return
        }
        if let format, format.kind != (reports.isEmpty ? .report(.geojson) : .report(.json)) {
            throw ValidationError("--format \(format.rawValue): `borders` and `route` outputs merge into their own format (\(reports.isEmpty ? "geojson" : "json"))")
        }
        let routeFiles = (try reports.filter { r in try r.content.members(of: r.content.root).contains { $0.name == "routes" || $0.name == "groups" } }.map(\.file)
            + collections.filter { RouteMerge.isRouteCollection($0.content) }.map(\.file))
        if !routeFiles.isEmpty {
            guard routeFiles.count == files.count else {
                throw MergeError("\(routeFiles[0]) is a route output and \(files.first { !routeFiles.contains($0) }!) is not: merge one kind at a time")
            }
            if collections.isEmpty {
                let values = try reports.map { TileOutput(file: $0.file, content: try $0.content.value(at: $0.content.root)) }
                let comparisons = values.filter { RouteMerge.isComparison($0.content) }
                guard comparisons.isEmpty || comparisons.count == values.count else {
                    throw MergeError("\(comparisons[0].file) is a compare report and \(values.first { !RouteMerge.isComparison($0.content) }!.file) is not: merge one kind at a time")
                }
                let merged = comparisons.isEmpty ? try RouteMerge.json(values) : try RouteMerge.comparison(values)
                try output.write(JSONWriter.data(merged) + [0x0A])
            } else {
                try output.write(GeoJSONWriter().data(.featureCollection(try RouteMerge.geojson(collections))))
            }
            return
        }
        if collections.isEmpty {
            try output.write(try BorderMerge.json(reports))
        } else {
            try output.write(GeoJSONWriter().data(try BorderMerge.geojson(collections)))
        }
    }
}
