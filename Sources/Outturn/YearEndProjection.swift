import Foundation

/// Where a target's year will end: the observed months of the year plus forecasts for the rest,
/// reduced by the target's aggregate, with an interval and the probability that the target is met.
///
/// How uncertainty is derived:
/// - **Exact** (`sum`, `mean`, `last` of a model on the original scale): the year's figure is
///   the observed part plus Σ aᵢŷᵢ over the unobserved months (aᵢ = 1 for a sum, 1/12 for a mean,
///   1 on December for `last`), so its error variance is σ²(cᵀ(XᵀX)⁻¹c + Σaᵢ²) with c = X_fᵀa.
///   Intervals and P(target met) use Student-t with ν = n − rank.
/// - **Simulation** (`min`, `max`, and every log model): ``simulationPaths`` joint draws of the
///   unobserved months from the multivariate t with the same covariance, seed ``simulationSeed``,
///   back-transformed by exp for a log model, aggregated path by path. The value is the median of
///   the draws, the intervals their central quantiles, the standard error half the central
///   68.27% range, and P(met) the share of paths that meet the target.
/// - **Observed**: when every month of the year is observed the figure is known exactly.
///
/// The value is the predictive median; for the exact case it equals the mean.
public struct YearEndProjection: Sendable {
    /// The state of a target.
    ///
    /// `met`/`missed` when the observed months settle it: the whole year is observed, or a
    /// `max` (`min`) has already passed a lower (upper) bound one way or the other. Otherwise from
    /// P(target met):
    /// `onTrack` at 0.8 or more, `atRisk` from 0.2 up to 0.8, `offTrack` below 0.2.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// The observed months already meet the target.
        case met
        /// The observed months already miss the target.
        case missed
        /// P(met) ≥ 0.8.
        case onTrack = "on track"
        /// 0.2 ≤ P(met) < 0.8.
        case atRisk = "at risk"
        /// P(met) < 0.2.
        case offTrack = "off track"

        init(probability: Double) {
            self = probability >= 0.8 ? .onTrack : probability >= 0.2 ? .atRisk : .offTrack
        }
    }

    /// How the interval and probability were obtained.
    public enum Method: String, Sendable, Codable {
        /// Every month of the year is observed: no uncertainty.
        case observed
        /// The closed-form Student-t result for a linear aggregate.
        case exact
        /// Joint simulation of the unobserved months.
        case simulation
    }

    /// The target projected.
    public let target: Target
    /// The last month known when projecting.
    public let asOf: Month
    /// The months of the target year observed by ``asOf``.
    public let observedMonths: [Month]
    /// The aggregate of the observed months so far (sum, mean, latest, min or max); `nil` when
    /// none of the year is observed.
    public let yearToDate: Double?
    /// The projected year figure (predictive median).
    public let value: Double
    /// The standard deviation of the year figure's error (see the type's notes for simulation).
    public let standardError: Double
    /// Central prediction intervals for the year figure, one per requested level.
    public let intervals: [PredictionInterval]
    /// P(target met), in [0, 1].
    public let probability: Double
    /// Met, missed, on track, at risk or off track.
    public let status: Status
    /// The constant monthly value for the unobserved months that lands the year's figure exactly on
    /// the threshold; `nil` when no month is left, or when it does not depend on the remaining
    /// months (`last` with December already observed, a `min`/`max` already settled).
    public let requiredPace: Double?
    /// How the interval and probability were obtained.
    public let method: Method
    /// The model used, `nil` when the year is fully observed.
    public let selection: ModelSelection?

    /// Paths drawn by the simulation method.
    public static let simulationPaths = 10_000
    /// The simulation's fixed seed, so that reruns agree to the last digit.
    public static let simulationSeed: UInt64 = 2020_08_31

    /// Projects `target` from `series` as known at the end of `asOf`.
    ///
    /// Every observation up to `asOf` is used to fit; later observations are ignored. `asOf` may
    /// precede the target year (then the whole year is forecast).
    /// - Parameters:
    ///   - series: the indicator's monthly values.
    ///   - target: what the year must achieve.
    ///   - asOf: the last month known; later observations are ignored.
    ///   - model: the model, or ``ModelChoice/auto``.
    ///   - levels: interval levels in percent.
    ///   - extraTerms: terms added to the chosen model, e.g. `.intervention(.init(.step, at: …))`.
    ///   - regressors: values of exogenous regressors by name, through December of the target year.
    /// - Throws: ``ModelError``.
    public init(series: MonthlySeries, target: Target, asOf: Month, model: ModelChoice = .auto,
                levels: [Double] = [80, 95], extraTerms: [ModelSpec.Term] = [],
                regressors: [String: MonthlySeries] = [:]) throws(ModelError) {
        try validateLevels(levels)
        self.target = target
        self.asOf = asOf
        let months = target.months
        let observed: [(month: Month, value: Double)] = months.compactMap { month in
            month <= asOf ? series[month].map { (month, $0) } : nil
        }
        let unobserved = months.filter { month in !observed.contains { $0.month == month } }
        observedMonths = observed.map(\.month)
        let observedValues = observed.map(\.value)
        yearToDate = target.aggregate.yearToDate(observedValues)
        let settled = target.settledEarly(by: observedValues)
        requiredPace = settled != nil ? nil
            : Self.pace(target: target, observedSum: observedValues.reduce(0, +),
                        remaining: unobserved.count, decemberOpen: unobserved.last?.month == 12)

        guard !unobserved.isEmpty else {
            // Every month is known: the outcome is a fact, not a forecast.
            let outcome = target.aggregate.apply(to: observedValues)
            value = outcome
            standardError = 0
            intervals = levels.map { PredictionInterval(level: $0, lower: outcome, upper: outcome) }
            let met = target.comparator.isMet(outcome, threshold: target.threshold)
            probability = met ? 1 : 0
            status = met ? .met : .missed
            method = .observed
            selection = nil
            return
        }

        guard let history = series.through(asOf) else {
            throw .tooFewObservations(model: model.description, needed: 2, available: 0)
        }
        let selection = try ModelSelection(history: history, choice: model, extraTerms: extraTerms,
                                           regressors: regressors)
        self.selection = selection
        let prediction = try selection.fit.prediction(for: unobserved)

        let outcome: Outcome
        if let weights = target.aggregate.linearWeights(unobserved: unobserved), !selection.fit.model.isLog {
            outcome = Self.exact(prediction: prediction, weights: weights,
                                 observedPart: target.aggregate.linearObservedPart(observed),
                                 target: target, levels: levels)
        } else {
            outcome = Self.simulate(prediction: prediction, isLog: selection.fit.model.isLog,
                                    observed: observed, target: target, levels: levels)
        }
        value = outcome.value
        standardError = outcome.standardError
        intervals = outcome.intervals
        method = outcome.method
        if let settled {
            probability = settled ? 1 : 0
            status = settled ? .met : .missed
        } else {
            probability = outcome.probability
            status = Status(probability: outcome.probability)
        }
    }

    private struct Outcome {
        var value: Double, standardError: Double, intervals: [PredictionInterval]
        var probability: Double, method: Method
    }

    private static func exact(prediction: JointPrediction, weights: [Double], observedPart: Double,
                              target: Target, levels: [Double]) -> Outcome {
        let value = observedPart + dot(weights, prediction.means)
        let se = max(prediction.varianceOfCombination(weights), 0).squareRoot()
        let t = prediction.studentT
        let intervals = levels.map { level in
            let q = t.quantile(0.5 + level / 200)
            return PredictionInterval(level: level, lower: value - q * se, upper: value + q * se)
        }
        let probability: Double
        if se > 0 {
            let below = t.cdf((target.threshold - value) / se)     // P(year figure ≤ threshold)
            probability = target.comparator.isUpperBound ? below : 1 - below
        } else {
            probability = target.comparator.isMet(value, threshold: target.threshold) ? 1 : 0
        }
        return Outcome(value: value, standardError: se, intervals: intervals,
                       probability: probability, method: .exact)
    }

    private static func simulate(prediction: JointPrediction, isLog: Bool,
                                 observed: [(month: Month, value: Double)],
                                 target: Target, levels: [Double]) -> Outcome {
        let k = prediction.months.count
        let cholesky = LAPACK.choleskyLower(n: k, a: prediction.covariance())
            ?? [Double](repeating: 0, count: k * k)   // σ = 0: every path is the point forecast
        var random = RandomSource(seed: simulationSeed)
        let nu = Double(prediction.degreesOfFreedom)
        var year = [Double](repeating: 0, count: 12)
        for (month, value) in observed { year[month.month - 1] = value }
        let slots = prediction.months.map { $0.month - 1 }
        var draws = [Double](repeating: 0, count: simulationPaths)
        var normals = [Double](repeating: 0, count: k)
        for path in 0..<simulationPaths {
            for i in 0..<k { normals[i] = random.normal() }
            let scale = (nu / random.chiSquared(nu)).squareRoot()
            for i in 0..<k {
                var error = 0.0
                for j in 0...i { error += cholesky[i + j * k] * normals[j] }
                let draw = prediction.means[i] + scale * error
                year[slots[i]] = isLog ? exp(draw) : draw
            }
            draws[path] = target.aggregate.apply(to: year)
        }
        let met = draws.lazy.filter { target.comparator.isMet($0, threshold: target.threshold) }.count
        draws.sort()
        func quantile(_ p: Double) -> Double {
            // Linear interpolation between order statistics (R's type 7).
            let h = Double(draws.count - 1) * p
            let lower = Int(h.rounded(.down)), upper = min(lower + 1, draws.count - 1)
            return draws[lower] + (h - Double(lower)) * (draws[upper] - draws[lower])
        }
        let oneSigma = 0.841_344_746_068_542_9   // Φ(1)
        return Outcome(
            value: quantile(0.5),
            standardError: (quantile(oneSigma) - quantile(1 - oneSigma)) / 2,
            intervals: levels.map { level in
                PredictionInterval(level: level, lower: quantile(0.5 - level / 200),
                                   upper: quantile(0.5 + level / 200))
            },
            probability: Double(met) / Double(simulationPaths),
            method: .simulation)
    }

    private static func pace(target: Target, observedSum: Double, remaining: Int, decemberOpen: Bool) -> Double? {
        guard remaining > 0 else { return nil }
        switch target.aggregate {
        case .sum: return (target.threshold - observedSum) / Double(remaining)
        case .mean: return (target.threshold * 12 - observedSum) / Double(remaining)
        case .last: return decemberOpen ? target.threshold : nil
        case .min, .max: return target.threshold
        }
    }
}

extension Target {
    /// Whether the observed months alone already decide the target, whatever the rest of the year
    /// brings: a year's maximum can only rise and its minimum only fall. `nil` when undecided.
    func settledEarly(by observed: [Double]) -> Bool? {
        switch aggregate {
        case .max:
            guard let peak = observed.max() else { return nil }
            if !comparator.isUpperBound, comparator.isMet(peak, threshold: threshold) { return true }
            if comparator.isUpperBound, !comparator.isMet(peak, threshold: threshold) { return false }
        case .min:
            guard let trough = observed.min() else { return nil }
            if comparator.isUpperBound, comparator.isMet(trough, threshold: threshold) { return true }
            if !comparator.isUpperBound, !comparator.isMet(trough, threshold: threshold) { return false }
        case .sum, .mean, .last: break
        }
        return nil
    }
}

extension Target.Aggregate {
    /// The figure of a complete year (its twelve values in calendar order), or of the observed
    /// months so far.
    func apply(to values: [Double]) -> Double {
        switch self {
        case .sum: values.reduce(0, +)
        case .mean: values.reduce(0, +) / Double(values.count)
        case .last: values[values.count - 1]
        case .min: values.min() ?? .nan
        case .max: values.max() ?? .nan
        }
    }

    /// The same rule over the months observed so far.
    func yearToDate(_ observed: [Double]) -> Double? {
        guard !observed.isEmpty else { return nil }
        return apply(to: observed)
    }

    /// Weights aᵢ on the unobserved months when the year's figure is linear in them.
    func linearWeights(unobserved: [Month]) -> [Double]? {
        switch self {
        case .sum: unobserved.map { _ in 1 }
        case .mean: unobserved.map { _ in 1.0 / 12 }
        case .last: unobserved.map { $0.month == 12 ? 1 : 0 }
        case .min, .max: nil
        }
    }

    /// The observed months' contribution to a linear figure.
    func linearObservedPart(_ observed: [(month: Month, value: Double)]) -> Double {
        switch self {
        case .sum: observed.reduce(0) { $0 + $1.value }
        case .mean: observed.reduce(0) { $0 + $1.value } / 12
        case .last: observed.first { $0.month.month == 12 }?.value ?? 0
        case .min, .max: 0
        }
    }
}
