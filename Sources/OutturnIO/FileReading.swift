import Foundation

/// `text` without surrounding spaces and tabs; returns `text` itself (no bridging) when there are none.
func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
    guard isBlank(first) || isBlank(last) else { return text }
    return text.trimmingCharacters(in: .whitespaces)
}

/// Reads a whole file, with an ``InputError`` that names it when it cannot be read.
func readFile(_ path: String) throws(InputError) -> Data {
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
