import Testing
@testable import Outturn

/// `TargetBook.checkTargets(asOf:)`: the part of a target the data cannot carry, found before
/// anything is fitted. The series starts 2015-01, so any year up to 2014 has no data; month
/// distances are counted by hand in the comments.
@Suite struct TargetBookChecksTests {
    static let series = try! MonthlySeries(start: Month(year: 2015, month: 1), values: (0..<68).map { Double($0) + 100 })
    static let asOf = try! Month(year: 2020, month: 8)

    static func book(_ target: Target) throws -> TargetBook {
        try TargetBook(series: ["jobs": series], targets: [target])
    }

    @Test func aYearBeforeTheDataIsTheYearsFault() throws {
        let target = try Target(indicator: "jobs", year: 2014, aggregate: .sum, comparator: .greaterThan, threshold: 1)
        #expect(throws: TargetBookError.beforeData(0, part: .year, year: 2014, firstObservation: try Month(year: 2015, month: 1))) {
            try Self.book(target).checkTargets(asOf: Self.asOf)
        }
    }

    @Test func aBaseYearBeforeTheDataIsTheBaseYearsFault() throws {
        let target = try Target(indicator: "jobs", year: 2020, aggregate: .sum, comparator: .lessThan,
                                reference: .baseYear(2013, changePercent: -3))
        #expect(throws: TargetBookError.beforeData(0, part: .baseYear, year: 2013, firstObservation: try Month(year: 2015, month: 1))) {
            try Self.book(target).checkTargets(asOf: Self.asOf)
        }
    }

    @Test func aMovingAverageReachingBeforeTheDataIsItsWindowsFault() throws {
        // A 3-year moving average for 2017 compares with 2014–2016's… its earliest year is 2017 − 3 = 2014.
        let target = try Target(indicator: "jobs", year: 2017, aggregate: .mean, comparator: .lessThan,
                                reference: .movingAverage(years: 3))
        #expect(throws: TargetBookError.beforeData(0, part: .movingAverage, year: 2014, firstObservation: try Month(year: 2015, month: 1))) {
            try Self.book(target).checkTargets(asOf: Self.asOf)
        }
    }

    @Test func aYearBeyondTheHorizonIsRefused() throws {
        // December 2120 is (2120 − 2020)·12 + (12 − 8) = 1,204 months after August 2020: past 1,200.
        let far = try Target(indicator: "jobs", year: 2120, aggregate: .sum, comparator: .greaterThan, threshold: 1)
        #expect(throws: TargetBookError.beyondHorizon(0, year: 2120, monthsAhead: 1204)) {
            try Self.book(far).checkTargets(asOf: Self.asOf)
        }
        // June 2120 is 1,198 months ahead: within the limit.
        let near = try Target(indicator: "jobs", year: 2120, aggregate: .sum, comparator: .greaterThan, threshold: 1,
                              period: 1...6)
        try Self.book(near).checkTargets(asOf: Self.asOf)
    }

    @Test func aTargetTheDataCarryPasses() throws {
        let target = try Target(indicator: "jobs", year: 2020, aggregate: .sum, comparator: .greaterThan, threshold: 1,
                                period: 1...12)
        try Self.book(target).checkTargets(asOf: Self.asOf)
        // Its own year 2015 starts exactly at the first observation.
        try Self.book(try Target(indicator: "jobs", year: 2015, aggregate: .sum, comparator: .greaterThan, threshold: 1))
            .checkTargets(asOf: Self.asOf)
    }
}
