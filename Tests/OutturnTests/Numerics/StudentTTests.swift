import Foundation
import Testing
@testable import Outturn

/// Quantiles and CDF against closed forms (ν = 1, 2, 4) and a published table (six decimals,
/// e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
@Suite struct StudentTTests {
    @Test(arguments: [0.6, 0.8, 0.9, 0.975, 0.995, 0.02])
    func closedFormQuantiles(_ p: Double) {
        // ν = 1 is the Cauchy distribution: t = tan(π(p − ½)).
        #expect(isClose(StudentT(degreesOfFreedom: 1).quantile(p), tan(Double.pi * (p - 0.5)), relative: 1e-12))
        // ν = 2: t = (2p − 1)/√(2p(1 − p)).
        #expect(isClose(StudentT(degreesOfFreedom: 2).quantile(p), (2 * p - 1) / (2 * p * (1 - p)).squareRoot(),
                        relative: 1e-12))
        // ν = 4: α = 4p(1 − p), q = cos(⅓·arccos √α)/√α, t = sign(p − ½)·2√(q − 1).
        let alpha = 4 * p * (1 - p)
        let q = cos(acos(alpha.squareRoot()) / 3) / alpha.squareRoot()
        let expected = (p > 0.5 ? 1.0 : -1.0) * 2 * (q - 1).squareRoot()
        #expect(isClose(StudentT(degreesOfFreedom: 4).quantile(p), expected, relative: 1e-11))
    }

    @Test(arguments: [(10.0, 0.975, 2.228139), (5, 0.95, 2.015048), (20, 0.995, 2.845340),
                      (30, 0.90, 1.310415), (7, 0.90, 1.414924), (100, 0.975, 1.983972)])
    func publishedTable(_ nu: Double, _ p: Double, _ expected: Double) {
        #expect(abs(StudentT(degreesOfFreedom: nu).quantile(p) - expected) < 6e-7)
        #expect(abs(StudentT(degreesOfFreedom: nu).quantile(1 - p) + expected) < 6e-7)
    }

    @Test(arguments: [-30.0, -2, -0.5, 0, 0.3, 1, 4, 1e6])
    func closedFormCDF(_ t: Double) {
        #expect(isClose(StudentT(degreesOfFreedom: 1).cdf(t), 0.5 + atan(t) / Double.pi, relative: 1e-13, floor: 1e-3))
        #expect(isClose(StudentT(degreesOfFreedom: 2).cdf(t), 0.5 + t / (2 * (2 + t * t).squareRoot()),
                        relative: 1e-13, floor: 1e-3))
    }

    @Test func quantileInvertsTheCDF() {
        for nu in [1.0, 3, 12, 119, 950] {
            let distribution = StudentT(degreesOfFreedom: nu)
            for p in [0.001, 0.1, 0.5, 0.9, 0.999] {
                #expect(abs(distribution.cdf(distribution.quantile(p)) - p) < 1e-13)
            }
        }
    }
}
