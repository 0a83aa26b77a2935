import Foundation
import Synchronization

/// `-` as an input path: standard input, so that `outturn` can sit in a pipeline
/// (`… | outturn project - --targets targets.csv`, Spark's `RDD.pipe`).
///
/// Standard input can be read once: a second input given as `-` is an error that says so, rather
/// than an empty file whose complaint would point elsewhere.
public enum StandardInput {
    /// The path that means standard input.
    public static let path = "-"

    /// How errors name standard input, as `<stdin>:12: field 'value': …`.
    public static let name = "<stdin>"

    /// The name errors give an input at `path`: ``name`` for ``path``, else the path itself.
    public static func displayName(_ path: String) -> String {
        path == Self.path ? name : path
    }

    /// A path the kernel resolves to what standard input reads (a redirected file's own device and
    /// inode), so that an output can be refused for being the input it would overwrite.
    public static func identityPath(_ path: String) -> String {
        path == Self.path ? "/dev/stdin" : path
    }

    private static let consumed = Atomic<Bool>(false)

    /// All of standard input.
    /// - Throws: ``InputError`` naming `<stdin>` when it was already read for another input or
    ///   cannot be read.
    static func readAll() throws(InputError) -> Data {
        guard !consumed.exchange(true, ordering: .sequentiallyConsistent) else {
            throw InputError(file: name, message: "standard input (-) was already read for another input; only one input can be -")
        }
        do {
            return try FileHandle.standardInput.readToEnd() ?? Data()
        } catch {
            throw InputError(file: name, message: "cannot be read (\(error.localizedDescription))")
        }
    }
}

/// Whether `data` reads as JSON rather than CSV: its first character after a BOM and white space
/// is `{` or `[` (no CSV header of targets starts so). Standard input has no file name to tell.
func isJSONText(_ data: Data) -> Bool {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
}
