import Foundation
import Outturn

/// Reads monthly observations from CSV.
///
/// Two layouts, told apart by the header:
/// - **long**: `indicator,month,value` (in any column order), one row per indicator and month;
/// - **wide**: `month,<indicator>,<indicator>,…`, one row per month.
///
/// `month` is `YYYY-MM`; an empty value is a missing month. Within an indicator months must
/// ascend and appear once. UTF-8 with or without BOM; indicator names may be Chinese.
public enum ObservationsFile {
    /// Reads and validates the file at `path`; `-` reads standard input, named `<stdin>` in errors.
    /// - Throws: ``InputError`` naming the file, line and field of the first problem.
    public static func read(path: String) throws(InputError) -> Dataset {
        if isWorkbook(path) { return try readWorkbook(path: path, sheet: nil) }
        return try parse(try readFile(path), file: StandardInput.displayName(path))
    }

    /// Parses CSV `data`; `file` names it in errors.
    ///
    /// Rows are read as the CSV reader yields them, so the first problem in file order is the one
    /// reported; a header that is neither form is reported after checking every row's field count.
    /// A file of a megabyte or more is read in two halves at once on a machine with two cores or
    /// more (the same dataset; on any problem it is read again in one pass, which reports it).
    public static func parse(_ data: Data, file: String) throws(InputError) -> Dataset {
        if data.count >= halvesThreshold, ProcessInfo.processInfo.activeProcessorCount > 1,
           let dataset = parseInHalves(data, file: file) {
            return dataset
        }
        return try parseInOnePass(data, file: file)
    }

    /// Reads the whole file row by row: the reference reader, and the one that reports errors.
    static func parseInOnePass(_ data: Data, file: String) throws(InputError) -> Dataset {
        var reader: RowReader?
        var header: CSVRecord?
        var headerError: InputError?
        var rows = 0
        try CSVReader.forEachRecordBytes(in: data, file: file) { fields throws(InputError) in
            guard let header else {
                let record = fields.record
                header = record
                let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                if names.count == 1, names[0].contains(";") || names[0].contains("\t") {
                    throw InputError(file: file, line: record.line,
                                     message: "the header is not comma-separated (found ';' or a tab); save the file as comma-separated CSV")
                }
                switch Result(catching: { () throws(InputError) in try RowReader(header: record, names: names, file: file) }) {
                case .success(let made): reader = made
                case .failure(let error): headerError = error
                }
                return
            }
            rows += 1
            guard fields.count == header.fields.count else {
                throw .fieldCount(file: file, line: fields.line, found: fields.count, expected: header.fields.count)
            }
            try reader?.read(fields)
        }
        guard let header else {
            throw InputError(file: file, message: "the file is empty; it needs a header line and data")
        }
        guard rows > 0 else {
            throw InputError(file: file, line: header.line, message: "the file has a header but no data rows")
        }
        if let headerError { throw headerError }
        return try reader!.finish()   // a header without error made a reader
    }

    /// One indicator's rows so far, as the series they will make: a slot per month from the first
    /// row's (20 bytes per month, not 40 for a list of rows), and the line that gave each slot.
    struct Builder {
        var firstLine: Int
        var start: Month?
        var values: [Double?] = []
        /// The line of each month's row; 0 where no row gave the month.
        var lines: [Int32] = []

        /// Fills the months before slot `offset` that no row gave with missing values.
        mutating func pad(to offset: Int) {
            let gap = offset - values.count
            values.append(contentsOf: repeatElement(nil, count: gap))
            lines.append(contentsOf: repeatElement(0, count: gap))
        }
    }

    /// Turns rows of either form into per-indicator builders as they arrive.
    struct RowReader {
        enum Form {
            case long(indicator: Int, month: Int, value: Int)
            case wide(indicators: [String])
        }
        let form: Form
        let file: String
        var order: [String] = []
        var builders: [String: Builder] = [:]
        /// The indicator of the previous long row and its builder, kept out of the dictionary
        /// while its rows follow one another (the usual layout), so most rows hash nothing.
        var current: (indicator: String, builder: Builder)?
        /// The bytes of the previous long row's indicator field: a row with the same bytes has the
        /// same indicator, so most rows make no string for it.
        var currentField: [UInt8] = []

        init(header: CSVRecord, names: [String], file: String) throws(InputError) {
            self.file = file
            if Set(names) == ["indicator", "month", "value"], names.count == 3 {
                // Force unwraps are safe: the set check found exactly these names.
                form = .long(indicator: names.firstIndex(of: "indicator")!, month: names.firstIndex(of: "month")!,
                             value: names.firstIndex(of: "value")!)
            } else if names.first == "month" {
                let indicators = Array(names.dropFirst())
                guard !indicators.isEmpty else {
                    throw InputError(file: file, line: header.line,
                                     message: "the wide form needs at least one indicator column after 'month'")
                }
                var seen: Set<String> = []
                for (offset, name) in indicators.enumerated() {
                    guard !name.isEmpty else {
                        throw InputError(file: file, line: header.line, field: "column \(offset + 2)",
                                         message: "the column has no indicator name")
                    }
                    try refuseInvisible(name, file: file, line: header.line, field: "column \(offset + 2)")
                    guard seen.insert(name).inserted else {
                        throw InputError(file: file, line: header.line, field: name, message: "the indicator appears twice in the header")
                    }
                }
                form = .wide(indicators: indicators)
                order = indicators
                for name in indicators { builders[name] = Builder(firstLine: header.line) }
            } else {
                let unknown = names.first { !["indicator", "month", "value"].contains($0) } ?? names.joined(separator: ",")
                throw InputError(file: file, line: header.line, field: unknown,
                                 message: "unexpected header; use 'indicator,month,value' (long form) or 'month,<indicator>,…' (wide form)")
            }
        }

        mutating func read(_ record: CSVFields) throws(InputError) {
            switch form {
            case .long(let indicatorColumn, let monthColumn, let valueColumn):
                let sameIndicator = current != nil && record[indicatorColumn].elementsEqual(currentField)
                let indicator = sameIndicator ? current!.indicator : trimmed(record.string(indicatorColumn))
                guard !indicator.isEmpty else {
                    throw InputError(file: file, line: record.line, field: "indicator", message: "the indicator is empty")
                }
                if !sameIndicator { try refuseInvisible(indicator, file: file, line: record.line, field: "indicator") }
                let month = try parseMonth(record, monthColumn, file: file)
                let value = try parseValue(record, valueColumn, file: file, field: "value")
                if !sameIndicator { currentField = Array(record[indicatorColumn]) }
                if current?.indicator != indicator {
                    if let current { builders[current.indicator] = current.builder }
                    if let existing = builders.removeValue(forKey: indicator) {
                        current = (indicator, existing)
                    } else {
                        order.append(indicator)
                        current = (indicator, Builder(firstLine: record.line))
                    }
                }
                try append(&current!.builder, month: month, value: value, line: record.line, indicator: indicator, file: file)
            case .wide(let indicators):
                let month = try parseMonth(record, 0, file: file)
                for (offset, name) in indicators.enumerated() {
                    let value = try parseValue(record, offset + 1, file: file, field: name)
                    try append(&builders[name]!, month: month, value: value, line: record.line, indicator: name, file: file)
                }
            }
        }

        mutating func finish() throws(InputError) -> Dataset {
            settle()
            return try ObservationsFile.finish(order: order, builders: &builders, file: file)
        }

        /// Puts the builder of the rows in progress back with the others.
        mutating func settle() {
            if let current { builders[current.indicator] = current.builder }
            current = nil
        }

        /// Appends what `later` read from the rows after this reader's, as if one reader had read
        /// both; `false` when an indicator's months there do not follow its months here (the
        /// caller then reads the file in one pass, which reports the problem at its line).
        mutating func absorb(_ later: RowReader) -> Bool {
            settle()
            var later = later
            later.settle()
            for indicator in later.order {
                let more = later.builders.removeValue(forKey: indicator)!
                guard var builder = builders.removeValue(forKey: indicator) else {
                    order.append(indicator)
                    builders[indicator] = more
                    continue
                }
                guard ObservationsFile.extend(&builder, with: more) else { return false }
                builders[indicator] = builder
            }
            return true
        }
    }

    private static func append(_ builder: inout Builder, month: Month, value: Double?, line: Int,
                               indicator: String, file: String) throws(InputError) {
        guard let start = builder.start else {
            builder.start = month
            builder.values = [value]
            builder.lines = [Int32(clamping: line)]
            return
        }
        let offset = start.distance(to: month), last = builder.values.count - 1
        if offset > last {
            builder.pad(to: offset)
            builder.values.append(value)
            builder.lines.append(Int32(clamping: line))
            return
        }
        if offset >= 0, builder.lines[offset] != 0 {
            throw InputError(file: file, line: line, field: "month",
                             message: "\(excerpt(indicator)) has \(month) twice (also on line \(builder.lines[offset])); keep one row per month")
        }
        throw InputError(file: file, line: line, field: "month",
                         message: "\(excerpt(indicator))'s months are out of order: \(month) follows \(start.advanced(by: last)) (line \(builder.lines[last])); sort the rows by month")
    }

    /// `builder` followed by `later`'s months; `false` when they do not all come after its last.
    static func extend(_ builder: inout Builder, with later: Builder) -> Bool {
        guard let laterStart = later.start else { return true }
        guard let start = builder.start else {
            (builder.start, builder.values, builder.lines) = (laterStart, later.values, later.lines)
            return true
        }
        let offset = start.distance(to: laterStart)
        guard offset >= builder.values.count else { return false }
        builder.pad(to: offset)
        builder.values += later.values
        builder.lines += later.lines
        return true
    }

    private static func finish(order: [String], builders: inout [String: Builder], file: String) throws(InputError) -> Dataset {
        var entries: [Dataset.Entry] = []
        entries.reserveCapacity(order.count)
        for indicator in order {
            // Each builder goes as its series comes, so the two are never all held at once.
            let builder = builders.removeValue(forKey: indicator)!
            guard let start = builder.start, let series = try? MonthlySeries(start: start, values: builder.values) else {
                throw InputError(file: file, line: builder.firstLine, field: "value",
                                 message: "\(excerpt(indicator)) has no observed value; give at least one month a number")
            }
            entries.append(.init(indicator: indicator, series: series))
        }
        return Dataset(file: file, entries: entries)
    }

    /// Field `index` of `record` as a month: `YYYY-MM` straight from the bytes, anything else
    /// through the text parser, which explains what is wrong.
    private static func parseMonth(_ record: CSVFields, _ index: Int, file: String) throws(InputError) -> Month {
        if let month = Month(yearMonthBytes: record[index]) { return month }
        return try parseMonth(record.string(index), file: file, line: record.line)
    }

    /// Field `index` of `record` as a value (`nil` when empty): an exactly computable decimal
    /// straight from the bytes, anything else through the text parser, which explains what is wrong.
    private static func parseValue(_ record: CSVFields, _ index: Int, file: String, field: String) throws(InputError) -> Double? {
        let bytes = record[index]
        if bytes.isEmpty { return nil }
        if let value = exactDecimal(bytes), isSupportedMagnitude(value) { return value }
        return try parseValue(record.string(index), file: file, line: record.line, field: field)
    }

    static func parseMonth(_ text: String, file: String, line: Int) throws(InputError) -> Month {
        do {
            return try Month(parsing: text)
        } catch {
            throw InputError(file: file, line: line, field: "month", message: error.description)
        }
    }

    private static func parseValue(_ text: String, file: String, line: Int, field: String) throws(InputError) -> Double? {
        if text.isEmpty { return nil }
        guard let value = parseDecimal(text) else {
            throw InputError(file: file, line: line, field: field, message: numberAdvice(text))
        }
        guard isSupportedMagnitude(value) else {
            throw InputError(file: file, line: line, field: field,
                             message: "'\(excerpt(text))' is outside the supported range (zero, or 1e-100 to 1e100 in magnitude); "
                                + "change the unit (e.g. thousands) so the values fit")
        }
        return value
    }
}
