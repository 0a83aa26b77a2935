import Foundation

/// A one-line progress bar on standard error, shown only when standard error is a terminal and
/// the batch is large enough to take a noticeable time; it erases itself when done, so nothing of
/// it remains in the terminal or in any captured output.
struct ProgressBar: Sendable {
    /// Batches smaller than this finish before a bar would be worth reading.
    static let minimumItems = 2_000

    let label: String
    let total: Int
    let isShown: Bool

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        isShown = total >= Self.minimumItems && isatty(STDERR_FILENO) == 1
    }

    /// Draws the bar for `done` items (called from one task at a time).
    func update(_ done: Int) {
        guard isShown else { return }
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let percent = total > 0 ? done * 100 / total : 100
        let line = "\r\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: width - filled))] "
            + "\(percent)% (\(done)/\(total))"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Erases the bar.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
