import ArgumentParser
import Outturn
import OutturnIO

struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "How good would past years' projections have been? Cut each complete year at a month, project, compare.")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: ArgumentHelp("Backtest only this indicator. Repeatable; default: every indicator.", valueName: "indicator"))
    var indicator: [String] = []

    @Option(name: .long, help: ArgumentHelp("Months of the year known at the cut, 0…11 (0: projected from the December before). Default: the month of the latest observation (0 when that is December).", valueName: "M"))
    var asOfMonth: Int?

    @Option(name: .long, help: ArgumentHelp("Years to backtest: a list or ranges, e.g. 2017,2019-2021. Default: every year with all twelve months observed.", valueName: "years"))
    var years: String?

    @Option(name: .long, help: "How the year's months reduce to its figure: sum or mean.")
    var aggregate: String = "sum"

    @Option(name: .long, help: "Months of monthly forecasts to score after the cut (their values must exist).")
    var horizon: Int = 12

    @Flag(name: .long, help: "Print only the summary, not one row per indicator and year.")
    var summary = false

    @Option(name: .long, help: "Also write a calibration chart (interval coverage by level, PIT histogram) as SVG to this file.")
    var chart: String?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let choice = try modelOptions.choice()
            let levels = try modelOptions.levels()
            guard modelOptions.intervention.isEmpty, modelOptions.regressor.isEmpty else {
                throw InputError(file: nil, field: "--intervention", message: "backtest fits plain models; interventions and regressors are not supported here")
            }
            guard let aggregate = Target.Aggregate(rawValue: aggregate), aggregate == .sum || aggregate == .mean else {
                throw InputError(file: nil, field: "--aggregate", message: "'\(aggregate)' must be sum or mean")
            }
            guard (1...120).contains(horizon) else {
                throw InputError(file: nil, field: "--horizon", message: "\(horizon) must be between 1 and 120 months")
            }
            let dataset = try ObservationsFile.read(path: observations)
            for name in indicator { _ = try series(name, in: dataset) }
            let entries = indicator.isEmpty ? dataset.entries : dataset.entries.filter { indicator.contains($0.indicator) }
            let latest = entries.map(\.series.end).max()!
            let monthsKnown = asOfMonth ?? (latest.month == 12 ? 0 : latest.month)
            guard (0...11).contains(monthsKnown) else {
                throw InputError(file: nil, field: "--as-of-month", message: "\(monthsKnown) must be between 0 and 11")
            }
            let requestedYears = try years.map(parseYears)
            var requests: [Backtest.Request] = []
            for entry in entries {
                let complete = Backtest.completeYears(of: entry.series)
                for year in requestedYears.map({ $0.filter(complete.contains) }) ?? complete {
                    requests.append(Backtest.Request(indicator: entry.indicator, series: entry.series, year: year, monthsKnown: monthsKnown))
                }
            }
            let bar = ProgressBar(label: "backtesting", total: requests.count)
            let results = await Backtest.runAll(requests, aggregate: aggregate, model: choice, levels: levels, horizon: horizon,
                                                intervals: modelOptions.intervals, progress: { bar.update($0) })
            bar.finish()
            var cases: [Backtest.Case] = [], skipped: [String] = []
            for result in results {
                switch result {
                case .success(let c): cases.append(c)
                case .failure(let error): skipped.append(error.description)
                }
            }
            guard !cases.isEmpty else {
                throw InputError(file: observations, field: "--years",
                                 message: "no indicator has a complete year to backtest" + (skipped.first.map { " (\($0))" } ?? ""))
            }
            let report = BacktestReport(monthsKnown: monthsKnown, aggregate: aggregate, model: choice.description,
                                        levels: levels, cases: cases, skipped: skipped, summaryOnly: summary)
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   alongside: chart.map { [OutputFile.Item(BacktestChart.svg(report), to: $0, field: "--chart")] } ?? [],
                                   inputs: [observations])
        }
    }

    private func parseYears(_ text: String) throws -> Set<Int> {
        var result = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0 != nil }), bounds.first!! <= bounds.last!! else {
                throw InputError(file: nil, field: "--years", message: "'\(part)' is not a year or a range like 2017-2019")
            }
            result.formUnion(bounds.first!!...bounds.last!!)
        }
        return result
    }
}
