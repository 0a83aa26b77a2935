import Foundation

/// A regular CSV file read a run of whole records at a time, in memory bounded by the read size and
/// the longest record: what the streaming readers (``SortedObservationsReader``,
/// ``SortedTargetsReader``) parse, one part at a time.
final class CSVRecordParts {
    /// What ``next()`` found.
    enum Part {
        /// Whole records (ending in a line break outside quotes, or at the end of the file).
        case records([UInt8])
        /// The file ended.
        case end
        /// A record longer than ``longestRecord``: the file must be read whole.
        case tooLong
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

    /// The next run of whole records, the end, or a record too long to wait for.
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
                return .records(part)
            }
            if atEndOfFile {
                guard !pending.isEmpty else { return .end }
                defer { pending = []; scanned = 0 }
                return .records(pending)
            }
            guard pending.count < Self.longestRecord else { return .tooLong }
            try readMore()
            if !isFirstPart { scan(upTo: pending.count) }
        }
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
    static func hasBareCarriageReturn(_ part: [UInt8]) -> Bool {
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
