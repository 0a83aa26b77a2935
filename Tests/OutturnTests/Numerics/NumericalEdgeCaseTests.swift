import Foundation
import Testing
@testable import Outturn

/// Edge cases from the reliability issue; expected values are exact constructions.
@Suite struct NumericalEdgeCaseTests {
    let start = try! Month(parsing: "1920-01")

    @Test func aCenturyOfMonthsStaysExact() throws {
        // 1,200 months of 7 + 0.01·t + month effect, no noise: centring keeps the fit exact.
        let values: [Double?] = (0..<1200).map { (t: Int) -> Double? in
            let trend: Double = 0.01 * Double(t + 1)
            return 7 + trend + Double(t % 12)
        }
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: values), model: .trendSeason)
        #expect(fit.sigma == 0)
        #expect(isClose(try #require(fit.coefficients[1].estimate), 0.01, relative: 1e-9))
        let forecast = try #require(try fit.forecast(horizon: 1, levels: [95]).first)
        #expect(isClose(forecast.value, 7 + 0.01 * 1201 + 0, relative: 1e-11))
    }

    @Test func aRegressorCollinearWithTheTrendIsAliased() throws {
        let noisy: [Double?] = (0..<30).map { (t: Int) -> Double? in
            let wiggle: Double = (t * 7) % 5 == 0 ? 1 : -0.25
            return 10 + 0.5 * Double(t) + wiggle
        }
        let series = try MonthlySeries(start: start, values: noisy)
        let clock = try MonthlySeries(start: start, values: (0..<40).map { (t: Int) -> Double? in 3 * Double(t) + 2 })
        let fit = try RegressionFit(series: series, model: RegressionFormula(parsing: "trend+x:clock"), regressors: ["clock": clock])
        #expect(fit.rank == 2)
        #expect(fit.coefficients.filter { $0.estimate == nil }.count == 1)
        let plain = try RegressionFit(series: series, model: .trend)
        #expect(isClose(fit.sigma, plain.sigma, relative: 1e-10))
        // Forecasts agree with the trend-only model: the aliased column adds nothing.
        let withClock = try fit.forecast(horizon: 6), trendOnly = try plain.forecast(horizon: 6)
        for (a, b) in zip(withClock, trendOnly) {
            #expect(isClose(a.value, b.value, relative: 1e-10))
        }
    }

    @Test func aConstantSeriesHasNoRSquaredAndAnExactProjection() throws {
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: [Double?](repeating: 3, count: 30)), model: .trend)
        #expect(fit.rSquared == nil && fit.adjustedRSquared == nil && fit.sigma == 0)
        #expect(fit.aic.isFinite && fit.bic.isFinite)
    }

    @Test func anOverflowingLogIntervalIsAnErrorNotInfinity() throws {
        // Found by FuzzProjection: log(trend) on three months (one residual degree of freedom),
        // projecting a December 33 months ahead; exp of the t(1) bounds overflows.
        let start = try Month(parsing: "2000-01")
        let series = try MonthlySeries(start: start, values: [1, 200, 16])
        let target = try Target(indicator: "x", year: 2002, aggregate: .last, comparator: .lessThan,
                                threshold: -6365, period: 8...12)
        #expect(throws: ModelError.overflow("the projection of x")) {
            try YearEndProjection(series: series, target: target, asOf: start.advanced(by: 2),
                                  model: .fixed(RegressionFormula(parsing: "log(trend)")), levels: [80, 95])
        }
        let fit = try RegressionFit(series: series, model: RegressionFormula(parsing: "log(trend)"))
        #expect(throws: ModelError.self) { try fit.forecast(horizon: 60, levels: [95]) }
    }

    @Test func noProjectionReportsANonFiniteNumber() throws {
        // Sparse, short, constant, zero-variance, simulated and exact cases together.
        let seasonal: [Double?] = (0..<30).map { (t: Int) -> Double? in 1 + Double(t % 12) }
        let growing: [Double?] = (0..<30).map { (t: Int) -> Double? in exp(Double(t) / 10) }
        let logTrend = try RegressionFormula(parsing: "log(trend)")
        let cases: [([Double?], Target.Aggregate, ModelChoice)] = [
            ([5, 5, 5, 5], .sum, .auto), ([1, nil, nil, 2, 3], .max, .auto), ([0, 0, 0, 0, 0, 0], .mean, .auto),
            (seasonal, .min, .fixed(.trendSeason)), (growing, .sum, .fixed(logTrend)),
        ]
        let asOf = start.advanced(by: 7)
        for (values, aggregate, model) in cases {
            let target = try Target(indicator: "x", year: 1920, aggregate: aggregate, comparator: .greaterThanOrEqual, threshold: 2)
            let p = try YearEndProjection(series: MonthlySeries(start: start, values: values), target: target,
                                          asOf: asOf, model: model, levels: [50, 99])
            let numbers = [p.value, p.standardError, p.probability, p.referenceValue, p.referenceStandardError]
                + p.intervals.flatMap { [$0.lower, $0.upper] } + (p.requiredPace.map { [$0] } ?? [])
            let allFinite = numbers.allSatisfy(\.isFinite)
            #expect(allFinite, "\(values) \(aggregate): \(numbers)")
            #expect((0...1).contains(p.probability))
        }
    }
}
