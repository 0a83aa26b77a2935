/// The output formats of Outturn's reports.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// An aligned plain-text table for the terminal.
    case table
    /// The documented JSON contract (see README).
    case json
    /// One row per item, full precision, for spreadsheets.
    case csv
    /// A Markdown table for reports and issues.
    case markdown
}
