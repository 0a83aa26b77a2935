import Foundation
import Outturn

/// The model comparison of `outturn compare`: per target figure, every candidate's mean APE and
/// interval coverage over earlier years cut at the same month, with the lowest-APE candidate, the
/// model `auto` fits today and the model in use marked.
public struct ComparisonReport: Sendable {
    /// The last month known.
    public let asOf: Month
    /// Interval levels in percent.
    public let levels: [Double]
    /// The targets, in file order (for their names).
    public let targets: [Target]
    /// One comparison per target figure, in target order.
    public let comparisons: [FigureComparison]

    public init(asOf: Month, levels: [Double], targets: [Target], comparisons: [FigureComparison]) {
        self.asOf = asOf
        self.levels = levels
        self.targets = targets
        self.comparisons = comparisons
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: json().rendered() + "\n"
        case .csv: csv()
        case .table, .markdown: text(markdown: format == .markdown)
        }
    }

    /// The names of a figure's targets, each once, in order.
    private func names(_ figure: FigureComparison) -> [String] {
        var seen = Set<String>()
        return figure.targets.compactMap { targets.indices.contains($0) ? targets[$0].name : nil }.filter { seen.insert($0).inserted }
    }

    private func text(markdown: Bool) -> String {
        var parts: [String] = []
        for figure in comparisons {
            let c = figure.comparison, target = c.target
            let named = names(figure)
            let label = target.indicator + (named.isEmpty ? "" : " (" + named.joined(separator: "; ") + ")")
            let figureText = target.aggregate.rawValue + (target.period == 1...12 ? "" : " \(target.period.lowerBound)-\(target.period.upperBound)")
            var heading = localized(.compareHeading, label, String(target.year), figureText, String(c.monthsKnown))
            if c.isSettled {
                parts.append(heading + "\n" + localized(.compareSettled))
                continue
            }
            guard let first = c.years.first, let last = c.years.last else {
                parts.append(heading + "\n" + localized(.compareNoYears))
                continue
            }
            heading += localized(.compareYears, first == last ? String(first) : "\(first)–\(last)")
            var columns: [(String, TextTable.Alignment)] = [(localized(.columnModel), .left), (localized(.compareCuts), .right),
                                                            (localized(.compareMeanAPE), .right)]
            columns += levels.map { (localized(.compareCoverage, formatLevel($0)), .right) }
            columns.append((localized(.compareMarks), .left))
            var table = TextTable(columns: columns)
            let lowest = c.lowestAPE
            for (index, candidate) in c.candidates.enumerated() {
                var marks: [String] = []
                if index == lowest { marks.append(localized(.compareLowestAPE)) }
                if candidate.model == .auto, let choice = c.autoChoice { marks.append(localized(.compareAutoToday, choice)) }
                if candidate.model == figure.model { marks.append(localized(figure.isOwnModel ? .compareInUseOwn : .compareInUse)) }
                var row = [candidate.model.description, "\(candidate.cases.count)/\(c.years.count)",
                           percent(candidate.summary.meanAPE)]
                row += levels.map { level in candidate.coverage(level: level).map { percent($0 * 100, digits: 0) } ?? "–" }
                row.append(marks.joined(separator: localized(.reasonListSeparator)))
                table.append(row)
            }
            parts.append((markdown ? escapingMarkdownText(heading) + "\n\n" + table.markdown() : heading + "\n" + table.rendered())
                .trimmingCharacters(in: .newlines))
        }
        var note = localized(.compareNote)
        let failures = comparisons.flatMap { $0.comparison.candidates.flatMap(\.failures) }
        if let failure = failures.first {
            note += localized(.compareNoteFailed, String(failures.count), failure.description)
        }
        parts.append(note)
        // Headings and failures echo names from the input: shown, not obeyed.
        return escapingControlCharacters(parts.joined(separator: "\n\n") + "\n", keepingLineBreaks: true)
    }

    private func json() -> JSONValue {
        .object([
            ("asOf", .string(asOf.description)),
            ("levels", .array(levels.map { .number($0) })),
            ("comparisons", .array(comparisons.map { figure in
                let c = figure.comparison
                return .object([
                    ("indicator", .string(c.target.indicator)),
                    ("names", .array(names(figure).map { .string($0) })),
                    ("year", .number(Double(c.target.year))),
                    ("aggregate", .string(c.target.aggregate.rawValue)),
                    ("months", .string("\(c.target.period.lowerBound)-\(c.target.period.upperBound)")),
                    ("monthsKnown", .number(Double(c.monthsKnown))),
                    ("years", .array(c.years.map { .number(Double($0)) })),
                    ("model", .string(figure.model.description)),
                    ("modelFromTargets", .bool(figure.isOwnModel)),
                    ("autoChoice", .string(c.autoChoice)),
                    ("lowestAPE", .string(c.lowestAPE.map { c.candidates[$0].model.description })),
                    ("candidates", .array(c.candidates.map { candidate in
                        .object([
                            ("model", .string(candidate.model.description)),
                            ("cuts", .number(Double(candidate.cases.count))),
                            ("meanAPE", .number(candidate.summary.meanAPE)),
                            ("medianAPE", .number(candidate.summary.medianAPE)),
                            ("coverage", .array(levels.map { level in
                                .object([("level", .number(level)), ("share", .number(candidate.coverage(level: level)))])
                            })),
                            ("cases", .array(candidate.cases.map { k in
                                .object([("year", .number(Double(k.year))), ("model", .string(k.model)),
                                         ("projection", .number(k.projection.value)), ("intervals", intervals(k.intervals)),
                                         ("actual", .number(k.actual)), ("ape", .number(k.absolutePercentageError))])
                            })),
                            ("failures", .array(candidate.failures.map { .string($0.description) })),
                        ])
                    })),
                ])
            })),
        ])
    }

    private func csv() -> String {
        let coverage = levels.map { "coverage_\(formatLevel($0))" }.joined(separator: ",")
        var lines = ["indicator,name,year,aggregate,months,months_known,years,model,cuts,failed,mean_ape,median_ape,"
                     + coverage + ",lowest_ape,auto_today,in_use"]
        for figure in comparisons {
            let c = figure.comparison, lowest = c.lowestAPE
            for (index, candidate) in c.candidates.enumerated() {
                var fields = [c.target.indicator, names(figure).joined(separator: "; "), String(c.target.year),
                              c.target.aggregate.rawValue, "\(c.target.period.lowerBound)-\(c.target.period.upperBound)",
                              String(c.monthsKnown), c.years.map(String.init).joined(separator: " "),
                              candidate.model.description, String(candidate.cases.count), String(candidate.failures.count),
                              formatExact(candidate.summary.meanAPE), formatExact(candidate.summary.medianAPE)]
                fields += levels.map { formatExact(candidate.coverage(level: $0)) }
                fields += [index == lowest ? "true" : "false",
                           candidate.model == .auto ? c.autoChoice ?? "" : "",
                           candidate.model == figure.model ? "true" : "false"]
                lines.append(fields.map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private func percent(_ value: Double?, digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.\(digits)f%%", value)
}
