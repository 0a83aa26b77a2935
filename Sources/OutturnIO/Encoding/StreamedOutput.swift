import Foundation

/// A report written piece by piece as it is made, with ``OutputFile``'s promise kept: a reader
/// never sees half of it and a command that fails writes nothing.
///
/// To a regular file (or a new path) the pieces go to a temporary file beside it (``OutputFile``'s
/// `mkstemp`) that ``commit()`` flushes and renames over the path. For standard output or a
/// character device they go to an anonymous temporary file (unlinked at once, in `TMPDIR`) that
/// ``commit()`` copies out: nothing reaches standard output before the whole report exists, at
/// the cost of the report's size on disk. Memory stays at one piece. Without ``commit()`` (an
/// error, Ctrl-C) the temporary file is removed.
public final class StreamedOutput {
    private let destination: OutputFile.Destination?
    private let temporary: OutputFile.Temporary
    private let guardSignals: InterruptGuard
    private var isDone = false

    /// Opens the report's temporary file.
    /// - Parameters:
    ///   - path: the output file, or `nil` for standard output.
    ///   - inputs: the paths the command reads; writing over one is refused.
    /// - Throws: ``InputError`` naming `--output` when the path is an input or cannot be written.
    public init(path: String?, inputs: [String]) throws(InputError) {
        let destination = try path.map { path throws(InputError) in
            try OutputFile.resolve([OutputFile.Item("", to: path)], inputs: inputs)[0]
        }
        guardSignals = InterruptGuard()
        do throws(InputError) {
            if let destination, !destination.isDevice {
                temporary = try OutputFile.makeTemporary(for: destination)
            } else {
                temporary = try Self.anonymousTemporary(field: destination?.item.field ?? "--output")
            }
        } catch {
            guardSignals.release()
            throw error
        }
        self.destination = destination
    }

    deinit { discard() }

    /// Appends `text` to the report.
    public func write(_ text: String) throws(InputError) {
        try OutputFile.writeAll(text, to: temporary.fd, destination: destination ?? Self.standardOutput)
    }

    /// Puts the finished report in place: renames the temporary file over the path, or copies it
    /// to standard output or the device.
    public func commit() throws(InputError) {
        defer { discard() }
        guard let destination, !destination.isDevice else {
            try copyOut(to: destination)
            return
        }
        guard fsync(temporary.fd) == 0, temporary.close() == 0 else { throw OutputFile.failure(destination, errno) }
        guardSignals.holdSignals()
        guard rename(temporary.path, destination.path) == 0 else { throw OutputFile.failure(destination, errno) }
        InterruptGuard.temporaryPaths.withLock { $0 = [] }
        isDone = true
    }

    /// Removes the temporary file (nothing is written) unless the report was committed.
    public func discard() {
        if !isDone {
            isDone = true
            _ = temporary.close()
            if !temporary.path.isEmpty { unlink(temporary.path) }
            InterruptGuard.temporaryPaths.withLock { $0 = [] }
        }
        guardSignals.release()
    }

    private static let standardOutput = OutputFile.Destination(item: OutputFile.Item("", to: "<stdout>"), path: "<stdout>",
                                                                isDevice: true, mode: nil)

    /// An unlinked temporary file: it vanishes with the process, however the process ends.
    private static func anonymousTemporary(field: String) throws(InputError) -> OutputFile.Temporary {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder as NSString).appendingPathComponent("outturn.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw InputError(file: nil, field: field,
                             message: "cannot make a temporary file in \(escapingControlCharacters(folder)): \(describeErrno(errno)); set TMPDIR to a writable folder")
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        unlink(path)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return OutputFile.Temporary(path: "", fd: fd)
    }

    /// Copies the temporary file to standard output, or to the device `destination` names.
    private func copyOut(to destination: OutputFile.Destination?) throws(InputError) {
        let shown = destination ?? Self.standardOutput
        var target = STDOUT_FILENO
        if let destination {
            target = open(destination.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard target >= 0 else { throw OutputFile.failure(destination, errno) }
        }
        defer { if destination != nil { close(target) } }
        guard lseek(temporary.fd, 0, SEEK_SET) == 0 else { throw OutputFile.failure(shown, errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(temporary.fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw OutputFile.failure(shown, errno) }
            if count == 0 { break }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Foundation.write(target, $0.baseAddress! + offset, count - offset) }
                if written < 0, errno == EINTR { continue }
                guard written >= 0 else { throw OutputFile.failure(shown, errno) }
                offset += written
            }
        }
    }
}
