import ArgumentParser
import Foundation
import Outturn
import OutturnIO

/// Options shared by the commands that fit a model.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R's ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by '+', optionally [N] to fit the last N months.")
    var model: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.", valueName: "term"))
    var intervention: [String] = []

    @Option(name: .long, help: ArgumentHelp("Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.", valueName: "indicator"))
    var regressor: [String] = []

    // Text, not Double: ArgumentParser's Double reads `0x50` as 80; numbers follow the files' rules.
    @Option(name: .long, help: "Prediction interval level in percent. Repeatable.")
    var level: [String] = []

    @Option(name: .long, help: ArgumentHelp("Intervals of projected figures: checked (the model's spread, widened when the series' own history shows it too narrow) model (the model's formula alone, e.g. R's exact regression result) or calibrated (the model's spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).", valueName: "method"))
    var intervals: IntervalMethod = .checked

    func choice() throws -> ModelChoice {
        do { return try ModelChoice(parsing: model) } catch {
            throw InputError(file: nil, field: "--model", message: error.description)
        }
    }

    func extraTerms() throws -> [RegressionFormula.Term] {
        try intervention.map { text -> RegressionFormula.Term in
            do { return .intervention(try Intervention(parsing: text)) } catch {
                throw InputError(file: nil, field: "--intervention",
                                 message: "'\(text)' is not an intervention; write step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM")
            }
        } + regressor.map { .regressor($0) }
    }

    /// The series of every regressor the model names, from the observations file.
    func regressors(for choice: ModelChoice, in dataset: Dataset) throws -> [String: MonthlySeries] {
        var names = regressor
        if case .fixed(let model) = choice { names += model.regressorNames }
        var result: [String: MonthlySeries] = [:]
        for name in names {
            guard let series = dataset.series(name) else {
                throw InputError(file: nil, field: regressor.contains(name) ? "--regressor" : "--model",
                                 message: "regressor '\(name)' is not an indicator of \(dataset.file)")
            }
            result[name] = series
        }
        return result
    }

    /// Refuses a `--regressor` that is one of the indicators being projected: a series cannot
    /// explain itself, and the failure would otherwise surface later against a target row.
    func refuseSelfRegression(projecting indicators: some Sequence<String>) throws {
        let projected = Set(indicators)
        if let name = regressor.first(where: projected.contains) {
            throw InputError(file: nil, field: "--regressor",
                             message: "'\(excerpt(name))' is the indicator being projected; a regressor must be another indicator")
        }
    }

    func levels() throws -> [Double] {
        let levels = try level.isEmpty ? [80, 95] : level.map { text throws(InputError) in try CommandLineNumber.parse(text, flag: "--level") }
        for value in levels where !(value > 0 && value < 100) {
            throw InputError(file: nil, field: "--level", message: "\(value) must lie strictly between 0 and 100 (percent)")
        }
        return levels
    }
}

/// Where and how a report is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    var wantsColour: Bool {
        output == nil && format == .table && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Writes the finished text; nothing is written before the whole report exists.
    func emit(_ text: String, inputs: [String]) throws {
        try emit(text, alongside: [], inputs: inputs)
    }

    /// Writes the report and other files (a `--chart`) together: all paths are checked before
    /// any is written, and a failure writes none of them.
    func emit(_ text: String, alongside files: [OutputFile.Item], inputs: [String]) throws {
        if let output {
            try OutputFile.write(files + [OutputFile.Item(text, to: output)], inputs: inputs)
        } else {
            try OutputFile.write(files, inputs: inputs)
            print(text, terminator: "")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Parses `--as-of`.
func parseAsOf(_ text: String?) throws -> Month? {
    guard let text else { return nil }
    do { return try Month(parsing: text) } catch {
        throw InputError(file: nil, field: "--as-of", message: error.description)
    }
}

/// The series of `indicator` in `dataset`, or an error that lists what is there.
func series(_ indicator: String, in dataset: Dataset) throws -> MonthlySeries {
    guard let series = dataset.series(indicator) else {
        let known = dataset.entries.prefix(10).map(\.indicator).joined(separator: ", ")
        throw InputError(file: nil, field: "--indicator",
                         message: "'\(indicator)' is not in \(dataset.file); it holds \(known)\(dataset.entries.count > 10 ? ", …" : "")")
    }
    return series
}

/// Cuts a series at `--as-of`, checking the month lies within the data.
func history(_ series: MonthlySeries, asOf: Month?, dataset: Dataset) throws -> MonthlySeries {
    guard let asOf else { return series }
    guard asOf <= series.end else {
        throw InputError(file: nil, field: "--as-of",
                         message: "\(asOf) is after the last observation (\(series.end)) in \(dataset.file)")
    }
    guard let cut = series.through(asOf) else {
        throw InputError(file: nil, field: "--as-of",
                         message: "\(asOf) is before the first observation (\(series.start)) in \(dataset.file)")
    }
    return cut
}

extension IntervalMethod: ExpressibleByArgument {}

/// `--lang`: the language of what a command renders for people.
struct LanguageOption: ParsableArguments {
    // Text, not an enum: an unknown language is an input error like any other (exit 1, one line).
    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.", valueName: "language"))
    var lang: String?

    /// `--lang`, or else the environment's locale.
    func language() throws -> OutputLanguage {
        guard let lang else { return OutputLanguage(environment: ProcessInfo.processInfo.environment) }
        guard let language = OutputLanguage(code: lang) else {
            throw InputError(file: nil, field: "--lang", message: "'\(excerpt(lang))' is not a language Outturn writes; use zh or en")
        }
        return language
    }
}

/// ``reportingErrors(_:)`` rendering in the language `option` chooses.
func reportingErrors(_ option: LanguageOption, _ body: () throws -> Void) throws {
    try reportingErrors {
        try OutputLanguage.$current.withValue(try option.language()) { try body() }
    }
}

/// ``reportingErrors(_:)`` for async commands, rendering in the language `option` chooses.
func reportingErrors(_ option: LanguageOption, _ body: () async throws -> Void) async throws {
    try await reportingErrors {
        let language = try option.language()
        try await OutputLanguage.$current.withValue(language) { try await body() }
    }
}
