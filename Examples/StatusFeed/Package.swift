// swift-tools-version: 6.1
// A client of Outturn that uses only its public API: reads a folder of indicator CSVs and a
// targets file, and writes a JSON status feed. CI builds and runs it, so a change that breaks
// users breaks CI.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between checkouts.
let outturnRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardizedFileURL
let outturnIdentity = outturnRoot.lastPathComponent

let package = Package(
    name: "StatusFeed",
    dependencies: [.package(path: outturnRoot.path)],
    targets: [
        .executableTarget(
            name: "StatusFeed",
            dependencies: [
                .product(name: "Outturn", package: outturnIdentity),
                .product(name: "OutturnIO", package: outturnIdentity),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
