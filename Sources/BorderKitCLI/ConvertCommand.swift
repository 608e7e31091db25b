import ArgumentParser
import BorderKit
import GeoCore

struct ConvertCommand: BorderKitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Rewrites GeoJSON as RFC 7946: right-hand-rule winding, fixed decimals, no crs member.",
        discussion: """
            What `ogr2ogr -f GeoJSON -lco RFC7946=YES` does for GeoJSON input: exterior rings counter-clockwise and \
            holes clockwise, coordinates with --decimals digits (at most 7, the default: about 1 cm), foreign members kept \
            except "crs". The input is checked as every command checks it; a bad file is an error naming the feature.
            """
    )

    @Argument(help: ArgumentHelp("A GeoJSON file, or '-' for standard input.", valueName: "file"), completion: .file()) var file: String
    @Option(help: ArgumentHelp("Decimal digits of each coordinate (0–7; 7 is about 1 cm).", valueName: "n")) var decimals = 7
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...7).contains(decimals) else { throw ValidationError("--decimals must be between 0 and 7") }
    }

    /// Streams: each feature is written as soon as it is read, into a file put in place at the end (nothing
    /// is written if the input turns out bad half-way), so memory holds a feature, not the file.
    func execute() throws {
        let writer = GeoJSONWriter(decimals: decimals)
        let out = try AtomicOutput(output.output ?? "-")
        var bytes: [UInt8] = []
        var count = 0
        let root = try GeoJSONReader.stream(path: file, onCollection: { head in
            writer.writeHead(of: head, to: &bytes)
        }, onFeature: { feature, index in
            writer.writeFeature(feature, at: index, to: &bytes)
            count += 1
            if bytes.count >= 1 << 16 {
                try out.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        })
        if case .featureCollection = root { writer.writeTail(count: count, to: &bytes) } else { bytes = writer.data(root) }
        try out.write(bytes)
        try out.commit()
    }
}
