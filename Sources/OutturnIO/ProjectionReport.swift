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
        case .table: table().rendered(colour: colour) + jointLines() + footnote()
        case .markdown: table().markdown() + escapingMarkdownLines(jointLines())
        case .json: json().rendered() + "\n"
        case .csv: csv()
        }
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
        for p in projections {
            table.colours[table.rows.count] = [statusColumn: statusColour(p.status.rawValue)]
            table.append(Self.row(p))
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

    static func row(_ p: YearEndProjection) -> [String] {
        let target = p.target
        var cells = [target.name ?? target.indicator, String(target.year), describe(target, p),
                     p.lastObservedMonth?.description ?? "–", soFarText(p), formatForReading(p.value)]
        cells += p.intervals.map(formatInterval)
        cells += [formatProbability(p.probability, settled: p.status.isSettled), localizedStatus(p.status.rawValue), paceText(p),
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

/// The target in a few words, in the current language: `sum ≤ 11,489 万立方米`, `mean[5–12] ≥ 8.000 %`,
/// `sum ≤ 2019 −3% (4,120)`, `3-yr mean < previous (47.2)`, `mean ≤ pm25_city (42.1)`; in Chinese
/// plain language: `全年均值低于 44 µg/m³`, `全年均值比 2015 年下降 20% 以上 (1.20)`,
/// `三年滑动平均低于上一期 (47.2)`, `全年均值不高于 pm25_city 的全年均值 (42.1)`.
/// Every language's wording of a target comes from here and the phrase tables.
func describe(_ target: Target, _ p: YearEndProjection) -> String {
    describe(target, referenceValue: p.referenceValue)
}

/// As ``describe(_:_:)``, with the threshold the reference works out to (a recorded run's).
func describe(_ target: Target, referenceValue: Double) -> String {
    let figure = figureText(target)
    let unit = target.unit.map { " \($0)" } ?? ""
    let projected = " (\(formatForReading(referenceValue)))"
    let comparator = comparatorText(target.comparator)
    switch target.reference {
    case .value(let threshold):
        return localized(.targetValue, figure, comparator, formatForReading(threshold), unit)
    case .baseYear(let base, let change):
        let sign = change < 0 ? "−" : "+"
        let percent = formatLevel(abs(change))
        let below = target.comparator == .lessThan || target.comparator == .lessThanOrEqual
        let change = switch (change < 0, below) {
        case (true, true): localized(.changeDownAtLeast, percent)
        case (true, false): localized(.changeDownAtMost, percent)
        case (false, true): localized(.changeUpAtMost, percent)
        case (false, false): localized(.changeUpAtLeast, percent)
        }
        return localized(.targetBaseYear, figure, comparator, String(base), sign + percent, projected, change)
    case .movingAverage(let years):
        return localized(.targetMovingAverage, String(years), figure, comparator, projected, countWord(years))
    case .indicator(let other):
        return localized(.targetVersus, figure, comparator, other, projected)
    }
}

/// The figure a target judges, in the current language: `mean`, `mean[5–12]`, `全年均值`, `5–12月均值`.
func figureText(_ target: Target) -> String {
    guard target.period == 1...12 else {
        return localized(.figureMonths, aggregateText(target.aggregate), String(target.period.lowerBound),
                         String(target.period.upperBound))
    }
    // One phrase per aggregate: Chinese says 全年均值 but 年末值, not 全年年末值.
    return switch target.aggregate {
    case .sum: localized(.figureYearSum)
    case .mean: localized(.figureYearMean)
    case .last: localized(.figureYearLast)
    case .min: localized(.figureYearMin)
    case .max: localized(.figureYearMax)
    }
}

/// An aggregate's name in the current language.
func aggregateText(_ aggregate: Target.Aggregate) -> String {
    switch aggregate {
    case .sum: localized(.aggregateSum)
    case .mean: localized(.aggregateMean)
    case .last: localized(.aggregateLast)
    case .min: localized(.aggregateMin)
    case .max: localized(.aggregateMax)
    }
}

/// A comparator for people: the symbol in English, words (`低于`, `不高于`) in Chinese.
func comparatorText(_ comparator: Target.Comparator) -> String {
    switch comparator {
    case .lessThan: localized(.comparatorLess)
    case .lessThanOrEqual: localized(.comparatorLessOrEqual)
    case .greaterThan: localized(.comparatorGreater)
    case .greaterThanOrEqual: localized(.comparatorGreaterOrEqual)
    }
}

/// The `target` object of the JSON contract.
func targetJSON(_ target: Target, _ p: YearEndProjection) -> JSONValue {
    var reference: [(String, JSONValue)]
    switch target.reference {
    case .value(let threshold): reference = [("kind", .string("value")), ("value", .number(threshold))]
    case .baseYear(let base, let change):
        reference = [("kind", .string("baseYear")), ("baseYear", .number(Double(base))), ("changePercent", .number(change))]
    case .movingAverage(let years): reference = [("kind", .string("movingAverage")), ("years", .number(Double(years)))]
    case .indicator(let other): reference = [("kind", .string("indicator")), ("indicator", .string(other))]
    }
    return .object([
        ("comparator", .string(target.comparator.rawValue)),
        ("threshold", .number(p.referenceValue)),
        ("thresholdStandardError", .number(p.referenceStandardError)),
        ("reference", .object(reference)),
    ])
}

/// The year-to-date cell: `5,048 (8 mo)`, or `–` before the period starts.
func soFarText(_ p: YearEndProjection) -> String {
    p.yearToDate.map { localized(.monthsSoFar, formatForReading($0), String(p.observedMonths.count)) } ?? "–"
}

/// The pace cell: `1,610/mo`, `settled`, or `–` when no month is left.
func paceText(_ p: YearEndProjection) -> String {
    p.requiredPace.map { localized(.perMonth, formatForReading($0)) } ?? (p.status.isSettled ? localized(.settled) : "–")
}

/// ANSI colours for statuses: green, yellow, red.
func statusColour(_ status: String) -> String {
    switch status {
    case "met", "on track", "on track by run-rate": "32"
    case "at risk": "33"
    default: "31"
    }
}

func symbol(_ comparator: Target.Comparator) -> String {
    switch comparator {
    case .lessThan: "<"
    case .lessThanOrEqual: "≤"
    case .greaterThan: ">"
    case .greaterThanOrEqual: "≥"
    }
}

func intervals(_ intervals: [PredictionInterval]) -> JSONValue {
    .array(intervals.map { .object([("level", .number($0.level)), ("lower", .number($0.lower)),
                                    ("upper", .number($0.upper))]) })
}

/// The `model` object shared by `project`, `forecast` and `fit`; with `fit`, its parameters too.
func modelJSON(_ summary: ModelSummary, fit selection: ModelSelection?) -> JSONValue {
    var members: [(String, JSONValue)] = [
        ("name", .string(summary.name)),
        ("reason", .string(summary.reason)),
        ("observations", .number(Double(summary.observations))),
        ("firstMonth", .string(summary.firstMonth.description)),
        ("lastMonth", .string(summary.lastMonth.description)),
        ("sigma", .number(summary.sigma)),
        // The fitted model's own; the projection's Student-t may use fewer (projection.degreesOfFreedom).
        ("residualDegreesOfFreedom", .number(Double(summary.degreesOfFreedom))),
    ]
    guard let model = selection?.model else { return .object(members) }
    if let fit = model.smoothing {
        members += smoothingParameters(fit).map { ($0.0, JSONValue.number($0.1)) }
        members.append(("seasonalIndices", fit.seasonalIndices.map { .array($0.map { .number($0) }) } ?? .null))
    }
    if let fit = model.ets { members += etsJSONMembers(fit) }
    if let fit = model.armaErrors {
        members.append(("errors", .string(fit.order.rName)))
        members.append(("coefficients", .array((fit.armaCoefficients + fit.coefficients).map {
            .object([("term", .string($0.term)), ("estimate", .number($0.estimate)),
                     ("standardError", .number($0.standardError))])
        })))
        members += [("sigma2", .number(fit.sigma2)), ("logLikelihood", .number(fit.logLikelihood)),
                    ("aic", .number(fit.aic)), ("aicc", .number(fit.aicc)), ("bic", .number(fit.bic))]
    }
    if let fit = model.regression {
        members.append(("coefficients", .array(fit.coefficients.map {
            .object([("term", .string($0.term)), ("estimate", .number($0.estimate)),
                     ("standardError", .number($0.standardError))])
        })))
        members += [("rank", .number(Double(fit.rank))), ("rSquared", .number(fit.rSquared)),
                    ("adjustedRSquared", .number(fit.adjustedRSquared)),
                    ("logLikelihood", .number(fit.logLikelihood)), ("aic", .number(fit.aic)),
                    ("aicc", .number(fit.aicc)), ("bic", .number(fit.bic))]
    }
    return .object(members)
}

/// A smoothing fit's parameters by name: Theta's α and drift, damped's α, β, φ, and the weight.
func smoothingParameters(_ fit: SmoothingFit) -> [(String, Double)] {
    var parameters: [(String, Double)] = []
    if fit.thetaWeight > 0 { parameters += [("thetaAlpha", fit.thetaAlpha), ("drift", fit.drift)] }
    if let damped = fit.dampedParameters {
        parameters += [("dampedAlpha", damped.alpha), ("dampedBeta", damped.beta), ("dampedPhi", damped.phi)]
    }
    if fit.method == .ensemble { parameters.append(("thetaWeight", fit.thetaWeight)) }
    return parameters
}
