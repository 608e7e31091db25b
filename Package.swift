// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "BorderKit",
    products: [
        .executable(name: "borderkit", targets: ["BorderKitCLI"]),
        .library(name: "BorderKit", targets: ["BorderKit"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` for the DocC catalogs of GeoCore and BorderKit.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        // GDAL's headers only: the library is loaded when a source needs it (Sources/CGDAL/shim.h), so no
        // pkg-config here (its -lgdal would load GDAL's 18 MiB of libraries into every process at start).
        .systemLibrary(
            name: "CGDAL"
        ),
        .target(name: "CShims"),
        .target(
            name: "GeoCore",
            dependencies: ["CGEOS", "CPROJ", "CGDAL", "CShims"]
        ),
        .target(
            name: "BorderKit",
            dependencies: ["GeoCore"]
        ),
        .executableTarget(
            name: "BorderKitCLI",
            dependencies: [
                "BorderKit",
                "GeoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "geodata-build",
            dependencies: ["GeoCore"],
            path: "Tools/GeoDataBuild"
        ),
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "GeoCoreTests",
            dependencies: ["GeoCore", "TestSupport"]
        ),
        .testTarget(
            name: "BorderKitTests",
            dependencies: ["BorderKit", "GeoCore", "TestSupport"]
        ),
        .testTarget(
            name: "BorderKitCLITests",
            dependencies: ["BorderKit", "GeoCore", "TestSupport"],
            exclude: ["Fixtures", "Golden", "Hostile"]
        ),
    ]
)

// The libFuzzer targets, only when Tools/fuzz/run.sh builds them (BORDERKIT_FUZZ=1, with -sanitize=fuzzer,address
// and -parse-as-library): libFuzzer supplies their main, which an ordinary build would lack.
if ProcessInfo.processInfo.environment["BORDERKIT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Tools/Fuzz/Driver"),
        .executableTarget(name: "fuzz-geojson-reader", dependencies: ["FuzzDriver", "GeoCore"], path: "Tools/Fuzz/GeoJSONReader"),
        .executableTarget(name: "fuzz-measure", dependencies: ["FuzzDriver", "BorderKit", "GeoCore"], path: "Tools/Fuzz/Measure"),
    ]
}
