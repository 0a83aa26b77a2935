import Foundation

/// A target's condition V comparator R evaluated on outlooks: the engine behind
/// ``YearEndProjection`` and ``RequiredPace``.
struct Condition: Sendable {
    let target: Target
    let outlook: SeriesOutlook
    let referenceOutlook: SeriesOutlook?

    struct Outcome {
        var value: Double, standardError: Double, intervals: [PredictionInterval]
        var referenceValue: Double, referenceStandardError: Double
        var probability: Double, method: YearEndProjection.Method
    }

    var valueSide: FigureCombination { target.valueSide }
    var referenceSide: FigureCombination { target.referenceSide }
    var referenceFigure: FigureCombination { FigureCombination(terms: [(1, target.figure)]) }

    /// V, R and P(met) with the outlooks' adjustments and an extra shift `shift` added to the
    /// unobserved months of the target period.
    func assess(levels: [Double], shift: Double = 0) -> Outcome {
        let own = shift == 0 ? outlook : outlook.shiftingTargetMonths(of: target, by: shift)
        if own.unobserved.isEmpty, referenceOutlook?.unobserved.isEmpty ?? true {
            let v = own.value(of: valueSide, path: [])
            let r = own.value(of: referenceSide, path: []) + (referenceOutlook?.value(of: referenceFigure, path: []) ?? 0)
            return Outcome(value: v, standardError: 0, intervals: levels.map { PredictionInterval(level: $0, lower: v, upper: v) },
                           referenceValue: r, referenceStandardError: 0,
                           probability: target.comparator.isMetAllowingRounding(v, threshold: r) ? 1 : 0, method: .observed)
        }
        if let v = own.linear(valueSide), let r = own.linear(referenceSide) {
            // Exact when the reference indicator, if any, is linear too.
            switch referenceOutlook.map({ $0.linear(referenceFigure) }) {
            case nil: return exact(own: own, v: v, r: r, other: nil, levels: levels)
            case let other?? : return exact(own: own, v: v, r: r, other: other, levels: levels)
            case .some(.none): break
            }
        }
        return simulate(own: own, levels: levels)
    }

    private func exact(own: SeriesOutlook, v: (value: Double, errorWeights: [Double]),
                       r: (value: Double, errorWeights: [Double]),
                       other: (value: Double, errorWeights: [Double])?, levels: [Double]) -> Outcome {
        let varianceV = own.variance(errorWeights: v.errorWeights)
        let varianceROwn = own.variance(errorWeights: r.errorWeights)
        let varianceDOwn = own.variance(errorWeights: zip(v.errorWeights, r.errorWeights).map { $0 - $1 })
        let varianceOther = other.map { referenceOutlook!.variance(errorWeights: $0.errorWeights) } ?? 0
        let referenceValue = r.value + (other?.value ?? 0)
        let nuOwn = Double(own.degreesOfFreedom), nuOther = Double(referenceOutlook?.degreesOfFreedom ?? 1)

        let seV = varianceV.squareRoot()
        let tOwn = StudentT(degreesOfFreedom: nuOwn)
        let intervals = levels.map { level in
            let q = tOwn.quantile(0.5 + level / 200)
            return PredictionInterval(level: level, lower: v.value - q * seV, upper: v.value + q * seV)
        }
        let varianceD = varianceDOwn + varianceOther
        let probability: Double
        if varianceD > 0 {
            // Welch–Satterthwaite when both sides carry estimated variance.
            let nu = varianceOther == 0 ? nuOwn : varianceDOwn == 0 ? nuOther
                : varianceD * varianceD / (varianceDOwn * varianceDOwn / nuOwn + varianceOther * varianceOther / nuOther)
            let below = StudentT(degreesOfFreedom: nu).cdf((referenceValue - v.value) / varianceD.squareRoot())
            probability = target.comparator.isUpperBound ? below : 1 - below
        } else {
            probability = target.comparator.isMetAllowingRounding(v.value, threshold: referenceValue) ? 1 : 0
        }
        return Outcome(value: v.value, standardError: seV, intervals: intervals, referenceValue: referenceValue,
                       referenceStandardError: (varianceROwn + varianceOther).squareRoot(),
                       probability: probability, method: .exact)
    }

    private func simulate(own: SeriesOutlook, levels: [Double]) -> Outcome {
        let count = YearEndProjection.simulationPaths, seed = YearEndProjection.simulationSeed
        let paths = own.samplePaths(count: count, seed: seed)
        let otherPaths = referenceOutlook?.samplePaths(count: count, seed: seed &+ 1)
        let value = own.compile(valueSide), reference = own.compile(referenceSide)
        let otherReference = referenceOutlook?.compile(referenceFigure)
        var values = [Double](repeating: 0, count: count), references = values
        var met = 0
        for i in 0..<count {
            values[i] = value.value(path: paths[i])
            references[i] = reference.value(path: paths[i]) + (otherPaths.map { otherReference!.value(path: $0[i]) } ?? 0)
            if target.comparator.isMetAllowingRounding(values[i], threshold: references[i]) { met += 1 }
        }
        values.sort()
        references.sort()
        return Outcome(value: quantile(values, 0.5), standardError: robustScale(values),
                       intervals: levels.map { level in
                           PredictionInterval(level: level, lower: quantile(values, 0.5 - level / 200),
                                              upper: quantile(values, 0.5 + level / 200))
                       },
                       referenceValue: quantile(references, 0.5), referenceStandardError: robustScale(references),
                       probability: Double(met) / Double(count), method: .simulation)
    }

    /// The constant monthly value v for the unobserved months of the target period that puts V̂
    /// exactly on `reference` (R̂), with every other unobserved month at its point forecast. V is linear in v for
    /// sum, mean and last (two evaluations solve it) and monotone for min and max (bisection).
    func constantPace(reference: Double) -> Double? {
        let open = target.months.filter { outlook.observed[$0] == nil }
        guard !open.isEmpty else { return nil }
        let value = outlook.compile(valueSide)
        let base = outlook.pointPath, indices = outlook.positions(of: open)
        func gap(_ v: Double) -> Double {
            var path = base
            for index in indices { path[index] = v }
            return value.value(path: path) - reference
        }
        switch target.aggregate {
        case .sum, .mean, .last:
            let atZero = gap(0), slope = gap(1) - atZero
            guard slope != 0 else { return nil }
            return -atZero / slope
        case .min, .max:
            return solveIncreasing(gap)
        }
    }
}

/// The root of a non-decreasing function by bracketing and bisection, to 1e-10 relative (far finer
/// than any pace is reported; each step may cost a full simulation); `nil` when it has none.
func solveIncreasing(_ f: (Double) -> Double) -> Double? {
    var low = -1.0, high = 1.0
    while f(low) > 0 { low *= 2; if low < -1e300 { return nil } }
    while f(high) < 0 { high *= 2; if high > 1e300 { return nil } }
    while high - low > 1e-10 * max(1, abs(low), abs(high)) {
        let middle = (low + high) / 2
        if middle == low || middle == high { break }
        if f(middle) < 0 { low = middle } else { high = middle }
    }
    return (low + high) / 2
}

/// Linear interpolation between order statistics of sorted draws (R's type 7).
func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lower = Int(h.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
}

/// Half the central 68.27% range of sorted draws: a standard error that exists for heavy tails.
func robustScale(_ sorted: [Double]) -> Double {
    let oneSigma = 0.841_344_746_068_542_9   // Φ(1)
    return (quantile(sorted, oneSigma) - quantile(sorted, 1 - oneSigma)) / 2
}

extension SeriesOutlook {
    /// The path positions of `months`, each of which must be unobserved.
    func positions(of months: [Month]) -> [Int] { months.map { position[$0]! } }

    /// The outlook with `amount` added to the unobserved months of the target's period.
    func shiftingTargetMonths(of target: Target, by amount: Double) -> SeriesOutlook {
        var copy = self
        let months = Set(target.months)
        copy.adjustments = zip(unobserved, adjustments).map { month, adjustment in
            months.contains(month) ? MonthAdjustment(scale: adjustment.scale, shift: adjustment.shift + amount) : adjustment
        }
        return copy
    }
}
