import Outturn

/// P(target met) as the remaining months shift uniformly by a percentage: how much room there is.
public struct SweepReport: Sendable {
    /// The shifts in percent, e.g. −30 … +30.
    public let shifts: [Double]
    public let asOf: Month
    /// (baseline projection, P(met) at each shift).
    public let rows: [(projection: YearEndProjection, probabilities: [Double])]

    public init(asOf: Month, shifts: [Double], rows: [(projection: YearEndProjection, probabilities: [Double])]) {
        self.asOf = asOf
        self.shifts = shifts
        self.rows = rows
    }

    /// The report of a library sweep: one row per target, its baseline and P(met) at each shift.
    public init(asOf: Month, sensitivity: Sensitivity) {
        self.init(asOf: asOf, shifts: sensitivity.shifts,
                  rows: Array(zip(sensitivity.baseline, sensitivity.probabilities)).map { ($0, $1) })
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("asOf", .string(asOf.description)),
                ("shifts", .array(shifts.map { .number($0) })),
                ("indicators", .array(rows.map { row in
                    .object([("indicator", .string(row.projection.target.indicator)),
                             ("name", .string(row.projection.target.name)),
                             ("year", .number(Double(row.projection.target.year))),
                             ("target", targetJSON(row.projection.target, row.projection)),
                             ("probabilities", .array(row.probabilities.map { .number($0) }))])
                })),
            ]).rendered() + "\n"
        case .csv:
            let header = ["indicator", "year"] + shifts.map { "shift_\(formatLevel($0))" }
            return ([header.joined(separator: ",")] + rows.map { row in
                ([row.projection.target.indicator, String(row.projection.target.year)] + row.probabilities.map(formatExact))
                    .map(csvField).joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        case .table, .markdown:
            var table = TextTable(columns: [(localized(.columnIndicator), .left), (localized(.columnTarget), .left)]
                                  + shifts.map { ((($0 > 0) ? "+" : "") + formatLevel($0) + "%", .right) })
            for row in rows {
                let p = row.projection
                table.append([p.target.name ?? p.target.indicator, describe(p.target, p)]
                             + row.probabilities.map { formatProbability($0, settled: p.status.isSettled) })
            }
            let note = "\n" + localized(.sweepNote, asOf.description) + "\n"
            return format == .markdown ? table.markdown() : table.rendered() + note
        }
    }
}
