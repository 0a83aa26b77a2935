import ArgumentParser
import Outturn
import OutturnIO

struct Pace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The monthly pace the remaining months need: to land on each target, and to make it likely.")

    @OptionGroup var inputs: TargetInputs

    // Read as text so that it follows the strict decimal rules of every other number (no `0x50`).
    @Option(name: .long, help: "The chance of meeting the target to aim for, in percent.")
    var probability: String = "90"

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let probability = try CommandLineNumber.parse(probability, flag: "--probability")
            guard probability > 0, probability < 100 else {
                throw InputError(file: nil, field: "--probability", message: "\(probability) must lie strictly between 0 and 100")
            }
            let workspace = try inputs.workspace()
            let fitted = try await workspace.fit()
            let paces = try fitted.baseline.enumerated().map { index, projection in
                do { return try RequiredPace(projection: projection, probability: probability / 100) } catch {
                    throw workspace.targetsFile.error(at: index, message: "\(projection.target.indicator): \(error)")
                }
            }
            let milestones: [MilestoneProgress]
            do throws(TargetBookError) { milestones = try fitted.milestones() } catch { throw workspace.error(error) }
            let report = PaceReport(asOf: workspace.asOf, paces: paces, milestones: milestones)
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: workspace.inputPaths)
        }
    }
}
