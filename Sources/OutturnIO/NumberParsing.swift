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
    // A figure with a non-zero digit that rounds to zero (`1e-400`) is out of range just like
    // one that overflows: reading it as 0 would silently change the analyst's number.
    if value == 0, hasNonZeroSignificand(text) { return nil }
    return value
}

/// The value of a plain decimal written in `bytes` when it can be computed exactly in one step,
/// else `nil` (the caller then uses ``parseDecimal(_:)``): the digits, without the point, form an
/// integer w ≤ 2⁵³ and the decimal exponent e has |e| ≤ 22, so w and 10^|e| are exact doubles and
/// one multiplication or division rounds correctly (Clinger's fast path) — the same double as
/// `strtod`, for most figures in data files (`44`, `5048.43`, `-0.125`), without making a String.
/// The grammar is ``parseDecimal(_:)``'s.
func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = bytes.count
    var index = 0, negative = false
    if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        negative = bytes[index] == UInt8(ascii: "-")
        index += 1
    }
    var mantissa: UInt64 = 0, exponent = 0, sawDigit = false, tooLong = false
    func digits(scaling: Bool) {
        while index < count, (48...57).contains(bytes[index]) {
            sawDigit = true
            if mantissa <= (1 << 53) / 10 {
                mantissa = mantissa * 10 + UInt64(bytes[index] - 48)
                if scaling { exponent -= 1 }
            } else {
                tooLong = true
            }
            index += 1
        }
    }
    digits(scaling: false)
    if index < count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        digits(scaling: true)
    }
    guard sawDigit, !tooLong else { return nil }
    if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        var exponentNegative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            exponentNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var written = 0, sawExponentDigit = false
        while index < count, (48...57).contains(bytes[index]), written < 1000 {
            written = written * 10 + Int(bytes[index] - 48)
            sawExponentDigit = true
            index += 1
        }
        guard sawExponentDigit else { return nil }
        exponent += exponentNegative ? -written : written
    }
    guard index == count, mantissa <= 1 << 53, abs(exponent) <= 22 else { return nil }
    let value = exponent >= 0 ? Double(mantissa) * exactPowersOfTen[exponent] : Double(mantissa) / exactPowersOfTen[-exponent]
    return negative ? -value : value
}

/// Whether the digits before any exponent include one other than 0.
private func hasNonZeroSignificand(_ text: String) -> Bool {
    for byte in text.utf8 {
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
        if (49...57).contains(byte) { return true }
    }
    return false
}

/// 10⁰ … 10²²: every one an exact double (5²² < 2⁵³).
private let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
                                          1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/// Why `text` is not a number, as advice to the user.
func numberAdvice(_ text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed != text, parseDecimal(trimmed) != nil { return "'\(excerpt(text))' has spaces around the number; remove them" }
    if text.contains(","), parseDecimal(text.replacingOccurrences(of: ",", with: "")) != nil {
        return "'\(excerpt(text))' has a thousands separator or decimal comma; write plain digits with a decimal point, e.g. 5048.43"
    }
    let lower = text.lowercased()
    if ["nan", "inf", "+inf", "-inf", "infinity", "-infinity", "na", "n/a", "null"].contains(lower) {
        return "'\(excerpt(text))' is not a finite number; leave the cell empty for a missing month"
    }
    if let value = Double(text), !value.isFinite { return "'\(excerpt(text))' is too large for a number" }
    if let value = Double(text), value == 0, hasNonZeroSignificand(text) {
        return "'\(excerpt(text))' is too small for a number (it would be read as 0); write 0 if that is meant"
    }
    return "'\(excerpt(text))' is not a number; write it like 44 or 5048.43 (empty for a missing month)"
}

import Foundation
