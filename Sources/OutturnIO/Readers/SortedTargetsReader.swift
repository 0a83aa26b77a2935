import Foundation
import Outturn

/// Reads a CSV targets file sorted by indicator in step with a sorted observations file
/// (``SortedObservationsReader``), so that only the targets of the indicators at hand are in
/// memory, not the whole file.
///
/// Sortedness is detected, not declared, by the observations' rule: each new indicator comes after
/// the previous one in byte order (and in Swift's order), what `LC_ALL=C sort -t, -k1,1 -s` gives
/// when the indicator is the first column and the header is kept first. The reader takes the
/// targets a streamed projection can take: targets alone, each indicator and year at most once
/// (so no joint condition, no repeated row, no two models for one year), none compared with
/// another indicator. Anything else, or anything the whole-file reader words as a problem (a bad
/// row, invalid UTF-8, a header without rows, …), makes ``targets(through:)`` return
/// ``Step/unsuitable``: the caller then reads the file whole with ``TargetsFile/read(path:)``,
/// which reports exactly what it always reported.
public final class SortedTargetsReader {
    /// What ``targets(through:)`` found.
    public enum Step {
        /// The targets not given before whose indicators sort at or before the name asked for, in
        /// file order, with the file's own lines (possibly none).
        case targets(TargetsFile)
        /// The file must be read whole (see the type's documentation); nothing further is given.
        case unsuitable
    }

    private let file: String
    /// `nil` for a file read whole beforehand (``init(holding:)``).
    private let parts: CSVRecordParts?
    private var names: [String]?
    /// Parsed targets not yet given, in file order.
    private var queued: [(TargetsFile.Entry, TargetsFile.Location)] = []
    private var queueStart = 0
    private var previousIndicator: String?
    /// The years of `previousIndicator`'s targets so far.
    private var years: Set<Int> = []
    private var rows = 0
    private var atEnd = false, isUnsuitable = false

    /// The number of targets given so far.
    public private(set) var count = 0

    /// Opens `path` for streaming; `nil` when it cannot stream (standard input, a workbook, JSON,
    /// not a regular file, not readable): the whole-file reader then reads it.
    /// - Parameters:
    ///   - path: the targets file (CSV).
    ///   - readSize: bytes read at a time (small in tests, so that records straddle reads).
    public init?(path: String, readSize: Int = 1 << 20) {
        guard path != StandardInput.path, !isWorkbook(path), !path.lowercased().hasSuffix(".json"),
              let parts = CSVRecordParts(path: path, readSize: readSize) else { return nil }
        self.file = path
        self.parts = parts
    }

    /// Gives the targets of a file already read whole (JSON, a workbook) as a streamed CSV file
    /// gives them, under the same conditions: the observations still stream, and the targets are
    /// in memory.
    public init(holding targetsFile: TargetsFile) {
        file = targetsFile.file
        parts = nil
        atEnd = true
        guard targetsFile.milestones.isEmpty else {
            isUnsuitable = true
            return
        }
        for (index, target) in targetsFile.targets.enumerated() {
            let location = targetsFile.targetLocations[index]
            do throws(InputError) { try take(.target(target, model: targetsFile.models[index]), at: location) } catch {
                isUnsuitable = true
                return
            }
        }
        rows = targetsFile.targets.count
    }

    /// The targets not given yet whose indicators come at or before `last` in byte order.
    public func targets(through last: String) -> Step {
        let last = Array(last.utf8)
        // Read on while the last target read may still be followed by one at or before `last`.
        while !isUnsuitable, !atEnd,
              queued.count == queueStart || Self.precedesOrEquals(queued[queued.count - 1].0, last) {
            advance()
        }
        if isUnsuitable { return .unsuitable }
        var end = queueStart
        while end < queued.count, Self.precedesOrEquals(queued[end].0, last) { end += 1 }
        let taken = Array(queued[queueStart..<end])
        queueStart = end
        if queueStart == queued.count || queueStart > 4096 {
            queued.removeFirst(queueStart)
            queueStart = 0
        }
        count += taken.count
        return .targets(TargetsFile(file: file, entries: taken))
    }

    /// Whether every target has been given; `false` when targets remain (their indicators come
    /// after every name asked for) or the file turned out unsuitable.
    public func isExhausted() -> Bool {
        while !isUnsuitable, !atEnd, queued.count == queueStart { advance() }
        return !isUnsuitable && atEnd && queued.count == queueStart
    }

    private static func precedesOrEquals(_ entry: TargetsFile.Entry, _ last: [UInt8]) -> Bool {
        guard case .target(let target, _) = entry else { return false }
        return !last.lexicographicallyPrecedes(target.indicator.utf8)
    }

    /// Reads and parses one more part of the file.
    private func advance() {
        guard let parts else {
            atEnd = true
            return
        }
        let part: [UInt8], firstLine: Int
        do throws(InputError) {
            switch try parts.next() {
            case .records(let records, let line): (part, firstLine) = (records, line)
            case .end:
                atEnd = true
                if rows == 0 { isUnsuitable = true }   // empty, or a header alone: the whole-file reader's words
                return
            case .unsuitable:
                isUnsuitable = true
                return
            }
        } catch {
            isUnsuitable = true
            return
        }
        do throws(InputError) {
            try part.withUnsafeBufferPointer { bytes throws(InputError) in
                try CSVReader.forEachRecordBytes(inPart: bytes, firstLine: firstLine, file: file) { fields throws(InputError) in
                    try self.take(fields.record)
                }
            }
        } catch {
            isUnsuitable = true
        }
    }

    /// One record: the header, or a target. Throws (any error) where the file cannot stream.
    private func take(_ record: CSVRecord) throws(InputError) {
        let unsuitable = InputError(file: nil, message: "")
        guard let names else {
            names = try TargetsFile.checkedHeader(record, file: file)
            return
        }
        rows += 1
        guard record.fields.count == names.count else { throw unsuitable }
        var row: [String: String] = [:]
        for (name, value) in zip(names, record.fields) { row[name] = value }
        let location = TargetsFile.Location.line(record.line)
        try take(try TargetsFile.makeEntry(file: file, location: location) { row[$0] }, at: location)
    }

    /// Queues a target if the file can still stream. Throws (any error) where it cannot.
    private func take(_ entry: TargetsFile.Entry, at location: TargetsFile.Location) throws(InputError) {
        let unsuitable = InputError(file: nil, message: "")
        guard case .target(let target, _) = entry, target.referenceIndicator == nil else { throw unsuitable }
        if let previousIndicator, previousIndicator == target.indicator {
            // A second condition on one indicator-year is judged jointly, outside the panel path;
            // it also covers a repeated row and two models for one year.
            guard years.insert(target.year).inserted else { throw unsuitable }
        } else {
            // Ascending in bytes and in Swift's order, as the observations must (see SortedObservationsReader).
            if let previousIndicator, !(previousIndicator.utf8.lexicographicallyPrecedes(target.indicator.utf8)
                                        && previousIndicator < target.indicator) { throw unsuitable }
            previousIndicator = target.indicator
            years = [target.year]
        }
        queued.append((entry, location))
    }
}
