import ArgumentParser
import BorderKit
import GeoCore

struct MergeCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combines the tiles' `borders` outputs of a partition into the whole file's report.",
        discussion: """
            Give every tile's output, each from `borderkit borders --territories TILE --owner-extent EXTENT --label \
            FILE` with the tile's extent and the input's name from the partition's manifest.json: JSON reports \
            (-f json) merge into the JSON report, GeoJSON outputs (-f geojson) into the GeoJSON, the same bytes \
            `borderkit borders` writes for the whole file. Only `borders` outputs merge so far.
            """
    )

    @Argument(help: ArgumentHelp("The tiles' outputs: all JSON reports or all GeoJSON.", valueName: "file"), completion: .file())
    var files: [String]
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the tiles' outputs to merge") }
    }

    func execute() throws {
        var reports: [TileOutput<JSONValue>] = []
        var collections: [TileOutput<FeatureCollection>] = []
        for file in files {
            let value = try JSONValue.read(try FileIO.readAll(file), source: file)
            if value["type"]?.stringValue == "FeatureCollection" {
                guard case .featureCollection(let c) = try GeoJSONReader.read(path: file) else { throw MergeError("\(file): not a FeatureCollection") }
                collections.append(TileOutput(file: file, content: c))
            } else {
                reports.append(TileOutput(file: file, content: value))
            }
        }
        guard reports.isEmpty || collections.isEmpty else {
            throw MergeError("\(collections[0].file) is GeoJSON and \(reports[0].file) a JSON report: merge one kind at a time")
        }
        if collections.isEmpty {
            try output.write(JSONWriter.data(try BorderMerge.json(reports)) + [0x0A])
        } else {
            try output.write(GeoJSONWriter().data(try BorderMerge.geojson(collections)))
        }
    }
}
