import Foundation
import Yams

/// `text` without surrounding spaces and tabs; returns `text` itself (no bridging) when there are none.
func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
    guard isBlank(first) || isBlank(last) else { return text }
    return text.trimmingCharacters(in: .whitespaces)
}

/// Reads a whole file, with an ``InputError`` that names it when it cannot be read; `-` reads
/// standard input (``StandardInput``).
func readFile(_ path: String) throws(InputError) -> Data {
    if path == StandardInput.path { return try StandardInput.readAll() }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(file: path, message: "no such file")
    }
    guard !isDirectory.boolValue else { throw InputError(file: path, message: "is a folder, not a file") }
    // An empty file needs no read (Foundation's reader leaks a page on zero-length files).
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber, size.intValue == 0 {
        return Data()
    }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw InputError(file: path, message: "cannot be read (\(error.localizedDescription))")
    }
}

/// The line of a Yams parse error (JSON is read as YAML so that errors carry lines).
func yamlErrorLine(_ error: Error) -> Int? {
    if let error = error as? YamlError {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        case .reader(_, let offset?, _, let yaml):
            // The offset counts characters; the line is one more than the line breaks before it.
            return yaml.prefix(offset).reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        default: return nil
        }
    }
    return nil
}

/// What a Yams parse error says is wrong, in a few words: never the line it happened on, which
/// Yams's own description quotes in full (a 50 MB one-line JSON file would give a 50 MB message),
/// nor a key that the file repeats. At most ``yamlProblemLimit`` characters, control characters
/// escaped, with the character at fault for a reader error (a control character, say).
func yamlErrorProblem(_ error: Error) -> String {
    let problem: String
    if let error = error as? YamlError {
        switch error {
        case .scanner(_, let text, _, _), .parser(_, let text, _, _), .composer(_, let text, _, _): problem = text
        case .reader(let text, _, let value, _):
            problem = value >= 0 ? "\(text): \(String(format: "U+%04X", value))" : text
        case .duplicatedKeysInMapping(let duplicates, _):
            problem = "a key is given twice in one object: "
                + duplicates.sorted().map { "'\(excerpt(escapingControlCharacters($0)))'" }.joined(separator: ", ")
        default: problem = "\(error)"
        }
    } else {
        problem = "\(error)"
    }
    let shown = escapingControlCharacters(problem)
    return shown.count > yamlProblemLimit ? String(shown.prefix(yamlProblemLimit)) + "…" : shown
}

/// The longest problem ``yamlErrorProblem(_:)`` quotes.
let yamlProblemLimit = 160

/// Refuses text in UTF-16 or UTF-32 (with or without a byte-order mark) by name, before it is
/// decoded as UTF-8. Without a mark, UTF-16 of ordinary text is "valid UTF-8" with a NUL after
/// every letter, which would otherwise surface as a missing header quoting those NULs.
/// - Throws: ``InputError`` for the whole file; no byte of it is echoed.
func refuseWideEncoding(_ bytes: UnsafeRawBufferPointer, file: String) throws(InputError) {
    let name: String?
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { name = "UTF-32 (little-endian, with a byte-order mark)" }
    else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { name = "UTF-32 (big-endian, with a byte-order mark)" }
    else if bytes.starts(with: [0xFF, 0xFE]) { name = "UTF-16 (little-endian, with a byte-order mark)" }
    else if bytes.starts(with: [0xFE, 0xFF]) { name = "UTF-16 (big-endian, with a byte-order mark)" }
    else {
        // No mark: judge the first kilobyte. Mostly-ASCII UTF-16 has NULs on one side of every
        // pair only; UTF-8 text has none (a stray NUL in a CSV is left to the usual checks).
        let sample = bytes.prefix(1024)
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if pairs > 0, evenZeros == 0, oddZeros * 4 >= pairs { name = "UTF-16 (little-endian, without a byte-order mark)" }
        else if pairs > 0, oddZeros == 0, evenZeros * 4 >= pairs { name = "UTF-16 (big-endian, without a byte-order mark)" }
        else { name = nil }
    }
    if let name {
        throw InputError(file: file, message: "the file is \(name) text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)")
    }
}

/// `data` decoded as UTF-8 text once ``refuseWideEncoding(_:file:)`` has passed it; invalid
/// UTF-8 sequences become U+FFFD (callers that must refuse them check first).
func decodedText(_ data: Data, file: String) throws(InputError) -> String {
    try refuseWideEncoding(data, file: file)
    return String(decoding: data, as: UTF8.self)
}

/// ``refuseWideEncoding(_:file:)`` on `data`.
func refuseWideEncoding(_ data: Data, file: String) throws(InputError) {
    // Data.withUnsafeBytes rethrows untyped errors; carry ours out in a Result.
    let outcome = data.withUnsafeBytes { raw in Result { () throws(InputError) in try refuseWideEncoding(raw, file: file) } }
    try outcome.get()
}
