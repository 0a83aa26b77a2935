/// The values an indicator's months can take: a percentage lies in 0…100, a count is never
/// negative. Either end may be open.
///
/// Bounds are never guessed from the data: a series that happens never to have been negative is
/// not thereby a count. They come from the target — a `bounds` column such as `0..100` or `0..`,
/// or the unit `%`, which means 0…100 unless the target's bounds say otherwise (see
/// ``Target/init(indicator:year:aggregate:comparator:reference:period:name:unit:bounds:)``).
///
/// A projection of a bounded indicator never leaves them: the predictive distribution of the
/// target's figure is censored to what months within the bounds can give (the model's chance of
/// a figure beyond a bound is the chance of the bound itself), and scenario changes that would
/// take a month past a bound are held at the bound.
public struct Bounds: Hashable, Sendable, CustomStringConvertible {
    /// The smallest value a month can take; `nil` when unbounded below.
    public let lower: Double?
    /// The largest value a month can take; `nil` when unbounded above.
    public let upper: Double?

    /// No bounds.
    public static let none = Bounds(checkedLower: nil, upper: nil)
    /// 0 … 100, the bounds the unit `%` implies.
    public static let percentage = Bounds(checkedLower: 0, upper: 100)
    /// 0 … ∞: a count or volume that cannot be negative.
    public static let nonNegative = Bounds(checkedLower: 0, upper: nil)

    /// Creates bounds.
    /// - Parameters:
    ///   - lower: the smallest value a month can take, `nil` for none.
    ///   - upper: the largest value a month can take, `nil` for none.
    /// - Throws: ``BoundsError`` when an end is not finite or the lower end is not below the upper.
    public init(lower: Double?, upper: Double?) throws(BoundsError) {
        for end in [lower, upper].compactMap({ $0 }) where !end.isFinite { throw .notFinite }
        if let lower, let upper, !(lower < upper) { throw .reversed(lower: lower, upper: upper) }
        self.init(checkedLower: lower, upper: upper)
    }

    /// Bounds known to be valid (lower < upper, both finite).
    init(checkedLower lower: Double?, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// The bounds a unit implies when none are given: 0…100 for `%`, none otherwise.
    public static func implied(byUnit unit: String?) -> Bounds {
        unit == "%" ? .percentage : .none
    }

    /// True when neither end is set.
    public var isUnbounded: Bool { lower == nil && upper == nil }

    /// The lower end, −∞ when open.
    var lowerValue: Double { lower ?? -.infinity }
    /// The upper end, +∞ when open.
    var upperValue: Double { upper ?? .infinity }

    /// Whether `value` lies within the bounds (ends included).
    public func contains(_ value: Double) -> Bool { value >= lowerValue && value <= upperValue }

    /// `value` moved to the nearer end when outside.
    public func clamped(_ value: Double) -> Double { Swift.min(Swift.max(value, lowerValue), upperValue) }

    /// As written in a targets file: `0..100`, `0..`, `..100`, or `..` for none.
    public var description: String {
        "\(lower.map(Self.format) ?? "")..\(upper.map(Self.format) ?? "")"
    }
}

/// Why bounds could not be made.
public enum BoundsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An end is NaN or infinite (leave the end out instead).
    case notFinite
    /// The lower end is not below the upper.
    case reversed(lower: Double, upper: Double)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .notFinite: "an end of the bounds is not a finite number; leave an open end empty, as in 0.."
        case .reversed(let lower, let upper):
            "the lower bound \(Bounds.format(lower)) is not below the upper bound \(Bounds.format(upper)); write them low..high, like 0..100"
        }
    }
}

extension Bounds {
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
