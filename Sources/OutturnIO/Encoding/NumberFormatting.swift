import Foundation
import Outturn

/// Numbers for people: about four significant figures, thousands grouped with commas
/// (`11,489`, `5,048`, `44.00`, `0.1234`). Machine formats (JSON, CSV) keep full precision.
func formatForReading(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let magnitude = abs(value)
    let decimals = magnitude == 0 ? 2 : min(4, max(0, 3 - Int(log10(magnitude).rounded(.down))))
    let fixed = String(format: "%.\(decimals)f", magnitude)
    let parts = fixed.split(separator: ".", maxSplits: 1)
    var integer = String(parts[0])
    var grouped = ""
    while integer.count > 3 {
        grouped = "," + integer.suffix(3) + grouped
        integer.removeLast(3)
    }
    grouped = integer + grouped
    let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
    return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
}

/// A probability as a percentage; `<1%` and `>99%` where rounding would claim certainty.
/// Only a `settled` outcome (decided by the observed months) prints as 0% or 100%.
func formatProbability(_ p: Double, settled: Bool = false) -> String {
    if settled { return p >= 0.5 ? "100%" : "0%" }
    if p < 0.01 { return "<1%" }
    if p > 0.99 { return ">99%" }
    return "\(Int((p * 100).rounded()))%"
}

/// A level such as 80 or 97.5 without a needless `.0`.
func formatLevel(_ level: Double) -> String {
    level == level.rounded() ? String(Int(level)) : "\(level)"
}

/// Full precision for CSV: the shortest text that reads back as the same Double.
func formatExact(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// A CSV field, safe to open in a spreadsheet.
///
/// Quoted when it holds a comma, quote or line break; other control characters are written as
/// visible escapes (``escapingControlCharacters(_:keepingLineBreaks:)``). A text cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is prefixed with a single quote (`'=HYPERLINK(…)`), following
/// OWASP's guidance on CSV injection: a spreadsheet would otherwise run it as a formula. Numbers,
/// negative ones included, are written as they are, so they stay numbers.
func csvField(_ text: String) -> String {
    // Control characters are shown, not kept: `cat report.csv` must not drive the terminal.
    var text = escapingControlCharacters(text, keepingLineBreaks: true)
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isCSVNumber(text) {
        text = "'" + text
    }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A plain decimal number as the writers print them (`-12`, `-0.25`, `-1.5e-07`): digits, one
/// point, an exponent; nothing a spreadsheet could read as a formula.
private func isCSVNumber(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
    guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
    return scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+" }
        && Double(text) != nil
}

/// A count: whole numbers without decimals (`3`, `12`), others as ``formatForReading(_:)``.
func formatCount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? formatExact(value) : formatForReading(value)
}

/// `7,401 – 7,618`.
func formatInterval(_ interval: PredictionInterval) -> String {
    "\(formatForReading(interval.lower)) – \(formatForReading(interval.upper))"
}

/// A signed percentage with one decimal: `+11.2%`, `−0.9%`, `±0%` for less than 0.05.
func formatPercentChange(_ percent: Double) -> String {
    guard percent.isFinite else { return "–" }
    guard abs(percent) >= 0.05 else { return "±0%" }
    return (percent > 0 ? "+" : "−") + String(format: "%.1f", abs(percent)) + "%"
}
