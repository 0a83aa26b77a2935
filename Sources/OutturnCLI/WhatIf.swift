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
                                                                 asOf: workspace.asOf, lastMonths: workspace.lastObservedMonths)
            guard !scenarios.isEmpty else {
                throw InputError(file: nil, field: "--scenario", message: "no scenario given; use --scenario FILE or --set/--scale/--add")
            }
            let baseline = try await workspace.projections()
            var alternatives: [[YearEndProjection]] = []
            for (scenario, culprit) in scenarios {
                alternatives.append(try await workspace.projections(scenario: scenario, culprit: culprit))
            }
            let rows = baseline.indices.map { index in
                WhatIfReport.Row(baseline: baseline[index],
                                 scenarios: zip(scenarios, alternatives).map { ($0.scenario.name, $1[index]) })
            }
            // Joint conditions under each scenario too, on their own shared draws.
            let jointBaseline = try workspace.jointAssessments(reusing: baseline)
            var jointScenarios: [[JointAssessment]] = []
            for (index, (scenario, _)) in scenarios.enumerated() {
                jointScenarios.append(try workspace.jointAssessments(reusing: alternatives[index], scenario: scenario))
            }
            let joint = jointBaseline.indices.map { index in
                WhatIfReport.JointRow(baseline: jointBaseline[index],
                                      scenarios: zip(scenarios, jointScenarios).map { ($0.scenario.name, $1[index]) })
            }
            let report = WhatIfReport(asOf: workspace.asOf, levels: workspace.levels, rows: rows, joint: joint,
                                      changedOnly: changedOnly && !all)
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   inputs: workspace.inputPaths + scenarioOptions.scenario)
        }
    }
}
