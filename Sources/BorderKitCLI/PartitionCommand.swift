import ArgumentParser
import BorderKit
import GeoCore

struct PartitionCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "partition",
        abstract: "Splits features into tiles (GeoJSON text sequences and a manifest) for `borders` run tile by tile.",
        discussion: """
            A KD split of the features' envelope centres, balanced by vertex count; every feature is copied whole, \
            bit for bit, into every tile its envelope touches. Run `borderkit borders --territories TILE \
            --owner-extent W,S,E,N` on each tile with its manifest's owner_extent: each pair and tripoint is \
            reported by exactly one tile. The output folder is written all or nothing.
            """
    )

    @Argument(help: ArgumentHelp("Features: GeoJSON, a GeoJSON text sequence or any vector source GDAL reads.", valueName: "file"), completion: .file())
    var file: String
    @Option(help: ArgumentHelp("The layer to read, for sources of several layers (GeoPackage).", valueName: "name")) var layer: String?
    @Option(help: "How many tiles (at least 1).") var tiles: Int
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write (a new one, or an earlier partition to replace).", valueName: "dir"), completion: .directory)
    var output: String

    func validate() throws {
        guard tiles >= 1 else { throw ValidationError("--tiles must be at least 1") }
    }

    func execute() throws {
        try FileIO.checkFolderTarget(output, replaceable: PartitionCommand.isEarlierPartition)
        let input = VectorSource(file, layer: layer)
        let root = try input.read()
        for note in root.notes { FileIO.writeToStandardError("borderkit: warning: \(input.label): \(note)\n") }
        let features = root.features
        let partition = Partition(features, tiles: tiles)
        let bytes = FileIO.isFolder(input.path) || input.path == "-" ? nil : try FileIO.readAll(input.path)
        try FileIO.writeFolderAtomically(partition.files(of: features, input: input.label, inputBytes: bytes), to: output,
                                         replaceable: PartitionCommand.isEarlierPartition)
    }

    /// A folder this command wrote: a manifest.json and tile files, nothing else.
    static func isEarlierPartition(_ path: String) -> Bool {
        let names = FileIO.fileNames(in: path)
        return names.contains("manifest.json") && names.allSatisfy { $0 == "manifest.json" || ($0.hasPrefix("tile-") && $0.hasSuffix(".geojsonl")) }
    }
}
