import Foundation
import Yams
import Outturn

/// Annual targets and milestones read from CSV or JSON.
///
/// CSV: a header naming the columns below, in any order; JSON: an array of objects with the same
/// keys (or `{"targets": [...]}`), numbers as numbers or strings.
///
/// | column | meaning |
/// |---|---|
/// | `indicator`, `year` | required |
/// | `aggregate` | `sum`, `mean`, `last`, `min`, `max`, or `milestone` |
/// | `comparator` | `<`, `<=`, `>`, `>=` (`>=` for a milestone) |
/// | `threshold` | a fixed threshold (the count, for a milestone) |
/// | `base_year`, `change_percent` | instead of `threshold`: the base year's figure changed by a percentage |
/// | `moving_average` | instead of `threshold`: the N-year moving average against the previous one |
/// | `versus` | instead of `threshold`: another indicator's figure in the same year |
/// | `months` | a sub-period of the year, e.g. `5-12` |
/// | `due` | a milestone's due month, `YYYY-MM` (default: December of `year`) |
/// | `name`, `unit` | for display; the unit `%` implies bounds 0..100 |
/// | `bounds` | the values a month can take: `0..100`, `0..` (a count), `..` for none; empty: from the unit |
/// | `model` | this target's model, any name `--model` accepts (default: `--model`) |
public struct TargetsFile: Sendable {
    /// The file, as the user named it.
    public let file: String
    /// The targets, in file order.
    public let targets: [Target]
    /// The milestones, in file order.
    public let milestones: [Milestone]
    /// Each target's own model (the `model` column), by position in ``targets``; `nil` where the
    /// row names none.
    public let models: [ModelChoice?]
    let targetLocations: [Location]
    private let milestoneLocations: [Location]

    enum Location: Sendable {
        case line(Int)
        /// A JSON entry: its index, the line it starts on, and the line of each key.
        case entry(Int, line: Int?, keys: [String: Int])

        func error(file: String, field: String, message: String) -> InputError {
            switch self {
            case .line(let line): InputError(file: file, line: line, field: field, message: message)
            case .entry(let index, let line, let keys):
                InputError(file: file, line: keys[field] ?? line, field: "targets[\(index)].\(field)", message: message)
            }
        }
    }

    enum Entry {
        case target(Target, model: ModelChoice?)
        case milestone(Milestone)
    }

    /// Reads `path`: JSON when it ends in `.json`, CSV otherwise; `-` reads standard input (JSON
    /// when it starts with `{` or `[`), named `<stdin>` in errors.
    /// - Throws: ``InputError`` naming the file, line and field (for JSON, the entry and key too).
    public static func read(path: String) throws(InputError) -> TargetsFile {
        if isWorkbook(path) { return try readWorkbook(path: path, sheet: nil) }
        let data = try readFile(path)
        if path == StandardInput.path {
            return isJSONText(data) ? try parseJSON(data, file: StandardInput.name) : try parseCSV(data, file: StandardInput.name)
        }
        return path.lowercased().hasSuffix(".json") ? try parseJSON(data, file: path) : try parseCSV(data, file: path)
    }

    /// Reads `path` (CSV, JSON or an `.xlsx` sheet) and checks every row's indicators against
    /// `dataset` as it is read, so that an unknown name on line 2 is reported at once, before
    /// the rest of a large file is held in memory or anything is fitted.
    /// - Throws: ``InputError`` at the first problem in file order, as ``checkIndicators(in:)`` words it.
    public static func read(path: String, sheet: String?, checkingAgainst dataset: Dataset) throws(InputError) -> TargetsFile {
        let file: TargetsFile
        if isWorkbook(path) {
            file = try read(path: path, sheet: sheet)
        } else {
            let data = try readFile(path)
            let known = KnownIndicators(dataset)
            let fromStandardInput = path == StandardInput.path
            let name = fromStandardInput ? StandardInput.name : path
            let isJSON = fromStandardInput ? isJSONText(data) : path.lowercased().hasSuffix(".json")
            file = isJSON ? try parseJSON(data, file: name, indicators: known) : try parseCSV(data, file: name, indicators: known)
        }
        try file.checkIndicators(in: dataset)
        return file
    }

    /// The names a dataset holds, with the wording of an unknown one.
    struct KnownIndicators {
        let names: Set<String>
        let file: String

        init(_ dataset: Dataset) {
            names = Set(dataset.entries.map(\.indicator))
            file = dataset.file
        }

        func message(_ name: String) -> String {
            let close = names.sorted().first { $0.lowercased() == name.lowercased() }
            let hint = close.map { " (did you mean '\($0)'?)" } ?? "; the observations name \(names.count) indicators"
            return "indicator '\(excerpt(name))' is not in \(file)\(hint)"
        }

        /// Refuses `entry` when it names an indicator (or `versus` one) that is not known.
        func check(_ entry: Entry, at location: Location, file targets: String) throws(InputError) {
            switch entry {
            case .target(let target, _):
                if !names.contains(target.indicator) {
                    throw location.error(file: targets, field: "indicator", message: message(target.indicator))
                }
                if let other = target.referenceIndicator, !names.contains(other) {
                    throw location.error(file: targets, field: "versus", message: message(other))
                }
            case .milestone(let milestone) where !names.contains(milestone.indicator):
                throw location.error(file: targets, field: "indicator", message: message(milestone.indicator))
            case .milestone: break
            }
        }
    }

    static let required = ["indicator", "year", "aggregate"]
    static let optional = ["comparator", "threshold", "name", "unit", "months", "base_year", "change_percent",
                           "moving_average", "versus", "due", "bounds", "model"]
    static var known: [String] { required + optional }

    init(file: String, entries: [(Entry, Location)]) {
        self.file = file
        var targets: [Target] = [], milestones: [Milestone] = [], models: [ModelChoice?] = []
        var targetLocations: [Location] = [], milestoneLocations: [Location] = []
        for (entry, location) in entries {
            switch entry {
            case .target(let target, let model): targets.append(target); models.append(model); targetLocations.append(location)
            case .milestone(let milestone): milestones.append(milestone); milestoneLocations.append(location)
            }
        }
        self.targets = targets
        self.milestones = milestones
        self.models = models
        self.targetLocations = targetLocations
        self.milestoneLocations = milestoneLocations
    }

    /// Parses targets CSV.
    public static func parseCSV(_ data: Data, file: String) throws(InputError) -> TargetsFile {
        try parseCSV(data, file: file, indicators: nil)
    }

    /// Rows are taken as the reader yields them, so an error on line 2 of a large file is found
    /// before the rest is read, and only the targets are held, not every field's text.
    static func parseCSV(_ data: Data, file: String, indicators: KnownIndicators?) throws(InputError) -> TargetsFile {
        var header: CSVRecord?, names: [String] = []
        var entries: [(Entry, Location)] = []
        var seenRows: [[String]: Int] = [:]
        try CSVReader.forEachRecord(in: data, file: file) { record throws(InputError) in
            guard header != nil else {
                header = record
                names = try checkedHeader(record, file: file)
                return
            }
            guard record.fields.count == names.count else {
                throw InputError(file: file, line: record.line,
                                 message: "the row has \(record.fields.count) fields but the header has \(names.count)")
            }
            var row: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { row[name] = value }
            let location = Location.line(record.line)
            let entry = try makeEntry(file: file, location: location) { row[$0] }
            try indicators?.check(entry, at: location, file: file)
            entries.append((entry, location))
            // A row repeated exactly is a copy-paste slip, and would count one target twice.
            if let first = seenRows.updateValue(record.line, forKey: record.fields.map(trimmed)) {
                throw InputError(file: file, line: record.line,
                                 message: "the row repeats line \(first) exactly; delete one of them")
            }
        }
        guard let header else { throw InputError(file: file, message: "the file is empty") }
        guard !entries.isEmpty else {
            throw InputError(file: file, line: header.line, message: "the file has a header but no targets")
        }
        let targetsFile = TargetsFile(file: file, entries: entries)
        try targetsFile.checkSharedModels()
        return targetsFile
    }

    /// The header's column names, once they are known to describe targets.
    static func checkedHeader(_ header: CSVRecord, file: String) throws(InputError) -> [String] {
        let names = header.fields.map(trimmed)
        for name in names where !known.contains(name) {
            throw InputError(file: file, line: header.line, field: name,
                             message: "unknown column; targets use \(known.joined(separator: ","))")
        }
        for name in required + ["comparator"] where !names.contains(name) {
            throw InputError(file: file, line: header.line, field: name,
                             message: "the column is missing; the header needs indicator,year,aggregate,comparator and a threshold")
        }
        guard names.contains("threshold") || names.contains("base_year") || names.contains("moving_average")
                || names.contains("versus") else {
            throw InputError(file: file, line: header.line, field: "threshold",
                             message: "the column is missing; give threshold (or base_year, moving_average or versus)")
        }
        return names
    }

    static func makeEntry(file: String, location: Location, value: (String) -> String?) throws(InputError) -> Entry {
        func fail(_ key: String, _ message: String) -> InputError { location.error(file: file, field: key, message: message) }
        func text(_ key: String) -> String? {
            guard let raw = value(key).map(trimmed), !raw.isEmpty else { return nil }
            return raw
        }
        func required(_ key: String) throws(InputError) -> String {
            guard let raw = text(key) else { throw fail(key, "the value is missing") }
            return raw
        }
        func number(_ key: String) throws(InputError) -> Double? {
            guard let raw = text(key) else { return nil }
            guard let value = parseDecimal(raw) else { throw fail(key, numberAdvice(raw)) }
            return value
        }
        func wholeNumber(_ key: String, _ advice: String) throws(InputError) -> Int? {
            guard let raw = text(key) else { return nil }
            guard let value = Int(raw) else { throw fail(key, "'\(excerpt(raw))' is not a whole number; \(advice)") }
            return value
        }

        let indicator = try required("indicator")
        let yearText = try required("year")
        guard let year = Int(yearText), (1...9999).contains(year) else {
            throw fail("year", "'\(excerpt(yearText))' is not a year; write it like 2020")
        }
        let aggregateText = try required("aggregate")
        let name = text("name"), unit = text("unit")

        if aggregateText == "milestone" {
            for key in ["months", "base_year", "change_percent", "moving_average", "versus", "bounds", "model"] where text(key) != nil {
                throw fail(key, "a milestone takes a threshold (the count) and a due month only")
            }
            if let comparator = text("comparator").map(asciiComparator), comparator != ">=" {
                throw fail("comparator", "a milestone is reached at or above its count; use >=")
            }
            guard let count = try number("threshold") else { throw fail("threshold", "a milestone needs its count as threshold") }
            var due = try! Month(year: year, month: 12)   // year was validated
            if let dueText = text("due") {
                do { due = try Month(parsing: dueText) } catch { throw fail("due", error.description) }
                // A milestone counts months of its own row's year; a due month in another year
                // would be judged against a year the row does not describe.
                guard due.year == year else {
                    throw fail("due", "'\(excerpt(dueText))' is not in \(year), the row's year; give a month of \(year) or change the year")
                }
            }
            do {
                return .milestone(try Milestone(indicator: indicator, count: count, due: due, name: name, unit: unit))
            } catch {
                throw fail("threshold", error.description)
            }
        }

        guard let aggregate = Target.Aggregate(rawValue: aggregateText) else {
            throw fail("aggregate", "unknown aggregate '\(excerpt(aggregateText))'; use sum, mean, last, min, max or milestone")
        }
        let comparatorText = try required("comparator")
        guard let comparator = Target.Comparator(rawValue: asciiComparator(comparatorText)) else {
            throw fail("comparator", "unknown comparator '\(excerpt(comparatorText))'; use <, <=, > or >= (≤ and ≥ are read as <= and >=)")
        }
        if text("due") != nil { throw fail("due", "only a milestone has a due month") }

        let given = ["threshold", "base_year", "moving_average", "versus"].filter { text($0) != nil }
        guard given.count == 1 else {
            throw fail(given.last ?? "threshold", given.isEmpty
                ? "the value is missing; give threshold (or base_year, moving_average or versus)"
                : "give only one of threshold, base_year, moving_average and versus")
        }
        if text("change_percent") != nil, given[0] != "base_year" {
            throw fail("change_percent", "change_percent goes with base_year")
        }
        let reference: Target.Reference
        switch given[0] {
        case "threshold": reference = .value(try number("threshold")!)
        case "base_year":
            let base = try wholeNumber("base_year", "write the base year like 2019")!
            reference = .baseYear(base, changePercent: try number("change_percent") ?? 0)
        case "moving_average":
            reference = .movingAverage(years: try wholeNumber("moving_average", "give the window in years, e.g. 3")!)
        default:
            reference = .indicator(text("versus")!)
        }
        var period = 1...12
        if let months = text("months") {
            let parts = months.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(parts.count), let from = parts.first ?? nil, let to = parts.last ?? nil, from <= to else {
                throw fail("months", "'\(excerpt(months))' is not a period of months; write it like 5-12 (May to December)")
            }
            period = from...to
        }
        var bounds: Bounds?
        if let boundsText = text("bounds") {
            switch parseBounds(boundsText) {
            case .success(let parsed): bounds = parsed
            case .failure(let problem): throw fail("bounds", problem.message)
            }
        }
        let model = try modelColumn(text("model"), fail: { fail("model", $0) })
        do {
            return .target(try Target(indicator: indicator, year: year, aggregate: aggregate, comparator: comparator,
                                      reference: reference, period: period, name: name, unit: unit, bounds: bounds), model: model)
        } catch {
            let field = switch error {
            case .periodOutOfRange: "months"
            case .baseYearNotEarlier: "base_year"
            case .movingAverageWindow: "moving_average"
            case .comparedWithItself: "versus"
            case .thresholdNotFinite: given[0] == "base_year" ? "change_percent" : "threshold"
            case .thresholdOutsideBounds: "threshold"
            default: "indicator"
            }
            throw fail(field, error.description)
        }
    }

    /// An error located at the `index`-th target (its CSV line, or its JSON entry) and `field`.
    public func error(at index: Int, field: String = "indicator", message: String) -> InputError {
        targetLocations[index].error(file: file, field: field, message: message)
    }

    /// Where the `index`-th target is, in words: `line 4`, or `targets[3] (line 9)` for JSON.
    func place(of index: Int) -> String {
        switch targetLocations[index] {
        case .line(let line): "line \(line)"
        case .entry(let entry, let line, _): "targets[\(entry)]" + (line.map { " (line \($0))" } ?? "")
        }
    }

    /// An error located at the `index`-th milestone.
    public func milestoneError(at index: Int, message: String) -> InputError {
        milestoneLocations[index].error(file: file, field: "indicator", message: message)
    }

    /// Checks that every target and milestone names an indicator of `dataset`, and every `versus`
    /// names one too.
    /// - Throws: ``InputError`` at the first unknown name.
    public func checkIndicators(in dataset: Dataset) throws(InputError) {
        let knownIndicators = KnownIndicators(dataset), known = knownIndicators.names
        func message(_ name: String) -> String { knownIndicators.message(name) }
        for (index, target) in targets.enumerated() {
            if !known.contains(target.indicator) { throw error(at: index, message: message(target.indicator)) }
            if let other = target.referenceIndicator, !known.contains(other) {
                throw targetLocations[index].error(file: file, field: "versus", message: message(other))
            }
        }
        for (index, milestone) in milestones.enumerated() where !known.contains(milestone.indicator) {
            throw milestoneError(at: index, message: message(milestone.indicator))
        }
    }
}

/// The ASCII spelling of a comparator: `≤` and `≥` — the signs Outturn's own reports print — are
/// read as `<=` and `>=`, so a table copied back from a report is accepted.
func asciiComparator(_ text: String) -> String {
    switch text {
    case "≤": "<="
    case "≥": ">="
    default: text
    }
}
