/// `text` with every control character shown as a visible escape (`\e`, `\n`, `\x07`, `\u{9B}`):
/// names and values come from input files, and an ESC, OSC or BEL printed as is would be obeyed
/// by the terminal (retitle it, hide text, write a clickable link, move the cursor).
///
/// Escaped: C0 controls (U+0000–U+001F) except a tab, DEL (U+007F) and C1 controls
/// (U+0080–U+009F, which some terminals read as 8-bit escapes), plus the bidirectional overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what is shown.
/// - Parameters:
///   - text: the text to show.
///   - keepingLineBreaks: leave `\n` as a line break (multi-line messages such as usage).
public func escapingControlCharacters(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
        guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
            result.unicodeScalars.append(scalar)
            continue
        }
        switch scalar {
        case "\u{1B}": result += "\\e"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\0": result += "\\0"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
        }
    }
    return result
}

private func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x0A: !keepingLineBreaks
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
