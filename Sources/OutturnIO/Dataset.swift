import Outturn

/// The indicators of one observations file, in the order they first appear.
public struct Dataset: Sendable {
    /// One indicator's monthly series.
    public struct Entry: Sendable {
        public let indicator: String
        public let series: MonthlySeries
    }

    /// The file the data came from, as named by the user.
    public let file: String
    public let entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// The series of `indicator`, or `nil`.
    public func series(_ indicator: String) -> MonthlySeries? {
        entries.first { $0.indicator == indicator }?.series
    }

    /// The latest observed month across all indicators.
    public var lastMonth: Month? { entries.map(\.series.end).max() }
}
