/// Parses a plain decimal number as written in a data file: optional sign, digits, optional
/// fraction and exponent (`-12.5`, `3e4`). Thousands separators, decimal commas, `NaN`, `inf`,
/// hex and surrounding spaces are refused, and so is a magnitude that overflows a Double: each
/// would otherwise be a silent misreading of an analyst's figure.
func parseDecimal(_ text: String) -> Double? {
    var sawDigit = false
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    func digits() {
        while index < utf8.endIndex, (48...57).contains(utf8[index]) { sawDigit = true; index = utf8.index(after: index) }
    }
    if index < utf8.endIndex, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
        index = utf8.index(after: index)
    }
    digits()
    if index < utf8.endIndex, utf8[index] == UInt8(ascii: ".") { index = utf8.index(after: index); digits() }
    guard sawDigit else { return nil }
    if index < utf8.endIndex, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
        index = utf8.index(after: index)
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            index = utf8.index(after: index)
        }
        sawDigit = false
        digits()
        guard sawDigit else { return nil }
    }
    guard index == utf8.endIndex, let value = Double(text), value.isFinite else { return nil }
    return value
}

/// Why `text` is not a number, as advice to the user.
func numberAdvice(_ text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed != text, parseDecimal(trimmed) != nil { return "'\(text)' has spaces around the number; remove them" }
    if text.contains(","), parseDecimal(text.replacingOccurrences(of: ",", with: "")) != nil {
        return "'\(text)' has a thousands separator or decimal comma; write plain digits with a decimal point, e.g. 5048.43"
    }
    let lower = text.lowercased()
    if ["nan", "inf", "+inf", "-inf", "infinity", "-infinity", "na", "n/a", "null"].contains(lower) {
        return "'\(text)' is not a finite number; leave the cell empty for a missing month"
    }
    if let value = Double(text), !value.isFinite { return "'\(text)' is too large for a number" }
    return "'\(text)' is not a number; write it like 44 or 5048.43 (empty for a missing month)"
}

import Foundation
