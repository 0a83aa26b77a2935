import Foundation

/// The check of a model's spread of a total against the series' own history (see
/// ``IntervalMethod/checked``), for any model: from earlier origins, forecast the same horizons
/// the way the final forecast is made, and compare each total's error with the model's variance
/// of it. As R's `tsCV(y, f, h)`, written once against the ``Forecaster`` seam; each model says
/// which origins it can forecast from (``JointForecaster/rollingOrigins(longest:)``).
enum RollingOriginCheck {
    /// One origin's error of the total and the model's variance of it.
    typealias Total = (error: Double, variance: Double)

    /// The widening of `model`'s spread of the total over `horizons` (all ≥ 1) that its history
    /// calls for; ``SpreadCheck/none`` when σ̂ is 0 or too few origins can be checked.
    static func spread(of model: some JointForecaster, horizons: [Int]) -> SpreadCheck {
        guard let longest = horizons.max(), longest > 0, model.sigma > 0 else { return .none }
        var totals: [Total] = []
        var used: [Int] = []
        for origin in model.rollingOrigins(longest: longest) {
            guard used.count < model.maximumRollingOrigins else { break }
            guard let total = model.rollingOriginTotal(origin: origin, horizons: horizons) else { continue }
            totals.append(total)
            used.append(origin)
        }
        guard let first = used.min(), let last = used.max() else { return .none }
        return SpreadCheck(errors: totals, span: last - first + 1, longest: longest)
    }

    /// Every ``SpreadCheck/originStep``-th origin back from the latest one whose horizons up to
    /// `longest` are inside `count` observations, down to `earliest`: what the rules of thumb use.
    static func stepsBack(count: Int, longest: Int, earliest: Int) -> [Int] {
        var origins: [Int] = []
        var t = count - 1 - longest
        while t >= earliest { origins.append(t); t -= SpreadCheck.originStep }
        return origins
    }

    /// The total of a model refitted at `origin` (months after `history`'s first observation):
    /// `refit` fits the months known at the origin and predicts `horizons` after it; the error is
    /// compared on the model's scale (logs when `isLog`). `nil` when a month of the horizons is
    /// unobserved (or not positive for a log model) or the refit fails. Shared by the models that
    /// refit at each origin (regressions, with independent or ARMA errors).
    static func refittedTotal(history: MonthlySeries, isLog: Bool, origin index: Int, horizons: [Int],
                              refit: (_ known: MonthlySeries, _ months: [Month]) -> JointPrediction?) -> Total? {
        guard let first = history.observations.first?.month else { return nil }
        let origin = first.advanced(by: index)
        let targets = horizons.map { origin.advanced(by: $0) }
        guard let cut = history.through(origin), targets.allSatisfy({ history[$0] != nil }),
              let prediction = refit(cut, targets) else { return nil }
        var actual = 0.0
        for month in targets {
            guard let value = history[month], !isLog || value > 0 else { return nil }
            actual += isLog ? log(value) : value
        }
        guard actual.isFinite else { return nil }
        return (actual - prediction.means.reduce(0, +),
                prediction.varianceOfCombination([Double](repeating: 1, count: targets.count)))
    }
}
