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
                whatIf: WhatIfReport? = nil, sinceLastMonth: SinceLastMonth? = nil, title: String = "Year-end outlook") {
        self.report = report
        self.series = series
        self.sweep = sweep
        self.whatIf = whatIf
        self.sinceLastMonth = sinceLastMonth
        self.title = title
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

    /// One sentence for a reader: where the figure ends, against what, how likely, at what pace.
    public static func sentence(_ p: YearEndProjection) -> String {
        let t = p.target
        let name = t.name ?? t.indicator
        let unit = t.unit.map { " \($0)" } ?? ""
        let period = t.period == 1...12 ? "the year" : "months \(t.period.lowerBound)–\(t.period.upperBound)"
        let figure = switch t.aggregate {
        case .sum: "totals"
        case .mean: "averages"
        case .last: "ends"
        case .min: "bottoms out at"
        case .max: "peaks at"
        }
        let interval = p.intervals.last.map { " (\(formatLevel($0.level))%: \(formatForReading($0.lower))–\(formatForReading($0.upper)))" } ?? ""
        let settled = p.status.isSettled
        // A moving-average target's figure is the mean over several years, not the target year's own.
        var text: String
        if let span = FigureLabel.movingAverageYears(t) {
            let years = "\(span.lowerBound)–\(span.upperBound)"
            let previous = "\(span.lowerBound - 1)–\(span.upperBound - 1)"
            let value: String = formatForReading(p.value) + unit + interval
            let reference: String = symbol(t.comparator) + " " + formatForReading(p.referenceValue) + unit
            text = "On the current pace the \(years) mean of \(name)'s yearly \(t.aggregate.rawValue) is \(value), "
            text += "against a target of \(reference) (the \(previous) mean)"
        } else {
            text = "On the current pace \(name) \(figure) \(formatForReading(p.value))\(unit) over \(period)\(interval), "
            text += "against a target of \(symbol(t.comparator)) \(formatForReading(p.referenceValue))\(unit)"
        }
        if settled {
            text += p.status == .met ? ": already met." : ": already missed."
        } else {
            let chance = formatProbability(p.probability)
            let verdict = switch p.status {
            case .onTrack: "on track"
            case .atRisk: "at risk"
            default: "off track"
            }
            text += ": \(verdict), a \(chance) chance of meeting it."
            if let pace = p.requiredPace { text += " Landing exactly on it needs \(formatForReading(pace))\(unit) a month from here." }
        }
        return text
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
            counts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: " · ")
        var used: Set<String> = []
        let document = HTML(
            .head(
                .meta(.charset(.utf8)),
                .title("\(title) — as of \(report.asOf)"),
                .style(Self.css)
            ),
            .body(
                .h1("\(title)"),
                .p(.class("lead"), .text("As of \(report.asOf): \(report.projections.count) targets — \(summary)."
                                         + (report.milestones.isEmpty ? "" : " \(report.milestones.count) milestones."))),
                .table(
                    .id("targets"),
                    .thead(.tr(.th("Indicator"), .th("Target"), .th("So far"), .th("Projected"),
                               .th("\(formatLevel(report.levels.last ?? 95))% interval"), .th("P(met)"),
                               .group(deltaHeadings), .th("Status"), .th("Pace needed"))),
                    .tbody(.forEach(projections.indices) { index in
                        let p = projections[index]
                        let deltas: [Node<HTML.TableRowContext>] = since.map { rows in
                            [.td(.class("number"), .text(SinceLastMonth.change(rows[index]?.projectionChange))),
                             .td(.class("number"), .text(SinceLastMonth.points(rows[index]?.probabilityChange)))]
                        } ?? []
                        return .tr(
                            .class("status-\(p.status.rawValue.replacingOccurrences(of: " ", with: "-"))"),
                            .td(.text(p.target.name ?? p.target.indicator)),
                            .td(.text(describe(p.target, p))),
                            .td(.class("number"), .text(soFarText(p))),
                            .td(.class("number"), .text(formatForReading(p.value))),
                            .td(.class("number"), .text(p.intervals.last.map(formatInterval) ?? "–")),
                            .td(.class("number"), .text(formatProbability(p.probability, settled: p.status.isSettled))),
                            .group(deltas),
                            .td(.span(.class("badge"), .text(p.status.rawValue))),
                            .td(.class("number"), .text(paceText(p)))
                        )
                    })
                ),
                .if(!report.joint.isEmpty, .ul(.forEach(report.joint) { joint in
                    .li(.text("\(joint.projections.first?.target.name ?? joint.indicator): all \(joint.projections.count) conditions together — "
                              + "P(all met) \(formatProbability(joint.probability)), \(joint.status.rawValue)"))
                })),
                .unwrap(sinceLastMonth) { $0.htmlSection() },
                .if(!report.milestones.isEmpty, .h2("Milestones")),
                .if(!report.milestones.isEmpty, .table(
                    .id("milestones"),
                    .thead(.tr(.th("Milestone"), .th("Reached"), .th("By run-rate at due"), .th("Status"), .th("Needed"))),
                    .tbody(.forEach(report.milestones) { m in
                        .tr(.td(.text(m.milestone.name ?? m.milestone.indicator)),
                            .td(.class("number"), .text("\(formatCount(m.reached)) of \(formatCount(m.milestone.count))")),
                            .td(.class("number"), .text("\(formatCount(m.projectedAtDue)) by \(m.milestone.due)")),
                            .td(.text(m.status.rawValue)),
                            .td(.class("number"), .text(m.requiredPerMonth.map { "\(formatForReading($0))/mo" } ?? "–")))
                    })
                )),
                .unwrap(whatIf) { whatIf in
                    .section(
                        .h2("What if"),
                        .table(
                            .id("whatif"),
                            .thead(.tr(.th("Indicator"), .th("Scenario"), .th("Projected"), .th("P(met)"), .th("Status"),
                                       .th("Δ projected"), .th("Δ P(met)"))),
                            .tbody(.forEach(whatIf.rows) { row in
                                // Only what a scenario changes: unchanged rows would bury the answer.
                                .forEach(row.scenarios.filter { $0.projection.value != row.baseline.value
                                    || $0.projection.probability != row.baseline.probability }) { name, p in
                                    .tr(.td(.text(p.target.name ?? p.target.indicator)), .td(.text(name)),
                                        .td(.class("number"), .text(formatForReading(p.value))),
                                        .td(.class("number"), .text(formatProbability(p.probability, settled: p.status.isSettled))),
                                        .td(.text(p.status.rawValue)),
                                        .td(.class("number"), .text(signed(p.value - row.baseline.value))),
                                        .td(.class("number"), .text(signedPoints(p.probability - row.baseline.probability))))
                                }
                            })
                        )
                    )
                },
                .h2("Indicators"),
                .forEach(projections) { p in
                    let id = chartID(p.target, used: &used)
                    return .section(
                        .class("indicator"), .id(id),
                        .h3(.text(p.target.name ?? p.target.indicator)),
                        .p(.text(Self.sentence(p))),
                        .component(Div(html: series[p.target.indicator].map { FanChart.svg(p, series: $0) } ?? ""))
                    )
                },
                .unwrap(sweep) { sweep in
                    .section(.h2("Sensitivity"), .component(Div(html: SweepChart.svg(sweep))))
                },
                .footer(.p(.text("Made by Outturn. Intervals are Student-t prediction intervals of the year's figure "
                                 + "(exact for sums, means and year-end values of plain models, simulated otherwise); "
                                 + "status: on track at P(met) ≥ 80%, at risk from 20%, off track below; met or missed "
                                 + "once the observed months settle it. Pace: the constant monthly value that lands exactly on the target.")))
            )
        )
        return document.render(indentedBy: .spaces(1))
    }

    /// The same report as Markdown (tables and sentences; charts come from `outturn plot`).
    public func markdown() -> String {
        // Names and the title come from input: escaped as the HTML report escapes them.
        var text = "# \(escapingMarkdownText(title))\n\nAs of \(report.asOf).\n\n" + report.rendered(.markdown) + "\n"
        if let sinceLastMonth { text += sinceLastMonth.markdownSection() + "\n" }
        if let whatIf { text += "## What if\n\n" + whatIf.rendered(.markdown) + "\n" }
        for p in ordered {
            text += "- **\(escapingMarkdownText(p.target.name ?? p.target.indicator))**: \(escapingMarkdownText(Self.sentence(p)))\n"
        }
        return text
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
