import Foundation

/// Where a target's year will end: the observed months plus forecasts for the rest, reduced by
/// the target's aggregate, with an interval and the probability that the target is met.
///
/// A target's condition reads *V comparator R*: V is the year's figure (or, for a moving-average
/// target, the mean of the figures over the window) and R the reference (a fixed threshold, a base
/// year's figure changed by a percentage, the previous window's mean, or another indicator's
/// figure). How uncertainty is derived:
/// - **Exact** (`sum`, `mean`, `last` of a plain model): V − R is the observed part plus Σ eᵢ·ŷᵢ
///   over the unobserved months, so Var = σ²(‖Σ eᵢzᵢ‖² + Σeᵢ²) = σ²(cᵀ(XᵀX)⁻¹c + Σeᵢ²) with
///   c = X_fᵀe; intervals and P(target met) use Student-t with ν = n − rank. A reference indicator
///   is fitted separately and taken as independent: the variances add and ν follows
///   Welch–Satterthwaite, ν = (V₁ + V₂)²/(V₁²/ν₁ + V₂²/ν₂).
/// - **Simulation** (`min`, `max`, every log model): ``simulationPaths`` joint draws of the
///   unobserved months from the multivariate t with the same covariance (seed ``simulationSeed``;
///   a reference indicator draws its own paths), back-transformed by exp for a log model and
///   evaluated path by path. The value is the median, the intervals central quantiles, the standard
///   error half the central 68.27% range, and P(met) the share of paths that meet the target.
/// - **Observed**: every month involved is observed, so the outcome is known.
///
/// A bounded indicator (``Target/bounds``: the unit `%`, or bounds given with the target) has its
/// figure's distribution *censored* to the figures months within the bounds can give: the model's
/// probability of a figure beyond a bound is the probability of the bound itself. So the value and
/// the interval ends are the model's, clamped to that range; P(met) is the model's for a threshold
/// strictly inside it (and 0 or 1 outside it), and a threshold on a bound (`≥ 100%`, "zero
/// incidents" as `sum ≤ 0` with `0..`) is met by all the mass beyond it. Censoring, not truncation
/// and renormalisation, because targets sit on bounds: truncation gives such a target P(met) = 0
/// however close the series runs, while in the data a rate of exactly 100 is a common outcome. It
/// applies to every model family alike, exactly (clamped Student-t quantiles) or path by path.
///
/// A ``Scenario`` changes forecast months only: a set month has no variance, a scaled month's
/// error is scaled (eᵢ = wᵢ·scaleᵢ above), an added amount shifts the mean.
public struct YearEndProjection: Sendable {
    /// The state of a target.
    ///
    /// `met`/`missed` when the observed months settle it: everything involved is observed; or the
    /// reference is known (a fixed threshold, or a base year, earlier window or other indicator
    /// whose months are all observed) and a `max` (`min`) has already passed it one way or the
    /// other, or the `sum` or period `mean` of a series that has never been negative (and that no
    /// scenario makes negative) has already passed it (counting the unobserved months as zero).
    /// Otherwise from P(target met):
    /// `onTrack` at 0.8 or more, `atRisk` from 0.2 up to 0.8, `offTrack` below 0.2.
    public enum Status: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
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

        /// How the status reads: "on track", as in the table and the JSON.
        public var description: String { rawValue }

        init(probability: Double) {
            self = probability >= 0.8 ? .onTrack : probability >= 0.2 ? .atRisk : .offTrack
        }

        /// `met` or `missed`: decided by the observed months, not a forecast.
        public var isSettled: Bool { self == .met || self == .missed }
    }

    /// How the interval and probability were obtained.
    public enum Method: String, Sendable, Codable {
        /// Every month involved is observed: no uncertainty.
        case observed
        /// The closed-form Student-t result for a linear condition.
        case exact
        /// Joint simulation of the unobserved months.
        case simulation
    }

    /// The target projected.
    public let target: Target
    /// The last month known when projecting.
    public let asOf: Month
    /// The months of the target period observed by ``asOf``.
    public let observedMonths: [Month]
    /// The aggregate of the period's observed months so far (sum, mean, latest, min or max);
    /// `nil` when none is observed.
    public let yearToDate: Double?
    /// The projected figure V (predictive median): the year's figure, or the moving average.
    public let value: Double
    /// The standard deviation of V's error (see the type's notes for simulation).
    public let standardError: Double
    /// Central prediction intervals for V, one per requested level.
    public let intervals: [PredictionInterval]
    /// The reference R the figure is compared with: the threshold, or its projection.
    public let referenceValue: Double
    /// R's standard error: 0 for a fixed threshold or an observed base year.
    public let referenceStandardError: Double
    /// P(target met), in [0, 1].
    public let probability: Double
    /// Met, missed, on track, at risk or off track.
    public let status: Status
    /// The constant monthly value for the months of the target period still to come (after the
    /// last observed month) that lands V exactly on R̂, other unobserved months at their forecast;
    /// `nil` when no month is to come, the target is settled, or V does not depend on those months
    /// (`last` with its month observed, a `max` already above R̂).
    public let requiredPace: Double?
    /// How the interval and probability were obtained.
    public let method: Method
    /// The model used, in brief; `nil` when every month involved is observed.
    public let modelSummary: ModelSummary?
    /// The fitted model, `nil` when every month involved is observed or when the projection came
    /// from the shared calendar of ``projectAll(_:asOf:levels:scenario:progress:)`` (then
    /// ``modelSummary`` says which model it was).
    public let selection: ModelSelection?

    /// The forecast months a scenario would have taken past the target's ``Target/bounds``, held
    /// at the bound instead (empty without a scenario, or when none passes a bound).
    public let monthsHeldAtBounds: [Month]

    let outlook: SeriesOutlook
    let referenceOutlook: SeriesOutlook?

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
    ///   - regressors: values of exogenous regressors by name, through the last month needed.
    ///   - scenario: changes to the forecast months (``Scenario/baseline`` for none).
    ///   - referenceSeries: the series of the indicator a ``Target/Reference/indicator(_:)``
    ///     target compares with.
    ///   - spread: the model's spread checked against the history (``IntervalMethod/checked``,
    ///     the default), or the model's alone.
    /// - Throws: ``ModelError``.
    public init(series: MonthlySeries, target: Target, asOf: Month, model: ModelChoice = .auto,
                levels: [Double] = [80, 95], extraTerms: [RegressionFormula.Term] = [],
                regressors: [String: MonthlySeries] = [:], scenario: Scenario = .baseline,
                referenceSeries: MonthlySeries? = nil, intervals spread: IntervalMethod = .checked) throws(ModelError) {
        try self.init(series: series, target: target, asOf: asOf, model: model, levels: levels, extraTerms: extraTerms,
                      regressors: regressors, scenario: scenario, referenceSeries: referenceSeries, intervals: spread,
                      reusing: [])
    }

    /// As the public initialiser; `earlier`: outlooks of the same series, as-of month, model
    /// options and scenario, whose fitted selection is reused (see `SeriesOutlook.fitting`);
    /// `simulations`: paths shared with other targets (see ``SimulationCache``).
    init(series: MonthlySeries, target: Target, asOf: Month, model: ModelChoice, levels: [Double],
         extraTerms: [RegressionFormula.Term], regressors: [String: MonthlySeries], scenario: Scenario,
         referenceSeries: MonthlySeries?, intervals spread: IntervalMethod, reusing earlier: [SeriesOutlook],
         simulations: SimulationCache? = nil) throws(ModelError) {
        try validateLevels(levels)
        let valueSide = target.valueSide, referenceSide = target.referenceSide
        for (_, figure) in valueSide.terms + referenceSide.terms where figure.months.last! < series.start {
            throw .yearBeforeData(year: figure.year, firstObservation: series.start)
        }
        let outlook = try SeriesOutlook(series: series, indicator: target.indicator,
                                        months: valueSide.months + referenceSide.months, asOf: asOf, scenario: scenario,
                                        predict: SeriesOutlook.fitting(choice: model, extraTerms: extraTerms, regressors: regressors,
                                                                       scenario: scenario, intervals: spread, reusing: earlier))
        var referenceOutlook: SeriesOutlook?
        if let other = target.referenceIndicator {
            guard let referenceSeries else { throw .missingReferenceSeries(other) }
            referenceOutlook = try SeriesOutlook(series: referenceSeries, indicator: other, months: target.months,
                                                 asOf: asOf, choice: model, extraTerms: extraTerms,
                                                 regressors: regressors, scenario: scenario, intervals: spread)
        }
        try self.init(target: target, asOf: asOf, levels: levels, outlook: outlook, referenceOutlook: referenceOutlook,
                      modelSummary: nil, simulations: simulations)
    }

    /// Assesses `target` on outlooks already made. `modelSummary` describes the model when the
    /// outlooks carry no selection (the shared calendar).
    init(target: Target, asOf: Month, levels: [Double], outlook: SeriesOutlook, referenceOutlook: SeriesOutlook?,
         modelSummary: ModelSummary?, simulations: SimulationCache? = nil) throws(ModelError) {
        self.target = target
        self.asOf = asOf
        // A scenario never takes a bounded indicator past its bounds.
        let (outlook, held) = outlook.holdingChanges(within: target.bounds)
        monthsHeldAtBounds = held
        self.outlook = outlook
        self.referenceOutlook = referenceOutlook
        selection = outlook.selection ?? referenceOutlook?.selection
        self.modelSummary = selection.map(ModelSummary.init) ?? (outlook.unobserved.isEmpty ? nil : modelSummary)

        observedMonths = target.months.filter { outlook.observed[$0] != nil }
        let observedValues = observedMonths.compactMap { outlook.observed[$0] }
        yearToDate = observedValues.isEmpty ? nil : target.aggregate.apply(to: observedValues)

        let condition = Condition(target: target, outlook: outlook, referenceOutlook: referenceOutlook,
                                  simulations: simulations)
        let outcome = condition.assess(levels: levels)
        // Never report ∞ or NaN: a log model's draws can overflow exp() when its interval is huge.
        let numbers = [outcome.value, outcome.standardError, outcome.referenceValue, outcome.referenceStandardError]
            + outcome.intervals.flatMap { [$0.lower, $0.upper] }
        guard numbers.allSatisfy(\.isFinite) else { throw .overflow("the projection of \(target.indicator)") }
        value = outcome.value
        standardError = outcome.standardError
        intervals = outcome.intervals
        referenceValue = outcome.referenceValue
        referenceStandardError = outcome.referenceStandardError
        method = outcome.method

        // An observed outcome was decided by `assess`; otherwise the observed months may settle it.
        let settled = outcome.method == .observed
            ? outcome.probability == 1
            : condition.settlingThreshold.flatMap {
                // Bounds from 0 up make every month non-negative, whatever the history shows.
                target.settledEarly(by: observedValues, threshold: $0,
                                    nonNegative: outlook.staysNonNegative(over: target.months)
                                        || (target.bounds.lower ?? -1) >= 0)
            }
        if let settled {
            probability = settled ? 1 : 0
            status = settled ? .met : .missed
            requiredPace = nil
        } else {
            probability = outcome.probability
            status = Status(probability: outcome.probability)
            requiredPace = condition.constantPace(reference: outcome.referenceValue)
        }
    }
}

extension YearEndProjection {
    /// The forecasts of the target's unobserved months behind this projection, before any
    /// scenario change, with the same spread as its intervals (checked or the model's); empty
    /// when every month is observed. For a bounded target (``Target/bounds``) each month's point
    /// and interval ends are censored to the bounds, as the year's figure is.
    /// - Throws: ``ModelError/level(_:)``, ``ModelError/overflow(_:)``.
    public func monthlyForecasts(levels: [Double] = [80, 95]) throws(ModelError) -> [MonthForecast] {
        try validateLevels(levels)
        let forecasts = try outlook.prediction?.monthForecasts(levels: levels, isLog: outlook.isLog) ?? []
        let bounds = target.bounds
        guard !bounds.isUnbounded else { return forecasts }
        return forecasts.map { forecast in
            MonthForecast(month: forecast.month, value: bounds.clamped(forecast.value), standardError: forecast.standardError,
                          intervals: forecast.intervals.map {
                              PredictionInterval(level: $0.level, lower: bounds.clamped($0.lower), upper: bounds.clamped($0.upper))
                          })
        }
    }
}

extension Target {
    /// Whether the observed months alone already decide the target year's figure against
    /// `threshold` (a fixed one, or a reference already known), whatever the rest of the period
    /// brings: a maximum can only rise, a minimum only fall, and the sum (or the period mean) of a
    /// series that has never been negative, under a scenario that keeps it so (`nonNegative`),
    /// only grow. `nil` when undecided.
    func settledEarly(by observed: [Double], threshold: Double, nonNegative: Bool) -> Bool? {
        guard !observed.isEmpty else { return nil }
        let soFar: Double, canOnlyRise: Bool
        switch aggregate {
        case .max: (soFar, canOnlyRise) = (aggregate.apply(to: observed), true)
        case .min: (soFar, canOnlyRise) = (aggregate.apply(to: observed), false)
        case .sum:
            guard nonNegative else { return nil }
            (soFar, canOnlyRise) = (aggregate.apply(to: observed), true)
        case .mean:
            // The period's mean is at least (observed sum)/(months in the period) when no month
            // can be negative.
            guard nonNegative else { return nil }
            (soFar, canOnlyRise) = (Target.Aggregate.sum.apply(to: observed) / Double(period.count), true)
        case .last: return nil
        }
        let metSoFar = comparator.isMetAllowingRounding(soFar, threshold: threshold)
        // Rising figure: a lower bound met stays met, an upper bound broken stays broken.
        if canOnlyRise {
            if !comparator.isUpperBound, metSoFar { return true }
            if comparator.isUpperBound, !metSoFar { return false }
        } else {
            if comparator.isUpperBound, metSoFar { return true }
            if !comparator.isUpperBound, !metSoFar { return false }
        }
        return nil
    }
}
