import ArgumentParser
import Outturn
import OutturnIO

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Why this model: backtest every candidate on each target's own figure, cut at the same month of earlier years.")

    @OptionGroup var inputs: TargetInputs

    @OptionGroup var candidateModels: CandidateModelsOption

    @Option(name: .long, help: ArgumentHelp("Earlier complete years to cut, the latest first; fewer when the history is shorter.", valueName: "N"))
    var years: Int = 3

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try reportingErrors {
            _ = try candidateModels.candidates()
            guard (1...100).contains(years) else {
                throw InputError(file: nil, field: "--years", message: "\(years) must be between 1 and 100")
            }
            let model = inputs.modelOptions
            guard model.intervention.isEmpty, model.regressor.isEmpty else {
                throw InputError(file: nil, field: model.intervention.isEmpty ? "--regressor" : "--intervention",
                                 message: "compare backtests plain models; interventions and regressors are not supported here")
            }
        }
    }

    func run() async throws {
        try await reportingErrors(languageOption) {
            let candidates = try candidateModels.candidates()
            let workspace = try inputs.workspace()
            let book = workspace.book
            guard !book.targets.isEmpty else {
                throw InputError(file: workspace.targetsPath, field: "aggregate", message: "no target to compare (milestones count events, not a figure)")
            }
            let bar = ProgressBar(label: "comparing", total: book.comparisonCount(candidates: candidates, asOf: workspace.asOf, years: years))
            let comparisons = await book.compareModels(candidates, asOf: workspace.asOf, years: years, levels: workspace.levels,
                                                       progress: { bar.update($0) })
            bar.finish()
            let report = ComparisonReport(asOf: workspace.asOf, levels: workspace.levels, targets: book.targets, comparisons: comparisons)
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: workspace.inputPaths)
        }
    }
}
