import Foundation

/// Exponential-smoothing forecasts of a seasonally adjusted series: the classical Theta method,
/// damped-trend smoothing, or an ensemble of them over two time scales.
///
/// - **theta** (Assimakopoulos & Nikolopoulos, 2000), as R's `forecast::thetaf`: simple exponential
///   smoothing plus half the slope b of the least-squares line,
///   ŷ_{n+h} = ℓ_n + b/2·(h − 1 + (1 − (1 − α)ⁿ)/α).
/// - **damped** trend, ETS(A,Ad,N): ŷ_{n+h} = ℓ_n + (φ + … + φʰ)b_n (Gardner & McKenzie, 1985).
/// - **ensemble** (the default of `auto`): the mean of two forecasts of the adjusted series —
///   monthly, Theta and damped weighted by the inverse of each one's in-sample mean squared error
///   of 12-month totals; and quarterly, Theta fitted to the sums of three-month blocks ending at
///   the last month, each block's forecast spread evenly over its months. Combining methods and
///   time scales (temporal aggregation, as in MAPA and THieF) steadies the level and trend that a
///   year's total depends on.
///
/// Seasonal adjustment is multiplicative classical decomposition, used only when the lag-12
/// autocorrelation is significant at 90% and more than two years are observed (as `thetaf`); the
/// forecasts are multiplied back by the month's index.
///
/// Uncertainty: the state-space form gives the error h months ahead as s_h(ε_h + Σ_{j<h} c_{h−j}ε_j)
/// (c = α for Theta, α + β(φ + … + φ^{h−j}) for damped, the weighted mean for the monthly
/// combination), so nearby months share innovations. That form trusts the model; projections
/// check it against the series' own history (``IntervalMethod/checked``).
public struct SmoothingFit: Sendable {
    /// Which smoothing forecast.
    public enum Method: String, Sendable, CaseIterable {
        /// The classical Theta method.
        case theta
        /// Additive damped-trend exponential smoothing.
        case damped
        /// Theta and damped on months, Theta on quarters, averaged.
        case ensemble
    }

    /// The method.
    public let method: Method
    /// The fitted months, consecutive.
    public let months: [Month]
    /// Multiplicative seasonal index by calendar month (January first), or `nil` when the series
    /// was not found seasonal.
    public let seasonalIndices: [Double]?
    /// Theta's smoothing parameter α (of its simple exponential smoothing).
    public let thetaAlpha: Double
    /// Theta's drift: half the slope of the least-squares line through the adjusted series.
    public let drift: Double
    /// Damped trend's α, β and φ; `nil` for Theta alone.
    public let dampedParameters: (alpha: Double, beta: Double, phi: Double)?
    /// The weight of Theta in the monthly forecast: 1 for Theta, 0 for damped.
    public let thetaWeight: Double
    /// Whether the quarterly Theta forecast is averaged in (ensemble with four or more quarters).
    public let usesQuarters: Bool
    /// σ̂ of the monthly one-step errors of the adjusted series, √(SSE / (n − p)), p the
    /// parameters estimated (2 for Theta as R's `ses`, 5 for damped, 7 for both); exactly 0 when
    /// below 10⁻¹³ of the data's magnitude (rounding noise of an exact fit).
    public let sigma: Double
    /// n − p.
    public let degreesOfFreedom: Int
    /// One-step fitted values on the original scale (of the monthly forecast).
    public let fittedValues: [Double]

    let forecaster: SmoothingForecaster

    /// The fewest months each method is fitted to: its parameters plus one.
    public static func minimumHistory(_ method: Method) -> Int {
        switch method {
        case .theta: 4
        case .damped, .ensemble: 8
        }
    }

    /// Months of in-sample history before the first origin whose forecasts check the spread:
    /// the initial states have had a year to wash out.
    static let calibrationWarmUp = 12

    /// Fits `method` to the observed months of `history`, which must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)``,
    ///   ``ModelError/gapInHistory(model:month:)``, ``ModelError/valueOutOfRange(month:value:)``.
    public init(history: MonthlySeries, method: Method) throws(ModelError) {
        let observations = try history.consecutiveObservations(model: method.rawValue, needed: Self.minimumHistory(method))
        let values = observations.map(\.value)
        let n = values.count
        let decomposition = SeasonalDecomposition.ifSeasonal(values)
        let adjusted = decomposition.map { d in values.indices.map { values[$0] / d.index(at: $0) } } ?? values
        let ses = SimpleExponentialSmoothing(values: adjusted)
        let damped = method == .theta ? nil : DampedTrendSmoothing(values: adjusted)
        let quarters = method == .ensemble ? QuarterlyTheta(adjusted: adjusted) : nil

        var forecaster = SmoothingForecaster(
            adjusted: adjusted, decomposition: decomposition,
            theta: ThetaComponent(alpha: ses.alpha, drift: leastSquaresSlope(adjusted) / 2,
                                  levels: zip(adjusted, ses.oneStepErrors).map { y, e in y - (1 - ses.alpha) * e }),
            damped: damped, quarters: quarters, thetaWeight: method == .damped ? 0 : 1)
        if method == .ensemble {
            // Each monthly method weighted by the inverse of its in-sample squared error of totals.
            let thetaError = forecaster.inSampleTotalError(thetaWeight: 1)
            let dampedError = forecaster.inSampleTotalError(thetaWeight: 0)
            if let thetaError, let dampedError, thetaError + dampedError > 0 {
                forecaster.thetaWeight = dampedError / (thetaError + dampedError)
            } else {
                forecaster.thetaWeight = 0.5
            }
        }
        let weight = forecaster.thetaWeight
        let oneStep: [Double] = damped.map { d in zip(ses.oneStepErrors, d.oneStepErrors).map { weight * $0 + (1 - weight) * $1 } }
            ?? ses.oneStepErrors
        let parameters = method == .theta ? 2 : method == .damped ? 5 : 7
        degreesOfFreedom = max(n - parameters, 1)
        let sigma = exactFitAware(sigma: (oneStep.reduce(0) { $0 + $1 * $1 } / Double(degreesOfFreedom)).squareRoot(),
                                  magnitude: values.map(abs).max() ?? 0)
        forecaster.sigma = sigma

        self.method = method
        self.sigma = sigma
        self.forecaster = forecaster
        months = observations.map(\.month)
        thetaAlpha = ses.alpha
        drift = forecaster.theta.drift
        dampedParameters = damped.map { ($0.alpha, $0.beta, $0.phi) }
        thetaWeight = weight
        usesQuarters = quarters != nil
        seasonalIndices = decomposition.map { d in
            (0..<12).map { calendarIndex in d.index(at: ((calendarIndex - (observations[0].month.month - 1)) % 12 + 12) % 12) }
        }
        fittedValues = values.indices.map { t in (adjusted[t] - oneStep[t]) * (decomposition?.index(at: t) ?? 1) }
        guard sigma.isFinite, fittedValues.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
    }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }

    /// The joint predictive distribution of `months`, each after the last fitted month.
    /// - Throws: ``ModelError/forecastInsideHistory(model:month:)`` for a month not after it.
    func prediction(for months: [Month]) throws(ModelError) -> JointPrediction {
        let f = forecaster
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) {
            throw .forecastInsideHistory(model: method.rawValue, month: months[i])
        }
        let last = f.adjusted.count - 1
        let width = horizons.max() ?? 0
        let loadings = horizons.map { h in
            let s = f.seasonalIndex(at: last + h)
            return (0..<width).map { j in j < h - 1 ? s * f.loading(lag: h - 1 - j) : (j == h - 1 ? s : 0) }
        }
        return JointPrediction(
            months: months,
            means: horizons.map { f.forecast(origin: last, horizon: $0) * f.seasonalIndex(at: last + $0) },
            whitenedRows: months.map { _ in [] }, noiseLoadings: loadings,
            sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }
}

extension SmoothingFit: Forecaster {
    /// `theta`, `damped` or `ensemble`.
    public var name: String { method.rawValue }
}

extension SmoothingFit: JointForecaster {
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try overrides.requireNoInterventions()
        return try prediction(for: months)
    }

    /// Every origin after the warm-up (with quarters, those ending a block as the last
    /// observation does), oldest first.
    func rollingOrigins(longest: Int) -> [Int] {
        forecaster.calibrationOrigins(longest: longest, blockAligned: true)
    }

    func rollingOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        forecaster.originTotal(origin: origin, horizons: horizons)
    }
}
