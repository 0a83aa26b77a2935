import ArgumentParser
import Foundation
import Outturn
import OutturnIO

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report (or Markdown, for a .md path) with a chart per indicator.")

    @OptionGroup var inputs: TargetInputs

    @Option(name: .long, help: "The report file: .html (self-contained) or .md.")
    var out: String

    @Option(name: .long, help: "A report title (default: \"Year-end outlook\", or its --lang translation).")
    var title: String?

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var since: SinceLastMonthOption

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try reportingErrors {
            let lowered = out.lowercased()
            guard lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".md") else {
                throw InputError(file: nil, field: "--out", message: "'\(out)' must end in .html or .md")
            }
        }
    }

    func run() async throws {
        try await reportingErrors(languageOption) {
            let workspace = try inputs.workspace()
            // With their sources, so that an overflow a scenario causes names its flag or file (as whatif does).
            let sourced = try scenarioOptions.sourcedScenarios(indicators: Set(workspace.dataset.entries.map(\.indicator)),
                                                               asOf: workspace.asOf, lastMonths: workspace.lastObservedMonths,
                                                               modelRegressors: Set(workspace.regressors.keys),
                                                               regressorSeries: workspace.regressors)
            let scenarios = sourced.map(\.scenario)
            let fitted = try await workspace.fit()
            let assessment: TargetAssessment, comparison: ScenarioComparison?
            do throws(TargetBookError) {
                assessment = try await fitted.assess()
                comparison = scenarios.isEmpty ? nil : try await fitted.whatIf(scenarios, judgingJointly: false)
            } catch {
                guard case .scenario(let position, let inner) = error else { throw workspace.error(error) }
                throw workspace.error(inner, scenario: scenarios[position], culprit: sourced[position].culprit)
            }
            let projection = ProjectionReport(asOf: workspace.asOf, levels: workspace.levels, projections: assessment.projections,
                                              milestones: assessment.milestones, joint: assessment.joint)
            let whatIf = comparison.map { WhatIfReport(asOf: workspace.asOf, levels: workspace.levels, comparison: $0) }
            let sweep = try await Sweep.sweep(fitted, shifts: stride(from: -30.0, through: 30, by: 10).map { $0 }, workspace: workspace)
            let (sinceLastMonth, storeInputs) = try await since.sinceLastMonth(workspace: workspace, current: assessment.projections)
            let report = HTMLReport(report: projection, series: workspace.dataset.seriesByIndicator, sweep: sweep, whatIf: whatIf,
                                    sinceLastMonth: sinceLastMonth, title: title)
            let text = out.lowercased().hasSuffix(".md") ? report.markdown() : report.html()
            try OutputFile.write(text, to: out, inputs: workspace.inputPaths + scenarioOptions.scenario + storeInputs, field: "--out")
        }
    }
}
