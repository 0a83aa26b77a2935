import Foundation

/// One CSV record and the physical line it starts on.
struct CSVRecord: Sendable {
    let line: Int
    let fields: [String]
}

/// A strict RFC 4180 reader: comma-separated, `"`-quoted fields with `""` escapes, quoted
/// line breaks, CRLF or LF endings, an optional UTF-8 byte-order mark. A line that starts with
/// `#` is a comment (the bundled example uses one to say its values are illustrative).
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift because Outturn's error contract
/// needs the physical line each record starts on (a quoted field can span lines), and strict
/// rejection of invalid UTF-8 and stray quotes, which neither library reports.
enum CSVReader {
    /// Parses `data`; `file` names the source in errors.
    /// - Throws: ``InputError`` for invalid UTF-8, an empty file, a stray or unterminated quote.
    static func records(_ data: Data, file: String) throws(InputError) -> [CSVRecord] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(bytes)
            throw InputError(file: file, line: line,
                             message: "the file is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw InputError(file: file, message: "the file is empty; it needs a header line and data")
        }

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, fieldWasQuoted = false
        var scalars = text.unicodeScalars[...]
        func endRecord() {
            fields.append(field)
            // A line holding nothing at all is skipped (a trailing blank line is common).
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") }
                    else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            let atRecordStart = fields.isEmpty && field.isEmpty && !fieldWasQuoted
            if atRecordStart, scalar == "#" {
                while let next = scalars.first, next != "\n", next != "\r" { scalars.removeFirst() }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw InputError(file: file, line: line, field: "column \(fields.count + 1)",
                                     message: "a quote appears inside an unquoted field; quote the whole field and double inner quotes (\"\")")
                }
                inQuotes = true
                fieldWasQuoted = true
            case "\r":
                if scalars.first == "\n" { continue }
                fallthrough
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted {
                    throw InputError(file: file, line: line, field: "column \(fields.count + 1)",
                                     message: "text follows a closing quote; put the whole field inside the quotes")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw InputError(file: file, line: recordLine,
                             message: "a quoted field is never closed; add the closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1, start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
