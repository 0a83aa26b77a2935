import Foundation
import Outturn
import Plot

/// The report a district analyst can hand on: one self-contained HTML file (no network, no
/// external files) with the table of targets, what is at risk first, a plain-language line and a
/// fan chart per indicator; or the same as Markdown, without charts.
public struct HTMLReport: Sendable {
    public let report: ProjectionReport
    /// Each target's series, by indicator, for its chart.
    public let series: [String: MonthlySeries]
    /// The sensitivity sweep, when one was computed.
    public let sweep: SweepReport?
    /// Scenarios beside the baseline, when any were given.
    public let whatIf: WhatIfReport?
    /// What changed since last month, one row per projection of `report`, in its order.
    public let sinceLastMonth: SinceLastMonth?
    public let title: String

    public init(report: ProjectionReport, series: [String: MonthlySeries], sweep: SweepReport? = nil,
                whatIf: WhatIfReport? = nil, sinceLastMonth: SinceLastMonth? = nil, title: String? = nil) {
        self.report = report
        self.series = series
        self.sweep = sweep
        self.whatIf = whatIf
        self.sinceLastMonth = sinceLastMonth
        // The default title in the language current when the report is made.
        self.title = title ?? localized(.reportTitle)
    }

    /// At risk and off track first (least likely first), then on track, then settled.
    var ordered: [YearEndProjection] { orderedPositions.map { report.projections[$0] } }

    /// The positions in `report.projections` in ``ordered``'s order.
    var orderedPositions: [Int] {
        func rank(_ p: YearEndProjection) -> (Int, Double) {
            switch p.status {
            case .offTrack, .atRisk: (0, p.probability)
            case .onTrack: (1, p.probability)
            case .missed: (2, 0)
            case .met: (3, 0)
            }
        }
        return report.projections.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra.0 != rb.0 ? ra.0 < rb.0 : ra.1 != rb.1 ? ra.1 < rb.1 : a.offset < b.offset
        }.map(\.offset)
    }

    /// One sentence for a reader, in the current language: where the figure ends, against what,
    /// how likely, at what pace.
    public static func sentence(_ p: YearEndProjection) -> String {
        let t = p.target
        let name = t.name ?? t.indicator
        let unit = t.unit.map { " \($0)" } ?? ""
        let period = t.period == 1...12 ? localized(.periodYear)
            : localized(.periodMonths, String(t.period.lowerBound), String(t.period.upperBound))
        let figure = switch t.aggregate {
        case .sum: localized(.verbSum)
        case .mean: localized(.verbMean)
        case .last: localized(.verbLast)
        case .min: localized(.verbMin)
        case .max: localized(.verbMax)
        }
        let interval = p.intervals.last.map {
            localized(.sentenceInterval, formatLevel($0.level), formatForReading($0.lower), formatForReading($0.upper))
        } ?? ""
        let reference = localized(.sentenceReference, comparatorText(t.comparator), formatForReading(p.referenceValue) + unit)
        let settled = p.status.isSettled
        // A moving-average target's figure is the mean over several years, not the target year's own.
        var sentence: String
        if let span = FigureLabel.movingAverageYears(t) {
            let years = "\(span.lowerBound)–\(span.upperBound)"
            let previous = "\(span.lowerBound - 1)–\(span.upperBound - 1)"
            sentence = localized(.sentenceMovingAverage, years, name, aggregateText(t.aggregate),
                            formatForReading(p.value) + unit + interval, reference, previous)
        } else {
            sentence = localized(.sentencePlain, name, figure, formatForReading(p.value) + unit, period, interval, reference)
        }
        if settled {
            sentence += p.status == .met ? localized(.sentenceAlreadyMet) : localized(.sentenceAlreadyMissed)
        } else {
            let verdict = switch p.status {
            case .onTrack, .atRisk: localizedStatus(p.status.rawValue)
            default: localizedStatus(YearEndProjection.Status.offTrack.rawValue)
            }
            sentence += localized(.sentenceVerdict, verdict, formatProbability(p.probability))
            if let pace = p.requiredPace { sentence += localized(.sentencePace, formatForReading(pace) + unit) }
        }
        return sentence
    }

    /// The self-contained HTML document.
    public func html() -> String {
        let projections = ordered
        // The change since last month, beside each row (a row without one shows a dash).
        let since = sinceLastMonth.map { since in orderedPositions.map { since.rows.indices.contains($0) ? since.rows[$0] : nil } }
        let deltaHeadings: [Node<HTML.TableRowContext>] = sinceLastMonth == nil ? []
            : [.th(.text(SinceLastMonth.Wording.projectedChangeColumn)), .th(.text(SinceLastMonth.Wording.probabilityChangeColumn))]
        let counts = Dictionary(grouping: report.projections, by: \.status).mapValues(\.count)
        let summary = YearEndProjection.Status.allCases.compactMap { status in
            counts[status].map { localized(.statusCount, String($0), localizedStatus(status.rawValue)) }
        }.joined(separator: localized(.summarySeparator))
        var used: Set<String> = []
        // Rows whose evidence is thin: a mark after the status linking to its footnote under the table.
        let footnotes = WarningFootnotes(projections)
        let warningMarks: [Node<HTML.BodyContext>] = footnotes.marks.indices.map { index in
            guard let mark = footnotes.marks[index], let number = footnotes.numbers[index] else { return .empty }
            return .a(.class("warning"), .href("#warning-\(number)"), .text(mark))
        }
        // After the status, or after the projected value of a settled target (WarningFootnotes.marksValue).
        let valueMarks: [Node<HTML.BodyContext>] = projections.indices.map { WarningFootnotes.marksValue(projections[$0]) ? warningMarks[$0] : .empty }
        let statusMarks: [Node<HTML.BodyContext>] = projections.indices.map { WarningFootnotes.marksValue(projections[$0]) ? .empty : warningMarks[$0] }
        let warningNotes: [Node<HTML.BodyContext>] = footnotes.lines.enumerated().map { index, line in
            .p(.id("warning-\(index + 1)"), .text(line))
        }
        let warningSection: Node<HTML.BodyContext> = warningNotes.isEmpty ? .empty : .div(.class("warnings"), .group(warningNotes))
        // Phrases looked up before the document: inline, they overwhelm the type checker.
        let language: Plot.Language = OutputLanguage.current == .chinese ? .chinese : .english
        let pageTitle = localized(.reportTitleAsOf, title, report.asOf.description)
        let lead = localized(.reportLead, report.asOf.description, String(report.projections.count), summary)
            + (report.milestones.isEmpty ? "" : localized(.reportLeadMilestones, String(report.milestones.count)))
        let columns: [String] = [localized(.columnIndicator), localized(.columnTarget), localized(.columnSoFar),
                                 localized(.columnProjected), localized(.columnInterval, formatLevel(report.levels.last ?? 95)),
                                 localized(.columnProbability), localized(.columnStatus), localized(.columnPaceNeeded)]
        let milestoneColumns: [String] = [localized(.columnMilestone), localized(.columnReached), localized(.columnByRunRate),
                                          localized(.columnStatus), localized(.columnNeeded)]
        let whatIfColumns: [String] = [localized(.columnIndicator), localized(.columnScenario), localized(.columnProjected),
                                       localized(.columnProbability), localized(.columnStatus),
                                       localized(.columnDeltaProjected), localized(.columnDeltaProbability)]
        let headings = (milestones: localized(.sectionMilestones), whatIf: localized(.sectionWhatIf),
                        indicators: localized(.sectionIndicators), sensitivity: localized(.sectionSensitivity),
                        footer: localized(.reportFooter))
        // One section per indicator, built apart so that the type checker takes the document in time.
        var sections: [Node<HTML.BodyContext>] = []
        for p in projections {
            let id = chartID(p.target, used: &used)
            let chart = series[p.target.indicator].map { FanChart.svg(p, series: $0) } ?? ""
            sections.append(.section(.class("indicator"), .id(id), .h3(.text(p.target.name ?? p.target.indicator)),
                                     .p(.text(Self.sentence(p))), .component(Div(html: chart))))
        }
        let document = HTML(
            .lang(language),
            .head(
                .meta(.charset(.utf8)),
                .title(pageTitle),
                .style(Self.css)
            ),
            .body(
                .h1("\(title)"),
                .p(.class("lead"), .text(lead)),
                .table(
                    .id("targets"),
                    .thead(.tr(.forEach(columns.prefix(6)) { .th(.text($0)) }, .group(deltaHeadings),
                               .forEach(columns.suffix(2)) { .th(.text($0)) })),
                    .tbody(.forEach(projections.indices) { index in
                        Self.targetRow(projections[index], since: since?[index], showsChange: since != nil,
                                       valueMark: valueMarks[index], statusMark: statusMarks[index])
                    })
                ),
                warningSection,
                .if(!report.joint.isEmpty, .ul(.forEach(report.joint) { joint in
                    .li(.text(localized(.jointItem, joint.projections.first?.target.name ?? joint.indicator, String(joint.projections.count),
                                   formatProbability(joint.probability), localizedStatus(joint.status.rawValue))))
                })),
                .unwrap(sinceLastMonth) { $0.htmlSection() },
                .if(!report.milestones.isEmpty, .h2(.text(headings.milestones))),
                .if(!report.milestones.isEmpty, .table(
                    .id("milestones"),
                    .thead(.tr(.forEach(milestoneColumns) { .th(.text($0)) })),
                    .tbody(.forEach(report.milestones) { m in
                        .tr(.td(.text(m.milestone.name ?? m.milestone.indicator)),
                            .td(.class("number"), .text(localized(.reachedOf, formatCount(m.reached), formatCount(m.milestone.count)))),
                            .td(.class("number"), .text(localized(.countBy, formatCount(m.projectedAtDue), m.milestone.due.description))),
                            .td(.text(localizedStatus(m.status.rawValue))),
                            .td(.class("number"), .text(m.requiredPerMonth.map { localized(.perMonth, formatForReading($0)) } ?? "–")))
                    })
                )),
                .unwrap(whatIf) { whatIf in
                    .section(
                        .h2(.text(headings.whatIf)),
                        .table(
                            .id("whatif"),
                            .thead(.tr(.forEach(whatIfColumns) { .th(.text($0)) })),
                            .tbody(.forEach(whatIf.rows) { row in
                                // Only what a scenario changes: unchanged rows would bury the answer.
                                .forEach(row.scenarios.filter { $0.projection.value != row.baseline.value
                                    || $0.projection.probability != row.baseline.probability }) { name, p in
                                    .tr(.td(.text(p.target.name ?? p.target.indicator)), .td(.text(name)),
                                        .td(.class("number"), .text(formatForReading(p.value))),
                                        .td(.class("number"), .text(formatProbability(p.probability, settled: p.status.isSettled))),
                                        .td(.text(localizedStatus(p.status.rawValue))),
                                        .td(.class("number"), .text(signed(p.value - row.baseline.value))),
                                        .td(.class("number"), .text(signedPoints(p.probability - row.baseline.probability))))
                                }
                            })
                        )
                    )
                },
                .h2(.text(headings.indicators)),
                .group(sections),
                .unwrap(sweep) { sweep in
                    .section(.h2(.text(headings.sensitivity)), .component(Div(html: SweepChart.svg(sweep))))
                },
                .footer(.p(.text(headings.footer)))
            )
        )
        return document.render(indentedBy: .spaces(1))
    }

    /// One row of the targets table; `since` its change since last month (dashes when the section
    /// is shown without one), the marks flag thin evidence (``WarningFootnotes``). Apart from
    /// ``html()`` so that the type checker takes the document in reasonable time.
    private static func targetRow(_ p: YearEndProjection, since row: SinceLastMonth.Row?, showsChange: Bool,
                                  valueMark: Node<HTML.BodyContext>, statusMark: Node<HTML.BodyContext>) -> Node<HTML.TableContext> {
        let deltas: [Node<HTML.TableRowContext>] = showsChange
            ? [.td(.class("number"), .text(SinceLastMonth.change(row?.projectionChange))),
               .td(.class("number"), .text(SinceLastMonth.points(row?.probabilityChange)))]
            : []
        return .tr(
            .class("status-\(p.status.rawValue.replacingOccurrences(of: " ", with: "-"))"),
            .td(.text(p.target.name ?? p.target.indicator)),
            .td(.text(describe(p.target, p))),
            .td(.class("number"), .text(soFarText(p))),
            .td(.class("number"), .text(formatForReading(p.value)), valueMark),
            .td(.class("number"), .text(p.intervals.last.map(formatInterval) ?? "–")),
            .td(.class("number"), .text(formatProbability(p.probability, settled: p.status.isSettled))),
            .group(deltas),
            .td(.span(.class("badge"), .text(localizedStatus(p.status.rawValue))), statusMark),
            .td(.class("number"), .text(paceText(p)))
        )
    }

    /// The same report as Markdown (tables and sentences; charts come from `outturn plot`).
    public func markdown() -> String {
        // Names and the title come from input: escaped as the HTML report escapes them.
        var document = "# \(escapingMarkdownText(title))\n\n\(localized(.markdownAsOf, report.asOf.description))\n\n"
            + report.rendered(.markdown) + "\n"
        if let sinceLastMonth { document += sinceLastMonth.markdownSection() + "\n" }
        if let whatIf { document += "## \(localized(.sectionWhatIf))\n\n" + whatIf.rendered(.markdown) + "\n" }
        for p in ordered {
            document += "- **\(escapingMarkdownText(p.target.name ?? p.target.indicator))**: \(escapingMarkdownText(Self.sentence(p)))\n"
        }
        return document
    }

    private func chartID(_ target: Target, used: inout Set<String>) -> String {
        String(chartFileName(target, used: &used).dropLast(4))
    }

    static let css = """
        body { font-family: \(SVG.fonts); margin: 2em auto; max-width: 1000px; color: #222; padding: 0 1em; }
        h1 { margin-bottom: 0.2em; } .lead { color: #555; }
        table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 14px; }
        th, td { border-bottom: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f6fb; } td.number { text-align: right; white-space: nowrap; }
        .badge { border-radius: 10px; padding: 2px 8px; color: #fff; white-space: nowrap; }
        .status-off-track .badge, .status-missed .badge { background: #c62828; }
        .status-at-risk .badge { background: #b35900; }
        .status-on-track .badge, .status-met .badge { background: #1a7f37; }
        .status-off-track, .status-at-risk { background: #fff8f2; }
        a.warning { color: #b35900; text-decoration: none; margin-left: 0.3em; white-space: nowrap; }
        .warnings p { color: #555; font-size: 13px; margin: 0.2em 0; }
        section.indicator { margin: 1.5em 0; page-break-inside: avoid; }
        svg { max-width: 100%; height: auto; } footer { color: #666; font-size: 12px; margin-top: 2em; }
        """
}

/// `<indicator>-<year>[-m<from>-<to>]-<aggregate>-<comparator>-<reference>.svg`, e.g.
/// `pm25-2020-mean-lt-44.svg`, made unique (`-2` …) only if two targets state the same condition;
/// characters a file system may refuse become `_`.
public func chartFileName(_ target: Target, used: inout Set<String>) -> String {
    // Named after the condition, so two charts of one indicator and year say which target each shows
    // (`pm25-2020-mean-lt-44.svg`, not `pm25-2020-2.svg`); only [A-Za-z0-9._-] so any file system takes it.
    func safe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
    }
    func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
    let comparator = switch target.comparator {
    case .lessThan: "lt"
    case .lessThanOrEqual: "le"
    case .greaterThan: "gt"
    case .greaterThanOrEqual: "ge"
    }
    let reference = switch target.reference {
    case .value(let threshold): number(threshold)
    case .baseYear(let year, let change): "\(year)\(change < 0 ? "minus" : "plus")\(number(abs(change)))pct"
    case .movingAverage(let years): "ma\(years)"
    case .indicator(let other): other
    }
    let period = target.period == 1...12 ? "" : "-m\(target.period.lowerBound)-\(target.period.upperBound)"
    let stem = safe("\(target.indicator)-\(target.year)\(period)-\(target.aggregate.rawValue)-\(comparator)-\(reference)")
    var name = "\(stem).svg", counter = 2
    while used.contains(name) { name = "\(stem)-\(counter).svg"; counter += 1 }
    used.insert(name)
    return name
}
