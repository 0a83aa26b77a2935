import Foundation
import Outturn

extension ObservationsFile {
    /// Files at least this large are read in two halves at once when there are two cores.
    static let halvesThreshold = 1 << 20

    /// Reads a valid file in two halves at once: the header, then the rows before and after a line
    /// break near the middle (one outside quotes), each half by its own ``RowReader``, joined
    /// indicator by indicator. `nil` whenever anything is amiss — a quoted header, an error in
    /// either half, an indicator whose months do not continue across the split — and the caller
    /// then reads the file in one pass, so errors are found and reported exactly as always.
    static func parseInHalves(_ data: Data, file: String) -> Dataset? {
        data.withUnsafeBytes { raw -> Dataset? in
            let bytes = CSVReader.withoutByteOrderMark(raw.bindMemory(to: UInt8.self))
            guard CSVReader.isValidUTF8(bytes) else { return nil }
            let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), count = bytes.count

            // The header: the first line that is not a comment, unquoted.
            var index = 0, line = 1
            while index < count, bytes[index] == UInt8(ascii: "#") {
                while index < count, bytes[index] != newline { index += 1 }
                index += 1
                line += 1
            }
            guard index < count, let headerEnd = bytes[index...].firstIndex(of: newline) else { return nil }
            var headerBytes = bytes[index..<headerEnd]
            if headerBytes.last == UInt8(ascii: "\r") { headerBytes = headerBytes.dropLast() }
            guard !headerBytes.contains(quote) else { return nil }
            let fields = String(decoding: UnsafeBufferPointer(rebasing: headerBytes), as: UTF8.self)
                .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.count > 1, let template = try? RowReader(header: CSVRecord(line: line, fields: fields), names: names, file: file)
            else { return nil }

            // The split: the first line break past the middle with an even number of quotes before
            // it, so that it ends a record rather than sitting inside a quoted field.
            let bodyStart = headerEnd + 1, bodyLine = line + 1
            var split = bodyStart + (count - bodyStart) / 2
            var quotes = bytes[bodyStart..<split].reduce(0) { $0 + ($1 == quote ? 1 : 0) }
            while split < count, bytes[split] != newline || quotes % 2 != 0 {
                if bytes[split] == quote { quotes += 1 }
                split += 1
            }
            guard split + 1 < count else { return nil }
            split += 1
            let secondLine = bodyLine + bytes[bodyStart..<split].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
            let parts = [(UnsafeBufferPointer(rebasing: bytes[bodyStart..<split]), bodyLine),
                         (UnsafeBufferPointer(rebasing: bytes[split...]), secondLine)]

            nonisolated(unsafe) let sendableParts = parts   // each half reads only its own bytes
            let readers = concurrentResults(2) { half -> RowReader? in
                var reader = template
                let (part, firstLine) = sendableParts[half]
                do {
                    try CSVReader.forEachRecordBytes(inPart: part, firstLine: firstLine, file: file) { record throws(InputError) in
                        guard record.count == fields.count else {
                            throw InputError(file: file, line: record.line, message: "field count")
                        }
                        try reader.read(record)
                    }
                    return reader
                } catch {
                    return nil
                }
            }
            guard var first = readers[0], let second = readers[1], first.absorb(second) else { return nil }
            return try? first.finish()
        }
    }
}
