/// A bounded indicator's condition: the predictive distribution of the figure is censored to the
/// figures months within the target's ``Target/bounds`` can give — the model's probability of a
/// figure beyond an end is put on that end.
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

    /// The exact outcome for a bounded indicator with a known reference: V ~ v + se·T_ν censored
    /// to `possible` (whatever lies beyond an end is put on that end). The value, the interval ends
    /// and the central 68.27% range are the model's, clamped; the standard error is se scaled by how
    /// much the clamping narrows that range (se itself when nothing is cut). P(met) is the
    /// censored distribution's, which is the model's own for a reference strictly inside the range,
    /// and 0 or 1 beyond it; on an end, the mass beyond it counts as on it (a `≥ 100` rate is met
    /// by every outcome the model puts at or above 100).
    func censored(value v: Double, standardError se: Double, degreesOfFreedom nu: Double,
                  possible: ClosedRange<Double>, reference: Double, levels: [Double]) -> Outcome {
        func clamp(_ x: Double) -> Double { min(max(x, possible.lowerBound), possible.upperBound) }
        guard se > 0 else {
            // No spread (an exact fit, or set months): the figure is the nearest possible one.
            let value = clamp(v)
            return Outcome(value: value, standardError: 0,
                           intervals: levels.map { PredictionInterval(level: $0, lower: value, upper: value) },
                           referenceValue: reference, referenceStandardError: 0,
                           probability: target.comparator.isMetAllowingRounding(value, threshold: reference) ? 1 : 0,
                           method: .exact)
        }
        let t = StudentT(degreesOfFreedom: nu)
        func modelQuantile(_ p: Double) -> Double { v + se * t.quantile(p) }
        let oneSigma = 0.841_344_746_068_542_9   // Φ(1)
        let (high, low) = (modelQuantile(oneSigma), modelQuantile(1 - oneSigma))
        let narrowing = high > low ? (clamp(high) - clamp(low)) / (high - low) : 1
        // P(C ≤ R) and P(C < R) for C = clamp(V); the model's F is continuous.
        func modelBelow(_ r: Double) -> Double { t.cdf((r - v) / se) }
        let atMost: Double, below: Double
        if reference < possible.lowerBound { (atMost, below) = (0, 0) }
        else if reference > possible.upperBound { (atMost, below) = (1, 1) }
        else {
            atMost = reference == possible.upperBound ? 1 : modelBelow(reference)
            below = reference == possible.lowerBound ? 0 : modelBelow(reference)
        }
        let probability: Double = switch target.comparator {
        case .lessThanOrEqual: atMost
        case .lessThan: below
        case .greaterThanOrEqual: 1 - below
        case .greaterThan: 1 - atMost
        }
        return Outcome(value: clamp(v), standardError: se * narrowing,
                       intervals: levels.map { level in
                           PredictionInterval(level: level, lower: clamp(modelQuantile(0.5 - level / 200)),
                                              upper: clamp(modelQuantile(0.5 + level / 200)))
                       },
                       referenceValue: reference, referenceStandardError: 0, probability: probability, method: .exact)
    }
}
