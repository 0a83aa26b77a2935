import Foundation
import Testing
@testable import Outturn

/// Backtest scores against a hand derivation. (The default model's accuracy on M3 against R's
/// published numbers is checked in release mode by `Benchmarks/m3/evaluate.sh --check`, which
/// `scripts/test.sh` runs: in a debug build the 11,000 projections take minutes.)
@Suite("Backtest")
struct BacktestTests {
    /// 2019 = 1 … 12, 2020 = 10 every month; `level` fitted to 2019, cut before January 2020.
    /// Mean 6.5, σ̂² = 143/11 = 13, ν = 11. Total 12·6.5 = 78 with Var = σ̂²(12²/12 + 12) = 312.
    /// Actual 120: APE 35%; P(growth) = P(total ≥ 78) = ½, Brier (½ − 1)² = ¼; monthly errors 3.5,
    /// sMAPE 200·3.5/16.5; no lag-12 pair in the history, so no MASE scale.
    @Test func scoresByHand() throws {
        let series = try MonthlySeries(start: try Month(parsing: "2019-01"), values: (1...12).map(Double.init) + Array(repeating: 10, count: 12))
        let c = try Backtest.run(Backtest.Request(indicator: "x", series: series, year: 2020, monthsKnown: 0),
                                 model: .fixed(.level), levels: [80, 95])
        let se = 312.0.squareRoot()
        #expect(isClose(c.projection.value, 78, relative: 1e-13))
        #expect(isClose(c.projection.standardError, se, relative: 1e-12))
        #expect(c.actual == 120 && c.previous == 78)
        #expect(isClose(c.absolutePercentageError!, 35, relative: 1e-12))
        #expect(c.covers(level: 80) == false && c.covers(level: 95) == false)
        // t₁₁ quantile 0.975 = 2.200985160 (published tables).
        let half = 2.200985160082949 * se
        #expect(isClose(c.intervalScore(level: 95)!, 2 * half + 2 / 0.05 * (120 - (78 + half)), relative: 1e-9))
        #expect(isClose(c.projection.probability, 0.5, relative: 1e-12))
        #expect(isClose(c.brierScore!, 0.25, relative: 1e-12))
        #expect(isClose(c.pit, tDistribution(upTo: 42 / se, degreesOfFreedom: 11), relative: 1e-7))
        #expect(c.forecasts.count == 12 && c.forecasts.allSatisfy { isClose($0.forecast, 6.5, relative: 1e-13) && $0.actual == 10 })
        #expect(isClose(c.meanAbsoluteError!, 3.5, relative: 1e-13) && isClose(c.rootMeanSquaredError!, 3.5, relative: 1e-13))
        #expect(c.naiveScale == nil)

        let summary = BacktestSummary(cases: [c], levels: [80, 95])
        #expect(summary.count == 1 && summary.coverage.map(\.share) == [0, 0])
        #expect(isClose(summary.smape!, 200 * 3.5 / 16.5, relative: 1e-12))
        #expect(isClose(summary.mape!, 35, relative: 1e-12))
        #expect(summary.mase == nil)
        #expect(summary.pitHistogram[9] == 1)
    }

    /// MASE divides by the in-sample mean |y_t − y_{t−12}|: two years 1 … 12 then 3 … 14 give 2.
    @Test func maseScaleIsTheSeasonalNaiveError() throws {
        let values = (1...12).map(Double.init) + (3...14).map(Double.init)
        #expect(seasonalNaiveScale(try MonthlySeries(start: try Month(parsing: "2018-01"), values: values)) == 2)
    }

    @Test func incompleteYearsAndBadCutsAreRefused() throws {
        let series = try MonthlySeries(start: try Month(parsing: "2019-01"), values: (1...20).map(Double.init))
        #expect(throws: BacktestError.incompleteYear(indicator: "x", year: 2020)) {
            try Backtest.run(Backtest.Request(indicator: "x", series: series, year: 2020, monthsKnown: 3))
        }
        let full = try MonthlySeries(start: try Month(parsing: "2019-01"), values: (1...24).map(Double.init))
        #expect(throws: BacktestError.monthsKnown(12)) {
            try Backtest.run(Backtest.Request(indicator: "x", series: full, year: 2020, monthsKnown: 12))
        }
    }
}

/// P(T ≤ x) for Student's t, by Simpson's rule on the density from 0 (independent of
/// ``StudentT``).
func tDistribution(upTo x: Double, degreesOfFreedom nu: Double) -> Double {
    let constant = exp(lgamma((nu + 1) / 2) - lgamma(nu / 2)) / (nu * Double.pi).squareRoot()
    let density = { (t: Double) in constant * pow(1 + t * t / nu, -(nu + 1) / 2) }
    let steps = 20_000
    let h = x / Double(steps)
    var sum = density(0) + density(x)
    for i in 1..<steps { sum += density(Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
    return 0.5 + sum * h / 3
}
