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

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let lowered = out.lowercased()
            guard lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".md") else {
                throw InputError(file: nil, field: "--out", message: "'\(out)' must end in .html or .md")
            }
            let workspace = try inputs.workspace()
            let scenarios = try scenarioOptions.scenarios(indicators: Set(workspace.dataset.entries.map(\.indicator)),
                                                          asOf: workspace.asOf, lastMonths: workspace.lastObservedMonths)
            let baseline = try await workspace.projections()
            let projection = ProjectionReport(asOf: workspace.asOf, levels: workspace.levels, projections: baseline,
                                              milestones: try workspace.milestones(), joint: try workspace.jointAssessments(reusing: baseline))
            var whatIf: WhatIfReport?
            if !scenarios.isEmpty {
                var alternatives: [[YearEndProjection]] = []
                for scenario in scenarios { alternatives.append(try await workspace.projections(scenario: scenario)) }
                whatIf = WhatIfReport(asOf: workspace.asOf, levels: workspace.levels, rows: baseline.indices.map { index in
                    WhatIfReport.Row(baseline: baseline[index], scenarios: zip(scenarios, alternatives).map { ($0.name, $1[index]) })
                })
            }
            let sweep = try await Sweep.sweep(workspace: workspace, baseline: baseline, shifts: stride(from: -30.0, through: 30, by: 10).map { $0 })
            var series: [String: MonthlySeries] = [:]
            for entry in workspace.dataset.entries { series[entry.indicator] = entry.series }
            let report = HTMLReport(report: projection, series: series, sweep: sweep, whatIf: whatIf, title: title)
            let text = lowered.hasSuffix(".md") ? report.markdown() : report.html()
            try OutputFile.write(text, to: out, inputs: workspace.inputPaths + scenarioOptions.scenario, field: "--out")
        }
    }
}
