import ArgumentParser
import BorderKit
import GeoCore

/// What a command that has features writes: a report, GeoJSON or a text sequence of it, a GDAL format, TopoJSON.
enum OutputKind: Equatable {
    case report(ReportFormat)
    case geojsonseq
    case vector(VectorFormat)
    case topojson

    /// The kind a file name's ending names (.md, .csv, .json, .geojson, .geojsonl/.geojsons, .gpkg, .fgb, .shp,
    /// .topojson), for `--output` without `--format`.
    init?(path: String?) {
        guard let path, path != "-" else { return nil }
        let lower = path.lowercased()
        if let v = VectorFormat(path: lower) { self = .vector(v); return }
        if lower.hasSuffix(".geojsonl") || lower.hasSuffix(".geojsons") || lower.hasSuffix(".geojsonseq") { self = .geojsonseq; return }
        if lower.hasSuffix(".topojson") { self = .topojson; return }
        if lower.hasSuffix(".geojson") { self = .report(.geojson); return }
        if lower.hasSuffix(".json") { self = .report(.json); return }
        if lower.hasSuffix(".csv") { self = .report(.csv); return }
        if lower.hasSuffix(".md") { self = .report(.markdown); return }
        return nil
    }
}

/// The formats of `measure` and `route`: reports, GeoJSON, GeoJSON text sequences and GDAL's formats.
enum FeatureFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown = "md", csv, json, geojson, geojsonseq, gpkg, fgb, shp

    var kind: OutputKind {
        switch self {
        case .markdown: .report(.markdown)
        case .csv: .report(.csv)
        case .json: .report(.json)
        case .geojson: .report(.geojson)
        case .geojsonseq: .geojsonseq
        case .gpkg: .vector(.gpkg)
        case .fgb: .vector(.fgb)
        case .shp: .vector(.shp)
        }
    }
}

/// The formats of `borders` and `areas`: those of `FeatureFormat` and TopoJSON.
enum TopologyFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown = "md", csv, json, geojson, geojsonseq, gpkg, fgb, shp, topojson

    var kind: OutputKind { self == .topojson ? .topojson : FeatureFormat(rawValue: rawValue)!.kind }
}

/// The formats of `convert`: every format that holds features.
enum ConvertFormat: String, CaseIterable, ExpressibleByArgument {
    case geojson, geojsonseq, gpkg, fgb, shp, topojson

    var kind: OutputKind { self == .topojson ? .topojson : FeatureFormat(rawValue: rawValue)!.kind }
}

extension OutputKind {
    /// The format given, else the one `--output`'s ending names, else `fallback`; a kind the command does not
    /// write (`allowed`) named by the ending is refused rather than written as something else.
    static func resolve(_ given: OutputKind?, output: String?, allowed: [OutputKind], fallback: OutputKind) throws -> OutputKind {
        if let given { return given }
        guard var byName = OutputKind(path: output) else { return fallback }
        // GeoJSON is JSON: `convert -o out.json` writes GeoJSON, as it always did.
        if byName == .report(.json), !allowed.contains(byName), allowed.contains(.report(.geojson)) { byName = .report(.geojson) }
        guard allowed.contains(byName) else {
            throw ValidationError("\(output!): this command does not write that format; give --format")
        }
        return byName
    }
}

extension OutputOptions {
    /// Writes features as `kind` (GeoJSON, a text sequence, a GDAL format or TopoJSON), all or nothing; GDAL's
    /// formats need `--output` (a GeoPackage cannot stream). `topology` gives TopoJSON's objects.
    func writeFeatures(_ collection: FeatureCollection, as kind: OutputKind, quantize: Int? = nil,
                       topology: () -> [TopoJSONObject]) throws {
        switch kind {
        case .report(.geojson):
            try write(GeoJSONWriter().data(collection))
        case .geojsonseq:
            let separated = output?.lowercased().hasSuffix(".geojsons") ?? false
            try write(GeoJSONWriter().sequence(collection, recordSeparator: separated))
        case .vector(let format):
            guard let path = output, path != "-" else {
                throw ValidationError("--format \(format.rawValue) writes a file: give --output PATH\(format.fileExtension)")
            }
            let outcome = try VectorWriter(format: format).write(collection, to: path)
            for note in outcome.notes { FileIO.writeToStandardError("borderkit: note: \(note)\n") }
            if outcome.files.count > 1 {
                FileIO.writeToStandardError("borderkit: note: one geometry type per layer: wrote \(outcome.files.joined(separator: ", "))\n")
            }
        case .topojson:
            try write(TopoJSONWriter(quantization: quantize).data(topology()))
        case .report:
            preconditionFailure("reports are written by the command")
        }
    }
}

/// `--quantize`: TopoJSON's grid size, written as 1e5 or 100000.
struct QuantizeOption: ParsableArguments {
    @Option(help: ArgumentHelp("TopoJSON only: put positions on an N × N grid over the bounding box (e.g. 1e5); checked to break no polygon.", valueName: "n"))
    var quantize: String?

    /// The grid size, at least 2 and a whole number.
    func value() throws -> Int? {
        guard let quantize else { return nil }
        guard let d = Double(quantize), d >= 2, d <= 1e9, d == d.rounded() else {
            throw ValidationError("--quantize takes a whole number of at least 2, e.g. 1e5 (got \(quantize))")
        }
        return Int(d)
    }
}
