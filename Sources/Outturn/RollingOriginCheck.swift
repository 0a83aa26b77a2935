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
}
