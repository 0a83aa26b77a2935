import Foundation
import Testing
@testable import Outturn

/// Smoothing recursions, decomposition and the spread of a total, each against a hand derivation.
@Suite("Exponential smoothing by hand")
struct SmoothingFitTests {
    let january = try! Month(parsing: "2018-01")

    /// y = 1, 2, 3 and α = ½: e₁ = 1 − ℓ₀, e₂ = 3/2 − ℓ₀/2, e₃ = 7/4 − ℓ₀/4. Σe² is least at
    /// 2.625ℓ₀ = 4.375, ℓ₀ = 5/3; then ℓ₃ = 17/8 + ℓ₀/8 = 7/3.
    @Test func sesInitialLevelHasItsClosedForm() {
        let ses = SimpleExponentialSmoothing.fit([1, 2, 3], alpha: 0.5)
        #expect(isClose(ses.initialLevel, 5.0 / 3, relative: 1e-14))
        #expect(isClose(ses.finalLevel, 7.0 / 3, relative: 1e-14))
        let errors = [1 - 5.0 / 3, 1.5 - 5.0 / 6, 1.75 - 5.0 / 12]
        for (e, expected) in zip(ses.oneStepErrors, errors) { #expect(isClose(e, expected, relative: 1e-13)) }
    }

    /// The α search finds the least squared error: no α on a fine grid does better.
    @Test func sesSearchFindsTheLeastError() {
        var random = RandomSource(seed: 7)
        var level = 100.0
        let values = (0..<60).map { _ in level += 2 * random.normal(); return level + random.normal() }
        let best = SimpleExponentialSmoothing(values: values)
        for alpha in stride(from: 0.0001, through: 0.9999, by: 0.001) {
            #expect(best.sumOfSquares <= SimpleExponentialSmoothing.fit(values, alpha: alpha).sumOfSquares * (1 + 1e-12))
        }
    }

    /// The damped recursion, written out in the test from Gardner & McKenzie's equations, with the
    /// initial states the fit chose; and those states are optimal (perturbing them costs).
    @Test func dampedTrendFollowsItsEquations() {
        let values: [Double] = [10, 12, 13, 15, 18, 18, 21, 22, 25, 24, 27, 30]
        let fit = DampedTrendSmoothing.fit(values, alpha: 0.4, beta: 0.1, phi: 0.9)
        // Recover (ℓ₀, b₀) from the first step: ŷ₁ = ℓ₀ + φb₀ = y₁ − e₁; b₁ = φb₀ + βe₁.
        let e1 = fit.oneStepErrors[0]
        let b0 = (fit.trends[0] - 0.1 * e1) / 0.9
        let l0 = values[0] - e1 - 0.9 * b0
        var level = l0, trend = b0, sse = 0.0
        for (t, y) in values.enumerated() {
            let e = y - (level + 0.9 * trend)
            #expect(isClose(e, fit.oneStepErrors[t], relative: 1e-9, floor: 1e-9))
            sse += e * e
            level = level + 0.9 * trend + 0.4 * e
            trend = 0.9 * trend + 0.1 * e
        }
        #expect(isClose(fit.finalLevel, level, relative: 1e-12))
        #expect(isClose(fit.forecast(horizon: 3), level + (0.9 + 0.81 + 0.729) * trend, relative: 1e-12))
        #expect(isClose(fit.loading(lag: 2), 0.4 + 0.1 * (0.9 + 0.81), relative: 1e-14))
        for (dl, db) in [(0.01, 0.0), (-0.01, 0.0), (0.0, 0.01), (0.0, -0.01)] {
            var l = l0 + dl, b = b0 + db, perturbed = 0.0
            for y in values {
                let e = y - (l + 0.9 * b)
                perturbed += e * e
                l = l + 0.9 * b + 0.4 * e
                b = 0.9 * b + 0.1 * e
            }
            #expect(perturbed > sse)
        }
    }

    /// y = 50·s with seasonal factors of mean 1: every 2×12 moving average is exactly 50, so the
    /// ratios and the indices are the factors themselves; the lag-12 autocorrelation is significant.
    @Test func decompositionRecoversAnExactPattern() throws {
        let factors: [Double] = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8]
        let values = (0..<48).map { 50 * factors[$0 % 12] }
        let decomposition = try #require(SeasonalDecomposition.ifSeasonal(values))
        for (index, factor) in zip(decomposition.indices, factors) { #expect(isClose(index, factor, relative: 1e-12)) }
        // A series starting in April: the index of calendar April is the factor of April.
        let fit = try SmoothingFit(history: try MonthlySeries(start: try Month(parsing: "2018-04"), values: values), method: .theta)
        let byMonth = try #require(fit.seasonalIndices)
        #expect(isClose(byMonth[3], factors[0], relative: 1e-12))
        #expect(fit.sigma < 1e-12)
    }

    @Test func aTrendWithoutSeasonIsNotAdjusted() {
        #expect(SeasonalDecomposition.ifSeasonal((0..<48).map { Double($0) }) == nil)
        #expect(SeasonalDecomposition.ifSeasonal((0..<20).map { 50 + Double($0 % 12) }) == nil)   // two years or less
    }

    /// Theta's total over three months: errors e₁ = ε₁, e₂ = ε₂ + αε₁, e₃ = ε₃ + αε₁ + αε₂, so the
    /// sum is (1 + 2α)ε₁ + (1 + α)ε₂ + ε₃ and Var = σ²((1 + 2α)² + (1 + α)² + 1). A 15-month
    /// history leaves no origin for the in-sample check, so this is the model's spread itself.
    @Test func thetaTotalVarianceSharesInnovations() throws {
        let values: [Double] = [12, 15, 11, 14, 16, 13, 17, 15, 18, 16, 19, 17, 20, 18, 21]
        let fit = try SmoothingFit(history: try MonthlySeries(start: january, values: values), method: .theta)
        let next = (1...3).map { fit.lastMonth.advanced(by: $0) }
        let prediction = try fit.prediction(for: next)
        let a = fit.thetaAlpha
        let expected = fit.sigma * fit.sigma * ((1 + 2 * a) * (1 + 2 * a) + (1 + a) * (1 + a) + 1)
        #expect(isClose(prediction.varianceOfCombination([1, 1, 1]), expected, relative: 1e-12))
        #expect(prediction.degreesOfFreedom == values.count - 2)
        // Point forecasts: ℓ_n + b/2·(h − 1 + (1 − (1 − α)ⁿ)/α) with b the least-squares slope.
        let n = Double(values.count), tMean = (n - 1) / 2, yMean = values.reduce(0, +) / n
        let slope = values.enumerated().reduce(0.0) { $0 + (Double($1.offset) - tMean) * ($1.element - yMean) }
            / (0..<values.count).reduce(0.0) { $0 + (Double($1) - tMean) * (Double($1) - tMean) }
        let catchUp = (1 - pow(1 - a, n)) / a
        let level = fit.forecaster.theta.levels.last!
        for (h, mean) in prediction.means.enumerated() {
            #expect(isClose(mean, level + slope / 2 * (Double(h) + catchUp), relative: 1e-12))
        }
    }

    /// The in-sample check widens a spread that the history contradicts, and the t then has as many
    /// degrees of freedom as the history holds independent totals.
    @Test func spreadCheckOnlyWidens() throws {
        var random = RandomSource(seed: 11)
        // Noise around a slow four-year swing: SES smooths hard (small α), so its model spread of
        // a year's total is about that of twelve independent months, while the swing moves whole years.
        let values = (0..<96).map { t in 100 + 10 * sin(2 * Double.pi * Double(t) / 48) + 3 * random.normal() }
        let fit = try SmoothingFit(history: try MonthlySeries(start: january, values: values), method: .theta)
        let horizons = Array(1...12)
        let check = RollingOriginCheck.spread(of: fit, horizons: horizons)
        #expect(check.factor > 1.1)
        // Origins 12 … 83 span 72 months: 6 independent totals.
        #expect(check.degreesOfFreedom == 6)
        let selection = try ModelSelection(history: try MonthlySeries(start: january, values: values), choice: .smoothing(.theta))
        let months = horizons.map { fit.lastMonth.advanced(by: $0) }
        let checked = try selection.prediction(for: months, intervals: .checked)
        #expect(isClose(checked.sigma, fit.sigma * check.factor, relative: 1e-15))
        #expect(checked.degreesOfFreedom == 6)
        let plain = try selection.prediction(for: months, intervals: .model)
        #expect(plain.sigma == fit.sigma && plain.degreesOfFreedom == values.count - 2)
    }

    @Test func smoothingNeedsConsecutiveMonthsAndNoRegressionTerms() throws {
        let gappy = try MonthlySeries(start: january, values: [1, 2, nil, 4, 5, 6, 7, 8, 9])
        #expect(throws: ModelError.gapInHistory(model: "theta", month: try Month(parsing: "2018-03"))) {
            try SmoothingFit(history: gappy, method: .theta)
        }
        let short = try MonthlySeries(start: january, values: [1, 2, 3])
        #expect(throws: ModelError.tooFewObservations(model: "ensemble", needed: 8, available: 3)) {
            try SmoothingFit(history: short, method: .ensemble)
        }
        let step = RegressionFormula.Term.intervention(try Intervention(parsing: "step@2018-03"))
        #expect(throws: ModelError.termsNeedRegression(model: "theta", terms: "step@2018-03")) {
            try ModelSelection(history: try MonthlySeries(start: january, values: (1...12).map(Double.init)),
                               choice: .smoothing(.theta), extraTerms: [step])
        }
        let fit = try SmoothingFit(history: try MonthlySeries(start: january, values: (1...12).map(Double.init)), method: .theta)
        #expect(throws: ModelError.forecastInsideHistory(model: "theta", month: january)) {
            try fit.prediction(for: [january])
        }
    }
}
