// swift-tools-version: 6.1
// libFuzzer targets for Outturn's parsers and for fit-and-project. Built only by scripts/fuzz.sh
// (`-sanitize=fuzzer,address`); the fuzzer runtime provides `main`, so these never build alone.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between checkouts.
let outturnRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("..").standardizedFileURL
let outturn = outturnRoot.lastPathComponent

let package = Package(
    name: "OutturnFuzz",
    dependencies: [
        .package(path: outturnRoot.path),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        // The CLI's own sources (Sources/FuzzCLI holds a symlink to each file of
        // ../Sources/OutturnCLI, refreshed by scripts/fuzz.sh, plus PackageShims.swift), built as a
        // library: its `@main` entry gets another symbol name so libFuzzer's driver stays the
        // process entry, and `-enable-testing` lets the fuzz target reach the internal command types.
        .target(
            name: "FuzzCLI",
            dependencies: [
                .product(name: "Outturn", package: outturn),
                .product(name: "OutturnIO", package: outturn),
                .product(name: "OutturnStore", package: outturn),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-enable-testing", "-Xfrontend", "-entry-point-function-name", "-Xfrontend", "outturn_cli_main_unused"])]
        ),
        .executableTarget(
            name: "FuzzCommands",
            dependencies: ["FuzzDriver", "FuzzCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ] + ["FuzzObservations", "FuzzTargets", "FuzzScenarios", "FuzzProjection"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "Outturn", package: outturn),
                .product(name: "OutturnIO", package: outturn),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
