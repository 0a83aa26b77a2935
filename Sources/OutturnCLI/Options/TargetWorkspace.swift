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
    let targetsPath: String
    let dataset: Dataset
    let targetsFile: TargetsFile
    let asOf: Month
    let choice: ModelChoice
    let extraTerms: [RegressionFormula.Term]
    let regressors: [String: MonthlySeries]
    let levels: [Double]
    let intervals: IntervalMethod
    /// The library's view of the inputs: every series by indicator, the targets and milestones,
    /// and the model options, checked against the as-of month.
    let book: TargetBook

    init(observations: String, targets: String, asOf: String?, modelOptions: ModelOptions, sheet: String? = nil) throws {
        levels = try modelOptions.levels()
        choice = try modelOptions.choice()
        intervals = modelOptions.intervals
        extraTerms = try modelOptions.extraTerms()
        let requestedAsOf = try parseAsOf(asOf)
        observationsPath = observations
        targetsPath = targets
        if observations == StandardInput.path, targets == StandardInput.path {
            throw InputError(file: nil, field: "--targets",
                             message: "standard input (-) can feed only one input and the observations take it; give the targets as a file")
        }
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
        // One book serves the check, the projection and `--record`'s model names. Targets the
        // data cannot carry are refused before any model is fitted (the library's check;
        // `error(_:)` names the column at fault).
        do throws(TargetBookError) {
            book = try TargetBook(series: dataset.seriesByIndicator, targets: targetsFile.targets, milestones: targetsFile.milestones,
                                  model: choice, extraTerms: extraTerms, regressors: regressors, intervals: intervals,
                                  targetModels: targetsFile.models)
            try book.checkTargets(asOf: self.asOf)
        } catch {
            throw Self.error(error, targetsFile: targetsFile, asOf: self.asOf)
        }
    }

    var inputPaths: [String] { [observationsPath, targetsPath] }

    /// Each indicator's last observed month by the as-of month: a scenario may change the months
    /// after it, even those before the as-of month of an indicator published later.
    var lastObservedMonths: [String: Month] {
        var result: [String: Month] = [:]
        for entry in dataset.entries { result[entry.indicator] = entry.series.lastObserved(through: asOf) }
        return result
    }

    /// Every target fitted once as of the as-of month and projected under the baseline; scenarios
    /// and sweeps are judged on these fits.
    func fit() async throws -> FittedBook {
        let bar = ProgressBar(label: "projecting", total: book.targets.count)
        defer { bar.finish() }
        do {
            return try await book.fit(asOf: asOf, levels: levels, progress: { bar.update($0) })
        } catch {
            throw self.error(error)
        }
    }

    /// Every target projected under the baseline, in file order.
    func projections() async throws -> [YearEndProjection] {
        try await fit().baseline
    }

    /// A library failure as an error at the line of the target or milestone at fault. Under a
    /// scenario (`scenario`), an overflow is the scenario's doing (the baseline projected):
    /// `culprit`, when given, names where the scenario came from (a flag or a scenario file).
    func error(_ error: TargetBookError, scenario: Scenario = .baseline,
               culprit: ((_ message: String) -> InputError)? = nil) -> InputError {
        Self.error(error, targetsFile: targetsFile, asOf: asOf, scenario: scenario, culprit: culprit)
    }

    /// ``error(_:scenario:culprit:)`` for the targets of `targetsFile` projected as of `asOf`
    /// (the streaming projection has no workspace).
    static func error(_ error: TargetBookError, targetsFile: TargetsFile, asOf: Month, scenario: Scenario = .baseline,
                      culprit: ((_ message: String) -> InputError)? = nil) -> InputError {
        let targets = targetsFile.targets
        switch error {
        case .target(let index, let failure):
            if case .overflow = failure, let culprit {
                return culprit("under scenario '\(scenario.name)' the projection of \(targets[index].indicator) overflows the range of numbers; make the change smaller")
            }
            let label = scenario == .baseline ? "" : " (scenario '\(scenario.name)')"
            return targetsFile.error(at: index, message: "\(targets[index].indicator)\(label): \(failure)")
        case .milestone(let index, let failure):
            return targetsFile.milestoneError(at: index, message: "\(targetsFile.milestones[index].indicator): \(failure)")
        case .joint(let members, let failure):
            return InputError(file: targetsFile.file, field: "indicator", message: "\(targets[members[0]].indicator): \(failure)")
        case .unknownIndicator(let name, let target, let milestone):
            // Checked on reading (`checkIndicators`); kept for completeness.
            if let target { return targetsFile.error(at: target, message: "'\(name)' has no series") }
            if let milestone { return targetsFile.milestoneError(at: milestone, message: "'\(name)' has no series") }
            return InputError(file: targetsFile.file, field: "indicator", message: error.description)
        case .scenario(_, let inner):
            return Self.error(inner, targetsFile: targetsFile, asOf: asOf, scenario: scenario, culprit: culprit)
        case .beforeData(let index, let part, let year, let first):
            let field = switch part {
            case .year: "year"
            case .baseYear: "base_year"
            case .movingAverage: "moving_average"
            }
            return targetsFile.error(at: index, field: field,
                                     message: "\(targets[index].indicator) has no data for \(year): its first month is \(first)")
        case .beyondHorizon(let index, let year, let ahead):
            return targetsFile.error(at: index, field: "year",
                                     message: "\(year) is \(ahead) months after the as-of month \(asOf); "
                                         + "projections reach at most \(RegressionFit.maximumHorizon) months ahead")
        }
    }
}
