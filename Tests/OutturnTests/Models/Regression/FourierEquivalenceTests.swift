import Foundation
import Testing
@testable import Outturn

/// Fourier order 6 spans the same space as the month dummies, so `trend+fourier6` must give
/// R's `tslm(y ~ trend + season)` forecasts exactly.
@Suite struct FourierEquivalenceTests {
    @Test(arguments: ["air_passengers", "co2_maunaloa"])
    func fourierSixEqualsSeasonDummies(_ id: String) throws {
        let oracle = try SharedReferences.json("oracle/series/\(id).json")
        let train = try oracle.object("train")
        let series = try MonthlySeries(start: try Month(parsing: try train.string("start")),
                                       values: try train.doubles("values"))
        let fit = try RegressionFit(series: series, model: RegressionFormula(parsing: "trend+fourier6"))
        #expect(fit.coefficients.count == 13)
        let expected = try oracle.object("methods").object("tslm").doubles("upper_95")
        for (f, upper) in zip(try fit.forecast(horizon: 12, levels: [95]), expected) {
            #expect(isClose(f.intervals[0].upper, upper))
        }
    }
}
