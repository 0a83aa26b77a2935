import ArgumentParser
import Outturn
import OutturnIO

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast one indicator month by month with prediction intervals.")

    @OptionGroup var inputs: SeriesInputs

    @Option(name: .long, help: "Months to forecast after the last fitted month (1…\(RegressionFit.maximumHorizon)).")
    var horizon: Int

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        try reportingErrors(languageOption) {
            guard (1...RegressionFit.maximumHorizon).contains(horizon) else {
                throw InputError(file: nil, field: "--horizon", message: "\(horizon) must be between 1 and \(RegressionFit.maximumHorizon) months")
            }
            let levels = try inputs.modelOptions.levels()
            let selection = try inputs.selection()
            let forecasts: [MonthForecast]
            do { forecasts = try selection.model.forecast(horizon: horizon, levels: levels) } catch {
                throw InputError(file: inputs.observations, field: inputs.indicator, message: "\(error)")
            }
            // Months are written YYYY-MM with years to 9999: a forecast may not run past 9999-12.
            if let outside = forecasts.firstIndex(where: { !$0.month.isInCalendar }) {
                throw InputError(file: nil, field: "--horizon", message: outside == 0
                                 ? "the data end at 9999-12, the calendar's last month: nothing is left to forecast"
                                 : "\(horizon) months would run past 9999-12; use at most \(outside)")
            }
            let report = ForecastReport(indicator: inputs.indicator, selection: selection, forecasts: forecasts, levels: levels)
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: [inputs.observations])
        }
    }
}
