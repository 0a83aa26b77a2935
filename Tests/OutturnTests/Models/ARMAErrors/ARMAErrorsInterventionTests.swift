import Foundation
import Testing
@testable import Outturn

/// An intervention regression whose errors are autocorrelated: a seeded simulation of
/// y_t = 100 + 0.5·t − 30·step@2020-03 + u_t, u_t = 0.7·u_{t−1} + ε_t, ε ~ N(0, 5²), 2013-01 … 2020-12.
@Suite("ARMA errors with an intervention")
struct ARMAErrorsInterventionTests {
    /// SplitMix64 and Box–Muller: a reproducible normal stream without the library's own sources.
    struct Normals {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        mutating func next() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }

    static func simulated() throws -> MonthlySeries {
        var normals = Normals(state: 20_200_301)
        let start = try Month(year: 2013, month: 1), shock = try Month(year: 2020, month: 3)
        var u = 5 * normals.next() / (1 - 0.49).squareRoot()    // stationary start
        var values: [Double?] = []
        for t in 0..<96 {
            if t > 0 { u = 0.7 * u + 5 * normals.next() }
            let month = start.advanced(by: t)
            values.append(100 + 0.5 * Double(t + 1) - (month >= shock ? 30 : 0) + u)
        }
        return try MonthlySeries(start: start, values: values)
    }

    /// For the total of the next 12 months the error process alone contributes, per unit σ_ε²,
    /// Σ_{m=1}^{12} ((1 − 0.7^m)/0.3)² ≈ 92.9 (the state at the origin is known exactly for an AR(1)),
    /// while independent errors of the same marginal variance σ_ε²/(1 − 0.7²) give 12/0.51 ≈ 23.5:
    /// a standard deviation about √(92.9/23.5) ≈ 2 times larger. The regression that ignores the
    /// autocorrelation is far too narrow; the ARMA-error fit must be at least 1.5× wider.
    @Test func yearTotalIntervalIsWiderThanWithIndependentErrors() throws {
        let series = try Self.simulated()
        let plain = try RegressionFormula(parsing: "trend+step@2020-03")
        let arma = try RegressionFormula(parsing: "trend+step@2020-03+arma(1,0)")
        let independent = try RegressionFit(series: series, model: plain)
        let correlated = try ARMAErrorsFit(series: series, model: arma)
        let phi = try #require(correlated.armaCoefficients.first?.estimate)
        #expect(abs(phi - 0.7) < 0.15, "φ̂ = \(phi); its standard error is about √((1 − 0.49)/96) ≈ 0.07")
        let step = try #require(correlated.coefficients.first { $0.term == "step@2020-03" }?.estimate)
        #expect(abs(step + 30) < 15, "step \(step)")

        let year = (1...12).map { series.end.advanced(by: $0) }
        let ones = [Double](repeating: 1, count: 12)
        let wide = try correlated.prediction(for: year, overrides: .none).varianceOfCombination(ones).squareRoot()
        let narrow = try independent.prediction(for: year).varianceOfCombination(ones).squareRoot()
        #expect(wide > 1.5 * narrow, "ARMA \(wide) vs independent \(narrow)")
    }

    /// The coefficients' uncertainty adds exactly x_f·Cov(β̂)·x_fᵀ to each month's variance.
    @Test func coefficientUncertaintyAddsTheQuadraticForm() throws {
        let series = try Self.simulated()
        let fit = try ARMAErrorsFit(series: series, model: try RegressionFormula(parsing: "trend+step@2020-03+arma(1,0)"))
        let months = (1...12).map { series.end.advanced(by: $0) }
        let with = try fit.prediction(for: months, overrides: .none)
        let without = try fit.prediction(for: months, includingCoefficientUncertainty: false)
        for (i, month) in months.enumerated() {
            let x = try fit.design.row(for: month)
            var quadratic = 0.0
            for a in x.indices { for b in x.indices { quadratic += x[a] * fit.coefficientCovariance[a, b] * x[b] } }
            #expect(isClose(with.variance(i) - without.variance(i), quadratic, relative: 1e-9), "\(month)")
            #expect(with.means[i] == without.means[i])
        }
    }
}
