import Foundation
import Testing
@testable import Outturn

/// The rules of thumb by hand. (On M3 they reproduce R's year-total rows exactly:
/// Benchmarks/m3/evaluate.sh --check.)
@Suite("Baselines by hand")
struct BaselineFitTests {
    let start = try! Month(parsing: "2018-01")

    /// 2018 = 1 … 12, 2019 = 3 … 14 then 2020-01 = 20: seasonal differences 2 (twelve times) and
    /// 20 − 3 = 17, so σ̂² = (12·4 + 289)/13. Forecasts repeat the last twelve months; the error 14
    /// months ahead carries two yearly innovations, so its variance is 2σ̂².
    @Test func seasonalNaive() throws {
        let values = (1...12).map(Double.init) + (3...14).map(Double.init) + [20]
        let fit = try BaselineFit(history: try MonthlySeries(start: start, values: values), method: .snaive)
        #expect(isClose(fit.sigma * fit.sigma, (12 * 4 + 289) / 13, relative: 1e-14))
        let months = [1, 2, 14].map { fit.lastMonth.advanced(by: $0) }
        let prediction = try fit.prediction(for: months)
        #expect(prediction.means == [4, 5, 5])   // Feb and Mar 2019; March 2021 is March 2019 again
        #expect(isClose(prediction.variance(2), 2 * fit.sigma * fit.sigma, relative: 1e-14))
        #expect(isClose(prediction.variance(0), fit.sigma * fit.sigma, relative: 1e-14))
        // Months 1 and 13 ahead share the first innovation: Var(sum) = σ̂²(1 + 2 + 2·1).
        let pair = try fit.prediction(for: [1, 13].map { fit.lastMonth.advanced(by: $0) })
        #expect(isClose(pair.varianceOfCombination([1, 1]), 5 * fit.sigma * fit.sigma, relative: 1e-14))
    }

    /// Through 2019-03 the run-rate is the mean of Jan–Mar 2019 (YTD/3); through a December, of
    /// the whole year. σ̂² is their sample variance and the mean's own error σ̂²/m is shared.
    @Test func runRate() throws {
        let values: [Double] = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 5, 7, 12]
        let fit = try BaselineFit(history: try MonthlySeries(start: start, values: values), method: .runrate)
        let prediction = try fit.prediction(for: [1, 2].map { fit.lastMonth.advanced(by: $0) })
        #expect(prediction.means == [8, 8])
        #expect(isClose(fit.sigma * fit.sigma, (9 + 1 + 16) / 2.0, relative: 1e-14))
        #expect(isClose(prediction.varianceOfCombination([1, 1]), fit.sigma * fit.sigma * (4.0 / 3 + 2), relative: 1e-14))
        let december = try BaselineFit(history: try MonthlySeries(start: start, values: Array(values.prefix(12))), method: .runrate)
        #expect(try december.prediction(for: [december.lastMonth.advanced(by: 1)]).means == [21])
    }

    @Test func namesParse() throws {
        #expect(try ModelChoice(parsing: "snaive") == .baseline(.snaive))
        #expect(try ModelChoice(parsing: "runrate") == .baseline(.runrate))
        #expect(throws: ModelError.tooFewObservations(model: "snaive", needed: 13, available: 12)) {
            try BaselineFit(history: try MonthlySeries(start: start, values: (1...12).map(Double.init)), method: .snaive)
        }
    }
}
