import Foundation
import Outturn

/// Annual targets read from CSV or JSON.
///
/// CSV: header `indicator,year,aggregate,comparator,threshold`, optionally `name` and `unit`, in
/// any order. JSON: an array of objects with the same keys (or `{"targets": [...]}`); `year` and
/// `threshold` are numbers. `aggregate` is `sum`, `mean`, `last`, `min` or `max`; `comparator`
/// is `<`, `<=`, `>` or `>=`.
public struct TargetsFile: Sendable {
    /// The file, as the user named it.
    public let file: String
    /// The targets, in file order.
    public let targets: [Target]
    /// Where each target was defined: a CSV line, or a JSON entry index (0-based).
    private let locations: [Location]

    private enum Location: Sendable {
        case line(Int)
        case entry(Int)
    }

    /// Reads `path`: JSON when it ends in `.json`, CSV otherwise.
    /// - Throws: ``InputError`` naming the file, line (or entry) and field.
    public static func read(path: String) throws(InputError) -> TargetsFile {
        let data = try readFile(path)
        return path.lowercased().hasSuffix(".json") ? try parseJSON(data, file: path) : try parseCSV(data, file: path)
    }

    static let required = ["indicator", "year", "aggregate", "comparator", "threshold"]
    static let optional = ["name", "unit"]

    /// Parses targets CSV.
    public static func parseCSV(_ data: Data, file: String) throws(InputError) -> TargetsFile {
        let records = try CSVReader.records(data, file: file)
        guard let header = records.first else { throw InputError(file: file, message: "the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for name in names where !(required + optional).contains(name) {
            throw InputError(file: file, line: header.line, field: name,
                             message: "unknown column; targets use \((required + optional).joined(separator: ","))")
        }
        for name in required where !names.contains(name) {
            throw InputError(file: file, line: header.line, field: name,
                             message: "the column is missing; the header needs \(required.joined(separator: ","))")
        }
        guard records.count > 1 else {
            throw InputError(file: file, line: header.line, message: "the file has a header but no targets")
        }
        var targets: [Target] = [], locations: [Location] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw InputError(file: file, line: record.line,
                                 message: "the row has \(record.fields.count) fields but the header has \(names.count)")
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { row[name] = value }
            targets.append(try makeTarget(file: file, line: record.line, fieldLabel: { $0 }) { key in row[key] })
            locations.append(.line(record.line))
        }
        return TargetsFile(file: file, targets: targets, locations: locations)
    }

    /// Parses targets JSON.
    public static func parseJSON(_ data: Data, file: String) throws(InputError) -> TargetsFile {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError(file: file, message: "is not valid JSON (\(error.localizedDescription))")
        }
        guard let entries = (root as? [Any]) ?? ((root as? [String: Any])?["targets"] as? [Any]) else {
            throw InputError(file: file, message: "expected an array of targets, or an object with a 'targets' array")
        }
        guard !entries.isEmpty else { throw InputError(file: file, message: "the file holds no targets") }
        var targets: [Target] = [], locations: [Location] = []
        for (index, entry) in entries.enumerated() {
            guard let object = entry as? [String: Any] else {
                throw InputError(file: file, field: "targets[\(index)]", message: "each target must be an object")
            }
            for key in object.keys where !(required + optional).contains(key) {
                throw InputError(file: file, field: "targets[\(index)].\(key)",
                                 message: "unknown key; targets use \((required + optional).joined(separator: ", "))")
            }
            targets.append(try makeTarget(file: file, line: nil, fieldLabel: { "targets[\(index)].\($0)" }) { key in
                switch object[key] {
                case nil, is NSNull: nil
                case let number as NSNumber:
                    number.stringValue
                case let text as String: text
                default: "\u{0}not a string or number"
                }
            })
            locations.append(.entry(index))
        }
        return TargetsFile(file: file, targets: targets, locations: locations)
    }

    private static func makeTarget(file: String, line: Int?, fieldLabel: (String) -> String,
                                   value: (String) -> String?) throws(InputError) -> Target {
        func fail(_ key: String, _ message: String) -> InputError {
            InputError(file: file, line: line, field: fieldLabel(key), message: message)
        }
        func text(_ key: String) throws(InputError) -> String {
            guard let raw = value(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                throw fail(key, "the value is missing")
            }
            return raw
        }
        let indicator = try text("indicator")
        let yearText = try text("year")
        guard let year = Int(yearText), (1...9999).contains(year) else {
            throw fail("year", "'\(yearText)' is not a year; write it like 2020")
        }
        let aggregateText = try text("aggregate")
        guard let aggregate = Target.Aggregate(rawValue: aggregateText) else {
            throw fail("aggregate", "unknown aggregate '\(aggregateText)'; use sum, mean, last, min or max")
        }
        let comparatorText = try text("comparator")
        guard let comparator = Target.Comparator(rawValue: comparatorText) else {
            throw fail("comparator", "unknown comparator '\(comparatorText)'; use <, <=, > or >=")
        }
        let thresholdText = try text("threshold")
        guard let threshold = parseDecimal(thresholdText) else { throw fail("threshold", numberAdvice(thresholdText)) }
        let name = value("name").flatMap { $0.isEmpty ? nil : $0 }
        let unit = value("unit").flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try Target(indicator: indicator, year: year, aggregate: aggregate, comparator: comparator,
                              threshold: threshold, name: name, unit: unit)
        } catch {
            throw fail("indicator", error.description)
        }
    }

    /// An error located at the `index`-th target (its CSV line, or its JSON entry).
    public func error(at index: Int, message: String) -> InputError {
        switch locations[index] {
        case .line(let line): InputError(file: file, line: line, field: "indicator", message: message)
        case .entry(let entry): InputError(file: file, field: "targets[\(entry)].indicator", message: message)
        }
    }

    /// Checks that every target names an indicator of `dataset`.
    /// - Throws: ``InputError`` at the first target whose indicator is not in the data.
    public func checkIndicators(in dataset: Dataset) throws(InputError) {
        let known = Set(dataset.entries.map(\.indicator))
        for (index, target) in targets.enumerated() where !known.contains(target.indicator) {
            let close = known.sorted().first { $0.lowercased() == target.indicator.lowercased() }
            let hint = close.map { " (did you mean '\($0)'?)" } ?? "; the observations name \(known.count) indicators"
            throw error(at: index,
                        message: "indicator '\(target.indicator)' is not in \(dataset.file)\(hint)")
        }
    }
}
