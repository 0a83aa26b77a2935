import Foundation

/// One CSV record and the physical line it starts on.
struct CSVRecord: Sendable {
    let line: Int
    let fields: [String]
}

/// One CSV record as bytes (quoted fields already unescaped), valid only while the reader's
/// callback runs: a reader that parses numbers and months straight from bytes makes no `String`
/// for them.
struct CSVFields {
    /// The physical line the record starts on.
    let line: Int
    fileprivate let storage: UnsafeBufferPointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>

    /// The number of fields.
    var count: Int { ends.count }

    /// Field `index`'s bytes.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: storage[start..<ends[index]])
    }

    /// Field `index` as text (the file was validated as UTF-8).
    func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Every field as text.
    var record: CSVRecord { CSVRecord(line: line, fields: (0..<count).map(string)) }
}

/// A strict RFC 4180 reader: comma-separated, `"`-quoted fields with `""` escapes, quoted
/// line breaks, CRLF or LF endings, an optional UTF-8 byte-order mark. A line that starts with
/// `#` is a comment (the bundled example uses one to say its values are illustrative).
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift because Outturn's error contract
/// needs the physical line each record starts on (a quoted field can span lines), and strict
/// rejection of invalid UTF-8 and stray quotes, which neither library reports. It scans bytes
/// once and hands each record over as byte ranges (``CSVFields``), so the observations reader
/// parses months and most numbers without making a `String`: appending scalar by scalar made
/// reading dominate `project` (0.72 s of 0.86 s for 280,000 rows), a `String` per field cost half
/// of what remained.
enum CSVReader {
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Parses `data`; `file` names the source in errors.
    /// - Throws: ``InputError`` for invalid UTF-8, an empty file, a stray or unterminated quote.
    static func records(_ data: Data, file: String) throws(InputError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(in: data, file: file) { record throws(InputError) in records.append(record) }
        return records
    }

    /// Parses `data` record by record, handing each to `body` as soon as it is read, so that a
    /// reader need not hold every record at once (280,000 rows: a third less time, a fraction of
    /// the memory). Stops at the first error, from the parser or from `body`.
    static func forEachRecord(in data: Data, file: String,
                              _ body: (CSVRecord) throws(InputError) -> Void) throws(InputError) {
        try forEachRecordBytes(in: data, file: file) { fields throws(InputError) in try body(fields.record) }
    }

    /// As ``forEachRecord(in:file:_:)``, with each record's fields as bytes.
    static func forEachRecordBytes(in data: Data, file: String,
                                   _ body: (CSVFields) throws(InputError) -> Void) throws(InputError) {
        // Data.withUnsafeBytes rethrows untyped errors; carry ours out in a Result.
        let outcome = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Void, InputError> in
            Result { () throws(InputError) in try parseValidated(raw.bindMemory(to: UInt8.self), file: file, body) }
        }
        try outcome.get()
    }

    private static func parseValidated(_ whole: UnsafeBufferPointer<UInt8>, file: String,
                                       _ body: (CSVFields) throws(InputError) -> Void) throws(InputError) {
        try refuseWideEncoding(UnsafeRawBufferPointer(whole), file: file)
        let bytes = withoutByteOrderMark(whole)
        guard isValidUTF8(bytes) else {
            throw InputError(file: file, line: firstInvalidUTF8Line(Array(bytes)),
                             message: "the file is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)")
        }
        guard bytes.contains(where: { !($0 == 32 || (9...13).contains($0)) }) else {
            throw InputError(file: file, message: "the file is empty; it needs a header line and data")
        }
        try parse(bytes, file: file, body)
    }

    /// Parses part of a file already checked as UTF-8 that starts at a record, on physical line
    /// `firstLine` (the observations reader parses the halves of a large file at once).
    static func forEachRecordBytes(inPart bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String,
                                   _ body: (CSVFields) throws(InputError) -> Void) throws(InputError) {
        try parse(bytes, firstLine: firstLine, file: file, body)
    }

    /// `bytes` after a UTF-8 byte-order mark, if they start with one.
    static func withoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    /// Validates without building a String (which would copy the whole file).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if #available(macOS 26, iOS 26, *) {
            return (try? UTF8Span(validating: bytes.span)) != nil
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, file: String,
                              _ body: (CSVFields) throws(InputError) -> Void) throws(InputError) {
        // The record's field bytes one after another, and where each field ends: reused, so a
        // record costs no allocation once they have grown.
        var storage: [UInt8] = [], ends: [Int] = []
        var line = firstLine
        var index = 0
        let count = bytes.count
        while index < count {
            // At the start of a record.
            let recordLine = line
            if bytes[index] == hash {
                while index < count, bytes[index] != newline { index += 1 }
                index += 1
                line += 1
                continue
            }
            storage.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                if index < count, bytes[index] == quote {
                    // Quoted field: runs to the closing quote; "" is a literal quote.
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < count, bytes[index + 1] == quote { storage.append(quote); index += 2; continue }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == newline { line += 1 }
                        storage.append(byte)
                        index += 1
                    }
                    guard closed else {
                        throw InputError(file: file, line: recordLine, message: "a quoted field is never closed; add the closing quote")
                    }
                    ends.append(storage.count)
                    if index < count, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriageReturn {
                        throw InputError(file: file, line: line, field: "column \(ends.count)",
                                         message: "text follows a closing quote; put the whole field inside the quotes")
                    }
                } else {
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == comma || byte == newline || byte == carriageReturn { break }
                        if byte == quote {
                            throw InputError(file: file, line: line, field: "column \(ends.count + 1)",
                                             message: "a quote appears inside an unquoted field; quote the whole field and double inner quotes (\"\")")
                        }
                        index += 1
                    }
                    storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    ends.append(storage.count)
                }
                // After a field: a comma continues the record; a line break or the end closes it.
                if index < count, bytes[index] == comma {
                    index += 1
                    continue
                }
                if index < count, bytes[index] == carriageReturn { index += 1 }
                if index < count, bytes[index] == newline { index += 1 }
                line += 1
                endOfRecord = true
            }
            // A line holding nothing at all is skipped (a trailing blank line is common).
            if !(ends.count == 1 && ends[0] == 0) {
                try storage.withUnsafeBufferPointer { storage throws(InputError) in
                    try ends.withUnsafeBufferPointer { ends throws(InputError) in
                        try body(CSVFields(line: recordLine, storage: storage, ends: ends))
                    }
                }
            }
        }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1, start = 0
        for (index, byte) in bytes.enumerated() where byte == newline {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
