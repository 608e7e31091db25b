import ArgumentParser
import BorderKit
import GeoCore

/// `--map PATH.svg|PATH.html`: also draw what the command computed, as an SVG map or an interactive HTML map.
struct MapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also draw the result as a map to this file (written atomically): SVG, or an interactive HTML map for a path ending in .html.", valueName: "path.svg"), completion: .file(extensions: ["svg", "html"]))
    var map: String?

    /// Renders the scene to the `--map` file, if one was asked for.
    func write(_ scene: @autoclosure () throws -> MapScene) throws {
        guard let map else { return }
        try MapFormat.write(try scene(), as: MapFormat(path: map), to: map)
    }
}

/// A map's file format.
enum MapFormat: String, CaseIterable, ExpressibleByArgument {
    case svg, html

    /// By the path's ending: .html or .htm is HTML, anything else SVG.
    init(path: String) {
        let lower = path.lowercased()
        self = lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .svg
    }

    /// Writes `scene` as `format` to `path`, all or nothing.
    static func write(_ scene: MapScene, as format: MapFormat, to path: String) throws {
        let text = format == .html ? try HTMLMap.html(scene) : try MapRenderer.svg(scene)
        try FileIO.writeAtomically(Array(text.utf8), to: path)
    }
}
