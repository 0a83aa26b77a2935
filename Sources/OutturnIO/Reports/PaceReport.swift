import Outturn

/// What pace the remaining months need, for every target and milestone.
public struct PaceReport: Sendable {
    public let asOf: Month
    public let paces: [RequiredPace]
    public let milestones: [MilestoneProgress]

    public init(asOf: Month, paces: [RequiredPace], milestones: [MilestoneProgress] = []) {
        self.asOf = asOf
        self.paces = paces
        self.milestones = milestones
    }

    public func rendered(_ format: OutputFormat) -> String {
        let probability = paces.first.map { formatLevel($0.probability * 100) } ?? "90"
        switch format {
        case .json:
            return JSONValue.object([
                ("asOf", .string(asOf.description)),
                ("probability", .number(paces.first?.probability)),
                ("indicators", .array(paces.map { pace in
                    .object([("indicator", .string(pace.projection.target.indicator)),
                             ("name", .string(pace.projection.target.name)),
                             ("year", .number(Double(pace.projection.target.year))),
                             ("target", targetJSON(pace.projection.target, pace.projection)),
                             ("projection", .number(pace.projection.value)),
                             ("probability", .number(pace.projection.probability)),
                             ("exact", Self.json(pace.exact)), ("likely", Self.json(pace.likely))])
                })),
                ("milestones", .array(milestones.map(ProjectionReport.json))),
            ]).rendered() + "\n"
        case .csv:
            var lines = ["indicator,year,projection,probability,exact_per_month,exact_percent,exact_note,likely_per_month,likely_percent,likely_note"]
            for pace in paces {
                let t = pace.projection.target
                lines.append(([t.indicator, String(t.year), formatExact(pace.projection.value), formatExact(pace.projection.probability)]
                              + Self.csvCells(pace.exact) + Self.csvCells(pace.likely)).map(csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table, .markdown:
            var table = TextTable(columns: [(localized(.columnIndicator), .left), (localized(.columnTarget), .left),
                                            (localized(.columnProjected), .right), (localized(.columnProbability), .right),
                                            (localized(.columnPaceExact), .left), (localized(.columnPaceLikely, probability), .left)])
            for pace in paces {
                let p = pace.projection
                table.append([p.target.name ?? p.target.indicator, describe(p.target, p), formatForReading(p.value),
                              formatProbability(p.probability, settled: p.status.isSettled),
                              Self.text(pace.exact), Self.text(pace.likely)])
            }
            for m in milestones {
                let status = localizedStatus(m.status.rawValue)
                let need = m.requiredPerMonth.map { localized(.paceMilestoneNeed, formatForReading($0), status) } ?? status
                table.append([m.milestone.name ?? m.milestone.indicator,
                              localized(.paceMilestoneTarget, formatCount(m.milestone.count), m.milestone.due.description),
                              formatCount(m.projectedAtDue), "–", need, "–"])
            }
            let note = "\n" + localized(.paceNote, asOf.description, probability) + "\n"
            return format == .markdown ? table.markdown() : table.rendered() + note
        }
    }

    static func text(_ answer: RequiredPace.Answer) -> String {
        switch answer {
        case .pace(let perMonth, let percent):
            let change = percent.isFinite ? localized(.paceVersusForecast, formatPercentChange(percent)) : ""
            return localized(.perMonth, formatForReading(perMonth)) + change
        case .alreadyMet: return localized(.paceAlreadyMet)
        case .alreadyMissed: return localized(.paceAlreadyMissed)
        case .noMonthsLeft: return localized(.paceNoMonthLeft)
        case .unreachable(let perMonth, let reason):
            return localized(.paceUnreachable, formatForReading(perMonth), localizedUnreachable(reason))
        }
    }

    /// The library's reason a pace cannot be kept (RequiredPace's three), in the reader's
    /// language; a reason of other wording is shown as written.
    static func localizedUnreachable(_ reason: String) -> String {
        switch reason {
        case "beyond the range of numbers": localized(.paceBeyondRange)
        case "below zero, for a series that has never been negative": localized(.paceBelowZero)
        case "above 100%": localized(.paceAboveHundred)
        default: reason
        }
    }

    static func json(_ answer: RequiredPace.Answer) -> JSONValue {
        switch answer {
        case .pace(let perMonth, let percent):
            .object([("kind", .string("pace")), ("perMonth", .number(perMonth)), ("percentOfForecast", .number(percent))])
        case .alreadyMet: .object([("kind", .string("alreadyMet"))])
        case .alreadyMissed: .object([("kind", .string("alreadyMissed"))])
        case .noMonthsLeft: .object([("kind", .string("noMonthsLeft"))])
        case .unreachable(let perMonth, let reason):
            .object([("kind", .string("unreachable")), ("perMonth", .number(perMonth)), ("reason", .string(reason))])
        }
    }

    static func csvCells(_ answer: RequiredPace.Answer) -> [String] {
        switch answer {
        case .pace(let perMonth, let percent): [formatExact(perMonth), formatExact(percent), ""]
        case .unreachable(let perMonth, let reason): [formatExact(perMonth), "", "unreachable: \(reason)"]
        // The note is a machine field: English whatever the language of the table.
        default: ["", "", OutputLanguage.$current.withValue(.english) { text(answer) }]
        }
    }
}
