import ArgumentParser
import Foundation
@testable import FuzzCLI

/// A whole `outturn` invocation from bytes: an argument vector plus small files, run in-process
/// (parse, then `run()`), in a scratch folder. Any outcome but a crash passes: an error is the
/// command refusing the input, which the CLI tests check for wording.
///
/// Input layout (text, lossy UTF-8), sections split by the byte 0x1E:
///   section 0: the arguments, one per line, without `outturn` (e.g. `project`, `obs.csv`, …);
///   each later section: a file name on its first line, then the file's content.
/// A `/` in an argument or file name becomes `_`, so nothing outside the scratch folder is read or
/// written; `.`/`..` names are dropped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let sections = text.split(separator: "\u{1E}", omittingEmptySubsequences: false)
    func confined(_ name: Substring) -> String { name.replacingOccurrences(of: "/", with: "_") }
    let arguments = (sections.first ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(confined)
    Scratch.shared.reset()
    for section in sections.dropFirst() {
        let lines = section.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let name = confined(lines[0])
        guard !name.isEmpty, name != ".", name != ".." else { continue }
        FileManager.default.createFile(atPath: name, contents: Data((lines.count > 1 ? lines[1] : "").utf8))
    }
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        do {
            var command = try OutturnCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A refusal (usage error, InputError, exit code): fine.
        }
    }
    done.wait()
    return 0
}

/// The scratch folder every input runs in (the process's working directory), emptied before each.
final class Scratch: Sendable {
    static let shared = Scratch()
    let path: String

    private init() {
        path = NSTemporaryDirectory() + "outturn-fuzz-commands-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        FileManager.default.changeCurrentDirectoryPath(path)
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        setenv("NO_COLOR", "1", 1)
    }

    func reset() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
        }
    }
}
