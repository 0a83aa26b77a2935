import ArgumentParser
import Outturn
import OutturnIO

struct Pace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The monthly pace the remaining months need: to land on each target, and to make it likely.")

    @OptionGroup var inputs: TargetInputs

    @Option(name: .long, help: "The chance of meeting the target to aim for, in percent.")
    var probability: Double = 90

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            guard probability > 0, probability < 100 else {
                throw InputError(file: nil, field: "--probability", message: "\(probability) must lie strictly between 0 and 100")
            }
            let workspace = try inputs.workspace()
            let paces = try await workspace.projections().enumerated().map { index, projection in
                do { return try RequiredPace(projection: projection, probability: probability / 100) } catch {
                    throw workspace.targetsFile.error(at: index, message: "\(projection.target.indicator): \(error)")
                }
            }
            let report = PaceReport(asOf: workspace.asOf, paces: paces, milestones: try workspace.milestones())
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: workspace.inputPaths)
        }
    }
}
