extension Target {
    /// The months of the target's period still to come after `asOf`, as one range; `nil` when the
    /// period is already fully observed (a 2019 target with data to 2020-08, or `months` 1–6 as of
    /// August), so that a caller never builds a range whose lower bound passes its upper one.
    /// - Parameter asOf: the last observed month.
    public func openMonths(after asOf: Month) -> ClosedRange<Month>? {
        let months = self.months
        guard let last = months.last, asOf < last else { return nil }
        // asOf < last ≤ December of a valid year, so the month after asOf is a calendar month.
        return max(asOf.advanced(by: 1), months[0])...last
    }
}
