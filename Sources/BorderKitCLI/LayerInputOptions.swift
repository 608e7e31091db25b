import ArgumentParser
import BorderKit

/// Every input layer, for the commands that draw or report on all of them (`map`, `report`).
struct LayerInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var territories: String?
    @Option(help: ArgumentHelp("Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var routes: String?
    @Option(help: ArgumentHelp("Border-status lines: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var status: String?
    @Option(help: ArgumentHelp("Claims: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var claims: String?
    @Option(help: ArgumentHelp("Control: GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var control: String?
    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name")) var idProperty: String?

    /// The layers, embedded where not given (see `InputSet`).
    var inputSet: InputSet {
        InputSet(territories: territories, status: status, claims: claims, control: control, routes: routes, idProperty: idProperty)
    }
}
