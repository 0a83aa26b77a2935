/// Several conditions on one indicator and year, judged together: PM2.5 must stay below 44, keep
/// its three-year average falling, and reach the city-wide mean.
///
/// Each condition keeps its own ``YearEndProjection``. The joint probability that all hold is
/// estimated on shared draws: one set of ``YearEndProjection/simulationPaths`` joint paths of the
/// indicator's unobserved months (all the years the conditions touch), and one set per reference
/// indicator, every condition evaluated on the same path. Status: `missed` if any condition is
/// missed, `met` if all are met, otherwise from the joint probability (thresholds as for a single
/// target).
public struct JointAssessment: Sendable {
    /// The indicator.
    public let indicator: String
    /// The conditions, each projected on its own.
    public let projections: [YearEndProjection]
    /// P(every condition met).
    public let probability: Double
    /// The joint status.
    public let status: YearEndProjection.Status

    /// Judges `targets` (all for the same indicator) together.
    /// - Parameters:
    ///   - series: the indicator's monthly values.
    ///   - targets: two or more conditions on it.
    ///   - asOf: the last month known.
    ///   - model: the model, or ``ModelChoice/auto``.
    ///   - levels: interval levels in percent.
    ///   - extraTerms: terms added to the chosen model.
    ///   - regressors: exogenous regressors by name.
    ///   - scenario: changes to the forecast months.
    ///   - referenceSeries: the series of every indicator a condition compares with, by name.
    ///   - intervals: the model's spread checked against the history (default), or the model's alone.
    ///   - projected: the conditions' projections, one per target in order, when they were already
    ///     made from these same inputs (a caller that also reports them one by one); `nil` to make them.
    /// - Throws: ``ModelError``.
    public init(series: MonthlySeries, targets: [Target], asOf: Month, model: ModelChoice = .auto,
                levels: [Double] = [80, 95], extraTerms: [RegressionFormula.Term] = [],
                regressors: [String: MonthlySeries] = [:], scenario: Scenario = .baseline,
                referenceSeries: [String: MonthlySeries] = [:], intervals: IntervalMethod = .checked,
                projected: [YearEndProjection]? = nil) throws(ModelError) {
        precondition(!targets.isEmpty && Set(targets.map(\.indicator)).count == 1, "one indicator's targets")
        precondition(projected.map { $0.map(\.target) == targets } ?? true, "one projection per target, in order")
        indicator = targets[0].indicator
        var projections: [YearEndProjection] = projected ?? []
        for target in targets where projected == nil {
            let other = target.referenceIndicator.flatMap { referenceSeries[$0] }
            projections.append(try YearEndProjection(series: series, target: target, asOf: asOf, model: model, levels: levels,
                                                     extraTerms: extraTerms, regressors: regressors, scenario: scenario,
                                                     referenceSeries: other, intervals: intervals))
        }
        self.projections = projections
        let statuses = projections.map(\.status)
        if statuses.contains(.missed) {
            (probability, status) = (0, .missed)
            return
        }
        if statuses.allSatisfy({ $0 == .met }) {
            (probability, status) = (1, .met)
            return
        }

        // Shared draws over every month any condition touches. The conditions' own fits are reused
        // where they were chosen for the same first unobserved month (then they are the same fit).
        let own = try SeriesOutlook(series: series, indicator: indicator,
                                    months: targets.flatMap { $0.valueSide.months + $0.referenceSide.months },
                                    asOf: asOf, scenario: scenario,
                                    predict: SeriesOutlook.fitting(choice: model, extraTerms: extraTerms, regressors: regressors,
                                                                   scenario: scenario, intervals: intervals,
                                                                   reusing: projections.map(\.outlook)))
        let others = Set(targets.compactMap(\.referenceIndicator)).sorted()
        var otherOutlooks: [String: SeriesOutlook] = [:]
        for name in others {
            guard let otherSeries = referenceSeries[name] else { throw .missingReferenceSeries(name) }
            let earlier = zip(targets, projections).filter { $0.0.referenceIndicator == name }.compactMap(\.1.referenceOutlook)
            otherOutlooks[name] = try SeriesOutlook(series: otherSeries, indicator: name,
                                                    months: targets.filter { $0.referenceIndicator == name }.flatMap(\.months),
                                                    asOf: asOf, scenario: scenario,
                                                    predict: SeriesOutlook.fitting(choice: model, extraTerms: extraTerms,
                                                                                   regressors: regressors, scenario: scenario,
                                                                                   intervals: intervals, reusing: earlier))
        }
        let count = YearEndProjection.simulationPaths, seed = YearEndProjection.simulationSeed
        let ownPaths = own.samplePaths(count: count, seed: seed)
        var otherPaths: [String: SimulatedPaths] = [:]
        for (offset, name) in others.enumerated() {
            otherPaths[name] = otherOutlooks[name]!.samplePaths(count: count, seed: seed &+ UInt64(offset + 1))
        }
        let compiled = zip(targets, projections).map { target, projection in
            (target: target, settled: projection.status == .met,
             value: own.compile(target.valueSide), reference: own.compile(target.referenceSide),
             other: target.referenceIndicator.map { name in
                 (name, otherOutlooks[name]!.compile(FigureCombination(terms: [(1, target.figure)])))
             })
        }
        var met = 0
        for i in 0..<count {
            let all = compiled.allSatisfy { condition in
                if condition.settled { return true }
                let v = condition.value.value(path: ownPaths[i])
                let r = condition.reference.value(path: ownPaths[i])
                    + (condition.other.map { name, figure in figure.value(path: otherPaths[name]![i]) } ?? 0)
                return condition.target.comparator.isMetAllowingRounding(v, threshold: r)
            }
            if all { met += 1 }
        }
        probability = Double(met) / Double(count)
        status = YearEndProjection.Status(probability: probability)
    }
}
