import ArgumentParser
import Outturn
import OutturnIO

struct Project: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project every target's year-end value, interval and probability of being met.")

    @OptionGroup var inputs: TargetInputs

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var recordOption: RecordOption

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let workspace = try inputs.workspace()
            let projections = try await workspace.projections()
            let report = ProjectionReport(asOf: workspace.asOf, levels: workspace.levels, projections: projections,
                                          milestones: try workspace.milestones(),
                                          joint: try workspace.jointAssessments(reusing: projections))
            try recordOption.recording(report, workspace: workspace, model: inputs.modelOptions) {
                try outputOptions.emit(report.rendered(outputOptions.format, colour: outputOptions.wantsColour),
                                       inputs: workspace.inputPaths)
            }
        }
    }
}
