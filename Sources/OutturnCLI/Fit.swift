import ArgumentParser
import Outturn
import OutturnIO

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to one indicator and print its summary (like R's summary(lm)).")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "The indicator to fit.")
    var indicator: String

    @Option(name: .long, help: "Fit on data up to this month (YYYY-MM); default: all data.")
    var asOf: String?

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            let choice = try modelOptions.choice()
            let extraTerms = try modelOptions.extraTerms()
            let asOf = try parseAsOf(asOf)
            let dataset = try ObservationsFile.read(path: observations)
            let history = try history(try series(indicator, in: dataset), asOf: asOf, dataset: dataset)
            do {
                let selection = try ModelSelection(history: history, choice: choice, extraTerms: extraTerms,
                                                   regressors: try modelOptions.regressors(for: choice, in: dataset))
                try outputOptions.emit(FitReport(indicator: indicator, selection: selection).rendered(outputOptions.format),
                                       inputs: [observations])
            } catch let error as ModelError {
                throw InputError(file: observations, field: indicator, message: error.description)
            }
        }
    }
}
