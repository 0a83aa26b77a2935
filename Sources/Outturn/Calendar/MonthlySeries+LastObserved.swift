extension MonthlySeries {
    /// The last month with a value at or before `month`, or `nil` when there is none: an
    /// indicator published later than the others in a file ends before the common as-of month,
    /// and its months in between are open, for scenarios and sweeps as for the forecast.
    public func lastObserved(through month: Month) -> Month? {
        var candidate = Swift.min(month, end)
        while candidate >= start {
            if self[candidate] != nil { return candidate }
            candidate = candidate.advanced(by: -1)
        }
        return nil
    }
}
