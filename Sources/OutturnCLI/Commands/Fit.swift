import ArgumentParser
import Outturn
import OutturnIO

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to one indicator and print its summary (like R's summary(lm)).")

    @OptionGroup var inputs: SeriesInputs
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        try reportingErrors(languageOption) {
            let report = FitReport(indicator: inputs.indicator, selection: try inputs.selection())
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: [inputs.observations])
        }
    }
}
