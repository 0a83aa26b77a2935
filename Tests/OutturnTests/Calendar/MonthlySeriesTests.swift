import Testing
@testable import Outturn

@Suite struct MonthlySeriesTests {
    @Test func keepsGapsAndTrimsTheEnds() throws {
        let start = try Month(parsing: "2020-01")
        let series = try MonthlySeries(start: start, values: [nil, 1, nil, 3, nil])
        #expect(series.start == (try Month(parsing: "2020-02")))
        #expect(series.end == (try Month(parsing: "2020-04")))
        #expect(series.values == [1, nil, 3])
        #expect(series[try Month(parsing: "2020-03")] == nil)
        #expect(series.observations.map(\.value) == [1, 3])
    }

    @Test func buildsFromUnorderedPairsAndRejectsDuplicates() throws {
        let a = try Month(parsing: "2020-03"), b = try Month(parsing: "2020-01")
        let series = try MonthlySeries(observations: [(a, 3), (b, 1)])
        #expect(series.values == [1, nil, 3])
        #expect(throws: SeriesError.duplicateMonth(a)) { try MonthlySeries(observations: [(a, 3), (a, 4)]) }
    }

    @Test func rejectsEmptyAndNonFinite() throws {
        let start = try Month(parsing: "2020-01")
        #expect(throws: SeriesError.noObservations) { try MonthlySeries(start: start, values: [nil]) }
        #expect(throws: SeriesError.notFinite(month: start.advanced(by: 1))) {
            try MonthlySeries(start: start, values: [1, .infinity])
        }
    }

    @Test func cutsAtAMonth() throws {
        let start = try Month(parsing: "2020-01")
        let series = try MonthlySeries(start: start, values: [1, 2, 3, 4])
        #expect(series.through(start.advanced(by: 1))?.values == [1, 2])
        #expect(series.through(start.advanced(by: -1)) == nil)
        #expect(series.through(start.advanced(by: 10))?.values == [1, 2, 3, 4])
    }
}
