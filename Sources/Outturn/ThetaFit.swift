import Foundation

/// The classical Theta method (Assimakopoulos & Nikolopoulos, 2000) as R's `forecast::thetaf`:
/// simple exponential smoothing of the seasonally adjusted series plus half the slope of its
/// least-squares line, reseasonalised.
///
/// Seasonal adjustment is multiplicative classical decomposition, used only when the lag-12
/// autocorrelation is significant at 90% and more than two years are observed. The point forecast
/// h months ahead is s_h·(ℓ_n + b/2·(h − 1 + (1 − (1 − α)ⁿ)/α)).
///
/// Uncertainty follows the smoothing model's state-space form: the error h months ahead is
/// s_h(ε_h + αΣ_{j<h}ε_j), so forecasts of nearby months share innovations and the error of a
/// sum grows faster than with independent months. This is what makes year totals honest; R's
/// pointwise `thetaf` intervals (σ√(1 + (h − 1)α²), unscaled by s_h) agree with it month by month
/// for a non-seasonal series.
public struct ThetaFit: Sendable {
    /// The fitted months, consecutive.
    public let months: [Month]
    /// The smoothing parameter α.
    public let alpha: Double
    /// The smoothed level after the last month, ℓ_n (seasonally adjusted scale).
    public let finalLevel: Double
    /// Half the slope of the least-squares line through the adjusted series, per month.
    public let drift: Double
    /// Multiplicative seasonal index by calendar month (January first), or `nil` when the series
    /// was not found seasonal.
    public let seasonalIndices: [Double]?
    /// σ̂ of the one-step errors of the adjusted series, √(SSE / (n − 2)).
    public let sigma: Double
    /// n − 2 (α and ℓ₀ are estimated).
    public let degreesOfFreedom: Int
    /// One-step fitted values on the original scale (ℓ_{t−1}·s_t).
    public let fittedValues: [Double]

    /// The fewest months Theta is fitted to: α, ℓ₀, the slope and a residual.
    public static let minimumHistory = 4

    /// Fits Theta to the observed months of `history`, which must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)``,
    ///   ``ModelError/gapInHistory(model:month:)``, ``ModelError/valueOutOfRange(month:value:)``.
    public init(history: MonthlySeries) throws(ModelError) {
        let observations = history.observations
        guard observations.count >= Self.minimumHistory else {
            throw .tooFewObservations(model: "theta", needed: Self.minimumHistory, available: observations.count)
        }
        for (i, observation) in observations.enumerated() {
            guard isSupportedMagnitude(observation.value) else {
                throw .valueOutOfRange(month: observation.month, value: observation.value)
            }
            if i > 0, observation.month != observations[i - 1].month.advanced(by: 1) {
                throw .gapInHistory(model: "theta", month: observations[i - 1].month.advanced(by: 1))
            }
        }
        let values = observations.map(\.value)
        let n = values.count
        let decomposition = SeasonalDecomposition.ifSeasonal(values)
        let adjusted = decomposition.map { d in values.indices.map { values[$0] / d.index(at: $0) } } ?? values
        let smoother = SimpleExponentialSmoothing(values: adjusted)
        let slope = leastSquaresSlope(adjusted)

        months = observations.map(\.month)
        alpha = smoother.alpha
        finalLevel = smoother.finalLevel
        drift = slope / 2
        degreesOfFreedom = n - 2
        sigma = (smoother.sumOfSquares / Double(n - 2)).squareRoot()
        seasonalIndices = decomposition.map { d in
            (0..<12).map { calendarIndex in
                // Observation t has calendar month (first.month − 1 + t) mod 12.
                let t = ((calendarIndex - (observations[0].month.month - 1)) % 12 + 12) % 12
                return d.index(at: t)
            }
        }
        fittedValues = values.indices.map { t in
            (adjusted[t] - smoother.oneStepErrors[t]) * (decomposition?.index(at: t) ?? 1)
        }
        guard sigma.isFinite, finalLevel.isFinite, drift.isFinite else { throw .nonFiniteInput }
    }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }

    func seasonalIndex(of month: Month) -> Double { seasonalIndices?[month.month - 1] ?? 1 }

    /// The point forecast `horizon` months after the last fitted month.
    func pointForecast(horizon h: Int, month: Month) -> Double {
        let n = Double(months.count)
        let catchUp = alpha > 0 ? (1 - pow(1 - alpha, n)) / alpha : n
        return seasonalIndex(of: month) * (finalLevel + drift * (Double(h - 1) + catchUp))
    }

    /// The joint predictive distribution of `months`, each after the last fitted month.
    /// - Throws: ``ModelError/forecastInsideHistory(model:month:)`` for a month not after it.
    func prediction(for months: [Month]) throws(ModelError) -> JointPrediction {
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) {
            throw .forecastInsideHistory(model: "theta", month: months[i])
        }
        let width = horizons.max() ?? 0
        let loadings = zip(months, horizons).map { month, h in
            let s = seasonalIndex(of: month)
            return (0..<width).map { j in j < h - 1 ? s * alpha : (j == h - 1 ? s : 0) }
        }
        return JointPrediction(
            months: months,
            means: zip(months, horizons).map { pointForecast(horizon: $1, month: $0) },
            whitenedRows: months.map { _ in [] }, noiseLoadings: loadings,
            sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }
}

/// The slope of the least-squares line through (0, y₀), (1, y₁), …
func leastSquaresSlope(_ values: [Double]) -> Double {
    let n = Double(values.count)
    let meanT = (n - 1) / 2
    let meanY = values.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for (t, y) in values.enumerated() {
        let dt = Double(t) - meanT
        sxy += dt * (y - meanY)
        sxx += dt * dt
    }
    return sxy / sxx
}
