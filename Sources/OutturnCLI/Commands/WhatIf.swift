import ArgumentParser
import Outturn
import OutturnIO

struct WhatIf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Project every target under the baseline and each scenario, side by side.")

    @OptionGroup var inputs: TargetInputs

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Flag(inversion: .prefixedNo, help: "In the table, show only the scenarios that change a target, with its baseline (JSON and CSV hold every row).")
    var changedOnly = true

    @Flag(name: .long, help: "Show every target under every scenario (the same as --no-changed-only).")
    var all = false
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let workspace = try inputs.workspace()
            let scenarios = try scenarioOptions.sourcedScenarios(indicators: Set(workspace.dataset.entries.map(\.indicator)),
                                                                 asOf: workspace.asOf, lastMonths: workspace.lastObservedMonths,
                                                                 modelRegressors: Set(workspace.regressors.keys),
                                                                 regressorSeries: workspace.regressors)
            guard !scenarios.isEmpty else {
                throw InputError(file: nil, field: "--scenario", message: "no scenario given; use --scenario FILE or --set/--scale/--add")
            }
            let fitted = try await workspace.fit()
            let comparison: ScenarioComparison
            do throws(TargetBookError) { comparison = try await fitted.whatIf(scenarios.map(\.scenario)) } catch {
                guard case .scenario(let position, let inner) = error else { throw workspace.error(error) }
                throw workspace.error(inner, scenario: scenarios[position].scenario, culprit: scenarios[position].culprit)
            }
            let report = WhatIfReport(asOf: workspace.asOf, levels: workspace.levels, comparison: comparison,
                                      changedOnly: changedOnly && !all)
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   inputs: workspace.inputPaths + scenarioOptions.scenario)
        }
    }
}
