import Foundation

/// A central prediction interval at `level` percent.
public struct PredictionInterval: Hashable, Sendable, Codable {
    /// The coverage in percent, e.g. 95.
    public let level: Double
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
}

/// The forecast for one future month.
public struct MonthForecast: Hashable, Sendable {
    /// The month forecast.
    public let month: Month
    /// The point forecast: x·β̂, or exp(x·β̂), the predictive median, for a log model; the smoothing
    /// forecast for a ``SmoothingFit``.
    public let value: Double
    /// The standard deviation of the forecast error on the model's scale (log scale for a log
    /// model): σ̂·√(1 + x(XᵀX)⁻¹xᵀ), as R's `predict.lm` with `interval = "prediction"`.
    public let standardError: Double
    /// value ± t_{ν, (1+level)/2}·standardError, back-transformed for a log model.
    public let intervals: [PredictionInterval]
}

/// The largest horizon `forecast` accepts.
@available(*, deprecated, renamed: "RegressionFit.maximumHorizon")
public var maximumHorizon: Int { RegressionFit.maximumHorizon }

/// Checks prediction levels given in percent.
/// - Throws: ``ModelError/level(_:)`` for a level outside (0, 100).
func validateLevels(_ levels: [Double]) throws(ModelError) {
    for level in levels where !(level > 0 && level < 100) { throw .level(level) }
}

extension RegressionFit {
    /// The largest horizon ``forecast(horizon:levels:)`` accepts: a century.
    public static let maximumHorizon = 1200

    /// Forecasts the `horizon` months after the last fitted month.
    /// - Parameters:
    ///   - horizon: how many months, 1 … ``maximumHorizon``.
    ///   - levels: interval levels in percent, e.g. `[80, 95]`.
    /// - Throws: ``ModelError/horizon(_:maximum:)``, ``ModelError/level(_:)``,
    ///   ``ModelError/missingRegressor(name:month:)``.
    public func forecast(horizon: Int, levels: [Double] = [80, 95]) throws(ModelError) -> [MonthForecast] {
        try FittedModel.regression(self).forecast(horizon: horizon, levels: levels)
    }

    /// Forecasts the given months (in or after the fitted span).
    /// - Parameters:
    ///   - months: the months to forecast; a month inside the fitted span gets the prediction
    ///     for a new observation there.
    ///   - levels: interval levels in percent.
    /// - Throws: ``ModelError/level(_:)``, ``ModelError/missingRegressor(name:month:)``.
    public func forecast(months: [Month], levels: [Double] = [80, 95]) throws(ModelError) -> [MonthForecast] {
        try FittedModel.regression(self).forecast(months: months, levels: levels)
    }
}

extension FittedModel {
    /// Forecasts the `horizon` months after the last fitted month.
    /// - Parameters:
    ///   - horizon: how many months, 1 … ``RegressionFit/maximumHorizon``.
    ///   - levels: interval levels in percent, e.g. `[80, 95]`.
    /// - Throws: ``ModelError/horizon(_:maximum:)``, ``ModelError/level(_:)``,
    ///   ``ModelError/missingRegressor(name:month:)``.
    public func forecast(horizon: Int, levels: [Double] = [80, 95]) throws(ModelError) -> [MonthForecast] {
        guard (1...RegressionFit.maximumHorizon).contains(horizon) else {
            throw .horizon(horizon, maximum: RegressionFit.maximumHorizon)
        }
        return try forecast(months: (1...horizon).map { lastMonth.advanced(by: $0) }, levels: levels)
    }

    /// Forecasts the given months: for a regression, in or after the fitted span (a month inside
    /// it gets the prediction for a new observation there); for Theta, after it.
    /// - Parameters:
    ///   - months: the months to forecast.
    ///   - levels: interval levels in percent.
    /// - Throws: ``ModelError/level(_:)``, ``ModelError/missingRegressor(name:month:)``,
    ///   ``ModelError/forecastInsideHistory(model:month:)``.
    public func forecast(months: [Month], levels: [Double] = [80, 95]) throws(ModelError) -> [MonthForecast] {
        try validateLevels(levels)
        return try prediction(for: months).monthForecasts(levels: levels, isLog: isLog)
    }
}

extension JointPrediction {
    /// Each month's point forecast, standard error and central intervals on the original scale
    /// (exp of the model scale's mean and bounds for a log model). `levels` must be valid.
    /// - Throws: ``ModelError/overflow(_:)`` when a log model's bound overflows.
    func monthForecasts(levels: [Double], isLog: Bool) throws(ModelError) -> [MonthForecast] {
        let t = studentT
        let quantiles = levels.map { t.quantile(0.5 + $0 / 200) }
        let back: (Double) -> Double = isLog ? { exp($0) } : { $0 }
        let forecasts = months.indices.map { i in
            let mean = means[i]
            let se = variance(i).squareRoot()
            return MonthForecast(
                month: months[i], value: back(mean), standardError: se,
                intervals: zip(levels, quantiles).map { level, q in
                    PredictionInterval(level: level, lower: back(mean - q * se), upper: back(mean + q * se))
                })
        }
        for forecast in forecasts where !([forecast.value] + forecast.intervals.flatMap { [$0.lower, $0.upper] }).allSatisfy(\.isFinite) {
            throw .overflow("the forecast for \(forecast.month)")
        }
        return forecasts
    }
}
