import Foundation
import Outturn

/// Reads a long-form observations file sorted by indicator a block of whole indicators at a time,
/// in memory bounded by the block, not by the file.
///
/// Sortedness is detected, not declared: the file streams while every indicator's rows follow one
/// another and each new indicator comes after the previous one in byte order (what
/// `LC_ALL=C sort -t, -k1,1 -s` gives when the indicator is the first column). A file that is not
/// sorted, not long form, not a regular file, or holds anything the whole-file reader words as a
/// problem of the whole file (invalid UTF-8, a bare carriage return, a header without rows) makes
/// ``next()`` return ``Step/unsuitable``: the caller then reads it whole with
/// ``ObservationsFile/read(path:)``, which reports exactly what it always reported.
///
/// Every block is read by the whole-file reader's own row reader, so a block holds the very series
/// the whole-file reader makes and a problem inside a row is reported with the same words, line and
/// field. It is reported only once the rest of the file is known to be valid UTF-8 (which the
/// whole-file reader checks first), and an indicator without a value only at the end (which the
/// whole-file reader checks after every row), so that the first problem reported is the one the
/// whole-file reader reports.
public final class SortedObservationsReader {
    /// What ``next()`` found.
    public enum Step {
        /// The next block: whole indicators in file order.
        case block(Dataset)
        /// The file ended; every block has been given.
        case end
        /// The file must be read whole (see the type's documentation); no further block follows.
        case unsuitable
    }

    private let file: String
    private let parts: CSVRecordParts
    private let indicatorsPerBlock: Int
    private var header: CSVRecord?
    private var template: ObservationsFile.RowReader?
    private var reader: ObservationsFile.RowReader?
    private var indicatorColumn = 0
    private var rows = 0
    private var previousField: [UInt8] = [], previousIndicator: String?
    private var ready: [Dataset] = []
    /// The first problem in a row (reported once the rest is known to be UTF-8), and the first
    /// indicator without a value (reported at the end).
    private var rowError: InputError?, emptyError: InputError?
    private var isUnsuitable = false, isFinished = false

    /// Opens `path` for streaming; `nil` when it cannot stream (standard input, a workbook, not a
    /// regular file, not readable): the whole-file reader then reads it, and words any problem.
    /// - Parameters:
    ///   - path: the observations file.
    ///   - indicatorsPerBlock: how many indicators a block holds (the last may hold fewer).
    ///   - readSize: bytes read at a time (small in tests, so that records straddle reads).
    public init?(path: String, indicatorsPerBlock: Int, readSize: Int = 8 << 20) {
        guard path != StandardInput.path, !isWorkbook(path), indicatorsPerBlock > 0,
              let parts = CSVRecordParts(path: path, readSize: readSize) else { return nil }
        self.file = path
        self.parts = parts
        self.indicatorsPerBlock = indicatorsPerBlock
    }

    /// The next block of whole indicators, the end, or that the file must be read whole.
    /// - Throws: ``InputError`` worded as ``ObservationsFile/read(path:)`` words it.
    public func next() throws(InputError) -> Step {
        while true {
            if isUnsuitable { return .unsuitable }
            if !ready.isEmpty { return .block(ready.removeFirst()) }
            if isFinished {
                if let rowError { throw rowError }
                if let emptyError { throw emptyError }
                return .end
            }
            try advance()
        }
    }

    /// Reads and parses one more part of the file.
    private func advance() throws(InputError) {
        let part: [UInt8], firstLine: Int
        switch try parts.next() {
        case .records(let records, let line): (part, firstLine) = (records, line)
        case .end:
            finishFile()
            return
        case .unsuitable:
            // Whole-file problems go to the whole-file reader, which words them.
            isUnsuitable = true
            return
        }
        guard rowError == nil else { return }   // only checking the rest is UTF-8
        let stop = InputError(file: nil, message: "")
        do throws(InputError) {
            try part.withUnsafeBufferPointer { bytes throws(InputError) in
                try CSVReader.forEachRecordBytes(inPart: bytes, firstLine: firstLine, file: file) { fields throws(InputError) in
                    try self.take(fields, stop: stop)
                }
            }
        } catch {
            if error != stop, !isUnsuitable { rowError = error }
        }
    }

    /// One record: the header, or a row of the current block.
    private func take(_ fields: CSVFields, stop: InputError) throws(InputError) {
        guard let header else {
            let record = fields.record
            header = record
            let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let made = try? ObservationsFile.RowReader(header: record, names: names, file: file),
                  case .long(let indicator, _, _) = made.form else {
                isUnsuitable = true
                throw stop
            }
            template = made
            reader = made
            indicatorColumn = indicator
            return
        }
        rows += 1
        guard fields.count == header.fields.count else {
            throw .fieldCount(file: file, line: fields.line, found: fields.count, expected: header.fields.count)
        }
        let field = fields[indicatorColumn]
        if !field.elementsEqual(previousField) {
            let indicator = trimmed(fields.string(indicatorColumn))
            if indicator != previousIndicator {
                // Ascending in bytes (what `sort` gives) and in Swift's order too: names are the
                // same indicator when they are canonically equivalent (é composed or not), and
                // only an order consistent with that equality rules out meeting one again later.
                if let previousIndicator,
                   !(previousIndicator.utf8.lexicographicallyPrecedes(indicator.utf8) && previousIndicator < indicator) {
                    isUnsuitable = true
                    throw stop
                }
                if let current = reader, current.order.count >= indicatorsPerBlock { closeBlock() }
                previousIndicator = indicator
            }
            previousField = Array(field)
        }
        try reader?.read(fields)
    }

    /// Hands the indicators read so far over as a block.
    private func closeBlock() {
        guard var current = reader, let template else { return }
        reader = template
        guard !current.order.isEmpty else { return }
        do throws(InputError) {
            let dataset = try current.finish()
            if rowError == nil, emptyError == nil { ready.append(dataset) }
        } catch {
            if emptyError == nil { emptyError = error }
        }
    }

    private func finishFile() {
        isFinished = true
        guard header != nil, rows > 0 else {
            // An empty file or one without rows: the whole-file reader's words.
            isUnsuitable = true
            return
        }
        if rowError == nil { closeBlock() }
    }
}
