import Foundation
import Testing
import Outturn

/// Locates `../shared` (the oracle and the real data), which sits beside the package checkout.
enum SharedReferences {
    static let root: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // …/Tests/OutturnTests/Oracles/SharedReferences.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func json(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relativePath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A hold-out oracle's whole series (training months then test months) and its entry in
    /// annual_aggregate.json: R's year-end sum and mean cut at August of the last complete year.
    static func annualAggregateCase(_ id: String) throws -> (series: MonthlySeries, expected: [String: Any]) {
        let expected = try json("oracle/annual_aggregate.json").object("series").object(id)
        let holdOut = try json("oracle/series/\(id).json")
        let train = try holdOut.object("train")
        let values = try train.doubles("values") + (try holdOut.object("test").doubles("values"))
        return (try MonthlySeries(start: try Month(parsing: try train.string("start")), values: values), expected)
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

/// The M3 monthly competition data (../shared/data/m3-monthly) and R's forecasts for it.
enum M3 {
    /// Each series' training months (through 1999-12) and its 18 test values, read with a plain
    /// split so that the reference does not go through Outturn's own reader.
    static let series: [String: (train: MonthlySeriesValues, test: [Double])] = {
        let text = (try? String(contentsOf: SharedReferences.root.appendingPathComponent("data/m3-monthly/observations.csv"), encoding: .utf8)) ?? ""
        var rows: [String: [(String, Double)]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 3, let value = Double(fields[2]) else { continue }
            rows[String(fields[0]), default: []].append((String(fields[1]), value))
        }
        return rows.mapValues { months in
            let train = months.filter { $0.0 < "2000-01" }
            return (MonthlySeriesValues(start: train[0].0, values: train.map(\.1)), months.filter { $0.0 >= "2000-01" }.map(\.1))
        }
    }()

    /// R's forecasts: [series: [method: rows of (h, mean, lower80, upper80, lower95, upper95)]].
    static func forecasts(_ file: String) -> [String: [String: [[Double]]]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", SharedReferences.root.appendingPathComponent("oracle/m3-monthly/\(file)").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return [:] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var result: [String: [String: [[Double]]]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 8 else { continue }
            result[String(fields[0]), default: [:]][String(fields[1]), default: []].append(fields[2...].map { Double($0) ?? .nan })
        }
        return result
    }
}

/// A series' first month (YYYY-MM) and consecutive values.
struct MonthlySeriesValues: Sendable {
    let start: String
    let values: [Double]
}
