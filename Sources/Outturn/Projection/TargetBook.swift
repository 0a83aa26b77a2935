/// A set of targets and milestones over named monthly series, judged in one call: the figures
/// behind a whole report.
///
/// ```swift
/// let book = try TargetBook(series: ["water": water, "jobs": jobs], targets: targets)
/// let assessment = try await book.assess()
/// for projection in assessment.projections { print(projection.target.indicator, projection.status) }
/// ```
///
/// `assess` dispatches every target on its own (reference indicators, base years and moving
/// averages included), judges milestones by run-rate, and judges every indicator-year that
/// carries two or more conditions together on shared draws (``JointAssessment``), reusing the
/// conditions' projections. Errors name the target or milestone by its position, so a reader of a
/// file can map each one to a line.
public struct TargetBook: Sendable {
    /// The monthly series by indicator name; targets, milestones and reference indicators name them.
    public let series: [String: MonthlySeries]
    /// The targets, in the order results are given.
    public let targets: [Target]
    /// The milestones, in the order results are given.
    public let milestones: [Milestone]
    /// The model for every target without one of its own, or ``ModelChoice/auto``.
    public let model: ModelChoice
    /// Each target's own model (a targets file's `model` column), by position in ``targets``;
    /// `nil` or a missing entry: ``model``. See ``model(forTarget:)``.
    public let targetModels: [ModelChoice?]
    /// Terms added to the chosen model (interventions, regressors).
    public let extraTerms: [RegressionFormula.Term]
    /// Exogenous regressors by name.
    public let regressors: [String: MonthlySeries]
    /// Checked spreads (default) or the model's alone.
    public let intervals: IntervalMethod

    /// Collects the targets and milestones over `series`.
    ///
    /// `targetModels` gives targets their own model by position (shorter than `targets`, or
    /// `nil` at a position: that target takes `model`); see ``model(forTarget:)``.
    /// - Throws: ``TargetBookError/unknownIndicator(_:target:milestone:)`` when a target, a target's
    ///   reference indicator or a milestone names a series that is not in `series`.
    public init(series: [String: MonthlySeries], targets: [Target], milestones: [Milestone] = [],
                model: ModelChoice = .auto, extraTerms: [RegressionFormula.Term] = [],
                regressors: [String: MonthlySeries] = [:], intervals: IntervalMethod = .checked,
                targetModels: [ModelChoice?] = []) throws(TargetBookError) {
        for (index, target) in targets.enumerated() {
            for name in [target.indicator] + (target.referenceIndicator.map { [$0] } ?? []) where series[name] == nil {
                throw .unknownIndicator(name, target: index, milestone: nil)
            }
        }
        for (index, milestone) in milestones.enumerated() where series[milestone.indicator] == nil {
            throw .unknownIndicator(milestone.indicator, target: nil, milestone: index)
        }
        self.series = series
        self.targets = targets
        self.milestones = milestones
        self.model = model
        self.extraTerms = extraTerms
        self.regressors = regressors
        self.intervals = intervals
        self.targetModels = targetModels
        resolvedModels = Self.resolveModels(targets: targets, own: targetModels, fallback: model)
    }

    /// ``model(forTarget:)`` for every target, worked out once.
    private let resolvedModels: [ModelChoice]

    /// The model target `index` is projected with: its own (``targetModels``), else the own model
    /// of another target of the same indicator and year (the first in order), else ``model``.
    ///
    /// Targets of one indicator and year are judged together on shared draws (``jointGroups``),
    /// which come from one fitted model, so one model given to any of them serves them all.
    public func model(forTarget index: Int) -> ModelChoice {
        resolvedModels.indices.contains(index) ? resolvedModels[index] : model
    }

    private static func resolveModels(targets: [Target], own: [ModelChoice?], fallback: ModelChoice) -> [ModelChoice] {
        var groupModel: [String: ModelChoice] = [:]
        for (index, target) in targets.enumerated() where own.indices.contains(index) {
            guard let choice = own[index] else { continue }
            let key = "\(target.indicator)\u{0}\(target.year)"
            if groupModel[key] == nil { groupModel[key] = choice }
        }
        return targets.map { groupModel["\($0.indicator)\u{0}\($0.year)"] ?? fallback }
    }

    /// The default as-of month: the last month observed for any indicator that carries a target
    /// or a milestone (a regressor known into the future does not move it); `nil` when there are
    /// neither.
    public var lastObservedMonth: Month? {
        (targets.map(\.indicator) + milestones.map(\.indicator)).compactMap { series[$0]?.end }.max()
    }

    /// The targets that are judged together: for every indicator and year with two or more
    /// conditions, their positions in ``targets``, in order of first appearance.
    public var jointGroups: [[Int]] {
        var groups: [String: [Int]] = [:], order: [String] = []
        for (index, target) in targets.enumerated() {
            let key = "\(target.indicator)\u{0}\(target.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { key in groups[key].flatMap { $0.count > 1 ? $0 : nil } }
    }

    /// Every target projected, in order.
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months.
    ///   - progress: called with the number of targets done so far (see
    ///     ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)``).
    /// - Throws: ``TargetBookError/target(_:_:)`` for the first target that fails, in order.
    public func projections(asOf: Month? = nil, levels: [Double] = [80, 95], scenario: Scenario = .baseline,
                            progress: (@Sendable (Int) -> Void)? = nil) async throws(TargetBookError) -> [YearEndProjection] {
        guard let asOf = asOf ?? lastObservedMonth else { return [] }
        return try Self.firstFailure(await projectionResults(asOf: asOf, levels: levels, scenario: scenario, progress: progress))
    }

    /// Every target projected, in order, each with its own outcome: a target that cannot be
    /// projected as of `asOf` (its data start later, say) does not stop the others.
    /// - Parameters:
    ///   - asOf: the last month known.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months.
    ///   - progress: called with the number of targets done so far.
    public func projectionResults(asOf: Month, levels: [Double] = [80, 95], scenario: Scenario = .baseline,
                                  progress: (@Sendable (Int) -> Void)? = nil) async -> [Result<YearEndProjection, ModelError>] {
        let requests = targets.enumerated().map { index, target in
            // Checked in init: every indicator and reference indicator is present.
            YearEndProjection.Request(series: series[target.indicator]!, target: target, model: model(forTarget: index),
                                      extraTerms: extraTerms, regressors: regressors,
                                      referenceSeries: target.referenceIndicator.flatMap { series[$0] },
                                      intervals: intervals)
        }
        return await YearEndProjection.projectAll(requests, asOf: asOf, levels: levels, scenario: scenario, progress: progress)
    }

    /// The projections in order, or the first failure as ``TargetBookError/target(_:_:)``.
    static func firstFailure(_ results: [Result<YearEndProjection, ModelError>]) throws(TargetBookError) -> [YearEndProjection] {
        var projections: [YearEndProjection] = []
        projections.reserveCapacity(results.count)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let projection): projections.append(projection)
            case .failure(let error): throw .target(index, error)
            }
        }
        return projections
    }

    /// Every milestone judged by run-rate as of `asOf` (default ``lastObservedMonth``), in order.
    /// - Throws: ``TargetBookError/milestone(_:_:)`` for the first milestone that fails.
    public func milestoneProgress(asOf: Month? = nil) throws(TargetBookError) -> [MilestoneProgress] {
        guard let asOf = asOf ?? lastObservedMonth else { return [] }
        var progress: [MilestoneProgress] = []
        for (index, milestone) in milestones.enumerated() {
            do {
                progress.append(try MilestoneProgress(series: series[milestone.indicator]!, milestone: milestone, asOf: asOf))
            } catch {
                throw .milestone(index, error)
            }
        }
        return progress
    }

    /// The ``jointGroups`` judged together, side by side on the cores, in order.
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months.
    ///   - projected: the targets' projections in order when already made with the same `asOf`,
    ///     `levels` and `scenario` (they are reused, not refitted); `nil` to make them.
    /// - Throws: ``TargetBookError/joint(_:_:)`` for the first group that fails.
    public func jointAssessments(asOf: Month? = nil, levels: [Double] = [80, 95], scenario: Scenario = .baseline,
                                 reusing projected: [YearEndProjection]? = nil) throws(TargetBookError) -> [JointAssessment] {
        guard let asOf = asOf ?? lastObservedMonth else { return [] }
        let groups = jointGroups
        let (targets, series, extraTerms, regressors, intervals) = (targets, series, extraTerms, regressors, intervals)
        // Members of a group share one model (see `model(forTarget:)`).
        let models = groups.map { model(forTarget: $0[0]) }
        // Each judgement draws its own paths: side by side on the cores, in order after.
        let results = concurrentResults(groups.count) { position in
            let members = groups[position], conditions = members.map { targets[$0] }
            return Result { () throws(ModelError) -> JointAssessment in
                try JointAssessment(series: series[conditions[0].indicator]!, targets: conditions, asOf: asOf,
                                    model: models[position], levels: levels, extraTerms: extraTerms, regressors: regressors,
                                    scenario: scenario, referenceSeries: series, intervals: intervals,
                                    projected: projected.map { all in members.map { all[$0] } })
            }
        }
        var assessments: [JointAssessment] = []
        for (members, result) in zip(groups, results) {
            switch result {
            case .success(let assessment): assessments.append(assessment)
            case .failure(let error): throw .joint(members, error)
            }
        }
        return assessments
    }

    /// Everything a report shows: every target projected, every milestone judged, and every
    /// indicator-year with several conditions judged together (on the targets' own projections).
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months.
    ///   - progress: called with the number of targets projected so far.
    /// - Throws: ``TargetBookError`` naming the first target, milestone or group that fails.
    public func assess(asOf: Month? = nil, levels: [Double] = [80, 95], scenario: Scenario = .baseline,
                       progress: (@Sendable (Int) -> Void)? = nil) async throws(TargetBookError) -> TargetAssessment {
        let month = asOf ?? lastObservedMonth
        let projections = try await self.projections(asOf: month, levels: levels, scenario: scenario, progress: progress)
        let milestones = try milestoneProgress(asOf: month)
        let joint = try jointAssessments(asOf: month, levels: levels, scenario: scenario, reusing: projections)
        return TargetAssessment(asOf: month, projections: projections, milestones: milestones, joint: joint)
    }
}

/// What ``TargetBook/assess(asOf:levels:scenario:progress:)`` finds: one entry per target and per
/// milestone, in the book's order, and one per indicator-year judged jointly.
public struct TargetAssessment: Sendable {
    /// The last month known; `nil` for a book with neither targets nor milestones.
    public let asOf: Month?
    /// One projection per target, in order.
    public let projections: [YearEndProjection]
    /// One judgement per milestone, in order.
    public let milestones: [MilestoneProgress]
    /// One joint judgement per indicator-year with two or more conditions (``TargetBook/jointGroups``).
    public let joint: [JointAssessment]
}

/// Why a ``TargetBook`` could not be made or assessed, with the position of the target or
/// milestone at fault.
public enum TargetBookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A target (at `target`), its reference indicator, or a milestone (at `milestone`) names a
    /// series the book does not hold.
    case unknownIndicator(String, target: Int?, milestone: Int?)
    /// The target at this position could not be projected.
    case target(Int, ModelError)
    /// The milestone at this position could not be judged.
    case milestone(Int, ModelError)
    /// The targets at these positions could not be judged together.
    case joint([Int], ModelError)
    /// Under the scenario at this position (of a what-if or a sweep), this went wrong.
    indirect case scenario(Int, TargetBookError)
    /// The target at this position needs a year (its own, its base year, or the earliest of its
    /// moving average) wholly before its indicator's first observation (``TargetBook/checkTargets(asOf:)``).
    case beforeData(Int, part: TargetPart, year: Int, firstObservation: Month)
    /// The target at this position ends `monthsAhead` months after the as-of month, more than
    /// ``RegressionFit/maximumHorizon`` (``TargetBook/checkTargets(asOf:)``).
    case beyondHorizon(Int, year: Int, monthsAhead: Int)

    /// The part of a target a ``beforeData(_:part:year:firstObservation:)`` error is about.
    public enum TargetPart: Sendable, Equatable {
        /// The target's own year.
        case year
        /// The base year of a ``Target/Reference/baseYear(_:changePercent:)`` reference.
        case baseYear
        /// The earliest year of a ``Target/Reference/movingAverage(years:)`` reference.
        case movingAverage
    }

    public var description: String {
        switch self {
        case .unknownIndicator(let name, let target, let milestone):
            let owner = target.map { "target \($0 + 1)" } ?? milestone.map { "milestone \($0 + 1)" } ?? "a target"
            return "\(owner) names '\(name)', which has no series"
        case .target(let index, let error): return "target \(index + 1): \(error)"
        case .milestone(let index, let error): return "milestone \(index + 1): \(error)"
        case .joint(let members, let error):
            return "targets \(members.map { String($0 + 1) }.joined(separator: ", ")) together: \(error)"
        case .scenario(let position, let error): return "scenario \(position + 1): \(error)"
        case .beforeData(let index, _, let year, let first):
            return "target \(index + 1): no data for \(year): the first month is \(first)"
        case .beyondHorizon(let index, let year, let ahead):
            return "target \(index + 1): \(year) is \(ahead) months after the as-of month; projections reach at most \(RegressionFit.maximumHorizon) months ahead"
        }
    }

    /// The underlying model error, when there is one.
    public var modelError: ModelError? {
        switch self {
        case .unknownIndicator, .beforeData, .beyondHorizon: nil
        case .target(_, let error), .milestone(_, let error), .joint(_, let error): error
        case .scenario(_, let error): error.modelError
        }
    }
}
