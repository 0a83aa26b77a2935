import Foundation

/// The run-rate: every month as the mean of the months observed in the latest calendar year
/// (YTD/k·12 for a year total), or of the last twelve months when that year is complete or empty.
///
/// Errors are taken as independent around that mean: σ̂² is the variance of the months averaged,
/// as for a `level` regression on them. A benchmark in ``Backtest`` and a plain answer to "what
/// if the year simply continues like this?".
public struct RunRateFit: Sendable {
    /// The fewest months: two, for a variance.
    public static let minimumHistory = 2

    /// The fitted months, consecutive.
    public let months: [Month]
    /// σ̂ of the months averaged.
    public let sigma: Double
    /// Degrees of freedom of σ̂.
    public let degreesOfFreedom: Int
    let values: [Double]

    /// Fits the rule to `history`, whose observed months must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` (2 months needed),
    ///   ``ModelError/gapInHistory(model:month:)``.
    public init(history: MonthlySeries) throws(ModelError) {
        let observations = try history.consecutiveObservations(model: "runrate", needed: Self.minimumHistory)
        months = observations.map(\.month)
        values = observations.map(\.value)
        let n = values.count
        let window = Self.window(months: months, through: n - 1)
        let slice = values[(n - window)..<n]
        let mean = slice.reduce(0, +) / Double(window)
        degreesOfFreedom = max(window - 1, 1)
        sigma = window > 1 ? (slice.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(window - 1)).squareRoot() : 0
    }

    /// How many months before and including observation t the run-rate averages: those of t's
    /// calendar year, or twelve when t is a December (or fewer at the start of the history).
    static func window(months: [Month], through t: Int) -> Int {
        let inYear = months[t].month
        return min(inYear == 12 ? 12 : inYear, t + 1)
    }

    /// The mean of the window ending at observation t, whatever the horizon.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        let window = Self.window(months: months, through: t)
        return values[(t + 1 - window)...t].reduce(0, +) / Double(window)
    }
}

extension RunRateFit: Forecaster {
    public var name: String { "runrate" }

    /// The rule applied one month ahead from each earlier month; the first month as observed.
    public var fittedValues: [Double] {
        months.indices.map { t in t >= 1 ? forecast(origin: t - 1, horizon: 1) : values[t] }
    }
}

extension RunRateFit: RuleOfThumb {
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try overrides.requireNoInterventions()
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) { throw .forecastInsideHistory(model: name, month: months[i]) }
        let n = values.count
        // The mean of `window` months carries σ²/window of error shared by every month.
        let window = Double(Self.window(months: self.months, through: n - 1))
        return JointPrediction(months: months, means: horizons.map { forecast(origin: n - 1, horizon: $0) },
                               whitenedRows: horizons.map { _ in [1 / window.squareRoot()] }, noiseLoadings: nil,
                               sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }
}
