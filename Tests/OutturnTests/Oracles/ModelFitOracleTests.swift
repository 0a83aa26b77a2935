import Foundation
import Testing
@testable import Outturn

/// `trend+season` against R forecast 8.20's `tslm(y ~ trend + season)` on eight real series
/// (../shared/oracle/series): coefficients, standard errors, σ, R², 12 forecasts and their
/// 80%/95% intervals, all to 1e-8 relative.
@Suite("RegressionFit and forecast against R's tslm")
struct ModelFitOracleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        var testDescription: String { id }
    }
    static let cases = SharedReferences.oracleSeriesIDs.map(Case.init)

    @Test("the oracle folder is present", .tags(.oracle))
    func oraclePresent() {
        #expect(Self.cases.count == 8)
    }

    @Test(arguments: cases)
    func tslmCoefficientsAndForecasts(_ testCase: Case) throws {
        let oracle = try SharedReferences.json("oracle/series/\(testCase.id).json")
        let train = try oracle.object("train")
        let start = try Month(parsing: try train.string("start"))
        let series = try MonthlySeries(start: start, values: try train.doubles("values").map { $0 })
        let tslm = try oracle.object("methods").object("tslm")

        let fit = try RegressionFit(series: series, model: .trendSeason)
        let scale = try train.doubles("values").map(abs).max() ?? 1

        #expect(fit.degreesOfFreedom == Int(try tslm.double("df_residual")))
        #expect(isClose(fit.sigma, try tslm.double("residual_std_error")))
        #expect(isClose(try #require(fit.rSquared), try tslm.double("r_squared")))
        let coefficients = try tslm.object("coefficients"), errors = try tslm.object("std_errors")
        #expect(fit.coefficients.count == coefficients.count)
        for coefficient in fit.coefficients {
            // Coefficients are differences of monthly levels; the floor is the data's scale.
            #expect(isClose(try #require(coefficient.estimate), try coefficients.double(coefficient.term),
                            floor: scale * 1e-3), "\(coefficient.term)")
            #expect(isClose(try #require(coefficient.standardError), try errors.double(coefficient.term)),
                    "\(coefficient.term)")
        }

        let forecasts = try fit.forecast(horizon: 12, levels: [80, 95])
        let expectedMonths = try #require(try oracle.object("test")["dates"] as? [String])
        #expect(forecasts.map(\.month.description) == expectedMonths)
        let mean = try tslm.doubles("mean")
        let bounds = try ["lower_80", "upper_80", "lower_95", "upper_95"].map { try tslm.doubles($0) }
        for (h, forecast) in forecasts.enumerated() {
            #expect(isClose(forecast.value, mean[h]), "h=\(h + 1)")
            let got = [forecast.intervals[0].lower, forecast.intervals[0].upper,
                       forecast.intervals[1].lower, forecast.intervals[1].upper]
            for (value, expected) in zip(got, bounds.map { $0[h] }) {
                #expect(isClose(value, expected), "h=\(h + 1)")
            }
        }
    }
}

extension Tag {
    @Tag static var oracle: Self
}
