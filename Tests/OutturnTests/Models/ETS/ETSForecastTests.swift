import Foundation
import Testing
@testable import Outturn

@Suite("ETS forecast distributions: sums, covariances, sample paths")
struct ETSForecastTests {
    /// ETS(A,N,N): y_{n+h} = ℓ_n + ε_{n+h} + α Σ_{t<h} ε_{n+t}, so ψ_j = α for j ≥ 1 and
    /// the sum of months 1…H has variance σ² Σ_{t=1}^{H} (1 + α(H − t))² (Hyndman et al. 2008,
    /// §6.6). With α = 0.3, H = 4: (1+0.9)² + (1+0.6)² + (1+0.3)² + 1 = 3.61+2.56+1.69+1 = 8.86.
    @Test func simpleSmoothingSumVariance() throws {
        let values = (0..<40).map { 100 + 10 * sin(Double($0)) }
        let fit = try ETSFit(model: ETSModel(error: .additive, trend: .none, season: .none),
                             parameters: ETSParameters(alpha: 0.3, level: 100), start: Month(year: 2020, month: 1),
                             values: values)
        let f = fit.forecast(horizon: 4)
        let exact = try #require(f.varianceOfSum([1, 2, 3, 4]))
        #expect(isClose(exact, 8.86 * fit.sigma2, relative: 1e-12))
        // Cov(y_{n+1}, y_{n+3}) = σ²·ψ₂·ψ₀ … = σ²(1·α) = 0.3σ².
        #expect(isClose(try #require(f.covariance(1, 3)), 0.3 * fit.sigma2, relative: 1e-12))
        #expect(isClose(f.variance[3], fit.sigma2 * (1 + 3 * 0.09), relative: 1e-12))
    }

    /// The ψ-weight variance of a year-end sum agrees with simulated paths of the recursion
    /// itself (an independent route) on R's ETS(A,Ad,A) fit of private employment.
    @Test func sumVarianceMatchesSimulation() throws {
        let c = try ETSOracleTests.load("us_emp_private_nsa")
        let f = c.fit.forecast(horizon: 12)
        let months = [9, 10, 11, 12]
        let exact = try #require(f.varianceOfSum(months))
        let paths = c.fit.samplePaths(count: 40_000, horizon: 12, seed: 13)
        let sums = paths.map { p in months.reduce(0.0) { $0 + p[$1 - 1] } }
        let mean = sums.reduce(0, +) / Double(sums.count)
        let variance = sums.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sums.count - 1)
        // The sample variance of 40 000 Gaussian sums has relative s.e. √(2/40000) ≈ 0.7%.
        #expect(abs(variance / exact - 1) < 0.035, "simulated \(variance), exact \(exact)")
        let expectedMean = months.reduce(0.0) { $0 + f.mean[$1 - 1] }
        #expect(abs(mean - expectedMean) < 4 * (exact / Double(sums.count)).squareRoot())
    }

    /// Class 3 (multiplicative season) moments agree with simulated paths.
    @Test func multiplicativeMomentsMatchSimulation() throws {
        let c = try ETSOracleTests.load("air_passengers")
        let f = c.fit.forecast(horizon: 12)
        let paths = c.fit.samplePaths(count: 40_000, horizon: 12, seed: 7)
        for h in [0, 5, 11] {
            let xs = paths.map { $0[h] }
            let mean = xs.reduce(0, +) / Double(xs.count)
            let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
            #expect(abs(mean - f.mean[h]) < 4 * (f.variance[h] / Double(xs.count)).squareRoot(), "h=\(h + 1)")
            #expect(abs(variance / f.variance[h] - 1) < 0.05, "h=\(h + 1): \(variance) vs \(f.variance[h])")
        }
        #expect(f.varianceOfSum([1, 2]) == nil)
    }

    @Test func samplePathsAreSeeded() throws {
        let c = try ETSOracleTests.load("temp_nottingham")
        #expect(c.fit.samplePaths(count: 3, horizon: 5, seed: 1) == c.fit.samplePaths(count: 3, horizon: 5, seed: 1))
        #expect(c.fit.samplePaths(count: 3, horizon: 5, seed: 1) != c.fit.samplePaths(count: 3, horizon: 5, seed: 2))
    }
}
