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

    init(ordinal: Int) {
        year = ordinal / 12
        month = ordinal % 12 + 1
    }

    /// The month `count` months later (earlier when negative).
    ///
    /// - Precondition: the result lies in years 1 ... 9999.
    public func advanced(by count: Int) -> Month {
        let result = Month(ordinal: ordinal + count)
        precondition((1...9999).contains(result.year), "month arithmetic left years 1...9999")
        return result
    }

    /// The number of months from `self` to `other` (positive when `other` is later).
    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    /// January of this month's year.
    public var january: Month { Month(ordinal: year * 12) }

    /// Calendar order.
    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: 4 - y.count) + y + "-" + (month < 10 ? "0" : "") + m
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
            "'\(text)' is not a month; write it as YYYY-MM, e.g. 2020-08"
        case .outOfRange(let year, let month):
            "\(year)-\(month) is not a calendar month; the month must be 01 to 12 and the year 0001 to 9999"
        }
    }
}
