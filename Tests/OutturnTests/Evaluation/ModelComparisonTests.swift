import Foundation
import Testing
@testable import Outturn

/// Every candidate backtested on one target's figure, against hand derivations.
@Suite struct ModelComparisonTests {
    /// y = 100 + t, t = 0 at 2015-01: exactly linear, through `last`.
    func linear(through last: String) throws -> MonthlySeries {
        let start = try Month(parsing: "2015-01")
        return try MonthlySeries(start: start, values: (0...start.distance(to: try Month(parsing: last))).map { 100 + Double($0) })
    }

    func target(_ year: Int) throws -> Target {
        try Target(indicator: "x", year: year, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 0)
    }

    /// Cut after June of year Y, J = 12(Y − 2015) the index of January of Y, T = J + 5 the cut's.
    /// Actual total Σ_{i=0…11}(100 + J + i) = 1266 + 12J; the first six months sum to 615 + 6J.
    /// - `trend` fits the line exactly: APE 0.
    /// - `runrate` adds 6 × the mean of January–June, 6(102.5 + J) = 615 + 6J, where the rest
    ///   sums to 651 + 6J: error 36, APE 36 / (1266 + 12J).
    /// - `level` adds 6 × the mean of months 0…T, 6(100 + T/2) = 615 + 3J: error 36 + 3J.
    /// For 2017, 2018, 2019 (J = 24, 36, 48) the actual totals are 1554, 1698 and 1842.
    @Test func linearSeriesByHand() throws {
        let candidates = try ["trend", "level", "runrate"].map { try ModelChoice(parsing: $0) }
        let comparison = ModelComparison(series: try linear(through: "2020-06"), target: try target(2020),
                                         asOf: try Month(parsing: "2020-06"), candidates: candidates, years: 3)
        #expect(comparison.monthsKnown == 6)
        #expect(comparison.years == [2017, 2018, 2019])
        let trend = comparison.candidates[0], level = comparison.candidates[1], runRate = comparison.candidates[2]
        #expect(trend.cases.count == 3 && level.cases.count == 3 && runRate.cases.count == 3)
        #expect(try #require(trend.summary.meanAPE) < 1e-9)
        let levelAPE = (108.0 / 1554 + 144.0 / 1698 + 180.0 / 1842) / 3 * 100
        #expect(isClose(try #require(level.summary.meanAPE), levelAPE, relative: 1e-10))
        let runRateAPE = (36.0 / 1554 + 36.0 / 1698 + 36.0 / 1842) / 3 * 100
        #expect(isClose(try #require(runRate.summary.meanAPE), runRateAPE, relative: 1e-10))
        #expect(comparison.lowestAPE == 0)
        // auto fits the ensemble (66 consecutive months, no terms) today.
        #expect(comparison.autoChoice == "ensemble")
    }

    /// "As many as the history allows": 2015 … 2019 are complete; 2015 cut after June leaves
    /// six months to fit, enough for a level and a line.
    @Test func fewerYearsWhenTheHistoryIsShort() throws {
        let comparison = ModelComparison(series: try linear(through: "2020-06"), target: try target(2020),
                                         asOf: try Month(parsing: "2020-06"), candidates: [.fixed(.level)], years: 10)
        #expect(comparison.years == [2015, 2016, 2017, 2018, 2019])
        #expect(comparison.candidates[0].cases.count == 5)
    }

    /// Only what was known at the as-of month: with data through 2020-12 and the as-of month
    /// 2019-08, 2019 is not yet complete, and a 2020 target is projected from the December before
    /// (0 months known).
    @Test func laterDataIsNotUsed() throws {
        let comparison = ModelComparison(series: try linear(through: "2020-12"), target: try target(2020),
                                         asOf: try Month(parsing: "2019-08"), candidates: [.fixed(.level)], years: 3)
        #expect(comparison.monthsKnown == 0)
        #expect(comparison.years == [2016, 2017, 2018])
    }

    /// A candidate that cannot project every cut is not the lowest APE: `snaive` needs a year
    /// before the cut, which the 2015 cut (six months) lacks. On the other four cuts of this line
    /// it misses by 12 a month (6 × 12 = 72 on the open months), against `level`'s 36 + 3J, so
    /// it would rank first if partial scores counted.
    @Test func aCandidateMissingACutIsNotRanked() throws {
        let comparison = ModelComparison(series: try linear(through: "2020-06"), target: try target(2020),
                                         asOf: try Month(parsing: "2020-06"),
                                         candidates: [.baseline(.snaive), .fixed(.level)], years: 10)
        let snaive = comparison.candidates[0]
        #expect(snaive.cases.map(\.year) == [2016, 2017, 2018, 2019] && snaive.failures.count == 1)
        #expect(try #require(snaive.summary.meanAPE) < comparison.candidates[1].summary.meanAPE ?? 0)
        #expect(comparison.lowestAPE == 1)
    }

    @Test func aSettledPeriodHasNothingToCompare() throws {
        let comparison = ModelComparison(series: try linear(through: "2020-12"), target: try target(2020),
                                         asOf: try Month(parsing: "2020-12"), candidates: [.fixed(.level)], years: 3)
        #expect(comparison.isSettled && comparison.years.isEmpty && comparison.autoChoice == nil)
        #expect(comparison.candidates[0].cases.isEmpty && comparison.lowestAPE == nil)
    }

    @Test func theDefaultCandidatesAreTheNamesModelAccepts() {
        #expect(ModelComparison.defaultCandidates.map(\.description)
                == ["auto", "ets", "theta", "damped", "trend+season+arma", "regression", "snaive", "runrate"])
    }

    /// The book compares each figure once, adds the model in use when it is not a candidate, and
    /// gives the same numbers as one comparison alone.
    @Test func aBookComparesEachFigureOnce() async throws {
        let series = try linear(through: "2020-06")
        let a = try target(2020)
        let b = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, threshold: 1e6)
        let book = try TargetBook(series: ["x": series], targets: [a, b], model: .fixed(.trend))
        let candidates: [ModelChoice] = [.fixed(.level), .baseline(.runrate)]
        let figures = await book.compareModels(candidates, years: 3)
        #expect(figures.count == 1 && figures[0].targets == [0, 1])
        #expect(figures[0].comparison.candidates.map(\.model) == candidates + [.fixed(.trend)])
        #expect(figures[0].model == .fixed(.trend) && !figures[0].isOwnModel)
        let alone = ModelComparison(series: series, target: a, asOf: try Month(parsing: "2020-06"),
                                    candidates: candidates + [.fixed(.trend)], years: 3)
        #expect(figures[0].comparison.candidates.map(\.summary.meanAPE) == alone.candidates.map(\.summary.meanAPE))
        #expect(book.comparisonCount(candidates: candidates, years: 3) == 3 * 3 + 1)
    }
}
