import Outturn

extension TargetsFile {
    /// The `bounds` cell: `low..high` with either end left empty for an open end (`0..100`,
    /// `0..`, `..100`), `..` or `none` for no bounds; `nil` when the cell is empty, so that the
    /// unit decides (``Bounds/implied(byUnit:)``). Kept apart from the other columns so that the
    /// reader's column list grows by one line per column.
    /// - Returns: the bounds, or a message saying what is wrong with the text.
    static func parseBounds(_ text: String) -> Result<Bounds, BoundsParseError> {
        // A JSON array or object arrives marked by a NUL (see `parseJSON`).
        if text.hasPrefix("\u{0}") { return .failure(.init(message: "give the bounds as a string, like \"0..100\"")) }
        let text = trimmed(text)
        if text.lowercased() == "none" { return .success(.none) }
        // `0...100` would read as 0 to .100; refuse it rather than guess.
        guard !text.contains("..."), let range = text.range(of: "..") else { return .failure(.init(message: boundsAdvice(text))) }
        func end(_ part: Substring) -> Double?? {
            let part = trimmed(String(part))
            if part.isEmpty { return .some(nil) }
            return parseDecimal(part).map { .some($0) }
        }
        guard let lower = end(text[..<range.lowerBound]), let upper = end(text[range.upperBound...]) else {
            return .failure(.init(message: boundsAdvice(text)))
        }
        do { return .success(try Bounds(lower: lower, upper: upper)) } catch {
            return .failure(.init(message: error.description))
        }
    }

    private static func boundsAdvice(_ text: String) -> String {
        "'\(excerpt(text))' is not a range of values; write it like 0..100, or 0.. for no upper end (.. or none for no bounds)"
    }

    struct BoundsParseError: Error {
        let message: String
    }
}
