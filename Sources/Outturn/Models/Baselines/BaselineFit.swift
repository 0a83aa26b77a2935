import Foundation

/// The rules of thumb analysts use, as models: ``SeasonalNaiveFit`` (`snaive`) and ``RunRateFit``
/// (`runrate`), fitted by name. Useful as benchmarks in ``Backtest`` and as a plain answer to
/// "what if the year simply continues like this?".
///
/// Their spreads, like every model's, are checked against the history when projecting
/// (``IntervalMethod/checked``): from earlier origins the same rule is applied and its totals
/// compared with what happened.
public struct BaselineFit: Sendable {
    /// Which rule.
    public enum Method: String, Sendable, CaseIterable {
        /// Seasonal naive (``SeasonalNaiveFit``).
        case snaive
        /// The mean of the latest year's months so far (``RunRateFit``).
        case runrate
    }

    /// The rule.
    public let method: Method
    /// The fitted rule.
    let rule: any JointForecaster

    /// Fits the rule to `history`, whose observed months must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` (`snaive` needs 13
    ///   months, `runrate` 2), ``ModelError/gapInHistory(model:month:)``.
    public init(history: MonthlySeries, method: Method) throws(ModelError) {
        self.method = method
        switch method {
        case .snaive: rule = try SeasonalNaiveFit(history: history)
        case .runrate: rule = try RunRateFit(history: history)
        }
    }

    /// A fitted rule seen as a baseline; `nil` for any other model.
    init?(rule: any JointForecaster) {
        switch rule {
        case is SeasonalNaiveFit: method = .snaive
        case is RunRateFit: method = .runrate
        default: return nil
        }
        self.rule = rule
    }

    /// The fitted rule as a model.
    public var forecaster: any Forecaster { rule }
    /// The fitted months, consecutive.
    public var months: [Month] { rule.months }
    /// σ̂ of the rule's errors (see ``SeasonalNaiveFit`` and ``RunRateFit``).
    public var sigma: Double { rule.sigma }
    /// Degrees of freedom of σ̂.
    public var degreesOfFreedom: Int { rule.degreesOfFreedom }
    /// The last fitted month.
    public var lastMonth: Month { rule.lastMonth }
    /// The rule applied one month ahead from each earlier month; the first months, which the rule
    /// cannot reach (a year for `snaive`, one for `runrate`), as observed.
    public var fittedValues: [Double] { rule.fittedValues }

    /// The joint predictive distribution of `months`, each after the last fitted month.
    func prediction(for months: [Month]) throws(ModelError) -> JointPrediction {
        try rule.prediction(for: months, overrides: .none)
    }
}

/// A rule of thumb as a model: its forecast from any origin of its history, and a spread that
/// does not depend on the origin, so every rule checks its spread the same way.
protocol RuleOfThumb: JointForecaster {
    /// The fitted values, in month order.
    var values: [Double] { get }
    /// The rule's forecast h months after observation t.
    func forecast(origin t: Int, horizon h: Int) -> Double
}

extension RuleOfThumb {
    /// Every third month back from the latest one whose horizons are all observed, after a year.
    func rollingOrigins(longest: Int) -> [Int] {
        RollingOriginCheck.stepsBack(count: values.count, longest: longest, earliest: 12)
    }

    /// The rule's variance of a total is the same from every origin: that of the final forecast.
    func rollingOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        guard let variance = finalTotalVariance(horizons: horizons) else { return nil }
        return (horizons.reduce(0.0) { $0 + values[origin + $1] - forecast(origin: origin, horizon: $1) }, variance)
    }

    /// σ̂² times the unit variance of the total over `horizons` of the final forecast: what the
    /// rule's total is taken to vary by from any origin.
    private func finalTotalVariance(horizons: [Int]) -> Double? {
        guard let prediction = try? prediction(for: horizons.map { lastMonth.advanced(by: $0) }, overrides: .none)
        else { return nil }
        let unitVariance = prediction.varianceOfCombination([Double](repeating: 1, count: horizons.count)) / (sigma * sigma)
        return sigma * sigma * unitVariance
    }
}
