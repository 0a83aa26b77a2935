import ArgumentParser
import Outturn
import OutturnIO

/// Scenarios from files and from flags.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A scenario file (YAML or JSON; see README). Repeatable.", valueName: "file"))
    var scenario: [String] = []

    @Option(name: .long, help: ArgumentHelp("Set months to a value: INDICATOR@FROM[..TO]=VALUE. Repeatable; flags form one scenario.", valueName: "change"))
    var set: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scale months by a percentage: INDICATOR@FROM[..TO]=PERCENT, e.g. pm25@2020-10..2020-12=+10.", valueName: "change"))
    var scale: [String] = []

    @Option(name: .long, help: ArgumentHelp("Add an amount to months: INDICATOR@FROM[..TO]=AMOUNT.", valueName: "change"))
    var add: [String] = []

    /// Every scenario: the files' in order, then one named "command line" for the flags.
    func scenarios(indicators: Set<String>, asOf: Month) throws -> [Scenario] {
        var scenarios: [Scenario] = []
        for path in scenario { scenarios += try ScenarioFile.read(path: path, indicators: indicators, asOf: asOf) }
        var changes: [Scenario.Change] = []
        for (flag, values) in [("--set", set), ("--scale", scale), ("--add", add)] {
            for text in values {
                let change = try Self.change(text, flag: flag, indicators: indicators)
                guard change.months.lowerBound > asOf else {
                    throw InputError(file: nil, field: flag,
                                     message: "'\(text)': \(change.months.lowerBound) is not after the as-of month \(asOf); a scenario changes the future only")
                }
                changes.append(change)
            }
        }
        if !changes.isEmpty { scenarios.append(Scenario(name: "command line", changes: changes)) }
        guard Set(scenarios.map(\.name)).count == scenarios.count else {
            throw InputError(file: nil, field: "--scenario", message: "two scenarios share a name; give each its own")
        }
        return scenarios
    }

    /// Parses `INDICATOR@FROM[..TO]=NUMBER`; `TO` defaults to December of FROM's year.
    static func change(_ text: String, flag: String, indicators: Set<String>) throws -> Scenario.Change {
        func fail(_ message: String) -> InputError {
            InputError(file: nil, field: flag, message: "'\(text)': \(message); write INDICATOR@YYYY-MM[..YYYY-MM]=NUMBER")
        }
        guard let at = text.lastIndex(of: "@"), let equals = text.lastIndex(of: "="), at < equals else {
            throw fail("not a change")
        }
        let indicator = String(text[..<at])
        guard indicators.contains(indicator) else { throw fail("'\(indicator)' is not an indicator of the observations") }
        let range = text[text.index(after: at)..<equals].components(separatedBy: "..")
        guard (1...2).contains(range.count), let from = try? Month(parsing: range[0]) else { throw fail("bad month") }
        var to = from.advanced(by: 12 - from.month)
        if range.count == 2 {
            guard let end = try? Month(parsing: range[1]), end >= from else { throw fail("bad last month") }
            to = end
        }
        var number = String(text[text.index(after: equals)...])
        if flag == "--scale", number.hasSuffix("%") { number.removeLast() }
        guard let value = Double(number), value.isFinite else { throw fail("'\(number)' is not a number") }
        let operation: Scenario.Change.Operation = switch flag {
        case "--set": .set(value)
        case "--scale": .scale(percent: value)
        default: .add(value)
        }
        return Scenario.Change(indicator: indicator, months: from...to, operation: operation)
    }
}
