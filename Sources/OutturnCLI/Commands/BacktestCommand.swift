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
    var aggregate: String?

    @Option(name: .long, help: ArgumentHelp("Backtest each target of this file (CSV or JSON) on its own figure: its aggregate over its period, and P(beating last year's figure in its comparator's direction). Replaces --aggregate and --indicator.", valueName: "targets"))
    var targets: String?

    @Option(name: .long, help: "Months of monthly forecasts to score after the cut (their values must exist).")
    var horizon: Int = 12

    @Flag(name: .long, help: "Print only the summary, not one row per indicator and year.")
    var summary = false

    @Option(name: .long, help: "Also write a calibration chart (interval coverage by level, PIT histogram) as SVG to this file.")
    var chart: String?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let choice = try modelOptions.choice()
            let levels = try modelOptions.levels()
            guard modelOptions.intervention.isEmpty, modelOptions.regressor.isEmpty else {
                throw InputError(file: nil, field: "--intervention", message: "backtest fits plain models; interventions and regressors are not supported here")
            }
            if targets != nil, aggregate != nil || !indicator.isEmpty {
                throw InputError(file: nil, field: aggregate != nil ? "--aggregate" : "--indicator",
                                 message: "--targets backtests each target's own aggregate and indicator; drop this flag")
            }
            let aggregateText = self.aggregate ?? "sum"
            guard let aggregate = Target.Aggregate(rawValue: aggregateText), aggregate == .sum || aggregate == .mean else {
                throw InputError(file: nil, field: "--aggregate", message: "'\(aggregateText)' must be sum or mean")
            }
            guard (1...120).contains(horizon) else {
                throw InputError(file: nil, field: "--horizon", message: "\(horizon) must be between 1 and 120 months")
            }
            let dataset = try ObservationsFile.read(path: observations)
            for name in indicator { _ = try series(name, in: dataset) }
            let targetsFile = try targets.map { path throws(InputError) in
                let file = try TargetsFile.read(path: path)
                try file.checkIndicators(in: dataset)
                return file
            }
            if let targetsFile, targetsFile.targets.isEmpty, let targets {
                throw InputError(file: targets, field: "aggregate", message: "no target to backtest (milestones count events, not a figure)")
            }
            let entries = indicator.isEmpty ? dataset.entries : dataset.entries.filter { indicator.contains($0.indicator) }
            let ends = targetsFile.map { $0.targets.compactMap { dataset.series($0.indicator)?.end } } ?? entries.map(\.series.end)
            guard let latest = ends.max() else {
                throw InputError(file: observations, field: "--indicator", message: "no indicator to backtest")
            }
            let monthsKnown = asOfMonth ?? (latest.month == 12 ? 0 : latest.month)
            guard (0...11).contains(monthsKnown) else {
                throw InputError(file: nil, field: "--as-of-month", message: "\(monthsKnown) must be between 0 and 11")
            }
            let requestedYears = try years.map(parseYears)
            // Years in ascending order (completeYears is sorted; a Set's order changes per run).
            func chosen(_ complete: [Int]) -> [Int] { requestedYears.map { wanted in complete.filter(wanted.contains) } ?? complete }
            var requests: [Backtest.Request] = []
            var modelText = choice.description
            if let targetsFile, let targets {
                // Each target with the model project gives it: its own (the `model` column), else
                // that of another target of its indicator and year, else --model.
                let book: TargetBook
                do throws(TargetBookError) {
                    book = try TargetBook(series: dataset.seriesByIndicator, targets: targetsFile.targets, model: choice,
                                          targetModels: targetsFile.models)
                } catch {
                    // Worded as project words it, with the row's line and field.
                    guard let last = dataset.lastMonth else { throw InputError(file: targets, message: error.description) }
                    throw TargetWorkspace.error(error, targetsFile: targetsFile, asOf: last)
                }
                let models = targetsFile.targets.indices.map(book.model(forTarget:))
                modelText = runModelDescription(choice.description, targetModels: models, choice: choice)
                // Targets of one figure and model (a fixed and a relative threshold on the PM2.5
                // mean) score the same projections: count them once, under the first target's name.
                var seen = Set<String>()
                for (target, model) in zip(targetsFile.targets, models) {
                    let figure = "\(target.indicator)\u{0}\(target.aggregate)\(target.period)\(target.comparator)\u{0}\(model)"
                    guard seen.insert(figure).inserted else { continue }
                    guard let series = dataset.series(target.indicator) else { continue }   // checked above
                    for year in chosen(Backtest.completeYears(of: series, period: target.period)) {
                        requests.append(Backtest.Request(target: target, series: series, year: year, monthsKnown: monthsKnown,
                                                         model: model))
                    }
                }
            } else {
                for entry in entries {
                    for year in chosen(Backtest.completeYears(of: entry.series)) {
                        requests.append(Backtest.Request(indicator: entry.indicator, series: entry.series, year: year, monthsKnown: monthsKnown))
                    }
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
            let report = BacktestReport(monthsKnown: monthsKnown, aggregate: targetsFile == nil ? aggregate : nil,
                                        model: modelText, levels: levels, cases: cases, skipped: skipped,
                                        summaryOnly: summary)
            let inputs = [observations] + (targets.map { [$0] } ?? [])
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   alongside: chart.map { [OutputFile.Item(BacktestChart.svg(report), to: $0, field: "--chart")] } ?? [],
                                   inputs: inputs)
        }
    }

    private func parseYears(_ text: String) throws -> Set<Int> {
        var result = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.count == part.split(separator: "-").count,
                  let first = bounds.first, let last = bounds.last, first <= last, (1...9999).contains(first), last <= 9999 else {
                throw InputError(file: nil, field: "--years", message: "'\(part)' is not a year or a range like 2017-2019")
            }
            result.formUnion(first...last)
        }
        return result
    }
}
