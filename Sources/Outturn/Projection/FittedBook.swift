/// A ``TargetBook`` fitted once as of one month: every target's model chosen and fitted on the
/// history through that month, then judged under the baseline, any number of scenarios, or a sweep
/// of uniform shifts without fitting again.
///
/// ```swift
/// let fitted = try await book.fit(asOf: Month(year: 2020, month: 8))
/// let comparison = try await fitted.whatIf([worseWinter])
/// let sensitivity = try await fitted.sweep(shifts: [-10, 0, 10])
/// ```
///
/// A scenario changes only forecast months, never the history a model is chosen and fitted on,
/// so each judgement under a scenario reuses the baseline's fits; the results are the ones
/// ``TargetBook/projections(asOf:levels:scenario:progress:)`` gives for the same scenario.
public struct FittedBook: Sendable {
    /// The book fitted.
    public let book: TargetBook
    /// The last month known; `nil` for a book with neither targets nor milestones.
    public let asOf: Month?
    /// Interval levels in percent.
    public let levels: [Double]
    /// Every target projected under the baseline, in order.
    public let baseline: [YearEndProjection]

    /// Each target's projection under `scenario`, in order, on the baseline's fits.
    /// - Throws: ``TargetBookError/target(_:_:)`` for the first target that fails, in order.
    public func projections(scenario: Scenario) async throws(TargetBookError) -> [YearEndProjection] {
        guard scenario != .baseline else { return baseline }
        let results = await concurrentMap(Array(baseline.indices)) { [self] index in reassess(index, under: scenario) }
        return try TargetBook.firstFailure(results)
    }

    /// Every milestone judged by run-rate, in order.
    /// - Throws: ``TargetBookError/milestone(_:_:)`` for the first milestone that fails.
    public func milestones() throws(TargetBookError) -> [MilestoneProgress] {
        try book.milestoneProgress(asOf: asOf)
    }

    /// The book's ``TargetBook/jointGroups`` judged together under `scenario`, on `projections`
    /// (the targets' projections under the same scenario, from this value).
    /// - Throws: ``TargetBookError/joint(_:_:)`` for the first group that fails.
    public func jointAssessments(scenario: Scenario = .baseline,
                                 projections: [YearEndProjection]? = nil) throws(TargetBookError) -> [JointAssessment] {
        try book.jointAssessments(asOf: asOf, levels: levels, scenario: scenario, reusing: projections ?? baseline)
    }

    /// Everything a report shows under `scenario`: projections, milestones and joint judgements.
    /// - Throws: ``TargetBookError`` naming the first target, milestone or group that fails.
    public func assess(scenario: Scenario = .baseline) async throws(TargetBookError) -> TargetAssessment {
        let projections = try await self.projections(scenario: scenario)
        let milestones = try milestones()
        let joint = try jointAssessments(scenario: scenario, projections: projections)
        return TargetAssessment(asOf: asOf, projections: projections, milestones: milestones, joint: joint)
    }

    /// The baseline and every scenario side by side: each target's projection under each scenario,
    /// then (when `judgingJointly`) the joint conditions under the baseline and each scenario.
    /// - Throws: ``TargetBookError/scenario(_:_:)`` with the position of the first scenario that
    ///   fails and why; a failing joint judgement under the baseline as ``TargetBookError/joint(_:_:)``.
    public func whatIf(_ scenarios: [Scenario], judgingJointly: Bool = true) async throws(TargetBookError) -> ScenarioComparison {
        var alternatives: [[YearEndProjection]] = []
        for (position, scenario) in scenarios.enumerated() {
            do { alternatives.append(try await projections(scenario: scenario)) } catch { throw .scenario(position, error) }
        }
        var joint: [JointAssessment] = [], jointAlternatives: [[JointAssessment]] = []
        if judgingJointly {
            joint = try jointAssessments()
            for (position, scenario) in scenarios.enumerated() {
                do {
                    jointAlternatives.append(try jointAssessments(scenario: scenario, projections: alternatives[position]))
                } catch {
                    throw .scenario(position, error)
                }
            }
        }
        return ScenarioComparison(baseline: baseline, scenarios: scenarios, projections: alternatives,
                                  joint: joint, jointProjections: jointAlternatives)
    }

    /// The scenario that scales every target's open months (those of its period after its
    /// indicator's last observation by ``asOf``) by `percent`, once per indicator and period: an
    /// indicator with several conditions on one period is not scaled twice. An indicator published
    /// later than the others has open months up to the as-of month too, and they move with it; a
    /// period already observed in full has nothing to shift.
    public func shifted(by percent: Double) -> Scenario {
        var changes: [Scenario.Change] = []
        if let asOf {
            for target in book.targets {
                let known = book.series[target.indicator]?.lastObserved(through: asOf) ?? asOf
                guard let open = target.openMonths(after: known) else { continue }
                let change = Scenario.Change(indicator: target.indicator, months: open, operation: .scale(percent: percent))
                if !changes.contains(where: { $0.indicator == change.indicator && $0.months.overlaps(change.months) }) {
                    changes.append(change)
                }
            }
        }
        return Scenario(name: "shift \(percent)%", changes: changes)
    }

    /// P(target met) for every target at every uniform shift of its open months
    /// (``shifted(by:)``), all judged on the baseline's fits.
    /// - Throws: ``TargetBookError/scenario(_:_:)`` with the position of the first shift that fails.
    public func sweep(shifts: [Double]) async throws(TargetBookError) -> Sensitivity {
        let scenarios = shifts.map(shifted(by:)), count = baseline.count
        // Every (shift, target) pair on its own: side by side on the cores, in order after.
        let results = await concurrentMap(Array(0..<(scenarios.count * count))) { [self] pair in
            reassess(pair % count, under: scenarios[pair / count])
        }
        var probabilities = [[Double]](repeating: [], count: count), held = [[Bool]](repeating: [], count: count)
        for position in scenarios.indices {
            let column = Array(results[(position * count)..<((position + 1) * count)])
            let projections: [YearEndProjection]
            do { projections = try TargetBook.firstFailure(column) } catch { throw .scenario(position, error) }
            for (index, projection) in projections.enumerated() {
                probabilities[index].append(projection.probability)
                held[index].append(!projection.monthsHeldAtBounds.isEmpty)
            }
        }
        return Sensitivity(shifts: shifts, baseline: baseline, probabilities: probabilities, heldAtBounds: held)
    }

    /// Target `index` under `scenario`, on its baseline fit.
    private func reassess(_ index: Int, under scenario: Scenario) -> Result<YearEndProjection, ModelError> {
        let projection = baseline[index], target = projection.target
        // Checked when the book was made: every indicator and reference indicator has a series.
        return Result { () throws(ModelError) -> YearEndProjection in
            try projection.underScenario(scenario, series: book.series[target.indicator]!,
                                         referenceSeries: target.referenceIndicator.flatMap { book.series[$0] },
                                         levels: levels, model: book.model(forTarget: index), extraTerms: book.extraTerms,
                                         regressors: book.regressors, intervals: book.intervals)
        }
    }
}

extension TargetBook {
    /// Fits every target once as of `asOf` (default ``lastObservedMonth``) and projects it under
    /// the baseline; the value judges scenarios and sweeps on those fits.
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - progress: called with the number of targets projected so far.
    /// - Throws: ``TargetBookError/target(_:_:)`` for the first target that fails, in order.
    public func fit(asOf: Month? = nil, levels: [Double] = [80, 95],
                    progress: (@Sendable (Int) -> Void)? = nil) async throws(TargetBookError) -> FittedBook {
        let month = asOf ?? lastObservedMonth
        let baseline = try await projections(asOf: month, levels: levels, progress: progress)
        return FittedBook(book: self, asOf: month, levels: levels, baseline: baseline)
    }
}

/// The baseline and several scenarios side by side (``FittedBook/whatIf(_:judgingJointly:)``).
public struct ScenarioComparison: Sendable {
    /// Every target under the baseline, in order.
    public let baseline: [YearEndProjection]
    /// The scenarios, in order.
    public let scenarios: [Scenario]
    /// For each scenario, every target's projection under it, in target order.
    public let projections: [[YearEndProjection]]
    /// The joint conditions under the baseline; empty when not judged jointly.
    public let joint: [JointAssessment]
    /// For each scenario, the joint conditions under it; empty when not judged jointly.
    public let jointProjections: [[JointAssessment]]
}

/// P(target met) for every target as the open months shift uniformly (``FittedBook/sweep(shifts:)``).
public struct Sensitivity: Sendable {
    /// The shifts in percent, in order.
    public let shifts: [Double]
    /// Every target under the baseline, in order.
    public let baseline: [YearEndProjection]
    /// For each target, P(target met) at each shift.
    public let probabilities: [[Double]]
    /// For each target, at each shift, whether the shift would have taken a month past the
    /// target's ``Target/bounds`` (it is then held at the bound; see ``YearEndProjection/monthsHeldAtBounds``).
    public let heldAtBounds: [[Bool]]
}
