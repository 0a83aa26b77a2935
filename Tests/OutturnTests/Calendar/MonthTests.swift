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
