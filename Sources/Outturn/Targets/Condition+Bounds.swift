/// A bounded indicator's condition: the predictive distribution of the figure is truncated to
/// the figures months within the target's ``Target/bounds`` can give.
///
/// Every aggregate (sum, mean, last, min, max), and every side of a condition (positive
/// combinations of them), is non-decreasing in each month, so the figure's possible range is its
/// value with every unobserved month at the lower bound to its value with every one at the upper
/// bound: r·[a, b] plus the observed part for a sum of r open months, and so on. A month a scenario
/// `set`s keeps its set value at both ends.
extension Condition {
    /// The range `combination` can take with the unobserved months of `own` within the bounds;
    /// `nil` when the indicator is unbounded or nothing is unobserved.
    func possibleRange(of combination: FigureCombination, in own: SeriesOutlook) -> ClosedRange<Double>? {
        let bounds = target.bounds
        guard !bounds.isUnbounded, !own.unobserved.isEmpty, !combination.terms.isEmpty else { return nil }
        let point = own.pointPath
        var low = point, high = point
        for index in point.indices where own.adjustments[index].scale != 0 {
            low[index] = bounds.lowerValue
            high[index] = bounds.upperValue
        }
        let compiled = own.compile(combination)
        let from = compiled.value(path: low), to = compiled.value(path: high)
        guard from <= to else { return nil }   // NaN: never truncate on a meaningless range
        return from...to
    }

    /// The exact outcome for a bounded indicator with a known reference: V ~ v + se·T_ν truncated to
    /// `possible`. The value is the truncated distribution's median, the intervals its central
    /// quantiles, P(met) its probability on the right side of the reference; the standard error is
    /// se scaled by how much the truncation narrows the central 68.27% range (so that it is se
    /// itself when nothing is cut).
    func truncated(value v: Double, standardError se: Double, degreesOfFreedom nu: Double,
                   possible: ClosedRange<Double>, reference: Double, levels: [Double]) -> Outcome {
        guard let distribution = TruncatedStudentT(degreesOfFreedom: nu, centre: v, scale: se,
                                                   lower: possible.lowerBound, upper: possible.upperBound) else {
            // No spread, or every bit of it beyond a bound: the figure is the nearest possible one.
            let clamped = min(max(v, possible.lowerBound), possible.upperBound)
            return Outcome(value: clamped, standardError: 0,
                           intervals: levels.map { PredictionInterval(level: $0, lower: clamped, upper: clamped) },
                           referenceValue: reference, referenceStandardError: 0,
                           probability: target.comparator.isMetAllowingRounding(clamped, threshold: reference) ? 1 : 0,
                           method: .exact)
        }
        let oneSigma = 0.841_344_746_068_542_9   // Φ(1)
        let whole = StudentT(degreesOfFreedom: nu).quantile(oneSigma)
        let narrowing = distribution.isWhole ? 1
            : (distribution.quantile(oneSigma) - distribution.quantile(1 - oneSigma)) / (2 * whole * se)
        let below = distribution.cdf(reference)
        return Outcome(value: distribution.quantile(0.5), standardError: se * narrowing,
                       intervals: levels.map { level in
                           PredictionInterval(level: level, lower: distribution.quantile(0.5 - level / 200),
                                              upper: distribution.quantile(0.5 + level / 200))
                       },
                       referenceValue: reference, referenceStandardError: 0,
                       probability: target.comparator.isUpperBound ? below : 1 - below, method: .exact)
    }

    /// The simulated figures conditioned on the bounds: the paths whose figure (and own reference
    /// figure) lie within what the bounds allow. When fewer than 1% of the paths are left (the
    /// model puts almost all its mass beyond a bound), too few to read quantiles from, every path
    /// is kept and its figures are clamped to the possible range instead.
    func keepingPossible(values: [Double], references: [Double], possible: ClosedRange<Double>,
                         referencePossible: ClosedRange<Double>?) -> ([Double], [Double]) {
        var keptValues: [Double] = [], keptReferences: [Double] = []
        keptValues.reserveCapacity(values.count)
        keptReferences.reserveCapacity(values.count)
        for (value, reference) in zip(values, references)
        where possible.contains(value) && (referencePossible?.contains(reference) ?? true) {
            keptValues.append(value)
            keptReferences.append(reference)
        }
        if keptValues.count * 100 >= values.count { return (keptValues, keptReferences) }
        return (values.map { min(max($0, possible.lowerBound), possible.upperBound) },
                references.map { r in referencePossible.map { min(max(r, $0.lowerBound), $0.upperBound) } ?? r })
    }
}
