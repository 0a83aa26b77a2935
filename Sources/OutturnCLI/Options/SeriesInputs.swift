import ArgumentParser
import Outturn
import OutturnIO

/// The inputs of the one-indicator commands (`forecast`, `fit`): observations, indicator, as-of
/// month and model.
struct SeriesInputs: ParsableArguments {
    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "The indicator.")
    var indicator: String

    @Option(name: .long, help: "Fit on data up to this month (YYYY-MM); default: all data.")
    var asOf: String?

    @Option(name: .long, help: "The sheet of an .xlsx observations workbook; default: the first.")
    var sheet: String?

    @OptionGroup var modelOptions: ModelOptions

    /// Reads the file and fits the chosen model to the indicator's history; a model error is
    /// reported against the indicator.
    func selection() throws -> ModelSelection {
        let choice = try modelOptions.choice()
        let extraTerms = try modelOptions.extraTerms()
        let asOf = try parseAsOf(asOf)
        let dataset = try ObservationsFile.read(path: observations, sheet: sheet)
        try modelOptions.refuseSelfRegression(projecting: [indicator])
        let history = try history(try series(indicator, in: dataset), asOf: asOf, dataset: dataset)
        do {
            return try ModelSelection(history: history, choice: choice, extraTerms: extraTerms,
                                      regressors: try modelOptions.regressors(for: choice, in: dataset))
        } catch let error as ModelError {
            throw InputError(file: observations, field: indicator, message: error.description)
        }
    }
}
