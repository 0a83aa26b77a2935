import Foundation
import Synchronization

/// Writes reports so that a reader never sees half of one, no input is ever overwritten, and a
/// command that fails writes nothing.
///
/// A regular file (or a new path) is written through a temporary file made by `mkstemp` in the
/// same folder (`O_CREAT|O_EXCL`, which follows no symlink, and an unpredictable name), flushed to disk and renamed
/// over the target. A character device (`/dev/null`, a terminal) is written directly: renaming a
/// file over it would replace the device node. Folders, FIFOs, sockets and block devices are
/// refused. Every write error is reported with its reason (`ENOSPC`, `EFBIG`, …).
public enum OutputFile {
    /// One file to write: its text, its path, and the option that named it (for messages).
    public struct Item: Sendable {
        public let text: String
        public let path: String
        public let field: String

        /// - Parameters:
        ///   - text: the finished report.
        ///   - path: where it goes.
        ///   - field: the command-line option that gave `path`, e.g. `--chart`.
        public init(_ text: String, to path: String, field: String = "--output") {
            self.text = text
            self.path = path
            self.field = field
        }
    }

    /// Writes `text` to `path` (see ``write(_:inputs:)``).
    /// - Throws: ``InputError`` naming `field` when the path is an input, cannot hold a report or
    ///   cannot be written.
    public static func write(_ text: String, to path: String, inputs: [String], field: String = "--output") throws(InputError) {
        try write([Item(text, to: path, field: field)], inputs: inputs)
    }

    /// Writes every item or none: all paths are checked first (no two alike, none an input, each a
    /// regular file, a new file or a character device in an existing folder), then every regular
    /// file is written to its temporary file, and only when all succeeded are they renamed into
    /// place. Ctrl-C (SIGINT, SIGTERM, SIGHUP) during the writes removes the temporary files and
    /// then ends the process as the signal would have; during the renames it waits until they are
    /// done.
    /// - Parameters:
    ///   - items: the reports and their paths.
    ///   - inputs: the paths the command read; writing over one of them (compared by
    ///     device and inode after the kernel resolved the path, so `link/../obs.csv` is recognised)
    ///     is refused.
    /// - Throws: ``InputError`` naming the item's option.
    public static func write(_ items: [Item], inputs: [String]) throws(InputError) {
        guard !items.isEmpty else { return }
        let destinations = try resolve(items, inputs: inputs)
        try commit(destinations)
    }

    // MARK: - Checking the paths

    /// Where an item goes and how.
    struct Destination {
        let item: Item
        /// The path written or renamed onto: symlinks followed (a link to a report replaces the
        /// report, as before), the folder's real path otherwise.
        let path: String
        /// Write in place without a temporary file (a character device).
        let isDevice: Bool
        /// The permission bits of the file replaced, kept for the new one.
        let mode: mode_t?
    }

    static func resolve(_ items: [Item], inputs: [String]) throws(InputError) -> [Destination] {
        // Each input as the kernel resolves it and as Foundation's readers do (they collapse
        // `link/..` as text): an output that is either one is refused.
        // `-` (standard input) is checked as what it reads: a redirected file is an input too.
        let inputIdentities = inputs.map(StandardInput.identityPath).flatMap { [identity($0), identity(URL(fileURLWithPath: $0).standardizedFileURL.path)] }
            .compactMap { $0 }
        var destinations: [Destination] = []
        for item in items {
            func refuse(_ message: String) -> InputError { InputError(file: nil, field: item.field, message: message) }
            let shown = escapingControlCharacters(item.path)
            guard !item.path.isEmpty else { throw refuse("the output path is empty") }
            var status = stat()
            let exists = stat(item.path, &status) == 0
            let path: String
            if exists {
                guard let real = realPath(item.path) else { throw refuse("cannot resolve '\(shown)' (\(describeErrno(errno)))") }
                path = real
                if inputIdentities.contains(identity(status)) {
                    throw refuse("'\(shown)' is an input of this command; choose another output path")
                }
            } else {
                let url = URL(fileURLWithPath: item.path)
                let folder = url.deletingLastPathComponent().path
                var folderStatus = stat()
                guard stat(folder, &folderStatus) == 0, let realFolder = realPath(folder) else {
                    throw refuse("the folder \(escapingControlCharacters(folder)) does not exist")
                }
                guard folderStatus.st_mode & S_IFMT == S_IFDIR else {
                    throw refuse("\(escapingControlCharacters(folder)) is not a folder")
                }
                path = (realFolder as NSString).appendingPathComponent(url.lastPathComponent)
            }
            let kind = exists ? status.st_mode & S_IFMT : S_IFREG
            switch kind {
            case S_IFREG, S_IFCHR: break
            case S_IFDIR: throw refuse("'\(shown)' is a folder (EISDIR); give a file name inside it")
            case S_IFIFO: throw refuse("'\(shown)' is a FIFO (named pipe); write to a regular file or to standard output")
            case S_IFSOCK: throw refuse("'\(shown)' is a socket; write to a regular file or to standard output")
            case S_IFBLK: throw refuse("'\(shown)' is a block device; write to a regular file")
            default: throw refuse("'\(shown)' is not a regular file")
            }
            let isDevice = kind == S_IFCHR
            if let earlier = destinations.first(where: { $0.path == path && !($0.isDevice && isDevice) }) {
                throw refuse("'\(shown)' is also the path of \(earlier.item.field); give each output its own path")
            }
            destinations.append(Destination(item: item, path: isDevice ? item.path : path, isDevice: isDevice,
                                            mode: exists && !isDevice ? status.st_mode & 0o7777 : nil))
        }
        return destinations
    }

    /// A file's device and inode, following symlinks; `nil` when it does not exist.
    static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return identity(status)
    }

    static func identity(_ status: stat) -> [UInt64] {
        [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Writing

    /// A temporary file being written.
    final class Temporary {
        let path: String
        let fd: Int32
        var isOpen = true
        init(path: String, fd: Int32) { self.path = path; self.fd = fd }

        func close() -> Int32 {
            guard isOpen else { return 0 }
            isOpen = false
            return Foundation.close(fd)
        }
    }

    static func commit(_ destinations: [Destination]) throws(InputError) {
        let guardSignals = InterruptGuard()
        var temporaries: [Temporary] = []
        func discard() {
            for temporary in temporaries { _ = temporary.close(); unlink(temporary.path) }
            InterruptGuard.temporaryPaths.withLock { $0 = [] }
            temporaries = []
        }
        do throws(InputError) {
            for destination in destinations where !destination.isDevice {
                let temporary = try makeTemporary(for: destination)
                temporaries.append(temporary)
                try writeAll(destination.item.text, to: temporary.fd, destination: destination)
                guard fsync(temporary.fd) == 0 else { throw failure(destination, errno) }
                guard temporary.close() == 0 else { throw failure(destination, errno) }
            }
            // Devices last: they cannot be undone, so they are written only once the files are ready.
            for destination in destinations where destination.isDevice {
                try writeToDevice(destination)
            }
        } catch {
            discard()
            guardSignals.release()
            throw error
        }
        // Renames are quick and all-or-nothing each; a signal now waits until they are done.
        guardSignals.holdSignals()
        var index = 0
        for destination in destinations where !destination.isDevice {
            if rename(temporaries[index].path, destination.path) != 0 {
                let code = errno
                for later in temporaries[index...] { unlink(later.path) }
                InterruptGuard.temporaryPaths.withLock { $0 = [] }
                guardSignals.release()
                throw failure(destination, code)
            }
            index += 1
        }
        InterruptGuard.temporaryPaths.withLock { $0 = [] }
        guardSignals.release()
    }

    static func makeTemporary(for destination: Destination) throws(InputError) -> Temporary {
        let folder = (destination.path as NSString).deletingLastPathComponent
        // Keep the name recognisable but within NAME_MAX (255 bytes) with the prefix and suffix.
        var name = (destination.path as NSString).lastPathComponent
        while name.utf8.count > 200 { name.removeLast() }
        var template = Array(((folder as NSString).appendingPathComponent(".\(name).XXXXXX")).utf8CString)
        // mkstemp opens with O_CREAT|O_EXCL, which never follows a symlink (POSIX: with both flags
        // a link at the path is an error), i.e. O_NOFOLLOW as well; the name's six random
        // characters cannot be guessed, unlike the former `.<name>.<pid>.tmp`.
        let fd = template.withUnsafeMutableBufferPointer { buffer in mkstemp(buffer.baseAddress!) }
        guard fd >= 0 else { throw failure(destination, errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        InterruptGuard.temporaryPaths.withLock { $0.append(path) }
        // mkostemp creates 0600; a report gets the usual permissions, or those of the file it replaces.
        let mode = destination.mode ?? { let mask = umask(0); umask(mask); return 0o666 & ~mask }()
        fchmod(fd, mode)
        return Temporary(path: path, fd: fd)
    }

    static func writeToDevice(_ destination: Destination) throws(InputError) {
        let fd = open(destination.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(destination, errno) }
        do throws(InputError) {
            try writeAll(destination.item.text, to: fd, destination: destination)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(destination, errno) }
    }

    /// Writes in chunks, retrying after EINTR and short writes, stopping at a pending Ctrl-C.
    static func writeAll(_ text: String, to fd: Int32, destination: Destination) throws(InputError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            InterruptGuard.leaveIfInterrupted()
            let chunk = min(1 << 20, bytes.count - offset)
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, chunk) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(destination, errno)
            }
            offset += written
        }
        InterruptGuard.leaveIfInterrupted()
    }

    static func failure(_ destination: Destination, _ code: Int32) -> InputError {
        InputError(file: nil, field: destination.item.field,
                   message: "cannot write '\(escapingControlCharacters(destination.item.path))': \(describeErrno(code))")
    }
}

/// `No space left on device (ENOSPC)`: the system's words and the symbol people search for.
func describeErrno(_ code: Int32) -> String {
    let names: [Int32: String] = [
        ENOSPC: "ENOSPC", EFBIG: "EFBIG", EISDIR: "EISDIR", EACCES: "EACCES", EPERM: "EPERM", EROFS: "EROFS",
        EDQUOT: "EDQUOT", EIO: "EIO", ENOENT: "ENOENT", ENOTDIR: "ENOTDIR", EEXIST: "EEXIST", ELOOP: "ELOOP",
        ENAMETOOLONG: "ENAMETOOLONG", EXDEV: "EXDEV", EBUSY: "EBUSY", ETXTBSY: "ETXTBSY", EPIPE: "EPIPE",
        EINVAL: "EINVAL", EMFILE: "EMFILE", ENFILE: "ENFILE", ENXIO: "ENXIO",
    ]
    let words = String(cString: strerror(code))
    return names[code].map { "\(words) (\($0))" } ?? "\(words) (errno \(code))"
}

/// Holds SIGINT, SIGTERM and SIGHUP for the process (every thread: a mask on one thread lets
/// another thread take the signal and die with the temporary file still there) while outputs
/// are written, and ignores SIGXFSZ so that exceeding `RLIMIT_FSIZE` is an `EFBIG` error
/// instead of a silent death.
///
/// A signal caught while writing makes the writer stop, remove its temporary files and end the
/// process by the same signal; one caught while renaming is delivered after the renames.
final class InterruptGuard {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The signal caught, 0 when none.
    static let pending = Atomic<Int32>(0)
    /// Whether a caught signal should wait (renaming) rather than end the write.
    static let holding = Atomic<Bool>(false)
    static let temporaryPaths = Mutex<[String]>([])

    private var previous: [Int32: sigaction] = [:]
    private var previousFileSize = sigaction()
    private var released = false

    init() {
        Self.pending.store(0, ordering: .sequentiallyConsistent)
        Self.holding.store(false, ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            InterruptGuard.pending.store(signal, ordering: .sequentiallyConsistent)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for signal in Self.signals {
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGXFSZ, &ignore, &previousFileSize)
    }

    func holdSignals() { Self.holding.store(true, ordering: .sequentiallyConsistent) }

    /// Restores the earlier handlers; a signal caught meanwhile is then delivered.
    func release() {
        guard !released else { return }
        released = true
        for (signal, old) in previous {
            var old = old
            sigaction(signal, &old, nil)
        }
        sigaction(SIGXFSZ, &previousFileSize, nil)
        let signal = Self.pending.exchange(0, ordering: .sequentiallyConsistent)
        if signal != 0 { raise(signal) }
    }

    /// Called between chunks: after Ctrl-C, remove the temporary files and end as the signal would.
    static func leaveIfInterrupted() {
        let signal = pending.load(ordering: .sequentiallyConsistent)
        guard signal != 0, !holding.load(ordering: .sequentiallyConsistent) else { return }
        for path in temporaryPaths.withLock({ $0 }) { unlink(path) }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        raise(signal)
        _exit(128 + signal)
    }
}
