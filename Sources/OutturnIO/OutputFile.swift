import Foundation

/// Writes a report so that a reader never sees half of it and no input is ever overwritten.
public enum OutputFile {
    /// Writes `text` to `path` through a temporary file in the same folder and an atomic rename.
    /// - Parameters:
    ///   - inputs: the paths the command read; writing over one of them is refused.
    /// - Throws: ``InputError`` naming `--output` when the path is an input or cannot be written.
    public static func write(_ text: String, to path: String, inputs: [String]) throws(InputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw InputError(file: nil, field: "--output",
                             message: "'\(path)' is an input of this command; choose another output path")
        }
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: nil, field: "--output", message: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // Ctrl-C (or a TERM/HUP) during the write and rename is held until both are done, so an
        // interrupted run leaves the complete report or nothing, never a partial or stray file.
        var interrupts = sigset_t(), previous = sigset_t()
        sigemptyset(&interrupts)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&interrupts, signal) }
        pthread_sigmask(SIG_BLOCK, &interrupts, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: nil, field: "--output", message: "cannot write '\(path)' (\(error.localizedDescription))")
        }
    }
}
