import Outturn

/// Baseline and scenario projections side by side, with the change from the baseline.
public struct WhatIfReport: Sendable {
    /// One target under the baseline and every scenario.
    public struct Row: Sendable {
        public let baseline: YearEndProjection
        /// (scenario name, projection), in scenario order.
        public let scenarios: [(name: String, projection: YearEndProjection)]

        public init(baseline: YearEndProjection, scenarios: [(name: String, projection: YearEndProjection)]) {
            self.baseline = baseline
            self.scenarios = scenarios
        }
    }

    /// Several conditions on one indicator judged together, under the baseline and every scenario.
    public struct JointRow: Sendable {
        public let baseline: JointAssessment
        /// (scenario name, assessment), in scenario order.
        public let scenarios: [(name: String, assessment: JointAssessment)]

        public init(baseline: JointAssessment, scenarios: [(name: String, assessment: JointAssessment)]) {
            self.baseline = baseline
            self.scenarios = scenarios
        }
    }

    public let asOf: Month
    public let levels: [Double]
    public let rows: [Row]
    /// Joint conditions (an indicator with several targets in one year).
    public var joint: [JointRow] = []
    /// Whether the table and markdown show only scenarios that change a target (with its
    /// baseline), hiding the rest: most scenarios touch a few indicators, and rows of "±0" bury
    /// them. JSON and CSV always hold every row.
    public var changedOnly: Bool

    public init(asOf: Month, levels: [Double], rows: [Row], joint: [JointRow] = [], changedOnly: Bool = false) {
        self.asOf = asOf
        self.levels = levels
        self.rows = rows
        self.joint = joint
        self.changedOnly = changedOnly
    }

    /// The report of a library what-if: one row per target with its projection under every
    /// scenario, and one per joint condition when the comparison judged them.
    public init(asOf: Month, levels: [Double], comparison: ScenarioComparison, changedOnly: Bool = false) {
        let names = comparison.scenarios.map(\.name)
        let rows = comparison.baseline.indices.map { index in
            Row(baseline: comparison.baseline[index],
                scenarios: zip(names, comparison.projections).map { ($0, $1[index]) })
        }
        let joint = comparison.joint.indices.map { index in
            JointRow(baseline: comparison.joint[index],
                     scenarios: zip(names, comparison.jointProjections).map { ($0, $1[index]) })
        }
        self.init(asOf: asOf, levels: levels, rows: rows, joint: joint, changedOnly: changedOnly)
    }

    /// Whether `p` differs from `baseline` at all: exactly equal doubles mean the scenario
    /// touched nothing the target depends on (the same fit and months give the same numbers).
    static func changes(_ p: YearEndProjection, from baseline: YearEndProjection) -> Bool {
        p.value != baseline.value || p.standardError != baseline.standardError || p.probability != baseline.probability
    }

    /// The report in `format`.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json().rendered() + "\n"
        case .csv: return csv()
        case .table, .markdown:
            var columns: [(String, TextTable.Alignment)] = [(localized(.columnIndicator), .left), (localized(.columnTarget), .left),
                                                             (localized(.columnScenario), .left), (localized(.columnProjected), .right)]
            columns += levels.map { (localized(.columnInterval, formatLevel($0)), .right) }
            columns += [(localized(.columnProbability), .right), (localized(.columnStatus), .left),
                        (localized(.columnDeltaProjected), .right), (localized(.columnDeltaProbability), .right)]
            var table = TextTable(columns: columns)
            var hidden = 0, heldNotes: [String] = []
            for row in rows {
                let target = row.baseline.target
                let shown = changedOnly ? row.scenarios.filter { Self.changes($0.projection, from: row.baseline) } : row.scenarios
                if changedOnly, shown.isEmpty { hidden += 1; continue }
                for (index, (name, p)) in ([(localized(.baselineScenario), row.baseline)] + shown).enumerated() {
                    let settled = p.status.isSettled
                    // A scenario that would pass the bounds is marked, and its note says which months.
                    let held = p.monthsHeldAtBounds
                    if !held.isEmpty {
                        let months = held.count == 1 ? held[0].description : "\(held[0])–\(held[held.count - 1])"
                        heldNotes.append(localized(.whatIfHeldAtBounds, "\(target.name ?? target.indicator) (\(name)) \(months)",
                                                   target.bounds.description))
                    }
                    var cells = [index == 0 ? (target.name ?? target.indicator) : "", index == 0 ? describe(target, p) : "",
                                 held.isEmpty ? name : name + "*", formatForReading(p.value)]
                    cells += p.intervals.map(formatInterval)
                    cells += [formatProbability(p.probability, settled: settled), localizedStatus(p.status.rawValue),
                              index == 0 ? "" : signed(p.value - row.baseline.value),
                              index == 0 ? "" : signedPoints(p.probability - row.baseline.probability)]
                    table.append(cells)
                }
            }
            var jointText = ""
            if !joint.isEmpty {
                var jointTable = TextTable(columns: [(localized(.columnIndicator), .left), (localized(.columnConditions), .right),
                                                     (localized(.columnScenario), .left), (localized(.columnJointProbability), .right),
                                                     (localized(.columnStatus), .left), (localized(.columnDeltaJointProbability), .right)])
                var shownRows = 0
                for row in joint {
                    let base = row.baseline
                    let shown = changedOnly ? row.scenarios.filter { $0.assessment.probability != base.probability || $0.assessment.status != base.status } : row.scenarios
                    if changedOnly, shown.isEmpty { continue }
                    shownRows += 1
                    for (index, (name, a)) in ([(localized(.baselineScenario), base)] + shown).enumerated() {
                        let settled = a.status.isSettled
                        jointTable.append([index == 0 ? a.indicator : "", index == 0 ? String(a.projections.count) : "", name,
                                           formatProbability(a.probability, settled: settled), localizedStatus(a.status.rawValue),
                                           index == 0 ? "" : signedPoints(a.probability - base.probability)])
                    }
                }
                if shownRows > 0 {
                    jointText = "\n" + localized(.whatIfJointHeading) + "\n\n"
                        + (format == .markdown ? jointTable.markdown() : jointTable.rendered())
                }
            }
            var note = "\n" + localized(.whatIfNote, asOf.description) + "\n"
            for held in heldNotes { note += held + "\n" }
            if changedOnly {
                note += localized(.whatIfOnlyChanged)
                    + (hidden > 0 ? localized(hidden == 1 ? .whatIfHiddenOne : .whatIfHiddenMany, String(hidden)) : "")
                    + localized(.whatIfAllRows) + "\n"
            }
            return format == .markdown ? table.markdown() + jointText : table.rendered() + jointText + note
        }
    }

    func json() -> JSONValue {
        .object([
            ("asOf", .string(asOf.description)),
            ("levels", .array(levels.map { .number($0) })),
            ("scenarios", .array((rows.first?.scenarios.map(\.name) ?? []).map { .string($0) })),
            ("indicators", .array(rows.map { row in
                .object([
                    ("indicator", .string(row.baseline.target.indicator)),
                    ("name", .string(row.baseline.target.name)),
                    ("year", .number(Double(row.baseline.target.year))),
                    ("target", targetJSON(row.baseline.target, row.baseline)),
                    ("baseline", outcome(row.baseline)),
                    ("scenarios", .array(row.scenarios.map { name, p in
                        var members: [(String, JSONValue)] = [
                            ("name", .string(name)), ("projection", outcome(p)),
                            ("change", .object([("value", .number(p.value - row.baseline.value)),
                                                ("probability", .number(p.probability - row.baseline.probability))]))]
                        if !p.monthsHeldAtBounds.isEmpty {
                            members.append(("heldAtBounds", .array(p.monthsHeldAtBounds.map { .string($0.description) })))
                        }
                        return .object(members)
                    })),
                ])
            })),
            ("joint", .array(joint.map { row in
                .object([
                    ("indicator", .string(row.baseline.indicator)),
                    ("conditions", .number(Double(row.baseline.projections.count))),
                    ("baseline", .object([("probability", .number(row.baseline.probability)),
                                          ("status", .string(row.baseline.status.rawValue))])),
                    ("scenarios", .array(row.scenarios.map { name, a in
                        .object([("name", .string(name)), ("probability", .number(a.probability)),
                                 ("status", .string(a.status.rawValue)),
                                 ("change", .number(a.probability - row.baseline.probability))])
                    })),
                ])
            })),
        ])
    }

    private func outcome(_ p: YearEndProjection) -> JSONValue {
        .object([("value", .number(p.value)), ("standardError", .number(p.standardError)),
                 ("method", .string(p.method.rawValue)), ("intervals", intervals(p.intervals)),
                 ("threshold", .number(p.referenceValue)), ("probability", .number(p.probability)),
                 ("status", .string(p.status.rawValue))])
    }

    private func csv() -> String {
        var header = ["indicator", "year", "scenario", "projection", "standard_error"]
        for level in levels { header += ["lower_\(formatLevel(level))", "upper_\(formatLevel(level))"] }
        header += ["probability", "status", "change_projection", "change_probability"]
        var lines = [header.joined(separator: ",")]
        for row in rows {
            for (name, p) in [("baseline", row.baseline)] + row.scenarios {
                var cells = [row.baseline.target.indicator, String(p.target.year), name, formatExact(p.value), formatExact(p.standardError)]
                for interval in p.intervals { cells += [formatExact(interval.lower), formatExact(interval.upper)] }
                cells += [formatExact(p.probability), p.status.rawValue, formatExact(p.value - row.baseline.value),
                          formatExact(p.probability - row.baseline.probability)]
                lines.append(cells.map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

func signed(_ value: Double) -> String {
    (value > 0 ? "+" : value < 0 ? "−" : "±") + formatForReading(abs(value))
}

/// A change of probability in percentage points.
func signedPoints(_ value: Double) -> String {
    let points = (value * 100).rounded()
    return localized(.points, points == 0 ? "±0" : (points > 0 ? "+" : "−") + "\(Int(abs(points)))")
}
