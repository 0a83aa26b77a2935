import Foundation
import Outturn
import Yams

/// What-if scenarios read from YAML or JSON (JSON is read as YAML, so both report line numbers).
///
/// ```yaml
/// scenarios:
///   - name: worse winter
///     changes:
///       - indicator: pm25
///         from: 2020-10        # first month changed
///         to: 2020-12          # last month (default: `from` alone)
///         scale: 10%           # percent, with its sign; or `factor: 1.1`, `add: 2.5`, `set: 50` (exactly one)
///   - name: recovery
///     changes:
///       - {indicator: jobs, from: 2020-09, to: 2020-12, add: 150}
///     interventions:
///       step@2020-02: off      # or on
///     regressors:
///       temperature: {2020-09: 21.5, 2020-10: 14}
/// ```
public enum ScenarioFile {
    /// Reads and validates `path`.
    /// - Parameters:
    ///   - path: the file.
    ///   - indicators: the indicators of the observations, which changes and regressors must name.
    ///   - asOf: when given, every month a scenario changes must come after it.
    ///   - lastMonths: an indicator's last observed month, when earlier than `asOf` (published
    ///     later than the others): its changes may start after that month instead.
    /// - Throws: ``InputError`` with the file, line and key path (e.g. `scenarios[0].changes[1].scale`).
    public static func read(path: String, indicators: Set<String>, asOf: Month? = nil,
                            lastMonths: [String: Month] = [:]) throws(InputError) -> [Scenario] {
        try parse(try readFile(path), file: path, indicators: indicators, asOf: asOf, lastMonths: lastMonths)
    }

    /// Parses scenario text.
    public static func parse(_ data: Data, file: String, indicators: Set<String>,
                             asOf: Month? = nil, lastMonths: [String: Month] = [:]) throws(InputError) -> [Scenario] {
        try refuseWideEncoding(data, file: file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, message: "the file is not valid UTF-8 text")
        }
        // Judged before composing: Yams may take minutes on a small file full of aliases.
        guard data.count <= 1 << 20 else {
            throw InputError(file: file, message: "is larger than 1 MB; a scenario file is a few lines")
        }
        if let problem = YAMLGuard.problem(in: text) {
            throw InputError(file: file, line: problem.line, message: problem.message)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw InputError(file: file, line: yamlErrorLine(error), message: "is not valid YAML or JSON (\(yamlErrorProblem(error)))")
        }
        guard let root, let top = root.mapping else {
            throw InputError(file: file, line: 1, message: "expected a mapping with a 'scenarios' list")
        }
        let reader = Reader(file: file, indicators: indicators, asOf: asOf, lastMonths: lastMonths)
        try reader.onlyKeys(top, ["scenarios"], path: "")
        guard let list = top["scenarios"]?.sequence, !list.isEmpty else {
            throw reader.fail(root, "scenarios", "expected a non-empty list under 'scenarios'")
        }
        var names: Set<String> = []
        var scenarios: [Scenario] = []
        for (index, node) in list.enumerated() {
            let scenario = try reader.scenario(node, path: "scenarios[\(index)]")
            guard names.insert(scenario.name).inserted else {
                throw reader.fail(node, "scenarios[\(index)].name", "the name '\(excerpt(scenario.name))' is used twice")
            }
            scenarios.append(scenario)
        }
        return scenarios
    }

    private struct Reader {
        let file: String
        let indicators: Set<String>
        let asOf: Month?
        let lastMonths: [String: Month]

        /// A scenario changes the future only: after `indicator`'s last observation, if given.
        func checkFuture(_ month: Month, _ node: Node, _ field: String, indicator: String? = nil) throws(InputError) {
            if let asOf, let last = indicator.flatMap({ lastMonths[$0] }), last < asOf {
                if month <= last {
                    throw fail(node, field, "\(month) is not after \(indicator ?? "")'s last observed month \(last); a scenario changes the future only")
                }
            } else if let asOf, month <= asOf {
                throw fail(node, field, "\(month) is not after the as-of month \(asOf); a scenario changes the future only")
            }
        }

        func fail(_ node: Node, _ field: String, _ message: String) -> InputError {
            InputError(file: file, line: node.mark.map { $0.line }, field: field, message: message)
        }

        func onlyKeys(_ mapping: Node.Mapping, _ allowed: [String], path: String) throws(InputError) {
            for (key, _) in mapping {
                let name = key.string ?? ""
                guard allowed.contains(name) else {
                    throw fail(key, path.isEmpty ? excerpt(name) : "\(path).\(excerpt(name))",
                               "unknown key; use \(allowed.joined(separator: ", "))")
                }
            }
        }

        func string(_ node: Node?, in parent: Node, _ field: String) throws(InputError) -> String {
            guard let node else { throw fail(parent, field, "the value is missing") }
            guard let text = node.scalar?.string, !text.isEmpty else { throw fail(node, field, "expected text") }
            return text
        }

        func number(_ node: Node, _ field: String, percent: Bool = false) throws(InputError) -> Double {
            var text = node.scalar?.string ?? ""
            if percent, text.hasSuffix("%") { text.removeLast() }
            guard let value = parseDecimal(text) else { throw fail(node, field, numberAdvice(text)) }
            return value
        }

        func month(_ node: Node?, in parent: Node, _ field: String) throws(InputError) -> Month {
            let text = try string(node, in: parent, field)
            do { return try Month(parsing: text) } catch { throw fail(node ?? parent, field, error.description) }
        }

        func scenario(_ node: Node, path: String) throws(InputError) -> Scenario {
            guard let mapping = node.mapping else { throw fail(node, path, "each scenario must be a mapping") }
            try onlyKeys(mapping, ["name", "changes", "interventions", "regressors"], path: path)
            let name = try string(mapping["name"], in: node, "\(path).name")
            var changes: [Scenario.Change] = []
            if let list = mapping["changes"] {
                guard let items = list.sequence else { throw fail(list, "\(path).changes", "expected a list of changes") }
                for (index, item) in items.enumerated() {
                    changes.append(try change(item, path: "\(path).changes[\(index)]"))
                }
            }
            var interventions: [Intervention: Bool] = [:]
            if let switches = mapping["interventions"] {
                guard let pairs = switches.mapping else {
                    throw fail(switches, "\(path).interventions", "expected `step@YYYY-MM: on` or `off` pairs")
                }
                for (key, value) in pairs {
                    let field = "\(path).interventions.\(excerpt(key.string ?? ""))"
                    guard let intervention = try? Intervention(parsing: key.string ?? "") else {
                        throw fail(key, field, "not an intervention; write step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM")
                    }
                    switch value.scalar?.string.lowercased() {
                    case "on", "true", "yes": interventions[intervention] = true
                    case "off", "false", "no": interventions[intervention] = false
                    default: throw fail(value, field, "expected on or off")
                    }
                }
            }
            var regressorValues: [String: [Month: Double]] = [:]
            if let regressors = mapping["regressors"] {
                guard let pairs = regressors.mapping else {
                    throw fail(regressors, "\(path).regressors", "expected regressor: {YYYY-MM: value, …}")
                }
                for (key, value) in pairs {
                    let regressor = key.string ?? ""
                    let field = "\(path).regressors.\(excerpt(regressor))"
                    guard indicators.contains(regressor) else {
                        throw fail(key, field, "'\(excerpt(regressor))' is not an indicator of the observations")
                    }
                    guard let months = value.mapping else { throw fail(value, field, "expected {YYYY-MM: value, …}") }
                    var values: [Month: Double] = [:]
                    for (monthKey, amount) in months {
                        let month = try self.month(monthKey, in: value, "\(field).\(excerpt(monthKey.string ?? ""))")
                        try checkFuture(month, monthKey, "\(field).\(month)")
                        values[month] = try number(amount, "\(field).\(month)")
                    }
                    regressorValues[regressor] = values
                }
            }
            let scenario = Scenario(name: name, changes: changes, regressorValues: regressorValues, interventions: interventions)
            if let conflict = scenario.conflictingSets(), let items = mapping["changes"]?.sequence {
                throw fail(items[conflict.second], "\(path).changes[\(conflict.second)].set",
                           "sets \(changes[conflict.second].indicator) in \(conflict.month), which changes[\(conflict.first)] already sets; give each month one value")
            }
            return scenario
        }

        func change(_ node: Node, path: String) throws(InputError) -> Scenario.Change {
            guard let mapping = node.mapping else { throw fail(node, path, "each change must be a mapping") }
            try onlyKeys(mapping, ["indicator", "from", "to", "set", "scale", "factor", "add"], path: path)
            let indicator = try string(mapping["indicator"], in: node, "\(path).indicator")
            guard indicators.contains(indicator) else {
                throw fail(mapping["indicator"] ?? node, "\(path).indicator", "'\(excerpt(indicator))' is not an indicator of the observations")
            }
            let from = try month(mapping["from"], in: node, "\(path).from")
            try checkFuture(from, mapping["from"] ?? node, "\(path).from", indicator: indicator)
            // Without `to`, the change is that one month, as on the command line.
            var to = from
            if mapping["to"] != nil { to = try month(mapping["to"], in: node, "\(path).to") }
            guard from <= to else { throw fail(mapping["to"] ?? node, "\(path).to", "\(to) is before \(from)") }
            let operations = ["set", "scale", "factor", "add"].filter { mapping[$0] != nil }
            guard operations.count == 1, let key = operations.first, let value = mapping[key] else {
                throw fail(node, "\(path).\(operations.last ?? "scale")",
                           operations.isEmpty ? "give one of set, scale (percent, e.g. -10%), factor (e.g. 0.9) or add"
                                              : "give only one of set, scale, factor and add; write several changes to combine them")
            }
            let text = value.scalar?.string ?? ""
            let operation: Scenario.Change.Operation
            do {
                operation = try ScenarioChangeValue.operation(key, text)
            } catch {
                throw fail(value, "\(path).\(key)", error.message)
            }
            return Scenario.Change(indicator: indicator, months: from...to, operation: operation)
        }
    }
}
