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
            let fitted = try await workspace.fit()
            let assessment: TargetAssessment
            do throws(TargetBookError) { assessment = try await fitted.assess() } catch { throw workspace.error(error) }
            let report = ProjectionReport(asOf: workspace.asOf, levels: workspace.levels, projections: assessment.projections,
                                          milestones: assessment.milestones, joint: assessment.joint)
            try recordOption.recording(report, workspace: workspace, model: inputs.modelOptions) {
                try outputOptions.emit(report.rendered(outputOptions.format, colour: outputOptions.wantsColour),
                                       inputs: workspace.inputPaths)
            }
        }
    }
}
