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

    /// The whole file read at once even where it could stream: the reference that the streaming
    /// path's output is checked against, byte for byte.
    @Flag(name: .customLong("whole-file"), help: .hidden)
    var wholeFile = false

    /// Fails instead of reading the file whole when it cannot stream: tests check that a file
    /// streams, not only that the bytes agree.
    @Flag(name: .customLong("require-streaming"), help: .hidden)
    var requireStreaming = false

    /// Indicators per block of a streamed file (small blocks in tests make many blocks). Given,
    /// it also streams a file smaller than ``StreamingProjection/minimumFileSize``.
    @Option(name: .customLong("stream-block"), help: .hidden)
    var streamBlock: Int?

    func run() async throws {
        try await reportingErrors(languageOption) {
            // An observations file sorted by indicator is projected block by block in bounded
            // memory (StreamingProjection); anything else is read whole.
            if !perSeries, !wholeFile, recordOption.record == nil, (streamBlock ?? 1) > 0,
               streamBlock != nil || requireStreaming || StreamingProjection.isLarge(inputs.observations),
               try await StreamingProjection(inputs: inputs, outputOptions: outputOptions,
                                             blockSize: streamBlock ?? StreamingProjection.defaultBlockSize).run() {
                return
            }
            if requireStreaming {
                throw InputError(file: inputs.observations, message: "cannot stream (--require-streaming); see docs/FileFormats.md")
            }
            let workspace = try inputs.workspace()
            // A CSV of projections alone (no milestone, no joint condition, nothing recorded) is
            // written from the panel's columns: the same bytes, without a projection object per target.
            if !perSeries, outputOptions.format == .csv, recordOption.record == nil {
                let book = workspace.book
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
