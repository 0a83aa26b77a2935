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
    dependencies: [.package(path: outturnRoot.path)],
    targets: [.target(name: "FuzzDriver")] + ["FuzzObservations", "FuzzTargets", "FuzzScenarios", "FuzzProjection"].map { name in
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
