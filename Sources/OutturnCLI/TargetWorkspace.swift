import ArgumentParser
import Outturn
import OutturnIO

/// The inputs of every target-based command: observations, targets, as-of month and model.
struct TargetInputs: ParsableArguments {
    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "Targets file (CSV or JSON).")
    var targets: String

    @Option(name: .long, help: "Project as known at the end of this month (YYYY-MM); default: the last month observed for a target's indicator.")
    var asOf: String?

    @Option(name: .long, help: "The sheet of an .xlsx observations or targets workbook; default: the first.")
    var sheet: String?

    @OptionGroup var modelOptions: ModelOptions

    /// Reads and cross-checks them.
    func workspace() throws -> TargetWorkspace {
        try TargetWorkspace(observations: observations, targets: targets, asOf: asOf, modelOptions: modelOptions, sheet: sheet)
    }
}

/// What every target-based command reads first: observations, targets, the as-of month and the
/// model options, checked against each other.
struct TargetWorkspace {
    let observationsPath: String
    let dataset: Dataset
    let targetsFile: TargetsFile
    let asOf: Month
    let choice: ModelChoice
    let extraTerms: [ModelSpec.Term]
    let regressors: [String: MonthlySeries]
    let levels: [Double]
    let intervals: IntervalMethod

    init(observations: String, targets: String, asOf: String?, modelOptions: ModelOptions, sheet: String? = nil) throws {
        levels = try modelOptions.levels()
        choice = try modelOptions.choice()
        intervals = modelOptions.intervals
        extraTerms = try modelOptions.extraTerms()
        let requestedAsOf = try parseAsOf(asOf)
        observationsPath = observations
        let dataset = try ObservationsFile.read(path: observations, sheet: sheet)
        let targetsFile = try TargetsFile.read(path: targets, sheet: sheet, checkingAgainst: dataset)
        self.dataset = dataset
        self.targetsFile = targetsFile
        regressors = try modelOptions.regressors(for: choice, in: dataset)
        try modelOptions.refuseSelfRegression(projecting: targetsFile.targets.map(\.indicator))
        // The default as-of is the last month observed for a target's indicator: a regressor
        // known into the future must not move it. Checked above: every indicator exists.
        let indicators = targetsFile.targets.map(\.indicator) + targetsFile.milestones.map(\.indicator)
        let lastMonth = indicators.map { dataset.series($0)!.end }.max()!
        if let requestedAsOf, requestedAsOf > lastMonth {
            throw InputError(file: nil, field: "--as-of",
                             message: "\(requestedAsOf) is after the data end (\(lastMonth)) in \(observations); use \(lastMonth) or earlier")
        }
        // An --as-of before an indicator's first observation leaves nothing to project from: the
        // flag is at fault, not the target row that happens to be judged first.
        if let requestedAsOf, let early = indicators.first(where: { requestedAsOf < dataset.series($0)!.start }) {
            let start = dataset.series(early)!.start
            throw InputError(file: nil, field: "--as-of",
                             message: "\(requestedAsOf) is before the first observation of \(excerpt(early)) (\(start)) in \(observations); use \(start) or later")
        }
        self.asOf = requestedAsOf ?? lastMonth
        // Figures wholly before an indicator's data cannot be projected: name the column at fault.
        for (index, target) in targetsFile.targets.enumerated() {
            let start = dataset.series(target.indicator)!.start
            let field: String?, year: Int
            switch target.reference {
            case .baseYear(let base, _) where target.months(in: base).last! < start: (field, year) = ("base_year", base)
            case .movingAverage(let years) where target.months(in: target.year - years).last! < start:
                (field, year) = ("moving_average", target.year - years)
            default: (field, year) = (target.months.last! < start ? "year" : nil, target.year)
            }
            if let field {
                throw targetsFile.error(at: index, field: field,
                                        message: "\(target.indicator) has no data for \(year): its first month is \(start)")
            }
            // The same limit as `forecast --horizon`: a year whose last month lies further beyond
            // the as-of month is refused before any model is fitted.
            let ahead = self.asOf.distance(to: target.months.last!)
            if ahead > ModelFit.maximumHorizon {
                throw targetsFile.error(at: index, field: "year",
                                        message: "\(target.year) is \(ahead) months after the as-of month \(self.asOf); "
                                            + "projections reach at most \(ModelFit.maximumHorizon) months ahead")
            }
        }
    }

    var inputPaths: [String] { [observationsPath, targetsFile.file] }

    /// Each indicator's last observed month by the as-of month: a scenario may change the months
    /// after it, even those before the as-of month of an indicator published later.
    var lastObservedMonths: [String: Month] {
        var result: [String: Month] = [:]
        for entry in dataset.entries { result[entry.indicator] = entry.series.lastObserved(through: asOf) }
        return result
    }

    /// Every target projected under `scenario`, in file order; the first failure is an error at
    /// its target's line, except an overflow under a scenario, which the scenario caused (the
    /// baseline projected): `culprit` names where it came from (a flag or a scenario file).
    func projections(scenario: Scenario = .baseline,
                     culprit: ((_ message: String) -> InputError)? = nil) async throws -> [YearEndProjection] {
        let requests = targetsFile.targets.map { target in
            YearEndProjection.Request(series: dataset.series(target.indicator)!, target: target, model: choice,
                                      extraTerms: extraTerms, regressors: regressors,
                                      referenceSeries: target.referenceIndicator.flatMap { dataset.series($0) },
                                      intervals: intervals)
        }
        var projections: [YearEndProjection] = []
        let bar = ProgressBar(label: "projecting", total: requests.count)
        let results = await YearEndProjection.projectAll(requests, asOf: asOf, levels: levels, scenario: scenario,
                                                         progress: { bar.update($0) })
        bar.finish()
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let projection): projections.append(projection)
            case .failure(let error):
                if case .overflow = error, let culprit {
                    throw culprit("under scenario '\(scenario.name)' the projection of \(targetsFile.targets[index].indicator) overflows the range of numbers; make the change smaller")
                }
                let label = scenario == .baseline ? "" : " (scenario '\(scenario.name)')"
                throw targetsFile.error(at: index, message: "\(targetsFile.targets[index].indicator)\(label): \(error)")
            }
        }
        return projections
    }

    /// The milestones judged by run-rate.
    func milestones() throws -> [MilestoneProgress] {
        try targetsFile.milestones.enumerated().map { index, milestone in
            do {
                return try MilestoneProgress(series: dataset.series(milestone.indicator)!, milestone: milestone, asOf: asOf)
            } catch {
                throw targetsFile.milestoneError(at: index, message: "\(milestone.indicator): \(error)")
            }
        }
    }

    /// Indicators with two or more conditions in the same year, judged together.
    /// `projected`: the targets' projections in file order, when already made, to reuse.
    func jointAssessments(reusing projected: [YearEndProjection]? = nil, scenario: Scenario = .baseline) throws -> [JointAssessment] {
        var groups: [String: [Int]] = [:], order: [String] = []
        for (index, target) in targetsFile.targets.enumerated() {
            let key = "\(target.indicator)\u{0}\(target.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        let joint = order.compactMap { groups[$0]!.count > 1 ? groups[$0]! : nil }
        let referenceSeries = Dictionary(dataset.entries.map { ($0.indicator, $0.series) }, uniquingKeysWith: { _, last in last })
        // Each judgement draws its own 10,000 paths: side by side on the cores, in file order after.
        let (targets, dataset, asOf, choice, levels, extraTerms, regressors, intervals) =
            (targetsFile.targets, dataset, asOf, choice, levels, extraTerms, regressors, intervals)
        let results = concurrentResults(joint.count) { position in
            let members = joint[position], conditions = members.map { targets[$0] }
            return Result { () throws(ModelError) -> JointAssessment in
                try JointAssessment(series: dataset.series(conditions[0].indicator)!, targets: conditions, asOf: asOf,
                                    model: choice, levels: levels, extraTerms: extraTerms, regressors: regressors,
                                    scenario: scenario, referenceSeries: referenceSeries, intervals: intervals,
                                    projected: projected.map { all in members.map { all[$0] } })
            }
        }
        return try zip(joint, results).map { members, result in
            do {
                return try result.get()
            } catch {
                throw InputError(file: targetsFile.file, field: "indicator", message: "\(targets[members[0]].indicator): \(error)")
            }
        }
    }
}
