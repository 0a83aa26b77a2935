import Foundation
import Testing
@testable import Outturn

/// Every family seen through the one ``Forecaster`` seam, and ``RollingOriginCheck`` by hand.
@Suite("Forecaster and rolling-origin check")
struct ForecasterTests {
    let start = try! Month(parsing: "2018-01")

    /// 2018 = 1 … 12; month t of the next 11 months is the same month a year earlier plus d_t,
    /// with d = 2 at t = 13, 16, 19, 22 (0-based, 2019-02, -05, -08, -11) and 0 otherwise.
    var stepped: [Double] {
        let first = (1...12).map(Double.init)
        let later = (12..<23).map { t in first[t - 12] + ([13, 16, 19, 22].contains(t) ? 2 : 0) }
        return first + later
    }

    /// Seasonal naive on `stepped`: σ̂² = (4 + 4 + 4 + 4)/11 on 11 degrees of freedom. One month
    /// ahead, origins t = 21, 18, 15, 12 (every third month back from n − 1 − 1 = 21, while
    /// t ≥ 12) forecast months 22, 19, 16, 13: each error is d = 2, each model variance σ̂².
    /// Factor √(mean(e²)/σ̂²) = √(4 / (16/11)) = √(11/4); the origins span 21 − 12 + 1 = 10
    /// months, so 10 independent one-month totals.
    @Test func seasonalNaiveCheckByHand() throws {
        let fit = try SeasonalNaiveFit(history: try MonthlySeries(start: start, values: stepped))
        #expect(isClose(fit.sigma * fit.sigma, 16.0 / 11, relative: 1e-14))
        #expect(fit.degreesOfFreedom == 11)
        #expect(fit.rollingOrigins(longest: 1) == [21, 18, 15, 12])
        let check = RollingOriginCheck.spread(of: fit, horizons: [1])
        #expect(isClose(check.factor, (11.0 / 4).squareRoot(), relative: 1e-14))
        #expect(check.degreesOfFreedom == 10)
    }

    /// The same history through ``ModelSelection`` (the path projections take): the checked
    /// prediction's σ̂ is widened by √(11/4) and its t has min(10, 11) = 10 degrees of freedom.
    @Test func checkedPredictionUsesTheRollingOriginCheck() throws {
        let selection = try ModelSelection(history: try MonthlySeries(start: start, values: stepped),
                                           choice: .baseline(.snaive))
        let next = try Month(parsing: "2019-12")
        let checked = try selection.prediction(for: [next], intervals: .checked)
        #expect(isClose(checked.sigma, (16.0 / 11).squareRoot() * (11.0 / 4).squareRoot(), relative: 1e-14))
        #expect(checked.degreesOfFreedom == 10)
        // The forecast is December 2018's 12.
        #expect(checked.means == [12])
    }

    /// With fewer than four origins the check leaves the spread alone: 22 months give origins
    /// 20, 17, 14 only.
    @Test func tooFewOriginsLeaveTheSpread() throws {
        let fit = try SeasonalNaiveFit(history: try MonthlySeries(start: start, values: Array(stepped.prefix(22))))
        let check = RollingOriginCheck.spread(of: fit, horizons: [1])
        #expect(check.factor == 1 && check.degreesOfFreedom == nil)
    }

    /// Run-rate on 2018-01 … 2018-04 = 1, 2, 3, 6: the mean of the year so far, 3, with
    /// σ̂² = (4 + 1 + 0 + 9)/3 on 3 degrees of freedom; fitted values 1 (as observed), then the
    /// means 1, 1.5, 2 of the months before.
    @Test func runRateByHand() throws {
        let fit = try RunRateFit(history: try MonthlySeries(start: start, values: [1, 2, 3, 6]))
        #expect(fit.name == "runrate")
        #expect(isClose(fit.sigma * fit.sigma, 14.0 / 3, relative: 1e-14))
        #expect(fit.degreesOfFreedom == 3)
        #expect(fit.fittedValues == [1, 1, 1.5, 2])
        let prediction = try fit.prediction(for: [try Month(parsing: "2018-06")], overrides: .none)
        #expect(prediction.means == [3])
    }

    /// Every family answers the same questions through ``FittedModel/forecaster``, and a model
    /// without regression terms refuses an intervention's override.
    @Test func everyFamilyThroughTheSeam() throws {
        let values = (0..<36).map { t in 100 + Double(t) + 5 * sin(2 * Double.pi * Double(t) / 12) }
        let history = try MonthlySeries(start: start, values: values)
        let december = try Month(parsing: "2020-12")
        for (choice, name) in [(ModelChoice.smoothing(.theta), "theta"), (.baseline(.snaive), "snaive"),
                               (.baseline(.runrate), "runrate"), (.fixed(.trend), "trend")] {
            let model = try ModelSelection(history: history, choice: choice).model
            #expect(model.forecaster.name == name)
            #expect(model.name == name)
            #expect(model.months.count == 36 && model.lastMonth == december)
            #expect(model.forecaster.fittedValues.count == 36)
        }
        let snaive = try ModelSelection(history: history, choice: .baseline(.snaive)).model
        #expect(snaive.baseline?.method == .snaive)
        #expect(snaive.regression == nil && snaive.smoothing == nil)
        var overrides = RowOverrides()
        overrides.interventions[Intervention(.step, at: try Month(parsing: "2021-01"))] = true
        #expect(throws: ModelError.self) {
            try snaive.prediction(for: [try Month(parsing: "2021-01")], overrides: overrides)
        }
    }
}
