import Testing
@testable import Outturn

@Suite struct MonthTests {
    @Test func parsesTheStrictForm() throws {
        let month = try Month(parsing: "2020-08")
        #expect(month.year == 2020 && month.month == 8)
        #expect(month.description == "2020-08")
        #expect(try Month(parsing: "0999-01").description == "0999-01")
    }

    @Test(arguments: ["2020-13", "2020-00", "2020-1", "20-01", "2020/01", "", " 2020-01", "2020-01 ", "２０２０-01", "2020-1a"])
    func rejectsMalformedMonths(_ text: String) {
        #expect(throws: MonthError.self) { try Month(parsing: text) }
    }

    @Test func saysHowToFixAnImpossibleMonth() {
        #expect(throws: MonthError.outOfRange(year: 2020, month: 13)) { try Month(parsing: "2020-13") }
        #expect(MonthError.malformed("2020-1").description.contains("YYYY-MM"))
    }

    @Test func arithmeticCrossesYearBoundaries() throws {
        let october = try Month(year: 2020, month: 10)
        #expect(october.advanced(by: 5) == (try Month(year: 2021, month: 3)))
        #expect(october.advanced(by: -10) == (try Month(year: 2019, month: 12)))
        #expect(try Month(year: 2019, month: 11).distance(to: Month(year: 2020, month: 2)) == 3)
        #expect(october.january == (try Month(year: 2020, month: 1)))
        #expect(try Month(year: 2019, month: 12) < Month(year: 2020, month: 1))
    }
}

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
