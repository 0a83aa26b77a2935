// swift-tools-version: 6.1
// Outturn: year-end projections of monthly indicators against their targets.
import PackageDescription

let package = Package(
    name: "Outturn",
    products: [
        .library(name: "Outturn", targets: ["Outturn"]),
        .library(name: "OutturnIO", targets: ["OutturnIO"]),
        .library(name: "OutturnStore", targets: ["OutturnStore"]),
        .executable(name: "outturn", targets: ["OutturnCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Scenario files in YAML or JSON, parsed with line numbers for errors.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The HTML report's document structure.
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Property-based tests (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation` for the DocC catalog (CI builds it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Unzipping .xlsx workbooks (the XML parts are read with Foundation's SAX XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The projection store (`project --record`, `history`): SQLite with migrations and WAL.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The Fortran LAPACK/BLAS routines Outturn calls, declared by hand (Debian ships no header).
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev"])]
        ),
        // Pure computation: no file I/O, no printing, no global state.
        // On Apple platforms LAPACK comes from Accelerate instead (LAPACK.swift).
        .target(name: "Outturn", dependencies: [.target(name: "CLAPACK", condition: .when(platforms: [.linux]))]),
        // Reading and writing files: CSV/JSON in; table, JSON, CSV, Markdown out.
        .target(name: "OutturnIO", dependencies: [
            "Outturn", .product(name: "Yams", package: "Yams"), .product(name: "Plot", package: "Plot"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The record of projections in SQLite; kept apart so `Outturn` and `OutturnIO` need no SQLite.
        .target(name: "OutturnStore", dependencies: ["Outturn", "OutturnIO", .product(name: "GRDB", package: "GRDB.swift")]),
        // The `outturn` command: parse, call the library, render.
        .executableTarget(
            name: "OutturnCLI",
            dependencies: [
                "Outturn", "OutturnIO", "OutturnStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OutturnTests", dependencies: [
            "Outturn", "OutturnIO", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "OutturnIOTests", dependencies: ["OutturnIO", "OutturnStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Runs the built `outturn` binary as a subprocess; depending on the target makes it built.
        .testTarget(name: "OutturnCLITests", dependencies: ["OutturnCLI", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
