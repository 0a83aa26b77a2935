import Foundation

/// How well a projection made part-way through a past year would have done: cut the history at
/// month k of the year, project the year's figure, and compare with what happened.
///
/// Each case also scores the probability Outturn would have given to the target "at least last
/// year's figure" (a growth target, known for every past year), the PIT of the actual figure
/// under the projection (uniform when the projections are calibrated), and the standard
/// h-step-ahead errors of the monthly forecasts made from the same cut.
///
/// A request made from a ``Target`` backtests that target's own figure: its aggregate over its
/// period, and "last year's figure" in its comparator's direction (a decline for `<`).
///
/// Intervals of a series never negative up to the cut are clamped at 0: every figure of such a
/// series (a sum, mean, last, min or max of its months) is never negative, and a bound below zero
/// only widens the interval score without ever covering anything.
public struct Backtest: Sendable {
    /// One indicator, one year, one cut.
    public struct Case: Sendable {
        /// The indicator.
        public let indicator: String
        /// The year projected.
        public let year: Int
        /// Months of the year known at the cut (0: none, projected from December before).
        public let monthsKnown: Int
        /// The model that was fitted at the cut.
        public let model: String
        /// The projected figure, its intervals and P(growth) at the cut.
        public let projection: YearEndProjection
        /// How the figure's months reduce to it.
        public let aggregate: Target.Aggregate
        /// The months of the year that make the figure (1 … 12 unless a target's period).
        public let period: ClosedRange<Int>
        /// The direction of "better than last year": ≥ (growth) unless a target's comparator.
        public let comparator: Target.Comparator
        /// The target's name, when the request came from a named target.
        public let label: String?
        /// The projection's intervals, the lower bounds clamped at 0 when the series was never
        /// negative up to the cut (see ``Backtest``); coverage and interval scores use these.
        public let intervals: [PredictionInterval]
        /// What the year's figure turned out to be.
        public let actual: Double
        /// Last year's figure; `nil` when last year is not fully observed.
        public let previous: Double?
        /// P(figure ≤ actual) under the projection: the probability integral transform.
        public let pit: Double
        /// Monthly forecasts from the cut, with the values that happened.
        public let forecasts: [(month: Month, forecast: Double, actual: Double)]
        /// The in-sample mean absolute error of the seasonal naive forecast (lag 12) at the cut:
        /// the MASE scale. `nil` without a full year of pairs or when it is zero.
        public let naiveScale: Double?

        /// |projected − actual| / |actual| × 100; `nil` when the actual is zero.
        public var absolutePercentageError: Double? {
            actual == 0 ? nil : abs(projection.value - actual) / abs(actual) * 100
        }

        /// Whether the interval at `level` contains the actual figure.
        public func covers(level: Double) -> Bool? {
            intervals.first { $0.level == level }.map { $0.lower <= actual && actual <= $0.upper }
        }

        /// The interval (Winkler) score at `level`: width plus 2/α times any miss, α = 1 − level/100.
        public func intervalScore(level: Double) -> Double? {
            guard let interval = intervals.first(where: { $0.level == level }) else { return nil }
            let alpha = 1 - level / 100
            return interval.upper - interval.lower
                + 2 / alpha * (max(interval.lower - actual, 0) + max(actual - interval.upper, 0))
        }

        /// (P(growth) − 1[growth])² for the target "at least last year's figure" (for a target's
        /// request: "last year's figure, in the target's comparator").
        public var brierScore: Double? {
            previous.map { previous in
                let outcome = comparator.isMet(actual, threshold: previous) ? 1.0 : 0.0
                return (projection.probability - outcome) * (projection.probability - outcome)
            }
        }
    }

    /// What to backtest: one indicator's series, the year, the cut and the model.
    public struct Request: Sendable {
        /// The indicator.
        public let indicator: String
        /// Its monthly values, including the year's actual months.
        public let series: MonthlySeries
        /// The year to project; all twelve months must be observed.
        public let year: Int
        /// Months of the year known at the cut, 0 … 11.
        public let monthsKnown: Int
        /// The aggregate of this request; `nil`: the one given to ``Backtest/run(_:aggregate:model:levels:horizon:intervals:)``.
        public let aggregate: Target.Aggregate?
        /// The months of the year that make the figure.
        public let period: ClosedRange<Int>
        /// The direction of "better than last year".
        public let comparator: Target.Comparator
        /// A name to show for the figure.
        public let label: String?
        /// The model of this request (a target's own, from a targets file's `model` column);
        /// `nil`: the one given to ``Backtest/run(_:aggregate:model:levels:horizon:intervals:)``.
        public let model: ModelChoice?
        /// The values a month can take (a target's ``Target/bounds``): the projection is censored
        /// to them as `project` censors it, so a backtest scores the intervals analysts are shown.
        public let bounds: Bounds

        /// Creates a request for the whole year's figure; the parameters are the properties of the
        /// same names.
        public init(indicator: String, series: MonthlySeries, year: Int, monthsKnown: Int) {
            self.indicator = indicator
            self.series = series
            self.year = year
            self.monthsKnown = monthsKnown
            aggregate = nil
            period = 1...12
            comparator = .greaterThanOrEqual
            label = nil
            model = nil
            bounds = .none
        }

        /// Creates a request that backtests `target`'s own figure in an earlier `year`: its
        /// aggregate, period and comparator (its reference and year are not used), with `model`
        /// when the target has its own (`nil`: the run's).
        public init(target: Target, series: MonthlySeries, year: Int, monthsKnown: Int, model: ModelChoice? = nil) {
            indicator = target.indicator
            self.series = series
            self.year = year
            self.monthsKnown = monthsKnown
            aggregate = target.aggregate
            period = target.period
            comparator = target.comparator
            label = target.name
            self.model = model
            bounds = target.bounds
        }
    }

    /// Runs one case.
    /// - Parameters:
    ///   - request: the series, year and cut.
    ///   - aggregate: how the year's months reduce to its figure.
    ///   - model: the model, or ``ModelChoice/auto``, for a request without its own
    ///     (``Request/model``).
    ///   - levels: interval levels in percent.
    ///   - horizon: months of monthly forecasts to score after the cut (their actuals must exist).
    ///   - intervals: checked spreads (default) or the model's alone.
    /// - Throws: ``ModelError`` from fitting; ``BacktestError`` when the period is incomplete or
    ///   already observed at the cut.
    public static func run(_ request: Request, aggregate: Target.Aggregate = .sum, model: ModelChoice = .auto,
                           levels: [Double] = [80, 95], horizon: Int = 12,
                           intervals: IntervalMethod = .checked) throws(BacktestError) -> Case {
        let series = request.series, year = request.year, period = request.period
        let aggregate = request.aggregate ?? aggregate, model = request.model ?? model
        guard let values = completeYear(year, of: series, period: period) else {
            throw .incompleteYear(indicator: request.indicator, year: year)
        }
        guard (0...11).contains(request.monthsKnown) else { throw .monthsKnown(request.monthsKnown) }
        // Nothing to project when the cut already covers the period (months 1–6 cut in August).
        guard request.monthsKnown < period.upperBound else {
            throw .periodObserved(indicator: request.indicator, year: year, monthsKnown: request.monthsKnown)
        }
        let actual = aggregate.apply(to: values)
        let previous = completeYear(year - 1, of: series, period: period).map(aggregate.apply)
        // The December before the year when nothing is known: 0000-12 for year 1, an intermediate
        // month only (the history through it is empty, which the fit reports).
        let cut = Month(ordinal: year * 12 - 1 + request.monthsKnown)
        // Censored as project censors, however earlier years ran (project only warns of those:
        // ProjectionWarning.observedOutsideBounds). But bounds that the figures judged here
        // contradict (the year's and the year before's period months) cannot hold them as
        // thresholds: such a case is scored unbounded.
        let judged = series.observations.filter { ($0.month.year == year || $0.month.year == year - 1) && period.contains($0.month.month) }
        let bounds = judged.allSatisfy { request.bounds.contains($0.value) } ? request.bounds : .none
        do {
            func target(_ comparator: Target.Comparator, _ threshold: Double) throws(ModelError) -> Target {
                do {
                    return try Target(indicator: request.indicator, year: year, aggregate: aggregate,
                                      comparator: comparator, threshold: threshold, period: period, bounds: bounds)
                } catch { throw .nonFiniteInput }
            }
            let projection = try YearEndProjection(series: series, target: try target(request.comparator, previous ?? actual),
                                                   asOf: cut, model: model, levels: levels, intervals: intervals)
            // The same outlook, judged against the actual: P(V ≤ actual), no second fit.
            let pit = Condition(target: try target(.lessThanOrEqual, actual), outlook: projection.outlook,
                                referenceOutlook: nil).assess(levels: levels).probability
            var forecasts: [(month: Month, forecast: Double, actual: Double)] = []
            let ahead = (1...max(horizon, 1)).map { cut.advanced(by: $0) }
            if let selection = projection.selection, ahead.allSatisfy({ series[$0] != nil }) {
                let monthly = try selection.model.forecast(months: ahead, levels: levels)
                forecasts = zip(ahead, monthly).map { ($0, $1.value, series[$0]!) }
            }
            let clamped = projection.outlook.isNonNegative
                ? projection.intervals.map { PredictionInterval(level: $0.level, lower: max($0.lower, 0), upper: max($0.upper, 0)) }
                : projection.intervals
            return Case(indicator: request.indicator, year: year, monthsKnown: request.monthsKnown,
                        model: projection.modelSummary?.name ?? "observed", projection: projection,
                        aggregate: aggregate, period: period, comparator: request.comparator, label: request.label,
                        intervals: clamped, actual: actual, previous: previous, pit: pit, forecasts: forecasts,
                        naiveScale: seasonalNaiveScale(series.through(cut)))
        } catch {
            throw .model(indicator: request.indicator, year: year, error)
        }
    }

    /// Runs many cases concurrently; results in request order, identical whatever the core count.
    /// `progress` is called with the number of cases done as chunks of work finish.
    public static func runAll(_ requests: [Request], aggregate: Target.Aggregate = .sum, model: ModelChoice = .auto,
                              levels: [Double] = [80, 95], horizon: Int = 12,
                              intervals: IntervalMethod = .checked,
                              progress: (@Sendable (Int) -> Void)? = nil) async -> [Result<Case, BacktestError>] {
        await concurrentMap(requests, progress: progress) { request in
            Result { () throws(BacktestError) -> Case in
                try run(request, aggregate: aggregate, model: model, levels: levels, horizon: horizon, intervals: intervals)
            }
        }
    }
}

extension Backtest {
    /// The years of `series` with all twelve months observed (or all months of `period`): those a
    /// backtest can score, in ascending order.
    public static func completeYears(of series: MonthlySeries, period: ClosedRange<Int> = 1...12) -> [Int] {
        Set(series.observations.map(\.month.year)).sorted().filter { completeYear($0, of: series, period: period) != nil }
    }
}

/// The values of `period`'s months of `year` in `series`, or `nil` when a month is missing (or
/// the year is outside the calendar).
func completeYear(_ year: Int, of series: MonthlySeries, period: ClosedRange<Int> = 1...12) -> [Double]? {
    let values = period.compactMap { (try? Month(year: year, month: $0)).flatMap { series[$0] } }
    return values.count == period.count ? values : nil
}

/// Mean |y_t − y_{t−12}| over the observed pairs of `history`.
func seasonalNaiveScale(_ history: MonthlySeries?) -> Double? {
    guard let history else { return nil }
    var sum = 0.0, count = 0
    for t in 12..<max(history.values.count, 12) {
        if let now = history.values[t], let before = history.values[t - 12] {
            sum += abs(now - before)
            count += 1
        }
    }
    return count > 0 && sum > 0 ? sum / Double(count) : nil
}

/// Why a backtest case could not run.
public enum BacktestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not all twelve months of the year are observed.
    case incompleteYear(indicator: String, year: Int)
    /// Months known outside 0 … 11.
    case monthsKnown(Int)
    /// The cut already covers the whole period, so there is nothing to project.
    case periodObserved(indicator: String, year: Int, monthsKnown: Int)
    /// The model could not be fitted at the cut.
    case model(indicator: String, year: Int, ModelError)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .incompleteYear(let indicator, let year):
            "\(indicator) \(year): not all twelve months are observed, so there is nothing to compare with"
        case .monthsKnown(let k): "months known \(k) must be between 0 and 11"
        case .periodObserved(let indicator, let year, let k):
            "\(indicator) \(year): the period is fully observed after month \(k), so there is nothing to project"
        case .model(let indicator, let year, let error): "\(indicator) \(year): \(error)"
        }
    }
}
