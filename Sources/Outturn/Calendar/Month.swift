/// A calendar month, such as 2020-08.
///
/// Months are ordered and support arithmetic, so a series' calendar can be walked without
/// dates or time zones. The text form is `YYYY-MM` with a four-digit year and a two-digit month.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year, 1 ... 9999.
    public let year: Int
    /// The month of the year, 1 (January) ... 12 (December).
    public let month: Int

    /// Creates a month.
    /// - Throws: ``MonthError/outOfRange(year:month:)`` unless 1 ≤ year ≤ 9999 and 1 ≤ month ≤ 12.
    public init(year: Int, month: Int) throws(MonthError) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            throw .outOfRange(year: year, month: month)
        }
        self.year = year
        self.month = month
    }

    /// Parses the strict text form `YYYY-MM` (e.g. `2020-08`).
    ///
    /// `2020-8`, `20-08`, `2020/08` and `2020-13` are rejected: a lenient parser would
    /// silently misplace an analyst's row.
    /// - Throws: ``MonthError/malformed(_:)`` or ``MonthError/outOfRange(year:month:)``.
    public init(parsing text: String) throws(MonthError) {
        var text = text
        // Contiguous UTF-8 bytes: this runs once per data row, so no generic or bridged path.
        guard let (year, month) = text.withUTF8(Self.yearAndMonth) else { throw .malformed(text) }
        try self.init(year: year, month: month)
    }

    /// The month written `YYYY-MM` in UTF-8 `bytes` when it is one; `nil` for anything else,
    /// including a month outside 1 … 12 (``init(parsing:)-(String)`` says which).
    /// For readers that parse fields from bytes.
    package init?(yearMonthBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let (year, month) = Self.yearAndMonth(bytes), let parsed = try? Month(year: year, month: month) else { return nil }
        self = parsed
    }

    private static func yearAndMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        func digit(_ i: Int) -> Int? { (48...57).contains(bytes[i]) ? Int(bytes[i] - 48) : nil }
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6)
        else { return nil }
        return (y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1)
    }

    /// Parses `YYYY-MM` from a substring; see ``init(parsing:)-(String)``.
    public init(parsing text: Substring) throws(MonthError) {
        try self.init(parsing: String(text))
    }

    /// Months since January of year 0; consecutive months differ by one.
    var ordinal: Int { year * 12 + (month - 1) }

    /// Any ordinal, also outside years 1 … 9999 (floor division, so months before year 0 stay
    /// 1 … 12).
    init(ordinal: Int) {
        year = ordinal.floorDivided(by: 12)
        month = ordinal - year * 12 + 1
    }

    /// The month `count` months later (earlier when negative).
    ///
    /// Arithmetic is total: the result may lie outside years 1 … 9999 (the December before year
    /// 0001 is `0000-12`, a window of 100,000 months reaches back before year 0), so that input
    /// can never trap here. Such a month is only ever an intermediate bound: ``init(year:month:)``
    /// and ``init(parsing:)-(String)`` still accept years 1 … 9999 only, and commands refuse a
    /// result that would have to name a month past 9999-12 (see ``isInCalendar``). The count
    /// saturates instead of overflowing.
    public func advanced(by count: Int) -> Month {
        let (sum, overflow) = ordinal.addingReportingOverflow(count)
        return Month(ordinal: overflow ? (count < 0 ? Int.min / 2 : Int.max / 2) : sum)
    }

    /// Whether the month lies in years 1 … 9999, the calendar that input and output use.
    public var isInCalendar: Bool { (1...9999).contains(year) }

    /// The number of months from `self` to `other` (positive when `other` is later).
    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    /// January of this month's year.
    public var january: Month { Month(ordinal: year * 12) }

    /// Calendar order.
    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year.magnitude), m = String(month)
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (month < 10 ? "0" : "") + m
    }
}

extension Int {
    /// ⌊self / divisor⌋ for a positive divisor (Swift's `/` truncates towards zero).
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}

/// Why a month could not be made.
public enum MonthError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not of the form `YYYY-MM`.
    case malformed(String)
    /// The year or month is outside the calendar (e.g. month 13).
    case outOfRange(year: Int, month: Int)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(Self.excerpt(text))' is not a month; write it as YYYY-MM, e.g. 2020-08"
        case .outOfRange(let year, let month):
            // Zero-padded as parsing requires, so a parsed `0000-05` is quoted exactly as written.
            "'\(Self.padded(year, 4))-\(Self.padded(month, 2))' is not a calendar month; the month must be 01 to 12 and the year 0001 to 9999"
        }
    }

    /// At most the first 40 characters of what the user wrote, then `…`: a message quotes enough
    /// to find the cell, never a whole 50 MB field (the same rule as OutturnIO's `excerpt`).
    private static func excerpt(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
