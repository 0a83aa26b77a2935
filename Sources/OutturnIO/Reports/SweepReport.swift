import Outturn

/// P(target met) as the remaining months shift uniformly by a percentage: how much room there is.
public struct SweepReport: Sendable {
    /// The shifts in percent, e.g. −30 … +30.
    public let shifts: [Double]
    public let asOf: Month
    /// (baseline projection, P(met) at each shift).
    public let rows: [(projection: YearEndProjection, probabilities: [Double])]

    /// For each row, at each shift, whether months were held at the target's bounds; empty for none.
    public let heldAtBounds: [[Bool]]

    public init(asOf: Month, shifts: [Double], rows: [(projection: YearEndProjection, probabilities: [Double])],
                heldAtBounds: [[Bool]] = []) {
        self.asOf = asOf
        self.shifts = shifts
        self.rows = rows
        self.heldAtBounds = heldAtBounds
    }

    /// The report of a library sweep: one row per target, its baseline and P(met) at each shift.
    public init(asOf: Month, sensitivity: Sensitivity) {
        self.init(asOf: asOf, shifts: sensitivity.shifts,
                  rows: Array(zip(sensitivity.baseline, sensitivity.probabilities)).map { ($0, $1) },
                  heldAtBounds: sensitivity.heldAtBounds)
    }

    /// Whether row `row` at shift `column` had months held at its bounds.
    private func held(_ row: Int, _ column: Int) -> Bool {
        heldAtBounds.indices.contains(row) && heldAtBounds[row].indices.contains(column) && heldAtBounds[row][column]
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("asOf", .string(asOf.description)),
                ("shifts", .array(shifts.map { .number($0) })),
                ("indicators", .array(rows.enumerated().map { index, row in
                    var members: [(String, JSONValue)] = [
                        ("indicator", .string(row.projection.target.indicator)),
                        ("name", .string(row.projection.target.name)),
                        ("year", .number(Double(row.projection.target.year))),
                        ("target", targetJSON(row.projection.target, row.projection)),
                        ("probabilities", .array(row.probabilities.map { .number($0) }))]
                    // Only a bounded target can be held; others keep the object they always had.
                    if !row.projection.target.bounds.isUnbounded {
                        members.append(("heldAtBounds", .array(row.probabilities.indices.map { .bool(held(index, $0)) })))
                    }
                    return .object(members)
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
            var anyHeld = false
            for (index, row) in rows.enumerated() {
                let p = row.projection
                table.append([p.target.name ?? p.target.indicator, describe(p.target, p)]
                             + row.probabilities.enumerated().map { column, probability in
                                 let cell = formatProbability(probability, settled: p.status.isSettled)
                                 guard held(index, column) else { return cell }
                                 anyHeld = true
                                 return cell + "*"
                             })
            }
            var note = "\n" + localized(.sweepNote, asOf.description) + "\n"
            if anyHeld { note += localized(.sweepHeldAtBounds) + "\n" }
            return format == .markdown ? table.markdown() : table.rendered() + note
        }
    }
}
