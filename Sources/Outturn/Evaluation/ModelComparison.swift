/// Why this model: every candidate backtested on one target's own figure, from the indicator's
/// own history.
///
/// Each earlier complete year of the history (known by the as-of month) is cut at the same month
/// of the year as the as-of month, and the target's figure (its aggregate over its period) is
/// projected from the cut with every candidate, exactly as ``Backtest`` does; the candidates are
/// compared by their mean APE and by how often their intervals held the actual figure.
///
/// ```swift
/// let comparison = try ModelComparison(series: water, target: target, asOf: Month(year: 2020, month: 8))
/// for candidate in comparison.candidates { print(candidate.model, candidate.summary.meanAPE ?? .nan) }
/// ```
///
/// The cut is months known in the target's year (``monthsKnown``): the as-of month's month when
/// it lies in that year, 0 (the December before) when it lies in an earlier year.
public struct ModelComparison: Sendable {
    /// One candidate's backtest over the cuts.
    public struct Candidate: Sendable {
        /// The candidate.
        public let model: ModelChoice
        /// One case per cut that ran, in year order.
        public let cases: [Backtest.Case]
        /// The cuts the candidate could not project (too short a history at the cut, say).
        public let failures: [BacktestError]
        /// Mean APE and coverage over ``cases``.
        public let summary: BacktestSummary

        /// Share of the cases whose interval at `level` held the actual figure; `nil` without cases.
        public func coverage(level: Double) -> Double? {
            summary.coverage.first { $0.level == level }.flatMap { $0.share.isFinite ? $0.share : nil }
        }
    }

    /// The candidates `outturn compare` tries by default, by the names `--model` accepts: `auto`,
    /// `ets`, `theta`, `damped`, `trend+season+arma`, `regression`, `snaive` and `runrate`.
    public static let defaultCandidates: [ModelChoice] =
        ["auto", "ets", "theta", "damped", "trend+season+arma", "regression", "snaive", "runrate"]
            .compactMap { try? ModelChoice(parsing: $0) }   // every name parses (checked by a test)

    /// The figure compared (its indicator, year, aggregate and period).
    public let target: Target
    /// Months of the year known at each cut, 0 … 12 (12, or the period's last month or later:
    /// the period is observed and nothing was projected).
    public let monthsKnown: Int
    /// The earlier years cut, ascending: the last complete ones, at most the number asked for.
    public let years: [Int]
    /// Every candidate, in the order given.
    public let candidates: [Candidate]
    /// The model `auto` fits today for the target (e.g. `ensemble`); `nil` when the period is
    /// already observed or nothing can be fitted.
    public let autoChoice: String?

    /// Backtests every candidate on `target`'s figure in `series`, as known at `asOf`.
    /// - Parameters:
    ///   - series: the indicator's monthly values; months after `asOf` are not used.
    ///   - target: the figure: its indicator, year, aggregate and period (its threshold is not used).
    ///   - asOf: the last month known.
    ///   - candidates: the models to compare.
    ///   - years: how many earlier complete years to cut (fewer when the history is shorter).
    ///   - levels: interval levels in percent.
    ///   - intervals: checked spreads (default) or the model's alone.
    /// - Complexity: one fit per candidate and year, plus one for ``autoChoice``.
    public init(series: MonthlySeries, target: Target, asOf: Month, candidates: [ModelChoice] = defaultCandidates,
                years: Int = 3, levels: [Double] = [80, 95], intervals: IntervalMethod = .checked) {
        let plan = Plan(series: series, target: target, asOf: asOf, years: years)
        let results = candidates.map { model in plan.years.map { plan.run(year: $0, model: model, levels: levels, intervals: intervals) } }
        self.init(plan: plan, candidates: candidates, results: results, levels: levels,
                  autoChoice: plan.autoChoice(levels: levels, intervals: intervals))
    }

    init(plan: Plan, candidates: [ModelChoice], results: [[Result<Backtest.Case, BacktestError>]], levels: [Double],
         autoChoice: String?) {
        target = plan.target
        monthsKnown = plan.monthsKnown
        years = plan.years
        self.candidates = zip(candidates, results).map { model, results in
            var cases: [Backtest.Case] = [], failures: [BacktestError] = []
            for result in results {
                switch result {
                case .success(let c): cases.append(c)
                case .failure(let error): failures.append(error)
                }
            }
            return Candidate(model: model, cases: cases, failures: failures, summary: BacktestSummary(cases: cases, levels: levels))
        }
        self.autoChoice = autoChoice
    }

    /// The position in ``candidates`` of the lowest mean APE among those that projected every
    /// cut (a candidate scored on fewer years is not compared like with like); the first on a tie.
    public var lowestAPE: Int? {
        var best: (index: Int, ape: Double)?
        for (index, candidate) in candidates.enumerated()
        where !years.isEmpty && candidate.cases.count == years.count {
            guard let ape = candidate.summary.meanAPE, ape.isFinite else { continue }
            if best == nil || ape < best!.ape { best = (index, ape) }
        }
        return best?.index
    }

    /// Whether the target's period is already observed at the as-of month: nothing to project.
    public var isSettled: Bool { monthsKnown >= target.period.upperBound }

    /// The cuts of one comparison: which years, at which month.
    struct Plan: Sendable {
        let series: MonthlySeries
        let target: Target
        let asOf: Month
        let monthsKnown: Int
        let years: [Int]

        init(series: MonthlySeries, target: Target, asOf: Month, years count: Int) {
            self.target = target
            self.asOf = asOf
            monthsKnown = asOf.year == target.year ? asOf.month : asOf.year < target.year ? 0 : 12
            // Only what was known at the as-of month: a later year is neither cut nor scored.
            guard let known = series.through(asOf) else {
                self.series = series
                years = []
                return
            }
            self.series = known
            years = monthsKnown >= target.period.upperBound ? []
                : Array(Backtest.completeYears(of: known, period: target.period).filter { $0 < target.year }.suffix(max(count, 0)))
        }

        func run(year: Int, model: ModelChoice, levels: [Double], intervals: IntervalMethod) -> Result<Backtest.Case, BacktestError> {
            Result { () throws(BacktestError) -> Backtest.Case in
                // One month of monthly forecasts: only the year's figure is compared here.
                try Backtest.run(Backtest.Request(target: target, series: series, year: year, monthsKnown: monthsKnown),
                                 model: model, levels: levels, horizon: 1, intervals: intervals)
            }
        }

        /// The model `auto` fits for the figure today, as `project` would.
        func autoChoice(levels: [Double], intervals: IntervalMethod) -> String? {
            guard monthsKnown < target.period.upperBound,
                  let figure = try? Target(indicator: target.indicator, year: target.year, aggregate: target.aggregate,
                                           comparator: .greaterThanOrEqual, threshold: 0, period: target.period),
                  let projection = try? YearEndProjection(series: series, target: figure, asOf: asOf, model: .auto,
                                                          levels: levels, intervals: intervals)
            else { return nil }
            return projection.modelSummary?.name
        }
    }
}
