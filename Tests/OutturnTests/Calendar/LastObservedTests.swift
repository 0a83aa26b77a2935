import Foundation
import Testing
import OutturnIO
@testable import Outturn

/// An outlook's last observed month is its history's end; scenarios take the same month from
/// `MonthlySeries.lastObserved(through:)`. They agree because a series is trimmed to observations
/// at both ends: checked on every month of a series with gaps, including a trailing gap before
/// the as-of month and months before the start.
@Suite struct LastObservedTests {
    @Test func historyEndIsTheLastObservation() throws {
        let start = try Month(year: 2019, month: 1)
        // Observed: 2019-01..03, 2019-06, 2019-09 (2019-04/05 and 2019-07/08 missing).
        let series = try MonthlySeries(start: start, values: [1, 2, 3, nil, nil, 6, nil, nil, 9])
        for offset in -3..<14 {
            let month = start.advanced(by: offset)
            #expect(series.through(month)?.end == series.lastObserved(through: month), "\(month)")
        }
        // By hand: 2019-08 → 2019-06; 2018-12 → none.
        #expect(series.lastObserved(through: try Month(year: 2019, month: 8)) == (try Month(year: 2019, month: 6)))
        #expect(series.through(try Month(year: 2018, month: 12)) == nil)
    }
}
