import Foundation
import Testing
@testable import Outturn

/// The finite series for whole ν against published quantiles and the incomplete-beta CDF.
@Suite struct StudentTFiniteSeriesTests {
    /// t₀.₉₇₅ for ν = 1, 2, 5, 10, 23, 30 (standard tables): 12.706205, 4.302653, 2.570582,
    /// 2.228139, 2.068658, 2.042272.
    @Test func publishedQuantilesGiveTheirProbabilities() {
        for (nu, q) in [(1.0, 12.706205), (2, 4.302653), (5, 2.570582), (10, 2.228139), (23, 2.068658), (30, 2.042272)] {
            let t = StudentT(degreesOfFreedom: nu)
            #expect(abs(t.cdfByFiniteSeries(q) - 0.975) < 2e-7, "ν = \(nu)")
            #expect(abs(t.cdfByFiniteSeries(-q) - 0.025) < 2e-7, "ν = \(nu)")
        }
    }

    @Test func agreesWithTheIncompleteBeta() {
        for nu in [1, 2, 3, 4, 7, 8, 23, 24, 107, 400] {
            let t = StudentT(degreesOfFreedom: Double(nu))
            for x in stride(from: -8.0, through: 8.0, by: 0.37) {
                #expect(abs(t.cdfByFiniteSeries(x) - t.cdf(x)) < 1e-13, "ν = \(nu), t = \(x)")
            }
        }
    }
}
