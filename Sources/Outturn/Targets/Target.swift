/// An annual target for one indicator: "the year's figure must be `comparator` the reference".
///
/// The figure is the ``aggregate`` of the indicator's months in ``period`` of ``year``. The
/// reference is a fixed value or is itself derived from data (``Reference``). The seed's water cap
/// is `Target(indicator: "water", year: 2020, aggregate: .sum, comparator: .lessThanOrEqual,
/// threshold: 11489)`; "CO₂ intensity at least 3% below 2019" is
/// `reference: .baseYear(2019, changePercent: -3)` with `.lessThanOrEqual`.
public struct Target: Hashable, Sendable {
    /// What the figure is compared with.
    public enum Reference: Hashable, Sendable {
        /// A fixed threshold in the indicator's unit.
        case value(Double)
        /// The same figure in an earlier year, changed by a percentage: "3% below 2019" is
        /// `.baseYear(2019, changePercent: -3)`. An observed base year carries no uncertainty.
        case baseYear(Int, changePercent: Double)
        /// A moving-average condition over `years` years: the mean of the figure over the `years`
        /// years ending in the target year, compared with the same mean ending a year earlier
        /// ("the three-year moving average keeps falling" is `.movingAverage(years: 3)` with `<`).
        case movingAverage(years: Int)
        /// The same figure of another indicator in the same year ("at or below the city-wide mean").
        case indicator(String)
    }

    /// The identifier of the indicator's series.
    public let indicator: String
    /// The calendar year the target is for.
    public let year: Int
    /// How the months of the period reduce to one figure.
    public let aggregate: Aggregate
    /// How the figure must compare with the reference.
    public let comparator: Comparator
    /// What the figure is compared with.
    public let reference: Reference
    /// The months of the year that count, e.g. `5...12` for May–December; `1...12` by default.
    public let period: ClosedRange<Int>
    /// A display name (may be Chinese), when the identifier is terse.
    public let name: String?
    /// The unit of the values and threshold (e.g. `µg/m³`).
    public let unit: String?
    /// The values the indicator's months can take (``Bounds/none`` when unbounded): projections,
    /// intervals, P(met) and scenarios stay within them.
    public let bounds: Bounds

    /// Creates a target with a fixed threshold.
    /// - Parameters:
    ///   - indicator: the identifier of the indicator's series.
    ///   - year: the calendar year.
    ///   - aggregate: how the period's months reduce to one figure.
    ///   - comparator: how the figure must compare with `threshold`.
    ///   - threshold: the target value.
    ///   - period: the months of the year that count (1 … 12).
    ///   - name: an optional display name.
    ///   - unit: an optional unit.
    ///   - bounds: the values a month can take; `nil` (the default) for those the unit implies
    ///     (``Bounds/implied(byUnit:)``: 0…100 for `%`, none otherwise).
    /// - Throws: ``TargetError`` when the year is outside 1 ... 9999, the threshold is not finite
    ///   or lies outside what the bounds allow, the period is not within 1 … 12, or the indicator
    ///   identifier is empty.
    public init(indicator: String, year: Int, aggregate: Aggregate, comparator: Comparator,
                threshold: Double, period: ClosedRange<Int> = 1...12,
                name: String? = nil, unit: String? = nil, bounds: Bounds? = nil) throws(TargetError) {
        try self.init(indicator: indicator, year: year, aggregate: aggregate, comparator: comparator,
                      reference: .value(threshold), period: period, name: name, unit: unit, bounds: bounds)
    }

    /// Creates a target with any reference.
    /// - Parameters:
    ///   - indicator: the identifier of the indicator's series.
    ///   - year: the calendar year.
    ///   - aggregate: how the period's months reduce to one figure.
    ///   - comparator: how the figure must compare with the reference.
    ///   - reference: a fixed value, a base year, a moving average, or another indicator.
    ///   - period: the months of the year that count (1 … 12).
    ///   - name: an optional display name.
    ///   - unit: an optional unit.
    ///   - bounds: the values a month can take; `nil` (the default) for those the unit implies
    ///     (``Bounds/implied(byUnit:)``: 0…100 for `%`, none otherwise). Pass ``Bounds/none`` for
    ///     a `%` that may leave 0…100 (a growth rate).
    /// - Throws: ``TargetError``; ``TargetError/thresholdOutsideBounds(threshold:possible:)`` for a
    ///   fixed threshold no figure within the bounds can reach or miss (an impossible target).
    public init(indicator: String, year: Int, aggregate: Aggregate, comparator: Comparator,
                reference: Reference, period: ClosedRange<Int> = 1...12,
                name: String? = nil, unit: String? = nil, bounds: Bounds? = nil) throws(TargetError) {
        guard !indicator.isEmpty else { throw .emptyIndicator }
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard period.lowerBound >= 1, period.upperBound <= 12 else { throw .periodOutOfRange(period) }
        switch reference {
        case .value(let threshold):
            guard threshold.isFinite else { throw .thresholdNotFinite }
        case .baseYear(let base, let change):
            guard (1..<year).contains(base) else { throw .baseYearNotEarlier(base: base, year: year) }
            guard change.isFinite, change > -100 else { throw .thresholdNotFinite }
        case .movingAverage(let years):
            guard (2...50).contains(years), year - years >= 1 else { throw .movingAverageWindow(years) }
        case .indicator(let other):
            guard !other.isEmpty, other != indicator else { throw .comparedWithItself(indicator) }
        }
        self.indicator = indicator
        self.year = year
        self.aggregate = aggregate
        self.comparator = comparator
        self.reference = reference
        self.period = period
        self.name = name
        self.unit = unit
        self.bounds = bounds ?? .implied(byUnit: unit)
        if case .value(let threshold) = reference, let possible = possibleFigures, !possible.contains(threshold) {
            throw .thresholdOutsideBounds(threshold: threshold, possible: possible)
        }
    }

    /// The fixed threshold, or `nil` when the reference comes from data.
    public var threshold: Double? {
        if case .value(let threshold) = reference { threshold } else { nil }
    }

    /// The months of the period in the target year.
    public var months: [Month] { months(in: year) }

    /// The months of the period in another year (for a base year or a moving-average window).
    public func months(in year: Int) -> [Month] {
        period.map { Month(ordinal: year * 12 + $0 - 1) }
    }

    /// The indicator whose figure is the reference, for ``Reference/indicator(_:)``.
    public var referenceIndicator: String? {
        if case .indicator(let other) = reference { other } else { nil }
    }
}

/// Why a target could not be made.
public enum TargetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The indicator identifier is empty.
    case emptyIndicator
    /// The year is outside 1 … 9999.
    case yearOutOfRange(Int)
    /// The threshold (or the percentage change) is NaN, infinite or impossible.
    case thresholdNotFinite
    /// The period is not within months 1 … 12.
    case periodOutOfRange(ClosedRange<Int>)
    /// A base year that is not before the target year.
    case baseYearNotEarlier(base: Int, year: Int)
    /// A moving-average window outside 2 … 50 years, or reaching before year 1.
    case movingAverageWindow(Int)
    /// A target compared with its own indicator.
    case comparedWithItself(String)
    /// A fixed threshold outside the figures months within the target's bounds can give (a
    /// `%` mean above 100): the target could never be met, or never missed.
    case thresholdOutsideBounds(threshold: Double, possible: Bounds)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .emptyIndicator: "the indicator identifier is empty"
        case .yearOutOfRange(let year): "year \(year) is outside 1 to 9999"
        case .thresholdNotFinite: "the threshold is not a finite number (or the change is -100% or less)"
        case .periodOutOfRange(let period):
            "months \(period.lowerBound)-\(period.upperBound) are not within 1-12; write the period like 5-12"
        case .baseYearNotEarlier(let base, let year): "base year \(base) must be before the target year \(year)"
        case .movingAverageWindow(let years): "a moving average over \(years) years is not supported; use 2 to 50"
        case .comparedWithItself(let indicator): "\(indicator) cannot be compared with itself; name another indicator"
        case .thresholdOutsideBounds(let threshold, let possible):
            "the threshold \(Bounds.format(threshold)) lies outside \(possible), the figures the bounds allow; it is an impossible target (check the threshold, the unit or the bounds)"
        }
    }
}

extension Target {
    /// How a year's monthly values reduce to the one figure a target is judged on.
    public enum Aggregate: String, CaseIterable, Sendable, Codable {
        /// The total of the months (water use, job placements).
        case sum
        /// The mean of the months (PM2.5 annual mean).
        case mean
        /// The December value (a coverage rate at year end).
        case last
        /// The smallest month.
        case min
        /// The largest month.
        case max
    }

    /// How the year's figure is compared with the threshold.
    public enum Comparator: String, CaseIterable, Sendable, Codable {
        /// Met when the figure is below the threshold.
        case lessThan = "<"
        /// Met when the figure is at or below the threshold.
        case lessThanOrEqual = "<="
        /// Met when the figure is above the threshold.
        case greaterThan = ">"
        /// Met when the figure is at or above the threshold.
        case greaterThanOrEqual = ">="

        /// Whether `value` meets a target of `threshold`.
        public func isMet(_ value: Double, threshold: Double) -> Bool {
            switch self {
            case .lessThan: value < threshold
            case .lessThanOrEqual: value <= threshold
            case .greaterThan: value > threshold
            case .greaterThanOrEqual: value >= threshold
            }
        }

        /// ``isMet(_:threshold:)`` for a *computed* figure: a value within 1e-12 (relative) of the
        /// threshold counts as equal to it. A mean of twelve 0.1s is 0.09999999999999999 and a
        /// least-squares fit of a constant 5 is 4.999999999999999; neither may flip a verdict.
        func isMetAllowingRounding(_ value: Double, threshold: Double) -> Bool {
            let scale = Swift.max(abs(value), abs(threshold))
            if value != threshold, abs(value - threshold) <= 1e-12 * scale {
                return isMet(threshold, threshold: threshold)
            }
            return isMet(value, threshold: threshold)
        }

        /// True for `<` and `<=`: lower values are better.
        public var isUpperBound: Bool { self == .lessThan || self == .lessThanOrEqual }
    }
}
