import Foundation
import Testing
@testable import Outturn

/// Small fits derived by hand (see LeastSquaresTests for the straight-line arithmetic).
@Suite struct ModelFitTests {
    let start = try! Month(parsing: "2020-01")

    @Test func trendCoefficientsAreReportedInRsParametrisation() throws {
        // t = 1…4 on 2020-01…04, so the line of LeastSquaresTests: a = 3.5, b = 1.4,
        // σ² = 4.2/2 = 2.1, Var(a) = σ²(1/n + x̄²/Sxx) = 2.1·1.5 = 3.15, Var(b) = σ²/Sxx = 0.42.
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: [6, 5, 7, 10]), model: .trend)
        #expect(fit.coefficients.map(\.term) == ["(Intercept)", "trend"])
        #expect(isClose(try #require(fit.coefficients[0].estimate), 3.5, relative: 1e-12))
        #expect(isClose(try #require(fit.coefficients[1].estimate), 1.4, relative: 1e-12))
        #expect(isClose(try #require(fit.coefficients[0].standardError), 3.15.squareRoot(), relative: 1e-12))
        #expect(isClose(try #require(fit.coefficients[1].standardError), 0.42.squareRoot(), relative: 1e-12))
        #expect(fit.degreesOfFreedom == 2)
        #expect(isClose(fit.sigma, 2.1.squareRoot(), relative: 1e-12))
        // R² = 1 − RSS/TSS, TSS = 1 + 4 + 0 + 9 = 14.
        #expect(isClose(try #require(fit.rSquared), 1 - 4.2 / 14, relative: 1e-12))
    }

    @Test func forecastIntervalByHand() throws {
        // t = 5: ŷ = 3.5 + 7 = 10.5; Var = σ²(1 + 1/4 + (5 − 2.5)²/5) = 2.1·2.5 = 5.25;
        // 95%: ± t₂,₀.₉₇₅·√5.25 with t₂,₀.₉₇₅ = 0.95/√(2·0.975·0.025) (closed form for ν = 2).
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: [6, 5, 7, 10]), model: .trend)
        let forecast = try #require(try fit.forecast(horizon: 1, levels: [95]).first)
        #expect(forecast.month == start.advanced(by: 4))
        #expect(isClose(forecast.value, 10.5, relative: 1e-12))
        #expect(isClose(forecast.standardError, 5.25.squareRoot(), relative: 1e-12))
        let half = 0.95 / (2 * 0.975 * 0.025).squareRoot() * 5.25.squareRoot()
        #expect(isClose(forecast.intervals[0].lower, 10.5 - half, relative: 1e-11))
        #expect(isClose(forecast.intervals[0].upper, 10.5 + half, relative: 1e-11))
    }

    @Test func logModelReproducesAnExactExponential() throws {
        let values = (0..<30).map { 100 * pow(1.01, Double($0)) as Double? }
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: values),
                               model: RegressionFormula(parsing: "log(trend)"))
        let forecast = try fit.forecast(horizon: 3, levels: [95])
        for (h, f) in forecast.enumerated() {
            #expect(isClose(f.value, 100 * pow(1.01, Double(30 + h)), relative: 1e-10))
        }
    }

    @Test func logModelRefusesNonPositiveValues() throws {
        let series = try MonthlySeries(start: start, values: [3, 0, 4, 5])
        #expect(throws: ModelError.nonPositiveForLog(month: start.advanced(by: 1), value: 0)) {
            try RegressionFit(series: series, model: RegressionFormula(parsing: "log(trend)"))
        }
    }

    @Test(arguments: [1e300, 1e-300, -1e101])
    func extremeMagnitudesAreRefusedNotTurnedIntoInfinity(_ scale: Double) throws {
        let series = try MonthlySeries(start: start, values: [6, 5, 7, 10].map { $0 * scale })
        #expect(throws: ModelError.valueOutOfRange(month: start, value: 6 * scale)) {
            try RegressionFit(series: series, model: .trend)
        }
        // At the edges of the range the fit is the hand line scaled (σ² = 2.1·s²).
        let edge = scale > 1 ? 1e99 : 1e-99
        let fit = try RegressionFit(series: MonthlySeries(start: start, values: [6, 5, 7, 10].map { $0 * edge }), model: .trend)
        #expect(isClose(fit.sigma, 2.1.squareRoot() * edge, relative: 1e-12))
        #expect(try fit.forecast(horizon: 1, levels: [95]).allSatisfy { $0.intervals.allSatisfy { $0.lower.isFinite && $0.upper.isFinite } })
    }

    @Test func tooFewObservationsNamesWhatIsNeeded() throws {
        let series = try MonthlySeries(start: start, values: [3, 4])
        #expect(throws: ModelError.tooFewObservations(model: "trend", needed: 3, available: 2)) {
            try RegressionFit(series: series, model: .trend)
        }
    }

    @Test func interventionColumnsByHand() throws {
        let at = try Month(parsing: "2020-03")
        let months = (0..<5).map { start.advanced(by: $0) }
        #expect(months.map { Intervention(.step, at: at).value(at: $0) } == [0, 0, 1, 1, 1])
        #expect(months.map { Intervention(.pulse, at: at).value(at: $0) } == [0, 0, 1, 0, 0])
        #expect(months.map { Intervention(.ramp, at: at).value(at: $0) } == [0, 0, 1, 2, 3])
    }

    @Test func stepAfterTheDataIsAliasedNotNaN() throws {
        let series = try MonthlySeries(start: start, values: [6, 5, 7, 10])
        let fit = try RegressionFit(series: series, model: RegressionFormula(parsing: "trend+step@2021-01"))
        #expect(fit.rank == 2)
        #expect(fit.coefficients.last?.term == "step@2021-01")
        #expect(fit.coefficients.last?.estimate == nil)
        #expect(isClose(try #require(fit.coefficients[1].estimate), 1.4, relative: 1e-12))
    }

    @Test(arguments: ["trend+season", "log(trend+fourier2)", "season+pulse@2020-02", "level", "trend+ramp@2019-12"])
    func modelNamesRoundTrip(_ name: String) throws {
        #expect(try RegressionFormula(parsing: name).description == name)
    }

    @Test(arguments: ["seasons", "trend+", "fourier7", "trend+trend", "log(", "step@2020-13", ""])
    func unknownModelNamesAreErrors(_ name: String) {
        #expect(throws: ModelError.self) { try RegressionFormula(parsing: name) }
    }
}
