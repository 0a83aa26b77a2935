import Foundation
import Testing
@testable import Outturn

/// Exogenous regressors and information criteria, by hand.
@Suite struct RegressorAndCriteriaTests {
    let start = try! Month(parsing: "2020-01")

    @Test func regressorCoefficientsAndFutureValues() throws {
        // y = 3 + 2x exactly: the fit recovers (3, 2) and forecasts from x's future values.
        let x: [Double?] = [1, 4, 2, 8, 5, 7, 10]            // 2020-01 … 2020-07
        let y: [Double?] = x.prefix(5).map { 3 + 2 * $0! }   // observed 2020-01 … 2020-05
        let regressor = try MonthlySeries(start: start, values: x)
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: y),
                               model: RegressionFormula(parsing: "x:rain"), regressors: ["rain": regressor])
        #expect(fit.coefficients.map(\.term) == ["(Intercept)", "rain"])
        #expect(isClose(try #require(fit.coefficients[0].estimate), 3, relative: 1e-12))
        #expect(isClose(try #require(fit.coefficients[1].estimate), 2, relative: 1e-12))
        let forecasts = try fit.forecast(horizon: 2, levels: [95])
        #expect(isClose(forecasts[0].value, 3 + 2 * 7, relative: 1e-12))
        #expect(isClose(forecasts[1].value, 3 + 2 * 10, relative: 1e-12))
        #expect(throws: ModelError.missingRegressor(name: "rain", month: start.advanced(by: 7))) {
            try fit.forecast(horizon: 3, levels: [95])
        }
    }

    @Test func informationCriteriaByHand() throws {
        // The line of LeastSquaresTests: n = 4, RSS = 4.2, k = 3 (two coefficients and σ).
        // log L = −(n/2)(log 2π + log(RSS/n) + 1) = −2(1.8378770664093453 + log 1.05 + 1).
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: [6, 5, 7, 10]), model: .trend)
        let logLikelihood = -2 * (1.8378770664093453 + 0.04879016416943205 + 1)
        #expect(isClose(fit.logLikelihood, logLikelihood, relative: 1e-12))
        #expect(isClose(fit.aic, -2 * logLikelihood + 6, relative: 1e-12))
        #expect(isClose(fit.bic, -2 * logLikelihood + 3 * 1.3862943611198906, relative: 1e-12))
        #expect(fit.aicc == .infinity)   // n − k − 1 = 0
    }
}
