import Foundation
import Testing
@testable import Outturn

/// A window fits the last N months only: the same fit as on the truncated series, by name too.
@Suite struct ModelWindowTests {
    @Test func windowFitsTheLastMonthsOnly() throws {
        var random = RandomSource(seed: 3)
        let start = try Month(parsing: "2015-01")
        let values: [Double?] = (0..<72).map { t in 50 + 0.4 * Double(t) + 5 * sin(Double(t) * Double.pi / 6) + random.normal() }
        let series = try MonthlySeries(start: start, values: values)
        let windowed = try RegressionFit(series: series, model: try RegressionFormula(parsing: "trend+season[36]"))
        let truncated = try RegressionFit(series: try MonthlySeries(start: start.advanced(by: 36), values: Array(values[36...])),
                                     model: .trendSeason)
        #expect(windowed.months == truncated.months)
        for (a, b) in zip(windowed.coefficients, truncated.coefficients) {
            #expect(a.estimate == b.estimate && a.standardError == b.standardError)
        }
        #expect(windowed.model.description == "trend+season[36]")
        #expect(try RegressionFormula(parsing: "log(trend)[24]").description == "log(trend)[24]")
        #expect(throws: ModelError.self) { try RegressionFormula(parsing: "trend[1]") }
        #expect(throws: ModelError.self) { try RegressionFormula(parsing: "trend[x]") }
    }
}
