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
        default: return nil
        }
    }
    return nil
}

func yamlErrorProblem(_ error: Error) -> String {
    if let error = error as? YamlError {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: break
        }
    }
    return "\(error)"
}
