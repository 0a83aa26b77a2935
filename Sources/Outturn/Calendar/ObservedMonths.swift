/// The months a series has observed through some month, as its first observed month, the span to
/// its last observed month and the offsets missing in between: what decides whether series can
/// share one regression design, cheaper to form and hash than the months themselves.
struct ObservedMonths: Hashable, Sendable {
    let first: Month
    let span: Int
    /// Offsets from `first`, ascending, of the months in the span without a value.
    let missing: [Int]

    /// `nil` when `series` has no value through `month`.
    init?(_ series: MonthlySeries, through month: Month) {
        let known = min(series.values.count, series.start.distance(to: month) + 1)
        guard known > 0, let firstOffset = series.values[..<known].firstIndex(where: { $0 != nil }),
              let lastOffset = series.values[..<known].lastIndex(where: { $0 != nil }) else { return nil }
        first = series.start.advanced(by: firstOffset)
        span = lastOffset - firstOffset + 1
        missing = (firstOffset...lastOffset).filter { series.values[$0] == nil }.map { $0 - firstOffset }
    }

    private init(first: Month, span: Int, missing: [Int]) {
        self.first = first
        self.span = span
        self.missing = missing
    }

    /// The number of observed months.
    var count: Int { span - missing.count }

    /// The observed months, in order.
    var months: [Month] {
        let skipped = Set(missing)
        return (0..<span).filter { !skipped.contains($0) }.map { first.advanced(by: $0) }
    }

    /// The observed months from `month` on (a model's window), `nil` when none is left.
    func from(_ month: Month) -> ObservedMonths? {
        let cut = first.distance(to: month)
        guard cut > 0 else { return self }
        let skipped = Set(missing)
        guard let start = (cut..<span).first(where: { !skipped.contains($0) }) else { return nil }
        return ObservedMonths(first: first.advanced(by: start), span: span - start,
                              missing: missing.filter { $0 > start }.map { $0 - start })
    }

    /// Appends `series`' values in these months (every one of them observed there) to `values`.
    func appendValues(of series: MonthlySeries, to values: inout [Double]) {
        let firstOffset = series.start.distance(to: first)
        for offset in firstOffset..<(firstOffset + span) {
            if let value = series.values[offset] { values.append(value) }
        }
    }
}
