import ArgumentParser
import BorderKit

/// The inputs and measures shared by `route` and `compare`.
struct RouteInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Routes (LineStrings): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var routes: String?
    @Option(help: ArgumentHelp("Territories (polygons): GeoJSON or any vector source GDAL reads (PATH:LAYER picks a layer).", valueName: "file"), completion: .file()) var territories: String?
    @Option(help: ArgumentHelp("The property that holds each territory's id.", valueName: "name")) var idProperty: String?
    @Option(help: ArgumentHelp("Distance-to-border sample spacing, km.", valueName: "km")) var step: Double = 1
    @Option(help: ArgumentHelp("Report and count the km closer than this to a border.", valueName: "km")) var near: Double = 5
    @Option(help: ArgumentHelp("Corridor total width, km (0: none).", valueName: "km")) var corridor: Double = 5
    @Option(help: ArgumentHelp("Tolerance in metres: shorter pieces merge; closer than this runs along a border.", valueName: "metres")) var snap: Double = 100

    @OptionGroup var accuracy: AccuracyOption
    @Option(help: ArgumentHelp("The routes' positional accuracy in metres, for routes without an accuracy_m property.", valueName: "metres")) var routeAccuracy: Double?

    func validate() throws {
        if let routeAccuracy, !(routeAccuracy >= 0 && routeAccuracy.isFinite) { throw ValidationError("--route-accuracy must be 0 or more metres") }
        guard step > 0, near >= 0, corridor >= 0, snap >= 0 else {
            throw ValidationError("--step must be positive; --near, --corridor and --snap 0 or more")
        }
    }

    /// Where the routes and territories come from.
    var inputSet: InputSet { InputSet(territories: territories, routes: routes, idProperty: idProperty) }

    /// The options in metres.
    var options: RouteOptions {
        var o = RouteOptions()
        o.step = step * 1e3
        o.near = near * 1e3
        o.corridor = corridor * 1e3
        o.snap = snap
        o.routeAccuracy = routeAccuracy
        return o
    }
}
