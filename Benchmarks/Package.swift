// swift-tools-version: 6.1
// package-benchmark suites for Outturn, in their own package so the main build stays free of
// them. Run: cd Benchmarks && swift package benchmark   (OPENBLAS_NUM_THREADS=1 for stable numbers)
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between checkouts.
let outturnRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("..").standardizedFileURL
let outturn = outturnRoot.lastPathComponent

let package = Package(
    name: "OutturnBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: outturnRoot.path),
        // Resolves here only with this trait (its default traits want a repository not mirrored).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "OutturnBenchmarks",
            dependencies: [
                .product(name: "Outturn", package: outturn),
                .product(name: "OutturnIO", package: outturn),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/OutturnBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The shared-calendar batch timed alone, for compare.py's same-run comparison with numpy.
        .executableTarget(
            name: "EngineTiming",
            dependencies: [.product(name: "Outturn", package: outturn)],
            path: "Tools/EngineTiming"
        ),
        // ETS estimation timed alone, for compare/ets.py's same-run comparison with R and statsforecast.
        .executableTarget(
            name: "ETSTiming",
            dependencies: [.product(name: "Outturn", package: outturn)],
            path: "Tools/ETSTiming"
        ),
    ]
)
