/// How many targets of a whole panel share each calendar (model, fitted months, months to
/// predict), counted over a panel that arrives in pieces.
///
/// ``YearEndProjection/projectColumns(_:asOf:levels:census:progress:)`` fits a calendar group
/// with one shared factorisation once it has ``YearEndProjection/sharedCalendarMinimum`` members,
/// and one at a time otherwise; the two agree only up to rounding. A panel projected piece by
/// piece (a file streamed in blocks of indicators) counts its calendars over every piece first, so
/// that each piece makes the choice the whole panel would have made and its numbers are the whole
/// panel's, bit for bit.
///
/// Memory grows with the number of distinct calendars, not with the number of series.
public struct PanelCalendarCensus: Sendable {
    private var counts: [YearEndProjection.CalendarKey: Int] = [:]

    /// An empty census.
    public init() {}

    /// The number of distinct calendars counted so far.
    public var calendarCount: Int { counts.count }

    /// Counts the calendars of `requests` as of `asOf` (baseline scenario).
    public mutating func add(_ requests: [YearEndProjection.Request], asOf: Month) {
        for request in requests {
            guard let key = YearEndProjection.calendarKey(request, asOf: asOf, scenario: .baseline) else { continue }
            counts[key, default: 0] += 1
        }
    }

    /// How many targets counted so far share `key`.
    func count(of key: YearEndProjection.CalendarKey) -> Int { counts[key] ?? 0 }
}
