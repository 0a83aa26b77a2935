import Foundation

/// A regular CSV file read a run of whole records at a time, in memory bounded by the read size and
/// the longest record: what the streaming readers (``SortedObservationsReader``,
/// ``SortedTargetsReader``) parse, one part at a time.
final class CSVRecordParts {
    /// What ``next()`` found.
    enum Part {
        /// Whole records (ending in a line break outside quotes, or at the end of the file), valid
        /// UTF-8, starting on the file's physical line `firstLine`.
        case records([UInt8], firstLine: Int)
        /// The file ended.
        case end
        /// The file must be read whole, whose reader words what is wrong: a record longer than
        /// ``longestRecord``, invalid UTF-8, or a bare carriage return (see ``hasBareCarriageReturn(_:)``).
        case unsuitable
    }

    /// The largest record the reader waits for before it gives the file to the whole-file reader.
    static let longestRecord = 64 << 20

    let file: String
    private let descriptor: Int32
    /// Bytes read at a time.
    private let readSize: Int
    /// Bytes read but not yet handed out; they start at a record.
    private var pending: [UInt8] = []
    /// How far `pending` has been scanned for the end of the last whole record, the quotes seen
    /// so far, and the end of the last record found.
    private var scanned = 0, quotes = 0, cut: Int?
    private var atEndOfFile = false, isFirstPart = true
    /// The physical line the next part starts on.
    private var line = 1

    /// Opens `path`; `nil` when it is not a non-empty regular file that can be opened.
    init?(path: String, readSize: Int) {
        guard readSize > 0 else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.file = path
        self.descriptor = descriptor
        self.readSize = readSize
    }

    deinit { close(descriptor) }

    /// The next run of whole records, the end, or a part the file must be read whole for.
    /// - Throws: ``InputError`` when the file cannot be read, or starts as UTF-16 or UTF-32 (worded
    ///   as the whole-file reader words it).
    func next() throws(InputError) -> Part {
        while true {
            if let end = cut {
                let part = Array(pending[...end])
                pending.removeFirst(end + 1)
                scanned -= end + 1
                cut = nil
                quotes = 0
                // Rescan what is left for its quotes (a record is short; the rest is at most one read).
                let left = scanned
                scanned = 0
                scan(upTo: left)
                return checked(part)
            }
            if atEndOfFile {
                guard !pending.isEmpty else { return .end }
                defer { pending = []; scanned = 0 }
                return checked(pending)
            }
            guard pending.count < Self.longestRecord else { return .unsuitable }
            try readMore()
            if !isFirstPart { scan(upTo: pending.count) }
        }
    }

    /// `part` as records from the current line on, or ``Part/unsuitable`` when the whole-file reader
    /// must word it.
    private func checked(_ part: [UInt8]) -> Part {
        guard part.withUnsafeBufferPointer({ CSVReader.isValidUTF8($0) }), !Self.hasBareCarriageReturn(part) else {
            return .unsuitable
        }
        let firstLine = line
        line += part.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return .records(part, firstLine: firstLine)
    }

    /// Looks for the last line break outside quotes in `pending[scanned..<end]`.
    private func scan(upTo end: Int) {
        let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        pending.withUnsafeBufferPointer { bytes in
            var index = scanned, quotes = quotes, cut = cut
            while index < end {
                let byte = bytes[index]
                if byte == quote { quotes += 1 } else if byte == newline, quotes & 1 == 0 { cut = index }
                index += 1
            }
            (self.quotes, self.cut) = (quotes, cut)
        }
        scanned = end
    }

    /// Appends the next read to `pending`. The first kilobyte is checked as the whole-file reader
    /// checks it (UTF-16 or UTF-32 refused by name) and its byte-order mark dropped before any of
    /// it is parsed.
    private func readMore() throws(InputError) {
        var buffer = [UInt8](repeating: 0, count: readSize)
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, readSize) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw InputError(file: file, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        if count == 0 { atEndOfFile = true } else { pending.append(contentsOf: buffer[..<count]) }
        guard isFirstPart, pending.count >= 1024 || atEndOfFile else { return }
        isFirstPart = false
        // withUnsafeBytes rethrows untyped errors; carry ours out in a Result.
        let file = file
        try pending.withUnsafeBytes { raw in Result { () throws(InputError) in try refuseWideEncoding(raw, file: file) } }.get()
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
    }

    /// Whether `part` holds a carriage return not followed by a line feed: it ends a record without
    /// ending a line as a streaming reader's line count assumes, so such a file is read whole.
    private static func hasBareCarriageReturn(_ part: [UInt8]) -> Bool {
        let carriageReturn = UInt8(ascii: "\r"), newline = UInt8(ascii: "\n")
        return part.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(carriageReturn), bytes.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // A carriage return that ends the file ends no line before another.
                if index + 1 < bytes.count, bytes[index + 1] != newline { return true }
                from = index + 1
            }
            return false
        }
    }
}
