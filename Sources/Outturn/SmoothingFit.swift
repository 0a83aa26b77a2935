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
        let observations = history.observations
        let needed = Self.minimumHistory(method)
        guard observations.count >= needed else {
            throw .tooFewObservations(model: method.rawValue, needed: needed, available: observations.count)
        }
        for (i, observation) in observations.enumerated() {
            guard isSupportedMagnitude(observation.value) else {
                throw .valueOutOfRange(month: observation.month, value: observation.value)
            }
            if i > 0, observation.month != observations[i - 1].month.advanced(by: 1) {
                throw .gapInHistory(model: method.rawValue, month: observations[i - 1].month.advanced(by: 1))
            }
        }
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
        var sigma = (oneStep.reduce(0) { $0 + $1 * $1 } / Double(degreesOfFreedom)).squareRoot()
        // As for a regression: errors at rounding level are an exact fit, not uncertainty.
        if sigma <= 1e-13 * (values.map(abs).max() ?? 0) { sigma = 0 }
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

/// Theta's simple exponential smoothing levels after each observation and its drift.
struct ThetaComponent: Sendable {
    let alpha: Double
    let drift: Double
    let levels: [Double]

    /// ℓ_t + drift·(h − 1 + (1 − (1 − α)^{t+1})/α): the forecast h ahead of observation t.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        let catchUp = (1 - pow(1 - alpha, Double(t + 1))) / alpha
        return levels[t] + drift * (Double(h - 1) + catchUp)
    }
}

/// Theta fitted to sums of three-month blocks of the adjusted series, the last block ending at
/// the last observation; `nil` with fewer than four blocks.
struct QuarterlyTheta: Sendable {
    static let blockLength = 3
    let theta: ThetaComponent
    /// Observation index just before the first block.
    let offset: Int

    init?(adjusted: [Double]) {
        let k = Self.blockLength
        let count = adjusted.count / k
        guard count >= 4 else { return nil }
        let start = adjusted.count - count * k
        offset = start
        let sums = (0..<count).map { b in adjusted[(start + b * k)..<(start + (b + 1) * k)].reduce(0, +) }
        let ses = SimpleExponentialSmoothing(values: sums)
        let levels = zip(sums, ses.oneStepErrors).map { y, e in y - (1 - ses.alpha) * e }
        theta = ThetaComponent(alpha: ses.alpha, drift: leastSquaresSlope(sums) / 2, levels: levels)
    }

    /// The monthly share of the block forecast covering month t + h, when observation t ends a
    /// block; `nil` otherwise.
    func forecast(origin t: Int, horizon h: Int) -> Double? {
        let k = Self.blockLength
        guard (t + 1 - offset) % k == 0, t + 1 - offset >= k else { return nil }
        let block = (t + 1 - offset) / k - 1
        return theta.forecast(origin: block, horizon: (h - 1) / k + 1) / Double(k)
    }
}

/// The states of a fitted ``SmoothingFit`` after every observation: what forecasts from any
/// origin, in-sample or at the end, are made of.
struct SmoothingForecaster: Sendable {
    let adjusted: [Double]
    let decomposition: SeasonalDecomposition?
    let theta: ThetaComponent
    let damped: DampedTrendSmoothing?
    let quarters: QuarterlyTheta?
    var thetaWeight: Double
    var sigma = 0.0

    /// The seasonal index of observation t (t ≥ n continues into the future).
    func seasonalIndex(at t: Int) -> Double { decomposition?.index(at: t) ?? 1 }

    /// The monthly forecast (Theta and damped weighted) h months after observation t.
    func monthlyForecast(origin t: Int, horizon h: Int, thetaWeight weight: Double) -> Double {
        var value = 0.0
        if weight > 0 { value += weight * theta.forecast(origin: t, horizon: h) }
        if weight < 1, let damped {
            var damping = 0.0, power = 1.0
            for _ in 0..<h { power *= damped.phi; damping += power }
            value += (1 - weight) * (damped.levels[t] + damping * damped.trends[t])
        }
        return value
    }

    /// The forecast on the adjusted scale h months after observation t: the monthly forecast,
    /// averaged with the quarterly one when t ends a quarter block.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        let monthly = monthlyForecast(origin: t, horizon: h, thetaWeight: thetaWeight)
        guard let quarterly = quarters?.forecast(origin: t, horizon: h) else { return monthly }
        return (monthly + quarterly) / 2
    }

    /// c_lag: the loading of an innovation on the error `lag` months later.
    func loading(lag: Int) -> Double {
        thetaWeight * theta.alpha + (1 - thetaWeight) * (damped?.loading(lag: lag) ?? 0)
    }

    /// Root mean squared error of the in-sample 12-month totals of the monthly forecast with a
    /// given Theta weight, from every origin after the warm-up; `nil` with too few origins.
    func inSampleTotalError(thetaWeight weight: Double) -> Double? {
        let origins = calibrationOrigins(longest: 12, blockAligned: false)
        guard origins.count >= SpreadCheck.minimumOrigins else { return nil }
        let squares = origins.map { t in
            let error = (1...12).reduce(0.0) { sum, h in
                sum + (adjusted[t + h] - monthlyForecast(origin: t, horizon: h, thetaWeight: weight)) * seasonalIndex(at: t + h)
            }
            return error * error
        }
        return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }

    /// Origins t from the warm-up to n − 1 − longest; with quarters, only those ending a block
    /// the way the last observation does, so every in-sample forecast is made as the final one is.
    func calibrationOrigins(longest: Int, blockAligned: Bool) -> [Int] {
        let last = adjusted.count - 1 - longest
        guard last >= SmoothingFit.calibrationWarmUp else { return [] }
        let all = Array(SmoothingFit.calibrationWarmUp...last)
        guard blockAligned, quarters != nil else { return all }
        return all.filter { (adjusted.count - 1 - $0) % SpreadCheck.originStep == 0 }
    }

    /// The model's standard deviation of the total over `horizons` from origin t, per unit σ.
    func unitTotalDeviation(origin t: Int, horizons: [Int]) -> Double {
        guard let longest = horizons.max() else { return 0 }
        var combined = [Double](repeating: 0, count: longest)
        for h in horizons {
            let s = seasonalIndex(at: t + h)
            for j in 1...h { combined[j - 1] += s * (j == h ? 1 : loading(lag: h - j)) }
        }
        return combined.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The check of the spread of the total over `horizons` (see ``IntervalMethod/checked``),
    /// from every block-aligned origin after the warm-up, with the fitted parameters.
    func spreadCheck(horizons: [Int]) -> SpreadCheck {
        guard let longest = horizons.max(), sigma > 0 else { return .none }
        let origins = calibrationOrigins(longest: longest, blockAligned: true)
        guard let first = origins.first, let last = origins.last else { return .none }
        let errors = origins.map { t in
            var error = 0.0
            for h in horizons {
                error += (adjusted[t + h] - forecast(origin: t, horizon: h)) * seasonalIndex(at: t + h)
            }
            let deviation = sigma * unitTotalDeviation(origin: t, horizons: horizons)
            return (error, deviation * deviation)
        }
        return SpreadCheck(errors: errors, span: last - first + 1, longest: longest)
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
