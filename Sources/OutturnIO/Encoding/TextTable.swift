/// A plain-text table whose columns line up in a terminal even with Chinese text: widths are
/// measured in terminal cells (East Asian wide characters take two), not in characters.
///
/// Written here because the available table packages pad by character count, which misaligns
/// every row that holds a CJK name. Colour is three fixed SGR codes, applied after padding; a
/// colour package would add a dependency and global state for that.
struct TextTable {
    enum Alignment { case left, right }

    let headers: [String]
    let alignments: [Alignment]
    var rows: [[String]] = []
    /// An ANSI colour (SGR code) for some cells, by row and column; applied after padding, so
    /// widths are measured on the text alone.
    var colours: [Int: [Int: String]] = [:]

    init(columns: [(String, Alignment)]) {
        headers = columns.map { escapingControlCharacters($0.0) }
        alignments = columns.map(\.1)
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row width differs from the header")
        // Cells hold names and values from input files: control characters are shown, not obeyed.
        rows.append(row.map { escapingControlCharacters($0) })
    }

    /// Columns separated by two spaces, a rule under the header, trailing spaces trimmed; cells
    /// coloured when `colour` is true (a terminal that wants colour).
    func rendered(colour: Bool = false) -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String], row: Int?) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                if column > 0 { text += "  " }
                var shown = cell
                if colour, let row, let code = colours[row]?[column], !cell.isEmpty {
                    shown = "\u{1B}[\(code)m\(cell)\u{1B}[0m"
                }
                text += alignments[column] == .left ? shown + padding : padding + shown
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers, row: nil), rule] + rows.enumerated().map { line($1, row: $0) }).joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table: pipes escaped, and HTML too (`&`, `<`, `>`), since
    /// Markdown passes HTML through and a name must not become markup in the rendered report.
    /// Control characters, line breaks included, were made visible on the way in, so a row stays
    /// one line.
    func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { escapingMarkdownCell($0) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined()
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// A table cell for Markdown: HTML's special characters as entities, pipes escaped.
func escapingMarkdownCell(_ text: String) -> String {
    escapingMarkdownText(text).replacingOccurrences(of: "|", with: "\\|")
}

/// Text for Markdown outside a table: HTML's special characters as entities and control
/// characters (line breaks too) made visible.
func escapingMarkdownText(_ text: String) -> String {
    escapingControlCharacters(text)
        .replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
}

/// Several lines of text for Markdown, each escaped by ``escapingMarkdownText(_:)``.
func escapingMarkdownLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { escapingMarkdownText(String($0)) }
        .joined(separator: "\n")
}

/// The number of terminal cells `text` occupies: 2 for East Asian wide and fullwidth characters
/// (CJK ideographs, kana, Hangul, fullwidth forms, most emoji), 0 for combining marks and
/// zero-width joiners, 1 otherwise.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + cellWidth($1) }
}

private func cellWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
}

import Foundation
