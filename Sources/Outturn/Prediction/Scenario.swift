/// A what-if: changes to the future of some indicators, never to their data.
///
/// Each change acts on the forecast of the months it names, after the as-of month:
/// - `set(v)`: the month's value is v, with no forecast variance;
/// - `scale(percent: p)`: the value is (1 + p/100)·forecast, so the month's forecast error is
///   scaled by the same factor;
/// - `factor(f)`: the value is f·forecast (the same map as `scale(percent: 100·(f − 1))`);
/// - `add(d)`: the value is forecast + d, with the forecast's variance unchanged.
/// Changes to the same month apply in the order written, so `set 9000` then `scale -10%` gives
/// 8,100 and `scale -10%` then `set 9000` gives 9,000. Two `set`s of one month conflict: see
/// ``conflictingSets()``. A scenario can also give future values of exogenous
/// regressors and switch interventions on or off in the forecast months; those change the design
/// rows, so their effect and its uncertainty come from the fitted model.
public struct Scenario: Hashable, Sendable {
    /// One change to one indicator's future months.
    public struct Change: Hashable, Sendable {
        /// What the change does to each month.
        public enum Operation: Hashable, Sendable {
            /// The month takes this value.
            case set(Double)
            /// The forecast is scaled by 1 + percent/100.
            case scale(percent: Double)
            /// The forecast is multiplied by this factor.
            case factor(Double)
            /// The amount is added to the forecast.
            case add(Double)
        }

        /// The indicator changed.
        public let indicator: String
        /// The months changed (inclusive).
        public let months: ClosedRange<Month>
        /// What happens to each of them.
        public let operation: Operation

        /// Creates a change.
        public init(indicator: String, months: ClosedRange<Month>, operation: Operation) {
            self.indicator = indicator
            self.months = months
            self.operation = operation
        }
    }

    /// A short name shown beside the baseline, e.g. "worse winter".
    public let name: String
    /// The changes, applied in order.
    public let changes: [Change]
    /// Future values of exogenous regressors, by regressor name and month.
    public let regressorValues: [String: [Month: Double]]
    /// Interventions switched on (`true`) or off (`false`) in the forecast months.
    public let interventions: [Intervention: Bool]

    /// Creates a scenario.
    public init(name: String, changes: [Change] = [], regressorValues: [String: [Month: Double]] = [:],
                interventions: [Intervention: Bool] = [:]) {
        self.name = name
        self.changes = changes
        self.regressorValues = regressorValues
        self.interventions = interventions
    }

    /// The first pair of `set` changes that reach a common month of one indicator, by position in
    /// ``changes``: the later would silently overwrite the earlier, so readers refuse them.
    public func conflictingSets() -> (first: Int, second: Int, month: Month)? {
        for (second, later) in changes.enumerated() {
            guard case .set = later.operation else { continue }
            for first in 0..<second {
                let earlier = changes[first]
                guard case .set = earlier.operation, earlier.indicator == later.indicator,
                      earlier.months.overlaps(later.months) else { continue }
                return (first, second, max(earlier.months.lowerBound, later.months.lowerBound))
            }
        }
        return nil
    }

    /// No change: the model's own projection.
    public static let baseline = Scenario(name: "baseline")
}

/// y′ = scale·y + shift for one forecast month.
struct MonthAdjustment: Hashable, Sendable {
    var scale = 1.0
    var shift = 0.0

    static let none = MonthAdjustment()

    func applied(to value: Double) -> Double { scale * value + shift }
}

extension Scenario {
    /// The composed adjustment of each of `months` for `indicator`.
    /// - Parameter asOf: the indicator's own last observed month (at or before the as-of month):
    ///   an indicator published later than others has open months before the as-of month, which
    ///   a scenario may change.
    /// - Throws: ``ModelError/scenarioChangesObservedMonth(indicator:month:)`` when a change
    ///   reaches a month at or before `asOf`.
    func adjustments(for indicator: String, months: [Month], asOf: Month) throws(ModelError) -> [MonthAdjustment] {
        var result = [MonthAdjustment](repeating: .none, count: months.count)
        for change in changes where change.indicator == indicator {
            guard change.months.lowerBound > asOf else {
                throw .scenarioChangesObservedMonth(indicator: indicator, month: change.months.lowerBound)
            }
            for (index, month) in months.enumerated() where change.months.contains(month) {
                switch change.operation {
                case .set(let value): result[index] = MonthAdjustment(scale: 0, shift: value)
                case .scale(let percent):
                    let factor = 1 + percent / 100
                    result[index] = MonthAdjustment(scale: result[index].scale * factor, shift: result[index].shift * factor)
                case .factor(let factor):
                    result[index] = MonthAdjustment(scale: result[index].scale * factor, shift: result[index].shift * factor)
                case .add(let amount): result[index].shift += amount
                }
            }
        }
        return result
    }
}
