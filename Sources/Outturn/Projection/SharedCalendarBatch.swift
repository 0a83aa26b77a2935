import Foundation

/// Year-end projections of many series that share a calendar, a regression and a target shape,
/// computed together with the model's exact formula (``IntervalMethod/model``).
///
/// The year-end point forecast of a linear model is a single linear functional of each series:
/// with the pivoted QR X·P = Q·R of the shared design, c = X_Uᵀa over the unobserved months of the
/// period and w = R₁₁⁻ᵀc, the forecast part is wᵀQ₁ᵀy = (Q₁w)ᵀy and the residual sum of squares is
/// ‖y − ȳ‖² − ‖Q₁ᵀ(y − ȳ)‖² (formed outright when that difference is near rounding). So one
/// factorisation serves every series, one matrix product [Q₁ᵀ; (Q₁w)ᵀ]·Y (BLAS-3 `dgemm`, in
/// blocks of series spread over the cores) gives what every series needs, and no coefficient is
/// ever solved for. Var = σ̂ⱼ²(‖w‖² + ‖a_U‖²), ν = n − rank for all, as
/// ``YearEndProjection`` computes one series at a time (and R's `tslm` does: see the tests).
///
/// What it leaves out, to stay a pure formula: checked intervals, smoothing models, scenarios,
/// log models, regressors, `min`/`max`, references other than a fixed threshold, natural bounds
/// (``Target/bounds``), and the early settling of never-negative sums; use ``YearEndProjection``
/// for those.
public enum SharedCalendarBatch {
    /// The projections of a batch, stored by column; element j is series j's ``Outcome``.
    public struct Projections: RandomAccessCollection, Sendable {
        /// The projected figures.
        public let values: [Double]
        /// Their standard errors.
        public let standardErrors: [Double]
        /// P(target met) of each series.
        public let probabilities: [Double]
        /// The interval levels, percent.
        public let levels: [Double]
        let quantiles: [Double]

        public var startIndex: Int { 0 }
        public var endIndex: Int { values.count }

        /// Series j's projection with its intervals.
        public subscript(j: Int) -> Outcome {
            Outcome(value: values[j], standardError: standardErrors[j],
                    intervals: zip(levels, quantiles).map { level, q in
                        PredictionInterval(level: level, lower: values[j] - q * standardErrors[j],
                                           upper: values[j] + q * standardErrors[j])
                    },
                    probability: probabilities[j])
        }
    }

    /// One series' projection.
    public struct Outcome: Sendable, Equatable {
        /// The projected figure.
        public let value: Double
        /// Its standard error.
        public let standardError: Double
        /// Central intervals, one per level.
        public let intervals: [PredictionInterval]
        /// P(target met).
        public let probability: Double
    }

    /// Projects `count` series whose observed months are `months` (the same for all; the rows of
    /// `values`, column-major: series j's values are `values[j·n ..< (j+1)·n]`, n = months.count).
    /// - Parameters:
    ///   - values: the n × count matrix, only read: it is multiplied in blocks of 2,048 series, so
    ///     the work space beyond it and the results is a few hundred kilobytes per core.
    ///   - months: the observed months, in order (gaps allowed, shared by every series).
    ///   - count: the number of series.
    ///   - model: a regression without log or regressors.
    ///   - year: the target year; its months in `period` that are not among `months` are predicted.
    ///   - period: the months of the year that count.
    ///   - aggregate: `sum`, `mean` or `last`.
    ///   - comparator: how the figure must compare with each series' threshold.
    ///   - thresholds: one per series.
    ///   - levels: interval levels in percent.
    /// - Throws: ``ModelError`` for an unsupported model or aggregate, non-finite values, or too
    ///   few months for the model.
    public static func project(values: [Double], months: [Month], count: Int, model: RegressionFormula,
                               year: Int, period: ClosedRange<Int> = 1...12, aggregate: Target.Aggregate,
                               comparator: Target.Comparator, thresholds: [Double],
                               levels: [Double] = [80, 95]) throws(ModelError) -> Projections {
        try project(values: values, months: months, count: count, model: model, year: year, period: period,
                    aggregate: aggregate, comparator: comparator, thresholds: thresholds, levels: levels, concurrently: true)
    }

    /// As above; `concurrently: false` runs the same blocks one after another (for tests that the
    /// thread count does not change a bit).
    static func project(values: [Double], months: [Month], count: Int, model: RegressionFormula,
                        year: Int, period: ClosedRange<Int>, aggregate: Target.Aggregate,
                        comparator: Target.Comparator, thresholds: [Double],
                        levels: [Double], concurrently: Bool) throws(ModelError) -> Projections {
        try validateLevels(levels)
        let n = months.count
        guard n >= 1, count >= 1, values.count == n * count, thresholds.count == count else { throw .emptyDesign }
        guard !model.isLog, model.regressorNames.isEmpty else { throw .unknownModel("\(model) (the shared-calendar batch takes plain regressions)") }
        guard [.sum, .mean, .last].contains(aggregate) else { throw .unknownModel("aggregate \(aggregate.rawValue) (the shared-calendar batch takes sum, mean or last)") }

        // The period's months: observed ones are rows of `values`, the rest are forecast.
        let periodMonths = period.compactMap { try? Month(year: year, month: $0) }
        let row = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        // Checked above: the aggregate is linear.
        let weights = aggregate.linearWeights(count: periodMonths.count) ?? []
        let weightOf: (Int) -> Double = { weights[$0] }
        var observedRows: [(row: Int, weight: Double)] = [], unobserved: [(month: Month, weight: Double)] = []
        for (index, month) in periodMonths.enumerated() where weightOf(index) != 0 {
            // A month of the period not observed (after the history or a gap in it) is predicted.
            if let r = row[month] { observedRows.append((r, weightOf(index))) } else { unobserved.append((month, weightOf(index))) }
        }

        // One factorisation of the shared design; w = Σ_U a_i·z_i, so the forecast part of series
        // y is wᵀQ₁ᵀy = (Q₁w)ᵀy, a single extra functional.
        let shared = try SharedDesign(model: model, months: months)
        let z = try shared.whitenedRows(for: unobserved.map(\.month))
        var w = [Double](repeating: 0, count: shared.rank)
        for (row, (_, weight)) in zip(z, unobserved) { for k in 0..<shared.rank { w[k] += weight * row[k] } }
        let spread = (w.reduce(0) { $0 + $1 * $1 } + unobserved.reduce(0) { $0 + $1.weight * $1.weight }).squareRoot()
        let nu = shared.degreesOfFreedom

        let t = StudentT(degreesOfFreedom: Double(nu))
        let quantiles = levels.map { t.quantile(0.5 + $0 / 200) }
        var figures = [Double](repeating: 0, count: count), errors = figures, probabilities = figures
        try figures.withUnsafeMutableBufferPointer { valueOut throws(ModelError) in
        try errors.withUnsafeMutableBufferPointer { errorOut throws(ModelError) in
        try probabilities.withUnsafeMutableBufferPointer { probabilityOut throws(ModelError) in
        try values.withUnsafeBufferPointer { y throws(ModelError) in
            // Unsafe buffers are not Sendable; each series writes only its own element.
            nonisolated(unsafe) let (valueOut, errorOut, probabilityOut, y) = (valueOut, errorOut, probabilityOut, y)
            let (noneUnobserved, observedRows) = (unobserved.isEmpty, observedRows)
            try shared.apply(values: y, count: count, functionals: [shared.functional(w)], concurrently: concurrently) { j, sigma, forecast in
                let column = j * n
                var known = 0.0
                for (r, weight) in observedRows { known += weight * y[column + r] }
                let value = known + forecast[0]
                let se = noneUnobserved ? 0 : sigma * spread
                let probability: Double
                if se > 0 {
                    let z = (thresholds[j] - value) / se
                    let below = nu <= StudentT.finiteSeriesLimit ? t.cdfByFiniteSeries(z) : t.cdf(z)
                    probability = comparator.isUpperBound ? below : 1 - below
                } else {
                    probability = comparator.isMetAllowingRounding(value, threshold: thresholds[j]) ? 1 : 0
                }
                valueOut[j] = value
                errorOut[j] = se
                probabilityOut[j] = probability
            }
        }
        }
        }
        }
        return Projections(values: figures, standardErrors: errors, probabilities: probabilities,
                           levels: levels, quantiles: quantiles)
    }

    /// Projects every series against its threshold as of `asOf`, grouping the series by the months
    /// they have observed through `asOf` so that each group — real panels have a few gap patterns —
    /// takes the shared path above. Results in input order.
    /// - Throws: ``ModelError`` from the first group that fails.
    public static func project(series: [MonthlySeries], thresholds: [Double], asOf: Month, model: RegressionFormula,
                               year: Int, period: ClosedRange<Int> = 1...12, aggregate: Target.Aggregate,
                               comparator: Target.Comparator, levels: [Double] = [80, 95]) throws(ModelError) -> [Outcome] {
        precondition(series.count == thresholds.count, "one threshold per series")
        var membersOf: [ObservedMonths?: [Int]] = [:], patterns: [ObservedMonths?] = []
        for (index, one) in series.enumerated() {
            let pattern = ObservedMonths(one, through: asOf)
            if membersOf[pattern] == nil { patterns.append(pattern) }
            membersOf[pattern, default: []].append(index)
        }
        // Groups run side by side (most are narrower than one block of the product), each one
        // serially, so results do not depend on the core count.
        let (groups, order) = (membersOf, patterns)
        let groupResults = concurrentResults(order.count) { position in
            Result { () throws(ModelError) -> Projections in
                let members = groups[order[position]]!
                guard let pattern = order[position] else {
                    throw .tooFewObservations(model: model.description, needed: 2, available: 0)
                }
                var values: [Double] = []
                values.reserveCapacity(pattern.count * members.count)
                for index in members { pattern.appendValues(of: series[index], to: &values) }
                return try project(values: values, months: pattern.months, count: members.count, model: model, year: year,
                                   period: period, aggregate: aggregate, comparator: comparator,
                                   thresholds: members.map { thresholds[$0] }, levels: levels,
                                   concurrently: order.count == 1)
            }
        }
        var outcomes = [Outcome?](repeating: nil, count: series.count)
        for (position, result) in groupResults.enumerated() {
            // The first failing group in input order is the error, as when run one by one.
            let projected: Projections = try result.get()
            for (index, outcome) in zip(groups[order[position]]!, projected) { outcomes[index] = outcome }
        }
        return outcomes.map { $0! }   // every series belongs to exactly one group
    }
}
