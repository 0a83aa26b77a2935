import Outturn

/// The year-end projections of many targets as of one month, rendered for people or programs.
public struct ProjectionReport: Sendable {
    /// The last month known.
    public let asOf: Month
    /// Interval levels in percent.
    public let levels: [Double]
    /// One projection per target, in the targets file's order.
    public let projections: [YearEndProjection]
    /// Milestones judged by run-rate.
    public let milestones: [MilestoneProgress]
    /// Indicators with several conditions, judged together.
    public let joint: [JointAssessment]

    /// Creates a report.
    public init(asOf: Month, levels: [Double], projections: [YearEndProjection],
                milestones: [MilestoneProgress] = [], joint: [JointAssessment] = []) {
        self.asOf = asOf
        self.levels = levels
        self.projections = projections
        self.milestones = milestones
        self.joint = joint
    }

    /// The report in `format`; `colour` marks statuses with ANSI colours (for a terminal).
    public func rendered(_ format: OutputFormat, colour: Bool = false) -> String {
        switch format {
        case .table: table().rendered(colour: colour) + warningLines() + jointLines() + footnote()
        case .markdown: table().markdown() + markdownWarningLines() + escapingMarkdownLines(jointLines())
        case .json: json().rendered() + "\n"
        case .csv: csv()
        }
    }

    /// The footnotes of the rows marked `⚠¹`: why their evidence is thin.
    private func warningLines() -> String {
        let lines = WarningFootnotes(projections).lines
        guard !lines.isEmpty else { return "" }
        // Names come from input: control characters are shown, not obeyed.
        return "\n" + lines.map { escapingControlCharacters($0) }.joined(separator: "\n") + "\n"
    }

    /// The same footnotes for Markdown, a paragraph each.
    private func markdownWarningLines() -> String {
        let lines = WarningFootnotes(projections).lines
        guard !lines.isEmpty else { return "" }
        return "\n" + lines.map(escapingMarkdownText).joined(separator: "\n\n") + "\n"
    }

    private func jointLines() -> String {
        guard !joint.isEmpty else { return "" }
        return "\n" + joint.map { assessment in
            let name = escapingControlCharacters(assessment.projections.first?.target.name ?? assessment.indicator)
            return localized(.jointLine, name, String(assessment.projections.count),
                        formatProbability(assessment.probability, settled: assessment.status.isSettled),
                        localizedStatus(assessment.status.rawValue))
        }.joined(separator: "\n") + "\n"
    }

    private func table() -> TextTable {
        var columns: [(String, TextTable.Alignment)] = [(localized(.columnIndicator), .left), (localized(.columnYear), .right),
                                                         (localized(.columnTarget), .left), (localized(.columnAsOf), .left),
                                                         (localized(.columnSoFar), .right), (localized(.columnProjected), .right)]
        columns += levels.map { (localized(.columnInterval, formatLevel($0)), .right) }
        let statusColumn = columns.count + 1
        columns += [(localized(.columnProbability), .right), (localized(.columnStatus), .left), (localized(.columnPaceNeeded), .right),
                    (localized(.columnModel), .left)]
        var table = TextTable(columns: columns)
        let footnotes = WarningFootnotes(projections)
        for (index, p) in projections.enumerated() {
            table.colours[table.rows.count] = [statusColumn: statusColour(p.status.rawValue)]
            table.append(Self.row(p, mark: footnotes.marks[index]))
        }
        for m in milestones {
            table.colours[table.rows.count] = [statusColumn: statusColour(m.status.rawValue)]
            table.append(Self.row(m, levels: levels.count))
        }
        return table
    }

    static func row(_ m: MilestoneProgress, levels: Int) -> [String] {
        let milestone = m.milestone
        let unit = milestone.unit.map { " \($0)" } ?? ""
        var cells = [milestone.name ?? milestone.indicator, String(milestone.due.year),
                     localized(.milestoneTarget, formatCount(milestone.count), unit, milestone.due.description), m.asOf.description,
                     "\(formatCount(m.reached)) (\(m.reachedIn))", formatCount(m.projectedAtDue)]
        cells += [String](repeating: "–", count: levels)
        cells += ["–", localizedStatus(m.status.rawValue), m.requiredPerMonth.map { localized(.perMonth, formatForReading($0)) } ?? "–",
                  localized(.runRateModel)]
        return cells
    }

    /// A projection's row; `mark` (`⚠¹`) flags thin evidence where the doubt lies (see
    /// ``WarningFootnotes/marksValue(_:)``): after the status, or after the projected value of a
    /// settled target.
    static func row(_ p: YearEndProjection, mark: String? = nil) -> [String] {
        let target = p.target
        let (valueMark, statusMark) = WarningFootnotes.marksValue(p) ? (mark, nil) : (nil, mark)
        var cells = [target.name ?? target.indicator, String(target.year), describe(target, p),
                     p.lastObservedMonth?.description ?? "–", soFarText(p),
                     formatForReading(p.value) + (valueMark.map { " \($0)" } ?? "")]
        cells += p.intervals.map(formatInterval)
        let status = localizedStatus(p.status.rawValue) + (statusMark.map { " \($0)" } ?? "")
        cells += [formatProbability(p.probability, settled: p.status.isSettled), status, paceText(p),
                  p.modelSummary?.name ?? localized(.observedModel)]
        return cells
    }

    private func footnote() -> String {
        "\n" + localized(.projectFootnote, asOf.description) + "\n"
    }

    /// The JSON contract of `outturn project` (see <doc:JSONOutput>).
    public func json() -> JSONValue {
        .object([
            ("asOf", .string(asOf.description)),
            ("levels", .array(levels.map { .number($0) })),
            ("indicators", .lazyArray(projections.count) { [projections] in Self.json(projections[$0]) }),
            ("milestones", .array(milestones.map(Self.json))),
            ("joint", .array(joint.map { assessment in
                .object([("indicator", .string(assessment.indicator)),
                         ("conditions", .number(Double(assessment.projections.count))),
                         ("probability", .number(assessment.probability)),
                         ("status", .string(assessment.status.rawValue))])
            })),
        ])
    }

    static func json(_ m: MilestoneProgress) -> JSONValue {
        .object([
            ("indicator", .string(m.milestone.indicator)),
            ("name", .string(m.milestone.name)),
            ("unit", .string(m.milestone.unit)),
            ("count", .number(m.milestone.count)),
            ("due", .string(m.milestone.due.description)),
            ("reached", .number(m.reached)),
            ("reachedIn", .string(m.reachedIn.description)),
            ("ratePerMonth", .number(m.ratePerMonth)),
            ("projectedAtDue", .number(m.projectedAtDue)),
            ("requiredPerMonth", .number(m.requiredPerMonth)),
            ("status", .string(m.status.rawValue)),
        ])
    }

    static func json(_ p: YearEndProjection) -> JSONValue {
        let target = p.target
        return .object([
            ("indicator", .string(target.indicator)),
            ("name", .string(target.name)),
            ("unit", .string(target.unit)),
            ("year", .number(Double(target.year))),
            ("aggregate", .string(target.aggregate.rawValue)),
            ("period", .object([("from", .number(Double(target.period.lowerBound))),
                                ("to", .number(Double(target.period.upperBound)))])),
            ("asOf", .string(p.lastObservedMonth?.description)),
            ("observedMonths", .number(Double(p.observedMonths.count))),
            ("lastObservedMonth", .string(p.observedMonths.last?.description)),
            ("yearToDate", .number(p.yearToDate)),
            ("projection", .object([
                ("value", .number(p.value)),
                ("standardError", .number(p.standardError)),
                ("degreesOfFreedom", .number(p.degreesOfFreedom.map(Double.init))),
                ("method", .string(p.method.rawValue)),
                ("intervals", intervals(p.intervals)),
            ])),
            ("target", targetJSON(target, p)),
            ("probability", .number(p.probability)),
            ("status", .string(p.status.rawValue)),
            ("requiredPace", .number(p.requiredPace)),
            ("model", p.modelSummary.map { modelJSON($0, fit: nil) } ?? .null),
            ("warnings", warningsJSON(p.warnings)),
        ])
    }

    /// The header line of the CSV form (shared with ``PanelReport``).
    static func csvHeader(levels: [Double]) -> String {
        var header = ["indicator", "name", "unit", "year", "aggregate", "comparator", "threshold",
                      "observed_months", "as_of", "year_to_date", "projection", "standard_error"]
        for level in levels { header += ["lower_\(formatLevel(level))", "upper_\(formatLevel(level))"] }
        header += ["probability", "status", "required_pace", "model", "method"]
        return header.joined(separator: ",")
    }

    /// One projection's line of the CSV form (shared with ``PanelReport``).
    static func csvLine(_ p: YearEndProjection) -> String {
        let t = p.target
        var row = [t.indicator, t.name ?? "", t.unit ?? "", String(t.year), t.aggregate.rawValue,
                   t.comparator.rawValue, formatExact(p.referenceValue), String(p.observedMonths.count),
                   p.lastObservedMonth?.description ?? "", formatExact(p.yearToDate), formatExact(p.value), formatExact(p.standardError)]
        for interval in p.intervals { row += [formatExact(interval.lower), formatExact(interval.upper)] }
        row += [formatExact(p.probability), p.status.rawValue, formatExact(p.requiredPace),
                p.modelSummary?.name ?? "observed", p.method.rawValue]
        return row.map(csvField).joined(separator: ",")
    }

    private func csv() -> String {
        var lines = [Self.csvHeader(levels: levels)]
        for p in projections { lines.append(Self.csvLine(p)) }
        // Milestones: the count as threshold, the run-rate projection, no interval or probability.
        for m in milestones {
            let milestone = m.milestone
            var row = [milestone.indicator, milestone.name ?? "", milestone.unit ?? "", String(milestone.due.year),
                       "milestone", ">=", formatExact(milestone.count), "", m.asOf.description, formatExact(m.reached),
                       formatExact(m.projectedAtDue), ""]
            row += [String](repeating: "", count: 2 * levels.count)
            row += ["", m.status.rawValue, formatExact(m.requiredPerMonth), "run-rate", "run-rate"]
            lines.append(row.map(csvField).joined(separator: ","))
        }
        // Joint rows: an indicator's conditions together (aggregate `joint`), P(all met) and status.
        for assessment in joint {
            let first = assessment.projections.first
            var row = [assessment.indicator, first?.target.name ?? "", first?.target.unit ?? "",
                       first.map { String($0.target.year) } ?? "", "joint", "", "", "",
                       first?.lastObservedMonth?.description ?? "", "", "", ""]
            row += [String](repeating: "", count: 2 * levels.count)
            row += [formatExact(assessment.probability), assessment.status.rawValue, "", "", "joint"]
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
