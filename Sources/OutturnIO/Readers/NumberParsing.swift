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

/// The value of a plain decimal written in `bytes`, correctly rounded (the same double as
/// `strtod`), computed without making a String, else `nil` (the caller then uses
/// ``parseDecimal(_:)``, which also explains a refusal). Digits w ≤ 2⁵³ with a decimal exponent
/// |e| ≤ 22 take one exact IEEE operation (Clinger's fast path: `44`, `5048.43`, `-0.125`); other
/// significands of up to 19 digits (`%.17g` output, exponents) take Eisel–Lemire
/// (``eiselLemire(significand:exponent:)``). Longer significands are cut to 19 digits and answered
/// only when the cut and the cut plus one unit round to the same double. `nil` also for anything
/// that overflows, or rounds a non-zero figure to zero. The grammar is ``parseDecimal(_:)``'s.
func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = bytes.count
    var index = 0, negative = false
    if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        negative = bytes[index] == UInt8(ascii: "-")
        index += 1
    }
    // Digits accumulate with wrapping arithmetic: more than 19 of them are re-read below.
    var significand: UInt64 = 0
    let integerStart = index
    while index < count, bytes[index] &- 48 < 10 {
        significand = significand &* 10 &+ UInt64(bytes[index] &- 48)
        index += 1
    }
    let integerEnd = index
    var fractionStart = index, fractionEnd = index
    if index < count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        fractionStart = index
        while index < count, bytes[index] &- 48 < 10 {
            significand = significand &* 10 &+ UInt64(bytes[index] &- 48)
            index += 1
        }
        fractionEnd = index
    }
    let digitCount = (integerEnd - integerStart) + (fractionEnd - fractionStart)
    guard digitCount > 0 else { return nil }
    var written = 0
    if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        var exponentNegative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            exponentNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let exponentStart = index
        while index < count, bytes[index] &- 48 < 10 {
            // Past 10⁸ the figure is out of range whatever its digits; keep reading, stop adding.
            if written < 100_000_000 { written = written * 10 + Int(bytes[index] &- 48) }
            index += 1
        }
        guard index > exponentStart else { return nil }
        if exponentNegative { written = -written }
    }
    guard index == count else { return nil }
    var exponent = written - (fractionEnd - fractionStart)
    var truncated = false
    if digitCount > 19 {
        // Re-read: skip leading zeros, keep the first 19 significant digits, note whether a
        // non-zero digit was dropped.
        significand = 0
        var kept = 0
        exponent = written
        for position in integerStart..<integerEnd {
            let digit = UInt64(bytes[position] &- 48)
            if kept == 0, digit == 0 { continue }
            if kept < 19 {
                significand = significand * 10 + digit
                kept += 1
            } else {
                exponent += 1
                if digit != 0 { truncated = true }
            }
        }
        for position in fractionStart..<fractionEnd {
            let digit = UInt64(bytes[position] &- 48)
            if kept < 19 {
                exponent -= 1
                if kept == 0, digit == 0 { continue }
                significand = significand * 10 + digit
                kept += 1
            } else if digit != 0 {
                truncated = true
                break
            }
        }
    }
    let magnitude: Double
    if !truncated, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
        magnitude = exponent >= 0 ? Double(significand) * exactPowersOfTen[exponent]
                                  : Double(significand) / exactPowersOfTen[-exponent]
    } else {
        guard let value = eiselLemire(significand: significand, exponent: exponent) else { return nil }
        if truncated {
            // The true significand lies strictly between w and w + 1 (in units of 10^exponent).
            guard value == eiselLemire(significand: significand + 1, exponent: exponent) else { return nil }
        }
        magnitude = value
    }
    return negative ? -magnitude : magnitude
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
