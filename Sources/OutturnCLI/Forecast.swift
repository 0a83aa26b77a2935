import ArgumentParser
import Outturn
import OutturnIO

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast one indicator month by month with prediction intervals.")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "The indicator to forecast.")
    var indicator: String

    @Option(name: .long, help: "Months to forecast after the last fitted month (1…\(ModelFit.maximumHorizon)).")
    var horizon: Int

    @Option(name: .long, help: "Fit on data up to this month (YYYY-MM); default: all data.")
    var asOf: String?

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            guard (1...ModelFit.maximumHorizon).contains(horizon) else {
                throw InputError(file: nil, field: "--horizon", message: "\(horizon) must be between 1 and \(ModelFit.maximumHorizon) months")
            }
            let levels = try modelOptions.levels()
            let choice = try modelOptions.choice()
            let extraTerms = try modelOptions.extraTerms()
            let asOf = try parseAsOf(asOf)
            let dataset = try ObservationsFile.read(path: observations)
            let history = try history(try series(indicator, in: dataset), asOf: asOf, dataset: dataset)
            do {
                let selection = try ModelSelection(history: history, choice: choice, extraTerms: extraTerms,
                                                   regressors: try modelOptions.regressors(for: choice, in: dataset))
                let forecasts = try selection.fit.forecast(horizon: horizon, levels: levels)
                let report = ForecastReport(indicator: indicator, selection: selection, forecasts: forecasts, levels: levels)
                try outputOptions.emit(report.rendered(outputOptions.format), inputs: [observations])
            } catch let error as ModelError {
                throw InputError(file: observations, field: indicator, message: error.description)
            }
        }
    }
}
