/// What the remaining months need: the monthly pace that lands the projection exactly on the
/// target, and the pace that makes meeting it likely.
///
/// - ``exact``: the constant monthly value v for the months of the target period still to come
///   (after the indicator's last observed month) that puts
///   the projected figure on the reference, and the same as a uniform percentage change of the
///   model's forecast path for those months.
/// - ``likely``: the model's path shifted by a constant d (the forecast uncertainty kept, as in a
///   scenario's `add`) so that P(target met) equals ``probability``; reported as the monthly
///   average that path then has, and d as a percentage of the forecast average.
///
/// Plain answers replace numbers where a number would mislead: the target is already met or
/// missed, no month is left, or the pace is impossible — below zero for a series that has never
/// been negative, or outside the target's ``Target/bounds`` (above 100 for an indicator in `%`).
public struct RequiredPace: Sendable {
    /// One answer.
    public enum Answer: Hashable, Sendable {
        /// Needs `perMonth` on average over the open months, `percentOfForecast` above (or below)
        /// the model's forecast for them.
        case pace(perMonth: Double, percentOfForecast: Double)
        /// The observed months already meet the target.
        case alreadyMet
        /// The observed months already miss the target.
        case alreadyMissed
        /// No month of the target period is left to change.
        case noMonthsLeft
        /// The pace would be `perMonth`, which the indicator cannot take (the reason says why).
        case unreachable(perMonth: Double, reason: String)
    }

    /// The baseline projection the pace is for.
    public let projection: YearEndProjection
    /// The pace that lands the projection exactly on the target.
    public let exact: Answer
    /// The probability asked for, in (0, 1).
    public let probability: Double
    /// The pace at which P(target met) = ``probability``.
    public let likely: Answer

    /// Computes both paces for `projection`.
    /// - Parameters:
    ///   - projection: a baseline projection.
    ///   - probability: the chance of meeting the target to aim for, in (0, 1); 0.9 by default.
    /// - Throws: ``ModelError/level(_:)`` for a probability outside (0, 1).
    public init(projection: YearEndProjection, probability: Double = 0.9) throws(ModelError) {
        guard probability > 0, probability < 1 else { throw .level(probability * 100) }
        self.projection = projection
        self.probability = probability
        var condition = Condition(target: projection.target, outlook: projection.outlook,
                                  referenceOutlook: projection.referenceOutlook)
        // Each step of the search below shifts the months to come, which changes the paths but
        // not the draws they are made from: a simulated figure (min, max, a log model) draws its
        // paths once for the whole search instead of once per step.
        condition.simulations = SimulationCache()
        // Only the months still to come can change: a missing earlier month keeps its forecast.
        let open = projection.outlook.monthsToCome(of: projection.target.months)
        let plain: Answer? = switch projection.status {
        case .met: .alreadyMet
        case .missed: .alreadyMissed
        default: open.isEmpty ? .noMonthsLeft : nil
        }
        if let plain {
            exact = plain
            likely = plain
            return
        }
        let outlook = projection.outlook
        let base = outlook.pointPath, indices = outlook.positions(of: open)
        let forecast = indices.map { base[$0] }
        let forecastMean = forecast.reduce(0, +) / Double(forecast.count)
        func judged(_ perMonth: Double, shiftPercent: Double) -> Answer {
            if !perMonth.isFinite {
                return .unreachable(perMonth: perMonth, reason: "beyond the range of numbers")
            }
            if outlook.isNonNegative, perMonth < 0 {
                return .unreachable(perMonth: perMonth, reason: "below zero, for a series that has never been negative")
            }
            let bounds = projection.target.bounds
            if let upper = bounds.upper, perMonth > upper {
                return .unreachable(perMonth: perMonth, reason: bounds == .percentage ? "above 100%"
                                    : "above \(Bounds.format(upper)), the indicator's upper bound")
            }
            if let lower = bounds.lower, perMonth < lower {
                return .unreachable(perMonth: perMonth, reason: "below \(Bounds.format(lower)), the indicator's lower bound")
            }
            return .pace(perMonth: perMonth, percentOfForecast: shiftPercent)
        }

        // (a) The open months at s × forecast. For sum and mean that changes V as a constant pace v
        // does when s = v / (their mean forecast); for last, s = v / (the last month's forecast);
        // min and max are monotone in s (bisection).
        let scale: Double?
        switch projection.target.aggregate {
        case .sum, .mean:
            scale = projection.requiredPace.map { $0 / forecastMean }
        case .last:
            scale = projection.requiredPace.map { $0 / (forecast.last ?? .nan) }
        case .min, .max:
            let value = outlook.compile(condition.valueSide)
            let reference = projection.referenceValue
            scale = solveIncreasing { s in
                var path = base
                for index in indices { path[index] *= s }
                return value.value(path: path) - reference
            }
        }
        if let pace = projection.requiredPace {
            // A zero forecast has no percentage.
            let percent = ((scale ?? .nan) - 1) * 100
            exact = judged(pace, shiftPercent: percent.isFinite ? percent : .nan)
        } else {
            exact = .noMonthsLeft
        }

        // (b) P(met) after adding d to the open months is monotone in d: increasing for a lower
        // bound, decreasing for an upper bound.
        let sign: Double = projection.target.comparator.isUpperBound ? -1 : 1
        let shift = solveIncreasing { d in
            let met = condition.assess(levels: [], shift: sign * d).probability
            return met - probability
        }.map { sign * $0 }
        if let shift {
            // The bisection finds d to 1e-10 relative: a pace within that of zero is zero.
            var perMonth = forecastMean + shift
            if abs(perMonth) <= 1e-9 * max(abs(forecastMean), abs(shift)) { perMonth = 0 }
            likely = judged(perMonth, shiftPercent: forecastMean == 0 ? .nan : shift / abs(forecastMean) * 100)
        } else {
            likely = .noMonthsLeft
        }
    }
}
