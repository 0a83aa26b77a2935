import ArgumentParser
import Outturn
import OutturnIO

struct Project: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project every target's year-end value, interval and probability of being met.")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "Targets file (CSV or JSON).")
    var targets: String

    @Option(name: .long, help: "Project as known at the end of this month (YYYY-MM); default: the last observed month in the file.")
    var asOf: String?

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let workspace = try TargetWorkspace(observations: observations, targets: targets, asOf: asOf,
                                                modelOptions: modelOptions)
            let report = ProjectionReport(asOf: workspace.asOf, levels: workspace.levels,
                                          projections: try await workspace.projections(),
                                          milestones: try workspace.milestones(), joint: try workspace.jointAssessments())
            try outputOptions.emit(report.rendered(outputOptions.format, colour: outputOptions.wantsColour),
                                   inputs: workspace.inputPaths)
        }
    }
}
