import Foundation

/// Year-end projections of many series that share a calendar, a regression and a target shape,
/// computed together with the model's exact formula (``IntervalMethod/model``).
///
/// The year-end point forecast of a linear model is a single linear functional of each series:
/// with the pivoted QR X·P = Q·R of the shared design, c = X_Uᵀa over the unobserved months of the
/// period and w = R₁₁⁻ᵀc, the forecast part is wᵀ(QᵀY)₁:ᵣ and the residual sum of squares is
/// ‖(QᵀY)ᵣ₊₁:ₙ‖². So one factorisation serves every series, Qᵀ is applied to all of them in one
/// BLAS-3 call (LAPACK `dormqr`), and each series then costs a dot product and a sum of squares —
/// no coefficient is ever solved for. Var = σ̂ⱼ²(‖w‖² + ‖a_U‖²), ν = n − rank for all, as
/// ``YearEndProjection`` computes one series at a time (and R's `tslm` does: see the tests).
///
/// What it leaves out, to stay a pure formula: checked intervals, smoothing models, scenarios,
/// log models, regressors, `min`/`max`, references other than a fixed threshold, and the early
/// settling of never-negative sums; use ``YearEndProjection`` for those.
public enum SharedCalendarBatch {
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
    ///   - values: the n × count matrix; consumed and used as scratch, so peak memory stays near
    ///     its size.
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
    public static func project(values: consuming [Double], months: [Month], count: Int, model: ModelSpec,
                               year: Int, period: ClosedRange<Int> = 1...12, aggregate: Target.Aggregate,
                               comparator: Target.Comparator, thresholds: [Double],
                               levels: [Double] = [80, 95]) throws(ModelError) -> [Outcome] {
        try validateLevels(levels)
        let n = months.count
        guard n >= 1, count >= 1, values.count == n * count, thresholds.count == count else { throw .emptyDesign }
        guard !model.isLog, model.regressorNames.isEmpty else { throw .unknownModel("\(model) (the shared-calendar batch takes plain regressions)") }
        guard [.sum, .mean, .last].contains(aggregate) else { throw .unknownModel("aggregate \(aggregate.rawValue) (the shared-calendar batch takes sum, mean or last)") }

        // The period's months: observed ones are rows of `values`, the rest are forecast.
        let periodMonths = period.compactMap { try? Month(year: year, month: $0) }
        let row = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        let weightOf: (Int) -> Double = { index in
            switch aggregate {
            case .sum: 1
            case .mean: 1 / Double(periodMonths.count)
            default: index == periodMonths.count - 1 ? 1 : 0
            }
        }
        var observedRows: [(row: Int, weight: Double)] = [], unobserved: [(month: Month, weight: Double)] = []
        for (index, month) in periodMonths.enumerated() where weightOf(index) != 0 {
            // A month of the period not observed (after the history or a gap in it) is predicted.
            if let r = row[month] { observedRows.append((r, weightOf(index))) } else { unobserved.append((month, weightOf(index))) }
        }

        // One pivoted QR of the shared design.
        let design = DesignMatrix(model: model, fittedMonths: months, regressors: [:])
        var factors = try design.matrix(for: months).storage
        let p = design.columnCount
        let (pivot, tau) = LAPACK.geqp3(m: n, n: p, a: &factors)
        let largest = abs(factors[0])
        var rank = 0
        while rank < min(n, p), abs(factors[rank + rank * n]) > LeastSquares.defaultTolerance * largest { rank += 1 }
        guard rank > 0 else { throw .emptyDesign }
        let nu = n - rank
        guard nu >= 1 else { throw .tooFewObservations(model: model.description, needed: rank + 1, available: n) }

        // w = R₁₁⁻ᵀ·c_kept, c = Σ_U a_i x_i.
        var c = [Double](repeating: 0, count: p)
        for (month, weight) in unobserved {
            let x = try design.row(for: month)
            for k in 0..<p { c[k] += weight * x[k] }
        }
        var w = (0..<rank).map { c[pivot[$0]] }
        if rank > 0, !unobserved.isEmpty {
            var triangle = [Double](repeating: 0, count: rank * rank)
            for j in 0..<rank { for i in 0...j { triangle[i + j * rank] = factors[i + j * n] } }
            LAPACK.solveUpperTriangular(n: rank, r: triangle, ldr: rank, transpose: true, b: &w, nrhs: 1)
        }
        let shared = w.reduce(0) { $0 + $1 * $1 } + unobserved.reduce(0) { $0 + $1.weight * $1.weight }

        // Per series, before Qᵀ overwrites the values: the observed part and the magnitude.
        var y = consume values
        var known = [Double](repeating: 0, count: count), magnitude = known
        try y.withUnsafeBufferPointer { buffer throws(ModelError) in
            for j in 0..<count {
                let column = j * n
                var largestValue = 0.0
                for i in 0..<n {
                    let value = buffer[column + i]
                    guard value.isFinite else { throw .nonFiniteInput }
                    largestValue = max(largestValue, abs(value))
                }
                magnitude[j] = largestValue
                var sum = 0.0
                for (r, weight) in observedRows { sum += weight * buffer[column + r] }
                known[j] = sum
            }
        }
        LAPACK.applyQTranspose(m: n, n: p, factors: factors, tau: tau, c: &y, nrhs: count)

        let t = StudentT(degreesOfFreedom: Double(nu))
        let quantiles = levels.map { t.quantile(0.5 + $0 / 200) }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(count)
        y.withUnsafeBufferPointer { qty in
            for j in 0..<count {
                let column = j * n
                var forecast = 0.0
                for k in 0..<rank { forecast += w[k] * qty[column + k] }
                var rss = 0.0
                for i in rank..<n { rss += qty[column + i] * qty[column + i] }
                let rawSigma = (rss / Double(nu)).squareRoot()
                // As ModelFit: residuals at rounding level are an exact fit.
                let sigma = rawSigma <= 1e-13 * magnitude[j] ? 0 : rawSigma
                let value = known[j] + forecast
                let se = unobserved.isEmpty ? 0 : sigma * shared.squareRoot()
                let probability: Double
                if se > 0 {
                    let below = t.cdf((thresholds[j] - value) / se)
                    probability = comparator.isUpperBound ? below : 1 - below
                } else {
                    probability = comparator.isMetAllowingRounding(value, threshold: thresholds[j]) ? 1 : 0
                }
                outcomes.append(Outcome(value: value, standardError: se,
                                        intervals: zip(levels, quantiles).map { level, q in
                                            PredictionInterval(level: level, lower: value - q * se, upper: value + q * se)
                                        },
                                        probability: probability))
            }
        }
        return outcomes
    }

    /// Projects every series against its threshold as of `asOf`, grouping the series by the months
    /// they have observed through `asOf` so that each group — real panels have a few gap patterns —
    /// takes the shared path above. Results in input order.
    /// - Throws: ``ModelError`` from the first group that fails.
    public static func project(series: [MonthlySeries], thresholds: [Double], asOf: Month, model: ModelSpec,
                               year: Int, period: ClosedRange<Int> = 1...12, aggregate: Target.Aggregate,
                               comparator: Target.Comparator, levels: [Double] = [80, 95]) throws(ModelError) -> [Outcome] {
        precondition(series.count == thresholds.count, "one threshold per series")
        var groups: [[Month]: [Int]] = [:], order: [[Month]] = []
        for (index, one) in series.enumerated() {
            let months = one.through(asOf)?.observations.map(\.month) ?? []
            if groups[months] == nil { order.append(months) }
            groups[months, default: []].append(index)
        }
        var outcomes = [Outcome?](repeating: nil, count: series.count)
        for months in order {
            let members = groups[months]!
            guard !months.isEmpty else { throw .tooFewObservations(model: model.description, needed: 2, available: 0) }
            var values: [Double] = []
            values.reserveCapacity(months.count * members.count)
            for index in members { for month in months { values.append(series[index][month]!) } }
            let results = try project(values: values, months: months, count: members.count, model: model, year: year,
                                      period: period, aggregate: aggregate, comparator: comparator,
                                      thresholds: members.map { thresholds[$0] }, levels: levels)
            for (index, outcome) in zip(members, results) { outcomes[index] = outcome }
        }
        return outcomes.map { $0! }   // every series belongs to exactly one group
    }
}
