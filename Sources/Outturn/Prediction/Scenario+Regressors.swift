extension Scenario {
    /// The scenario as the models that use `regressors` see it: a change to an indicator that is a
    /// regressor of the model changes that regressor's values in its months, for every indicator
    /// whose model uses it.
    ///
    /// A scenario describes one possible future. If temperature is 30 in December in it, every
    /// model that reads temperature must read 30 there; otherwise a `set` on a regressor would be
    /// silently ignored (a regressor carries no target of its own). Changes act in order on the
    /// regressor's value for the month: the one ``regressorValues`` gives, else the series' own (a
    /// regressor known into the future). `set` gives the value; `scale`, `factor` and `add` change
    /// the value there is.
    /// - Parameter regressors: the series of the regressors the model uses, by name.
    /// - Returns: the scenario with those values added to ``regressorValues``; itself when no
    ///   change names a regressor.
    /// - Throws: ``RegressorChangeError`` naming the change (its position in ``changes``).
    public func applyingChanges(toRegressors regressors: [String: MonthlySeries]) throws(RegressorChangeError) -> Scenario {
        guard changes.contains(where: { regressors[$0.indicator] != nil }) else { return self }
        var values = regressorValues
        for (position, change) in changes.enumerated() {
            guard let series = regressors[change.indicator] else { continue }
            let given = regressorValues[change.indicator] ?? [:]
            var changed = values[change.indicator] ?? [:]
            for offset in 0...change.months.lowerBound.distance(to: change.months.upperBound) {
                let month = change.months.lowerBound.advanced(by: offset)
                if case .set(let value) = change.operation {
                    // The scenario's own regressor values and a `set` of the same month are two
                    // values for one month, as two `set`s are.
                    guard given[month] == nil else { throw .setTwice(change: position, regressor: change.indicator, month: month) }
                    changed[month] = value
                    continue
                }
                guard let value = changed[month] ?? series[month] else {
                    throw .noValue(change: position, regressor: change.indicator, month: month)
                }
                changed[month] = switch change.operation {
                case .set(let value): value
                case .scale(let percent): value * (1 + percent / 100)
                case .factor(let factor): value * factor
                case .add(let amount): value + amount
                }
            }
            values[change.indicator] = changed
        }
        return Scenario(name: name, changes: changes, regressorValues: values, interventions: interventions)
    }

    /// Why a change to a regressor could not be applied (``applyingChanges(toRegressors:)``).
    public enum RegressorChangeError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The change at this position scales, multiplies or adds to a month for which the
        /// regressor has no value, neither in its series nor in the scenario.
        case noValue(change: Int, regressor: String, month: Month)
        /// The change at this position sets a month whose value the scenario's regressor values
        /// already give.
        case setTwice(change: Int, regressor: String, month: Month)

        /// The position in ``Scenario/changes`` of the change at fault.
        public var change: Int {
            switch self {
            case .noValue(let change, _, _), .setTwice(let change, _, _): change
            }
        }

        public var description: String {
            switch self {
            case .noValue(_, let regressor, let month):
                "\(regressor) is a regressor of the model and has no value in \(month) for the change to act on; set its value instead"
            case .setTwice(_, let regressor, let month):
                "\(regressor) is a regressor of the model whose value in \(month) the scenario's regressors already give; give each month one value"
            }
        }
    }
}
