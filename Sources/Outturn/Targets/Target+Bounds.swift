extension Target {
    /// The figures the target year's aggregate can take when every month lies within ``bounds``:
    /// n·[a, b] for a sum over n months, [a, b] for a mean, `last`, `min` or `max`; `nil` when the
    /// indicator is unbounded.
    var possibleFigures: Bounds? {
        guard !bounds.isUnbounded else { return nil }
        let months = aggregate == .sum ? Double(period.count) : 1
        return Bounds(checkedLower: bounds.lower.map { $0 * months }, upper: bounds.upper.map { $0 * months })
    }
}
