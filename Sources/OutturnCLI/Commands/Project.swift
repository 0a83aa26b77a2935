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

    /// The per-series assembly even where the columnar path applies: the reference that the
    /// columnar path's output is checked against, byte for byte.
    @Flag(name: .customLong("per-series"), help: .hidden)
    var perSeries = false

    func run() async throws {
        try await reportingErrors(languageOption) {
            let workspace = try inputs.workspace()
            // A CSV of projections alone (no milestone, no joint condition, nothing recorded) is
            // written from the panel's columns: the same bytes, without a projection object per target.
            if !perSeries, outputOptions.format == .csv, recordOption.record == nil {
                let book = try workspace.book
                if book.milestones.isEmpty, book.jointGroups.isEmpty {
                    let bar = ProgressBar(label: "projecting", total: book.targets.count)
                    let panel: PanelProjections?
                    do throws(TargetBookError) {
                        panel = try await book.panelProjections(asOf: workspace.asOf, levels: workspace.levels,
                                                                progress: { bar.update($0) })
                    } catch {
                        bar.finish()
                        throw workspace.error(error)
                    }
                    bar.finish()
                    if let panel {
                        try outputOptions.emit(PanelReport(panel).csv(), inputs: workspace.inputPaths)
                        return
                    }
                }
            }
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
