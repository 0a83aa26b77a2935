import Foundation
import Outturn

/// The cases and summary of `outturn backtest`.
public struct BacktestReport: Sendable {
    public let monthsKnown: Int
    /// The one aggregate of every case; `nil` when each case is a target's own figure (`--targets`).
    public let aggregate: Target.Aggregate?
    public let model: String
    public let levels: [Double]
    public let cases: [Backtest.Case]
    /// Cases that could not run, with the reason.
    public let skipped: [String]
    /// Print only the summary (tables), for thousands of cases.
    public let summaryOnly: Bool

    public init(monthsKnown: Int, aggregate: Target.Aggregate?, model: String, levels: [Double],
                cases: [Backtest.Case], skipped: [String], summaryOnly: Bool) {
        self.monthsKnown = monthsKnown
        self.aggregate = aggregate
        self.model = model
        self.levels = levels
        self.cases = cases
        self.skipped = skipped
        self.summaryOnly = summaryOnly
    }

    public func rendered(_ format: OutputFormat) -> String {
        let summary = BacktestSummary(cases: cases, levels: levels)
        switch format {
        case .json: return json(summary).rendered() + "\n"
        case .csv: return csv()
        case .table, .markdown:
            var parts: [String] = []
            if !summaryOnly {
                let perTarget = aggregate == nil
                var columns: [(String, TextTable.Alignment)] = [(localized(.columnIndicator), .left)]
                if perTarget { columns.append((localized(.columnFigure), .left)) }
                columns += [(localized(.columnYear), .right), (localized(.columnModel), .left), (localized(.columnProjected), .right),
                            (localized(.columnActual), .right), ("APE", .right)]
                columns += levels.map { (localized(.columnInsideLevel, formatLevel($0)), .right) }
                columns += [(localized(perTarget ? .columnProbabilityBetter : .columnProbabilityGrowth), .right), ("PIT", .right)]
                var table = TextTable(columns: columns)
                for c in cases {
                    var row: [String] = [c.label.map { "\(c.indicator) (\($0))" } ?? c.indicator]
                    if perTarget { row.append(figure(c)) }
                    row += [String(c.year), c.model, formatForReading(c.projection.value),
                            formatForReading(c.actual), c.absolutePercentageError.map { String(format: "%.2f%%", $0) } ?? "–"]
                    row += levels.map { level in c.covers(level: level).map { localized($0 ? .yes : .no) } ?? "–" }
                    row += [c.previous == nil ? "–" : String(format: "%.2f", c.projection.probability), String(format: "%.2f", c.pit)]
                    table.append(row)
                }
                parts.append(format == .markdown ? table.markdown() : table.rendered())
            }
            var overview = TextTable(columns: [(localized(.columnMeasure), .left), (localized(.columnValue), .right)])
            overview.append([localized(.backtestCases), String(summary.count)])
            overview.append([aggregate.map { localized(.backtestMeanAPEOfAggregate, aggregateText($0)) } ?? localized(.backtestMeanAPEOfTargets),
                             percent(summary.meanAPE)])
            overview.append([localized(.backtestMedianAPE), percent(summary.medianAPE)])
            for (level, share) in summary.coverage {
                overview.append([localized(.backtestCoverageLevel, formatLevel(level)), percent(share * 100, digits: 1)])
            }
            for (level, score) in summary.relativeIntervalScore {
                overview.append([localized(.backtestIntervalScore, formatLevel(level)), percent(score)])
            }
            overview.append([localized(aggregate == nil ? .backtestBrierBetter : .backtestBrierGrowth), summary.brierScore.map { String(format: "%.4f", $0) } ?? "–"])
            overview.append([localized(.backtestPITDeciles), summary.pitHistogram.map { String(format: "%.2f", $0) }.joined(separator: " ")])
            let horizon = cases.map(\.forecasts.count).max() ?? 0
            overview.append([localized(.backtestHorizon, "MAPE", String(horizon)), percent(summary.mape)])
            overview.append([localized(.backtestHorizon, "sMAPE", String(horizon)), percent(summary.smape)])
            overview.append([localized(.backtestHorizon, "MASE", String(horizon)), summary.mase.map { String(format: "%.3f", $0) } ?? "–"])
            parts.append(format == .markdown ? overview.markdown() : overview.rendered())
            var note = localized(.backtestNoteCut, String(monthsKnown), model)
                + localized(aggregate == nil ? .backtestNoteBetter : .backtestNoteGrowth)
                + localized(.backtestNotePIT)
                + (cases.contains { $0.intervals != $0.projection.intervals } ? localized(.backtestNoteClamped) : "")
            if !skipped.isEmpty {
                note += "\nSkipped \(skipped.count): " + skipped.prefix(5).joined(separator: "; ") + (skipped.count > 5 ? "; …" : "")
            }
            parts.append(note)
            // Skipped cases' messages echo names from the input: shown, not obeyed.
            return escapingControlCharacters(parts.joined(separator: "\n\n") + "\n", keepingLineBreaks: true)
        }
    }

    private func json(_ summary: BacktestSummary) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("monthsKnown", .number(Double(monthsKnown))),
            ("aggregate", aggregate.map { .string($0.rawValue) } ?? .null),
            ("model", .string(model)),
            ("summary", .object([
                ("cases", .number(Double(summary.count))),
                ("meanAPE", .number(summary.meanAPE)), ("medianAPE", .number(summary.medianAPE)),
                ("coverage", .array(summary.coverage.map { .object([("level", .number($0.level)), ("share", .number($0.share))]) })),
                ("intervalScorePercent", .array(summary.relativeIntervalScore.map {
                    .object([("level", .number($0.level)), ("percent", .number($0.percent))]) })),
                ("brierScore", .number(summary.brierScore)),
                ("pitHistogram", .array(summary.pitHistogram.map { .number($0) })),
                ("mape", .number(summary.mape)), ("smape", .number(summary.smape)), ("mase", .number(summary.mase)),
            ])),
        ]
        if !summaryOnly {
            members.append(("cases", .array(cases.map { c in
                .object([("indicator", .string(c.indicator))]
                        + (aggregate == nil
                           ? [("name", c.label.map { .string($0) } ?? .null), ("aggregate", .string(c.aggregate.rawValue)),
                              ("months", .string("\(c.period.lowerBound)-\(c.period.upperBound)")),
                              ("comparator", .string(c.comparator.rawValue))]
                           : [])
                        + [("year", .number(Double(c.year))),
                         ("model", .string(c.model)), ("projection", .number(c.projection.value)),
                         ("intervals", intervals(c.intervals)), ("actual", .number(c.actual)),
                         ("ape", .number(c.absolutePercentageError)), ("previous", .number(c.previous)),
                         ("probabilityOfGrowth", c.previous == nil ? .null : .number(c.projection.probability)),
                         ("pit", .number(c.pit)), ("mae", .number(c.meanAbsoluteError)),
                         ("rmse", .number(c.rootMeanSquaredError))])
            })))
        }
        members.append(("skipped", .array(skipped.map { .string($0) })))
        return .object(members)
    }

    private func csv() -> String {
        let perTarget = aggregate == nil
        let bounds = levels.map { "lower_\(formatLevel($0)),upper_\(formatLevel($0))" }.joined(separator: ",")
        var lines = ["indicator," + (perTarget ? "name,aggregate,months,comparator," : "") + "year,model,projection," + bounds
                     + ",actual,ape,previous," + (perTarget ? "probability_better" : "probability_of_growth") + ",pit,mae,rmse"]
        for c in cases {
            var fields: [String] = [c.indicator]
            if perTarget {
                fields += [c.label ?? "", c.aggregate.rawValue, "\(c.period.lowerBound)-\(c.period.upperBound)", c.comparator.rawValue]
            }
            fields += [String(c.year), c.model, formatExact(c.projection.value)]
            fields += c.intervals.flatMap { [formatExact($0.lower), formatExact($0.upper)] }
            fields += [formatExact(c.actual), formatExact(c.absolutePercentageError), formatExact(c.previous),
                       c.previous == nil ? "" : formatExact(c.projection.probability), formatExact(c.pit),
                       formatExact(c.meanAbsoluteError), formatExact(c.rootMeanSquaredError)]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// "mean of months 5–12, <" for a target's figure.
private func figure(_ c: Backtest.Case) -> String {
    c.aggregate.rawValue + (c.period == 1...12 ? "" : " \(c.period.lowerBound)-\(c.period.upperBound)") + " " + c.comparator.rawValue
}

private func percent(_ value: Double?, digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.\(digits)f%%", value)
}
