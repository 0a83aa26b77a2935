import Foundation
import Testing

/// Locates `../shared` (the oracle and the real data), which sits beside the package checkout.
enum SharedReferences {
    static let root: URL = {
        URL(fileURLWithPath: #filePath)            // …/Tests/OutturnTests/SharedReferences.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func json(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relativePath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The ids of the series with a hold-out oracle.
    static var oracleSeriesIDs: [String] {
        let folder = root.appendingPathComponent("oracle/series")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}

/// |actual − expected| ≤ tolerance · max(|expected|, floor): relative, with a floor for values
/// that are zero in exact arithmetic.
func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-8,
             floor: Double = 0) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), floor)
}

extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) throws -> Double { try #require((self[key] as? NSNumber)?.doubleValue) }
    func doubles(_ key: String) throws -> [Double] {
        try #require((self[key] as? [NSNumber])?.map(\.doubleValue))
    }
    func object(_ key: String) throws -> [String: Any] { try #require(self[key] as? [String: Any]) }
    func string(_ key: String) throws -> String { try #require(self[key] as? String) }
}
