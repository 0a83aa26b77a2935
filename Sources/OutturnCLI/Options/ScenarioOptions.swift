import ArgumentParser
import Foundation
import Outturn
import OutturnIO

/// Scenarios from files and from flags.
struct ScenarioOptions: ParsableArguments {
    static let changeFlags = ["--set", "--scale", "--factor", "--add"]

    @Option(name: .long, help: ArgumentHelp("A scenario file (YAML or JSON; see README). Repeatable.", valueName: "file"))
    var scenario: [String] = []

    @Option(name: .long, help: ArgumentHelp("Set months to a value: INDICATOR@FROM[..TO]=VALUE, e.g. water@2020-12=700. FROM alone is that one month. The change flags form one scenario and apply in the order typed; two --set of one month are refused.", valueName: "change"))
    var set: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scale months by a percentage, sign and % required: INDICATOR@FROM[..TO]=PERCENT%, e.g. pm25@2020-10..2020-12=+10%.", valueName: "change"))
    var scale: [String] = []

    @Option(name: .long, help: ArgumentHelp("Multiply months by a factor: INDICATOR@FROM[..TO]=FACTOR, e.g. pm25@2020-10..2020-12=1.1.", valueName: "change"))
    var factor: [String] = []

    @Option(name: .long, help: ArgumentHelp("Add an amount to months: INDICATOR@FROM[..TO]=AMOUNT.", valueName: "change"))
    var add: [String] = []

    /// Every scenario: the files' in order, then one named "command line" for the flags.
    func scenarios(indicators: Set<String>, asOf: Month, lastMonths: [String: Month] = [:]) throws -> [Scenario] {
        try sourcedScenarios(indicators: indicators, asOf: asOf, lastMonths: lastMonths).map(\.scenario)
    }

    /// ``scenarios(indicators:asOf:)``, each with a maker of errors that names where the scenario
    /// came from (its file, or its flags), for failures the scenario causes.
    /// `lastMonths`: each indicator's last observed month, when before `asOf`; a change may start after it.
    /// `modelRegressors`: the regressors the model uses, when known; values for any other
    /// regressor would be silently ignored, so they are refused.
    /// `regressorSeries`: those regressors' series: a change to one of them (`--set temp@2020-12=30`)
    /// changes its values for the models that use it (``Scenario/applyingChanges(toRegressors:)``),
    /// rather than being ignored because the regressor has no target of its own.
    func sourcedScenarios(indicators: Set<String>, asOf: Month, lastMonths: [String: Month] = [:],
                          modelRegressors: Set<String>? = nil, regressorSeries: [String: MonthlySeries] = [:])
        throws -> [(scenario: Scenario, culprit: (String) -> InputError)] {
        var scenarios: [(scenario: Scenario, culprit: (String) -> InputError)] = []
        for path in scenario {
            for (index, scenario) in try ScenarioFile.read(path: path, indicators: indicators, asOf: asOf,
                                                                             lastMonths: lastMonths).enumerated() {
                if let modelRegressors, let unused = scenario.regressorValues.keys.sorted().first(where: { !modelRegressors.contains($0) }) {
                    throw InputError(file: path, field: "scenarios[\(index)].regressors.\(excerpt(unused))",
                                     message: "'\(excerpt(unused))' is not a regressor of the model, so its values would be ignored; "
                                         + "add --regressor \(excerpt(unused)), or remove them")
                }
                let applied: Scenario
                do throws(Scenario.RegressorChangeError) { applied = try scenario.applyingChanges(toRegressors: regressorSeries) } catch {
                    throw InputError(file: path, field: "scenarios[\(index)].changes[\(error.change)]", message: error.description)
                }
                scenarios.append((applied, { InputError(file: path, field: "scenarios[\(index)]", message: $0) }))
            }
        }
        var changes: [Scenario.Change] = []
        var sources: [(flag: String, text: String)] = []
        for (flag, text) in orderedChanges(CommandLine.arguments) {
            let change = try Self.change(text, flag: flag, indicators: indicators)
            let known = min(asOf, lastMonths[change.indicator] ?? asOf)
            guard change.months.lowerBound > known else {
                throw InputError(file: nil, field: flag,
                                 message: "'\(text)': \(change.months.lowerBound) is not after "
                                     + (known < asOf ? "\(change.indicator)'s last observed month \(known)" : "the as-of month \(asOf)")
                                     + "; a scenario changes the future only")
            }
            changes.append(change)
            sources.append((flag, text))
        }
        if !changes.isEmpty {
            let flags = Scenario(name: "command line", changes: changes)
            if let conflict = flags.conflictingSets() {
                throw InputError(file: nil, field: "--set",
                                 message: "'\(sources[conflict.second].text)' sets \(changes[conflict.second].indicator) in \(conflict.month), which '\(sources[conflict.first].text)' already sets; give each month one value")
            }
            let used = Self.changeFlags.filter { flag in sources.contains { $0.flag == flag } }.joined(separator: "/")
            let applied: Scenario
            do throws(Scenario.RegressorChangeError) { applied = try flags.applyingChanges(toRegressors: regressorSeries) } catch {
                let source = sources[error.change]
                throw InputError(file: nil, field: source.flag, message: "'\(source.text)': \(error.description)")
            }
            scenarios.append((applied, { InputError(file: nil, field: used, message: $0) }))
        }
        guard Set(scenarios.map(\.scenario.name)).count == scenarios.count else {
            throw InputError(file: nil, field: "--scenario", message: "two scenarios share a name; give each its own")
        }
        return scenarios
    }

    /// The change flags' values in the order typed: ArgumentParser keeps each flag's values in
    /// order but not how the flags interleave, and a set before a scale differs from the reverse.
    func orderedChanges(_ arguments: [String]) -> [(flag: String, text: String)] {
        let values = ["--set": set, "--scale": scale, "--factor": factor, "--add": add]
        var flags: [String] = []
        for argument in arguments.dropFirst() {
            if argument == "--" { break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if Self.changeFlags.contains(name) { flags.append(name) }
        }
        var used: [String: Int] = [:]
        var result: [(flag: String, text: String)] = []
        for flag in flags {
            let index = used[flag, default: 0]
            guard let list = values[flag], index < list.count else { continue }
            result.append((flag, list[index]))
            used[flag] = index + 1
        }
        // Values the scan did not see (e.g. a flag spelled in a way it does not know) keep their
        // flag's order after the rest, rather than being lost.
        for flag in Self.changeFlags {
            for text in (values[flag] ?? []).dropFirst(used[flag, default: 0]) { result.append((flag, text)) }
        }
        return result
    }

    /// Parses `INDICATOR@FROM[..TO]=VALUE`; without `..TO` the change is the one month FROM.
    static func change(_ text: String, flag: String, indicators: Set<String>) throws -> Scenario.Change {
        let unit = switch flag {
        case "--scale": "PERCENT%"
        case "--factor": "FACTOR"
        default: "NUMBER"
        }
        func fail(_ message: String) -> InputError {
            InputError(file: nil, field: flag, message: "'\(text)': \(message); write INDICATOR@YYYY-MM[..YYYY-MM]=\(unit)")
        }
        guard let at = text.lastIndex(of: "@"), let equals = text.lastIndex(of: "="), at < equals else {
            throw fail("not a change")
        }
        let indicator = String(text[..<at])
        guard indicators.contains(indicator) else { throw fail("'\(indicator)' is not an indicator of the observations") }
        let range = text[text.index(after: at)..<equals].components(separatedBy: "..")
        guard (1...2).contains(range.count), let from = try? Month(parsing: range[0]) else { throw fail("bad month") }
        var to = from
        if range.count == 2 {
            guard let end = try? Month(parsing: range[1]), end >= from else { throw fail("bad last month") }
            to = end
        }
        let number = String(text[text.index(after: equals)...])
        let operation: Scenario.Change.Operation
        do {
            operation = try ScenarioChangeValue.operation(String(flag.dropFirst(2)), number)
        } catch {
            throw InputError(file: nil, field: flag, message: "'\(text)': \(error.message)")
        }
        return Scenario.Change(indicator: indicator, months: from...to, operation: operation)
    }
}
