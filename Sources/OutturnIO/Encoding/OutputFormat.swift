/// The output formats of Outturn's reports.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// An aligned plain-text table for the terminal.
    case table
    /// The documented JSON contract (see <doc:JSONOutput>).
    case json
    /// One row per item, full precision, for spreadsheets.
    ///
    /// Safe to open in a spreadsheet: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return gets a leading `'` (OWASP's advice against CSV injection), so that a name
    /// such as `=HYPERLINK(…)` is shown, not run. Numbers, negative ones included, are written
    /// as they are. Control characters other than line breaks are written as visible escapes.
    case csv
    /// A Markdown table for reports and issues.
    case markdown
}
