import Foundation

/// Seasonal naive (R's `snaive`): each month as the same month a year earlier.
///
/// Errors follow a random walk in steps of a year: the error h months ahead is the sum of ⌈h/12⌉
/// innovations, with σ̂² the mean squared seasonal difference of the history. A benchmark in
/// ``Backtest`` and a plain answer to "what if this year repeats the last?".
public struct SeasonalNaiveFit: Sendable {
    /// The fewest months: a year to repeat and one seasonal difference.
    public static let minimumHistory = 13

    /// The fitted months, consecutive.
    public let months: [Month]
    /// σ̂ of the seasonal differences.
    public let sigma: Double
    /// Degrees of freedom of σ̂: the number of seasonal differences.
    public let degreesOfFreedom: Int
    let values: [Double]

    /// Fits the rule to `history`, whose observed months must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` (13 months needed),
    ///   ``ModelError/gapInHistory(model:month:)``.
    public init(history: MonthlySeries) throws(ModelError) {
        let observations = try history.consecutiveObservations(model: "snaive", needed: Self.minimumHistory)
        months = observations.map(\.month)
        values = observations.map(\.value)
        let n = values.count
        var sum = 0.0
        for t in 12..<n { sum += (values[t] - values[t - 12]) * (values[t] - values[t - 12]) }
        degreesOfFreedom = n - 12
        sigma = (sum / Double(n - 12)).squareRoot()
    }

    /// The same calendar month in the last year observed by observation t, h months after it.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        values[t - 12 + ((h - 1) % 12) + 1]
    }
}

extension SeasonalNaiveFit: Forecaster {
    public var name: String { "snaive" }

    /// The rule applied one month ahead from each earlier month; the first year, which it cannot
    /// reach, as observed.
    public var fittedValues: [Double] {
        months.indices.map { t in t >= 12 ? forecast(origin: t - 1, horizon: 1) : values[t] }
    }
}

extension SeasonalNaiveFit: RuleOfThumb {
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try overrides.requireNoInterventions()
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) { throw .forecastInsideHistory(model: name, month: months[i]) }
        let width = horizons.max() ?? 0
        // Month h ahead carries the innovations of h, h − 12, h − 24, … months ahead.
        let loadings = horizons.map { h in
            var row = [Double](repeating: 0, count: width)
            var j = h - 1
            while j >= 0 { row[j] = 1; j -= 12 }
            return row
        }
        return JointPrediction(months: months, means: horizons.map { forecast(origin: values.count - 1, horizon: $0) },
                               whitenedRows: horizons.map { _ in [] }, noiseLoadings: loadings,
                               sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }
}
