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
    /// Entry positions by indicator: a panel of 10⁵ indicators is looked up once per target.
    private let position: [String: Int]

    /// Creates a dataset; indicators are unique (the first entry of a repeated one is found).
    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
        position = Dictionary(entries.enumerated().map { ($1.indicator, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The series of `indicator`, or `nil`.
    public func series(_ indicator: String) -> MonthlySeries? {
        position[indicator].map { entries[$0].series }
    }

    /// Every series by its indicator: what a `TargetBook` is built over.
    public var seriesByIndicator: [String: MonthlySeries] {
        Dictionary(entries.map { ($0.indicator, $0.series) }, uniquingKeysWith: { first, _ in first })
    }

    /// The latest observed month across all indicators.
    public var lastMonth: Month? { entries.map(\.series.end).max() }
}
