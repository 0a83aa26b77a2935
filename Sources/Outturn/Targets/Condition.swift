import Foundation

/// A target's condition V comparator R evaluated on outlooks: the engine behind
/// ``YearEndProjection`` and ``RequiredPace``.
struct Condition: Sendable {
    let target: Target
    let outlook: SeriesOutlook
    let referenceOutlook: SeriesOutlook?
    /// Paths and figures shared with the other conditions judged on the same predictions; `nil`:
    /// this condition draws its own.
    var simulations: SimulationCache? = nil

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
        let possible = possibleRange(of: valueSide, in: own)
        if let v = own.linear(valueSide), let r = own.linear(referenceSide) {
            // Exact when the reference indicator, if any, is linear too, and, for a bounded
            // indicator, when the reference is known: V is then truncated alone (a random
            // reference would need V and R truncated jointly, which the simulation does).
            let referenceKnown = r.errorWeights.allSatisfy { $0 == 0 }
            switch referenceOutlook.map({ $0.linear(referenceFigure) }) {
            case nil where possible == nil || referenceKnown:
                return exact(own: own, v: v, r: r, other: nil, levels: levels, possible: possible)
            case let other?? where possible == nil || (referenceKnown && other.errorWeights.allSatisfy { $0 == 0 }):
                return exact(own: own, v: v, r: r, other: other, levels: levels, possible: possible)
            default: break
            }
        }
        return simulate(own: own, levels: levels, possible: possible)
    }

    private func exact(own: SeriesOutlook, v: (value: Double, errorWeights: [Double]),
                       r: (value: Double, errorWeights: [Double]),
                       other: (value: Double, errorWeights: [Double])?, levels: [Double],
                       possible: ClosedRange<Double>?) -> Outcome {
        let varianceV = own.variance(errorWeights: v.errorWeights)
        let varianceROwn = own.variance(errorWeights: r.errorWeights)
        let varianceDOwn = own.variance(errorWeights: zip(v.errorWeights, r.errorWeights).map { $0 - $1 })
        let varianceOther = other.map { referenceOutlook!.variance(errorWeights: $0.errorWeights) } ?? 0
        let referenceValue = r.value + (other?.value ?? 0)
        let nuOwn = Double(own.degreesOfFreedom), nuOther = Double(referenceOutlook?.degreesOfFreedom ?? 1)

        let seV = varianceV.squareRoot()
        if let possible, varianceV.isFinite {
            // The reference is known here (see `assess`).
            return censored(value: v.value, standardError: seV, degreesOfFreedom: nuOwn, possible: possible,
                            reference: referenceValue, levels: levels)
        }
        let tOwn = StudentT(degreesOfFreedom: nuOwn)
        let intervals = levels.map { level in
            let q = tOwn.quantile(0.5 + level / 200)
            return PredictionInterval(level: level, lower: v.value - q * seV, upper: v.value + q * seV)
        }
        let varianceD = varianceDOwn + varianceOther
        guard varianceD.isFinite else {
            // A change of 1e155 under a scenario: the spread of V − R overflows. Report it as
            // infinite, which the projection refuses as an overflow, rather than ask Student's t
            // for ν = ∞/∞.
            return Outcome(value: v.value, standardError: .infinity, intervals: intervals, referenceValue: referenceValue,
                           referenceStandardError: .infinity, probability: .nan, method: .exact)
        }
        let probability: Double
        if varianceD > 0 {
            // Welch–Satterthwaite when both sides carry estimated variance, on shares of the total
            // variance so that squaring a variance of 1e160 cannot overflow to ∞/∞.
            let ownShare = varianceDOwn / varianceD, otherShare = varianceOther / varianceD
            let nu = varianceOther == 0 ? nuOwn : varianceDOwn == 0 ? nuOther
                : 1 / (ownShare * ownShare / nuOwn + otherShare * otherShare / nuOther)
            let below = StudentT(degreesOfFreedom: nu).cdf((referenceValue - v.value) / varianceD.squareRoot())
            probability = target.comparator.isUpperBound ? below : 1 - below
        } else {
            probability = target.comparator.isMetAllowingRounding(v.value, threshold: referenceValue) ? 1 : 0
        }
        return Outcome(value: v.value, standardError: seV, intervals: intervals, referenceValue: referenceValue,
                       referenceStandardError: (varianceROwn + varianceOther).squareRoot(),
                       probability: probability, method: .exact)
    }

    private func simulate(own: SeriesOutlook, levels: [Double], possible: ClosedRange<Double>?) -> Outcome {
        let count = YearEndProjection.simulationPaths, seed = YearEndProjection.simulationSeed
        let (paths, pathKey) = simulations?.paths(of: own, count: count, seed: seed) ?? (own.samplePaths(count: count, seed: seed), nil)
        let otherPaths = referenceOutlook.map { other in
            simulations?.paths(of: other, count: count, seed: seed &+ 1).paths ?? other.samplePaths(count: count, seed: seed &+ 1)
        }
        let value = own.compile(valueSide), reference = own.compile(referenceSide)
        let otherReference = referenceOutlook?.compile(referenceFigure)
        func figures() -> [Double] {
            var values = [Double](repeating: 0, count: count)
            for i in 0..<count { values[i] = value.value(path: paths[i]) }
            // Censored: a path's figure beyond what the bounds allow is put on the bound.
            if let possible {
                for i in 0..<count { values[i] = min(max(values[i], possible.lowerBound), possible.upperBound) }
            }
            return values
        }
        // Targets that differ only in their threshold share the figure's values, and its sorted draws.
        let shared = pathKey.flatMap { key in
            simulations?.figures(for: SimulationCache.FigureKey(paths: key, combination: value, possible: possible), compute: figures)
        }
        let values = shared?.values ?? figures()
        var references: [Double]
        let fixedReference = referenceSide.terms.isEmpty && referenceOutlook == nil
        if fixedReference {
            // A fixed threshold: the same on every path, and never censored.
            references = [Double](repeating: referenceSide.constant, count: count)
        } else {
            references = [Double](repeating: 0, count: count)
            for i in 0..<count {
                references[i] = reference.value(path: paths[i]) + (otherPaths.map { otherReference!.value(path: $0[i]) } ?? 0)
            }
            if possible != nil, let range = possibleRange(of: referenceSide, in: own) {
                for i in 0..<count {
                    // Only the reference's own-indicator part is bounded; another indicator's is not.
                    let own = reference.value(path: paths[i])
                    references[i] += min(max(own, range.lowerBound), range.upperBound) - own
                }
            }
        }
        var met = 0
        for i in 0..<count where target.comparator.isMetAllowingRounding(values[i], threshold: references[i]) {
            met += 1
        }
        if !fixedReference { references.sort() }
        let sorted = shared?.sorted ?? values.sorted()
        return Outcome(value: quantile(sorted, 0.5), standardError: robustScale(sorted),
                       intervals: levels.map { level in
                           PredictionInterval(level: level, lower: quantile(sorted, 0.5 - level / 200),
                                              upper: quantile(sorted, 0.5 + level / 200))
                       },
                       referenceValue: quantile(references, 0.5), referenceStandardError: robustScale(references),
                       probability: Double(met) / Double(count), method: .simulation)
    }

    /// The constant monthly value v for the months of the target period still to come that puts V̂
    /// exactly on `reference` (R̂), with every other unobserved month at its point forecast; `nil`
    /// when no month is to come or V does not depend on them.
    ///
    /// Solved in closed form, not by evaluating V at two points, so that exact cases come out
    /// exact and amounts of 1e16 lose nothing to cancellation: the target year's figure must be
    /// F* = (R − the other figures of the value side) / its coefficient; then v = (F*·d − S)/k for
    /// a sum (d = 1) or mean (d = months in the period) with S the sum of the other months and k the
    /// months to come; v = F* for `last` when its month is to come; and for `max` (`min`) v = F*
    /// when the other months stay at or below (above) F*, since any month reaching F* then sets it.
    /// A v within rounding of 0 (V at v = 0 equal to F* within 1e-12 relative, the comparator's own
    /// allowance) is 0, so that noise never reads as "below zero".
    func constantPace(reference: Double) -> Double? {
        let open = Set(outlook.monthsToCome(of: target.months))
        guard !open.isEmpty else { return nil }
        let base = outlook.pointPath
        func values(_ figure: Figure) -> (known: [Double], open: Int) {
            var known: [Double] = [], openCount = 0
            for month in figure.months {
                if open.contains(month) { openCount += 1 } else { known.append(outlook.observed[month] ?? base[outlook.position[month]!]) }
            }
            return (known, openCount)
        }
        let side = valueSide
        guard let own = side.terms.firstIndex(where: { $0.figure.year == target.year }), side.terms[own].coefficient != 0 else {
            return nil
        }
        var others = side.constant
        for (index, term) in side.terms.enumerated() where index != own {
            let (known, _) = values(term.figure)
            others += term.coefficient * term.figure.value(known)
        }
        let needed = (reference - others) / side.terms[own].coefficient
        let figure = side.terms[own].figure, (known, k) = values(figure)
        switch figure.aggregate {
        case .sum, .mean:
            let total = figure.aggregate == .mean ? needed * Double(figure.months.count) : needed
            let rest = compensatedSum(known)
            if total == rest || abs(total - rest) <= 1e-12 * max(abs(total), abs(rest)) { return 0 }
            return (total - rest) / Double(k)
        case .last:
            return open.contains(figure.months[figure.months.count - 1]) ? needed : nil
        case .max:
            guard let other = known.max() else { return needed }
            return other <= needed || abs(other - needed) <= 1e-12 * max(abs(other), abs(needed)) ? needed : nil
        case .min:
            guard let other = known.min() else { return needed }
            return other >= needed || abs(other - needed) <= 1e-12 * max(abs(other), abs(needed)) ? needed : nil
        }
    }

    /// The value the target year's figure must reach when the reference and every other figure
    /// of the value side are known (all their months observed), so that the observed months may
    /// settle the target as they settle a fixed threshold; `nil` otherwise.
    var settlingThreshold: Double? {
        guard referenceSide.months.allSatisfy({ outlook.observed[$0] != nil }),
              referenceOutlook?.unobserved.isEmpty ?? true else { return nil }
        let side = valueSide
        guard let own = side.terms.firstIndex(where: { $0.figure.year == target.year }),
              side.terms[own].coefficient > 0 else { return nil }
        var others = side.constant
        for (index, term) in side.terms.enumerated() where index != own {
            guard term.figure.months.allSatisfy({ outlook.observed[$0] != nil }) else { return nil }
            others += term.coefficient * term.figure.value(term.figure.months.map { outlook.observed[$0]! })
        }
        let reference = outlook.value(of: referenceSide, path: [])
            + (referenceOutlook?.value(of: referenceFigure, path: []) ?? 0)
        return (reference - others) / side.terms[own].coefficient
    }
}

/// Σ values with Neumaier's compensation: the observed months of a pace sum to the exact total
/// (seven PM2.5 means of 44 to 308, not 308.00000000000006).
func compensatedSum(_ values: [Double]) -> Double {
    var sum = 0.0, compensation = 0.0
    for value in values {
        let t = sum + value
        compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
        sum = t
    }
    return sum + compensation
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

    /// The outlook with `amount` added to the months of the target's period still to come.
    func shiftingTargetMonths(of target: Target, by amount: Double) -> SeriesOutlook {
        var copy = self
        let months = Set(monthsToCome(of: target.months))
        copy.adjustments = zip(unobserved, adjustments).map { month, adjustment in
            months.contains(month) ? MonthAdjustment(scale: adjustment.scale, shift: adjustment.shift + amount) : adjustment
        }
        return copy
    }
}
