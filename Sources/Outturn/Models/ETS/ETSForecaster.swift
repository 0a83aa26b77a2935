import Foundation

/// An ``ETSFit`` as a model projections use: the joint predictive distribution of future
/// months, and the totals from earlier origins that ``IntervalMethod/checked`` compares.
///
/// **Joint distribution.** Means are R's forecast means (``ETSForecast/mean``).
/// - Linear class (additive error, no multiplicative season: ANN, AAN, AAdN, ANA, AAA, AAdA): exact.
///   y_{n+h} − μ_h = Σ_{t=1}^{h} ψ_{h−t} ε_{n+t}, so the noise loadings of month h are
///   (ψ_{h−1}, …, ψ_0, 0, …) with σ̂ the innovations' deviation: σ̂²LLᵀ is the exact covariance,
///   and the variance of any year total is exact (no pointwise bounds added up).
/// - Other classes (multiplicative error or season): no closed-form joint distribution, so
///   ``pathCount`` sample paths with a fixed seed (R's `simulate.ets(future = TRUE)`) give the
///   empirical covariance of the requested months; its Cholesky factor, divided by σ̂, is L. A
///   year total is then Gaussian (Student-t) with the variance the joint paths give it, not
///   the sum of pointwise bounds; its mean is the sum of R's means.
///
/// Degrees of freedom: as ``SmoothingFit`` — the residual degrees of freedom of σ̂, n − k with k
/// R's free parameters (smoothing parameters, φ and the initial states), the divisor of R's
/// `sigma2`. (R's own intervals use the normal quantile; at 95% the t quantile is 4% wider at n − k = 30, 2% at 60.)
///
/// **Rolling origins** (for ``IntervalMethod/checked``): the model is not re-estimated per
/// origin (that would take one estimation per origin). Origins run from a year's warm-up (every
/// month for the linear class, every third month otherwise); the fitted parameters and
/// initial states are run through the history up to the origin and the total forecast from
/// that state — an approximation: the parameters have seen the whole history, so the errors
/// are, if anything, slightly smaller than a re-estimating check's, and the widening a little less.
/// The variance of each origin's total is the model's: for the linear class exactly σ̂²‖Σψ‖²
/// (the ψ-weights do not depend on the state); for the other classes the simulated variance of
/// the total at the last origin scaled by (origin's forecast total / last forecast total)², since
/// a multiplicative error's spread is proportional to the level it multiplies.
struct ETSForecaster: Sendable {
    let fit: ETSFit
    /// The forecast and (outside the linear class) simulated covariances, computed once per
    /// longest horizon.
    private let moments: ETSMomentCache

    /// Sample paths for the joint distribution of a model outside the linear class.
    static let pathCount = 5_000
    /// Their seed: fixed, so that a projection is the same on every run and every machine.
    static let pathSeed: UInt64 = 20_080_601

    init(_ fit: ETSFit) {
        self.fit = fit
        moments = ETSMomentCache(fit: fit)
    }

    /// Months of history before the first rolling origin: a year for the states to settle, and
    /// more than the model's free parameters (the recursion needs them to be defined).
    var warmUp: Int { max(SmoothingFit.calibrationWarmUp, fit.model.freeParameterCount + 1) }

    /// The exact (linear class) or simulated covariance of months 1…`longest` after the history,
    /// as rows of a lower-triangular factor L with σ̂²LLᵀ the covariance of `horizons`.
    func noiseLoadings(horizons: [Int], longest: Int) -> [[Double]] {
        let entry = moments.entry(longest: longest)
        guard let covariance = entry.covariance else {
            let psi = entry.forecast.psiWeights
            return horizons.map { h in (0..<longest).map { j in j < h ? psi[h - 1 - j] : 0 } }
        }
        let k = horizons.count
        var selected = [Double](repeating: 0, count: k * k)
        for (a, i) in horizons.enumerated() {
            for (b, j) in horizons.enumerated() { selected[a + b * k] = covariance[(i - 1) + (j - 1) * longest] }
        }
        let factor = semidefiniteCholesky(selected, n: k)
        let scale = fit.sigma > 0 ? 1 / fit.sigma : 0
        return (0..<k).map { a in (0..<k).map { b in factor[a + b * k] * scale } }
    }
}

extension ETSForecaster: JointForecaster {
    var name: String { fit.name }
    var months: [Month] { fit.months }
    var fittedValues: [Double] { fit.fittedValues }
    var sigma: Double { fit.sigma }
    var degreesOfFreedom: Int { fit.degreesOfFreedom }

    /// The joint predictive distribution of `months`, each after the last fitted month; ETS
    /// takes no interventions.
    /// - Throws: ``ModelError/forecastInsideHistory(model:month:)`` for a month not after it.
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try overrides.requireNoInterventions()
        let horizons = months.map { fit.lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) {
            throw .forecastInsideHistory(model: name, month: months[i])
        }
        guard let longest = horizons.max() else {
            return JointPrediction(months: [], means: [], whitenedRows: [], noiseLoadings: [],
                                   sigma: sigma, degreesOfFreedom: degreesOfFreedom)
        }
        let forecast = moments.entry(longest: longest).forecast
        let means = horizons.map { forecast.mean[$0 - 1] }
        guard means.allSatisfy(\.isFinite) else { throw .overflow("the \(name) forecast") }
        return JointPrediction(months: months, means: means, whitenedRows: months.map { _ in [] },
                               noiseLoadings: noiseLoadings(horizons: horizons, longest: longest),
                               sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }

    /// Every origin from the warm-up to the last whose horizons are observed, oldest first; for
    /// the classes outside the linear one, whose moments cost more to recompute at each origin,
    /// every ``SpreadCheck/originStep``-th origin back from the latest, as the rules of thumb.
    func rollingOrigins(longest: Int) -> [Int] {
        let last = fit.count - 1 - longest
        guard last >= warmUp else { return [] }
        guard fit.model.forecastClass == .linear else {
            return RollingOriginCheck.stepsBack(count: fit.count, longest: longest, earliest: warmUp).reversed()
        }
        return Array(warmUp...last)
    }

    /// The fitted parameters run through observations 0…`origin`, and the error of the total
    /// forecast from there (see the type's notes for its variance).
    func rollingOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        guard let longest = horizons.max(), horizons.allSatisfy({ $0 >= 1 }), origin + longest < fit.count,
              let prefix = try? ETSFit(model: fit.model, parameters: fit.parameters, start: fit.start,
                                       values: Array(fit.values[0...origin])) else { return nil }
        let means = prefix.forecast(horizon: longest).mean
        let total = horizons.reduce(0.0) { $0 + means[$1 - 1] }
        let error = horizons.reduce(0.0) { $0 + fit.values[origin + $1] } - total
        guard error.isFinite else { return nil }
        return (error, totalVariance(horizons: horizons, longest: longest, originTotal: total))
    }

    /// The model's variance of the total over `horizons` from an origin whose forecast total is
    /// `originTotal`.
    private func totalVariance(horizons: [Int], longest: Int, originTotal: Double) -> Double {
        let entry = moments.entry(longest: longest)
        let final = entry.forecast
        if let exact = final.varianceOfSum(horizons) { return exact }
        guard let covariance = entry.covariance else { return 0 }
        var variance = 0.0
        for i in horizons { for j in horizons { variance += covariance[(i - 1) + (j - 1) * longest] } }
        let finalTotal = horizons.reduce(0.0) { $0 + final.mean[$1 - 1] }
        guard finalTotal != 0 else { return variance }
        let ratio = originTotal / finalTotal
        return variance * ratio * ratio
    }
}

/// An ETS fit's forecast of months 1…longest and, outside the linear class, the empirical
/// covariance of its seeded sample paths, computed once per longest horizon and kept, so that a
/// projection's prediction and its check of earlier origins share one simulation. Each entry
/// depends only on the fit and the horizon, never on the order of the requests, so results are
/// reproducible. (A class, shared by copies of the forecaster; the lock makes it safe to share.)
private final class ETSMomentCache: @unchecked Sendable {
    struct Entry {
        let forecast: ETSForecast
        /// Column-major `longest × longest`; `nil` for the linear class (exact from ψ).
        let covariance: [Double]?
    }

    private let fit: ETSFit
    private let lock = NSLock()
    private var byLongest: [Int: Entry] = [:]

    init(fit: ETSFit) { self.fit = fit }

    func entry(longest: Int) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        if let known = byLongest[longest] { return known }
        let forecast = fit.forecast(horizon: longest)
        let entry = Entry(forecast: forecast,
                          covariance: forecast.forecastClass == .linear ? nil : Self.simulate(fit, longest: longest))
        byLongest[longest] = entry
        return entry
    }

    /// The sample covariance (divisor N − 1) of the finite paths.
    private static func simulate(_ fit: ETSFit, longest: Int) -> [Double] {
        let paths = fit.samplePaths(count: ETSForecaster.pathCount, horizon: longest, seed: ETSForecaster.pathSeed)
            .filter { $0.allSatisfy(\.isFinite) }
        var covariance = [Double](repeating: 0, count: longest * longest)
        guard paths.count > 1 else { return covariance }
        var mean = [Double](repeating: 0, count: longest)
        for path in paths { for h in 0..<longest { mean[h] += path[h] } }
        for h in 0..<longest { mean[h] /= Double(paths.count) }
        var deviation = [Double](repeating: 0, count: longest)
        for path in paths {
            for h in 0..<longest { deviation[h] = path[h] - mean[h] }
            for j in 0..<longest {
                for i in j..<longest { covariance[i + j * longest] += deviation[i] * deviation[j] }
            }
        }
        let divisor = Double(paths.count - 1)
        for j in 0..<longest {
            for i in j..<longest {
                covariance[i + j * longest] /= divisor
                covariance[j + i * longest] = covariance[i + j * longest]
            }
        }
        return covariance
    }
}

/// The lower Cholesky factor L (column-major, LLᵀ = A) of a symmetric positive semi-definite
/// `n × n` matrix: a pivot that rounding has left at or below zero (a month repeated, or a
/// month certain) gets a zero column, so that LLᵀ still reproduces A.
func semidefiniteCholesky(_ a: [Double], n: Int) -> [Double] {
    var l = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
        var pivot = a[j + j * n]
        for k in 0..<j { pivot -= l[j + k * n] * l[j + k * n] }
        guard pivot > 1e-12 * max(a[j + j * n], 0), pivot > 0 else { continue }
        let root = pivot.squareRoot()
        l[j + j * n] = root
        for i in (j + 1)..<n {
            var value = a[i + j * n]
            for k in 0..<j { value -= l[i + k * n] * l[j + k * n] }
            l[i + j * n] = value / root
        }
    }
    return l
}
