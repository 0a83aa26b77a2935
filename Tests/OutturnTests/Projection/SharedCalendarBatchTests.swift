import Foundation
import Testing
@testable import Outturn

/// The shared-calendar batch against R (the annual-aggregate oracle) and against the one-series
/// path on batches with observed months in the target year and several gap patterns.
@Suite("Shared-calendar batch")
struct SharedCalendarBatchTests {
    @Test(arguments: SharedReferences.oracleSeriesIDs)
    func matchesRsAnnualAggregate(_ id: String) throws {
        let (series, expected) = try SharedReferences.annualAggregateCase(id)
        let year = Int(try expected.double("year"))
        let asOf = try Month(parsing: try expected.string("cutoff"))
        for (aggregate, key) in [(Target.Aggregate.sum, "annual_sum"), (.mean, "annual_mean")] {
            let reference = try expected.object(key)
            let outcome = try #require(try SharedCalendarBatch.project(
                series: [series], thresholds: [try reference.double("actual")], asOf: asOf, model: .trendSeason,
                year: year, aggregate: aggregate, comparator: .lessThanOrEqual).first)
            #expect(isClose(outcome.value, try reference.double("estimate")), "\(key)")
            #expect(isClose(outcome.standardError, try reference.double("se")), "\(key)")
            let bounds = try reference.object("interval").object("level_95")
            #expect(isClose(outcome.intervals[1].lower, try bounds.double("lower")), "\(key)")
            #expect(isClose(outcome.intervals[1].upper, try bounds.double("upper")), "\(key)")
        }
    }

    @Test(arguments: [Target.Aggregate.sum, .mean, .last])
    func agreesWithOneSeriesAtATime(_ aggregate: Target.Aggregate) throws {
        var random = RandomSource(seed: 5)
        let start = try Month(parsing: "2017-01"), asOf = try Month(parsing: "2020-07")
        // Three gap patterns: complete, 2018-03 missing, 2019-11 and 2020-02 missing.
        let gaps: [[Int]] = [[], [14], [34, 37]]
        var batch: [MonthlySeries] = [], thresholds: [Double] = []
        for index in 0..<30 {
            var values: [Double?] = []
            for t in 0..<48 {
                let trend = 100 + Double(index) + 0.5 * Double(t)
                let season: Double = 8 * sin(Double(t) * Double.pi / 6)
                values.append(trend + season + 3 * random.normal())
            }
            for gap in gaps[index % 3] { values[gap] = nil }
            batch.append(try MonthlySeries(start: start, values: values))
            thresholds.append(aggregate == .sum ? 1500 + 20 * Double(index) : 125 + Double(index))
        }
        let outcomes = try SharedCalendarBatch.project(series: batch, thresholds: thresholds, asOf: asOf, model: .trendSeason,
                                                       year: 2020, aggregate: aggregate, comparator: .greaterThanOrEqual)
        for (index, outcome) in outcomes.enumerated() {
            let target = try Target(indicator: "s", year: 2020, aggregate: aggregate, comparator: .greaterThanOrEqual,
                                    threshold: thresholds[index])
            let single = try YearEndProjection(series: batch[index], target: target, asOf: asOf,
                                               model: .fixed(.trendSeason), intervals: .model)
            #expect(isClose(outcome.value, single.value, relative: 1e-10))
            #expect(isClose(outcome.standardError, single.standardError, relative: 1e-9))
            #expect(abs(outcome.probability - single.probability) < 1e-9)
            #expect(isClose(outcome.intervals[0].lower, single.intervals[0].lower, relative: 1e-10))
        }
    }

    /// 5,000 series span three blocks: run on the cores or one after another, every bit is the
    /// same (blocks are fixed, whatever the thread count); and each series agrees with projecting
    /// it alone to rounding (a different block width may order a BLAS sum differently).
    @Test func resultsDoNotDependOnTheThreads() throws {
        let months = (0..<30).map { try! Month(parsing: "2018-01").advanced(by: $0) }
        var random = RandomSource(seed: 9)
        let count = 5_000
        let values = (0..<(30 * count)).map { index in 200 + Double(index % 30) + 5 * random.normal() }
        let thresholds = (0..<count).map { 2_600 + Double($0 % 100) }
        let together = try SharedCalendarBatch.project(values: values, months: months, count: count, model: .trendSeason,
                                                       year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual,
                                                       thresholds: thresholds)
        let serial = try SharedCalendarBatch.project(values: values, months: months, count: count, model: .trendSeason,
                                                     year: 2020, period: 1...12, aggregate: .sum, comparator: .greaterThanOrEqual,
                                                     thresholds: thresholds, levels: [80, 95], concurrently: false)
        #expect(together.values == serial.values && together.standardErrors == serial.standardErrors
                && together.probabilities == serial.probabilities)
        for j in stride(from: 0, to: count, by: 97) {
            let alone = try SharedCalendarBatch.project(values: Array(values[(j * 30)..<((j + 1) * 30)]), months: months, count: 1,
                                                        model: .trendSeason, year: 2020, aggregate: .sum,
                                                        comparator: .greaterThanOrEqual, thresholds: [thresholds[j]])
            #expect(isClose(together[j].value, alone[0].value, relative: 1e-13))
            #expect(isClose(together[j].standardError, alone[0].standardError, relative: 1e-11))
        }
    }

    @Test func refusesWhatItDoesNotCompute() throws {
        let months = (0..<24).map { try! Month(parsing: "2019-01").advanced(by: $0) }
        #expect(throws: ModelError.self) {
            try SharedCalendarBatch.project(values: [Double](repeating: 1, count: 24), months: months, count: 1,
                                            model: try RegressionFormula(parsing: "log(trend)"), year: 2020, aggregate: .sum,
                                            comparator: .lessThan, thresholds: [1])
        }
        #expect(throws: ModelError.self) {
            try SharedCalendarBatch.project(values: [Double](repeating: 1, count: 24), months: months, count: 1,
                                            model: .trend, year: 2020, aggregate: .max, comparator: .lessThan, thresholds: [1])
        }
        #expect(throws: ModelError.nonFiniteInput) {
            try SharedCalendarBatch.project(values: [Double](repeating: .nan, count: 24), months: months, count: 1,
                                            model: .trend, year: 2021, aggregate: .sum, comparator: .lessThan, thresholds: [1])
        }
    }
}
