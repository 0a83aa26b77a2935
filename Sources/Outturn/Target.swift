/// An annual target for one indicator: "the year's `aggregate` must be `comparator` `threshold`".
///
/// For example the seed's water cap is `Target(indicator: "water", year: 2020, aggregate: .sum,
/// comparator: .lessThanOrEqual, threshold: 11489)`.
public struct Target: Hashable, Sendable {
    /// The identifier of the indicator's series.
    public let indicator: String
    /// The calendar year the target is for.
    public let year: Int
    /// How the year's months reduce to one figure.
    public let aggregate: Aggregate
    /// How that figure must compare with the threshold.
    public let comparator: Comparator
    /// The value the year's figure is compared with, in the indicator's unit.
    public let threshold: Double
    /// A display name (may be Chinese), when the identifier is terse.
    public let name: String?
    /// The unit of the values and threshold (e.g. `µg/m³`).
    public let unit: String?

    /// Creates a target.
    /// - Parameters:
    ///   - indicator: the identifier of the indicator's series.
    ///   - year: the calendar year.
    ///   - aggregate: how the year's months reduce to one figure.
    ///   - comparator: how the figure must compare with `threshold`.
    ///   - threshold: the target value.
    ///   - name: an optional display name.
    ///   - unit: an optional unit.
    /// - Throws: ``TargetError`` when the year is outside 1 ... 9999, the threshold is not finite,
    ///   or the indicator identifier is empty.
    public init(indicator: String, year: Int, aggregate: Aggregate, comparator: Comparator,
                threshold: Double, name: String? = nil, unit: String? = nil) throws(TargetError) {
        guard !indicator.isEmpty else { throw .emptyIndicator }
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard threshold.isFinite else { throw .thresholdNotFinite }
        self.indicator = indicator
        self.year = year
        self.aggregate = aggregate
        self.comparator = comparator
        self.threshold = threshold
        self.name = name
        self.unit = unit
    }

    /// The twelve months of the target year.
    public var months: [Month] {
        // The year was validated, so every month exists.
        (1...12).map { Month(ordinal: year * 12 + $0 - 1) }
    }
}

/// Why a target could not be made.
public enum TargetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The indicator identifier is empty.
    case emptyIndicator
    /// The year is outside 1 … 9999.
    case yearOutOfRange(Int)
    /// The threshold is NaN or infinite.
    case thresholdNotFinite

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .emptyIndicator: "the indicator identifier is empty"
        case .yearOutOfRange(let year): "year \(year) is outside 1 to 9999"
        case .thresholdNotFinite: "the threshold is not a finite number"
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

        /// True for `<` and `<=`: lower values are better.
        public var isUpperBound: Bool { self == .lessThan || self == .lessThanOrEqual }
    }
}
