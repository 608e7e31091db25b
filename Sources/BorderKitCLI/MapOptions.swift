import ArgumentParser
import BorderKit
import GeoCore

/// `--map PATH.svg`: also draw what the command computed, as an SVG map.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also draw the result as an SVG map to this file (written atomically).", valueName: "path.svg"), completion: .file(extensions: ["svg"]))
    var map: String?

    /// Renders the scene to the `--map` file, if one was asked for.
    func write(_ scene: @autoclosure () throws -> MapScene) throws {
        guard let map else { return }
        try FileIO.writeAtomically(Array(try MapRenderer.svg(try scene()).utf8), to: map)
    }
}
