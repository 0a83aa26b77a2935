extension SeriesOutlook {
    /// The outlook with every month a scenario changes held within `bounds`: a change whose point
    /// value would pass a bound (a rate at 97.5% raised by 10%) is shifted so that the month's point
    /// value sits on the bound, its spread kept; a `set` beyond a bound sets the bound. Months the
    /// scenario leaves alone keep the model's forecast (the figure's censoring bounds those).
    /// - Returns: the outlook and the months held, in calendar order.
    func holdingChanges(within bounds: Bounds) -> (SeriesOutlook, [Month]) {
        guard !bounds.isUnbounded, !unobserved.isEmpty else { return (self, []) }
        var copy = self, held: [Month] = []
        let point = pointPath
        for index in unobserved.indices where adjustments[index] != .none {
            let value = point[index], limit = bounds.clamped(value)
            guard value != limit, value.isFinite else { continue }
            copy.adjustments[index].shift += limit - value
            if copy.adjustments[index].scale == 0 { copy.adjustments[index].shift = limit }
            held.append(unobserved[index])
        }
        return (copy, held)
    }
}
