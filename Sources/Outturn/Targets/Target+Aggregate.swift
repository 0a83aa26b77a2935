/// The one place a period's values are reduced to its figure: every projection, simulated path,
/// shared-calendar weight and early settlement goes through these.
extension Target.Aggregate {
    /// The figure of a complete period (its values in calendar order), or of the observed months so far.
    func apply(to values: [Double]) -> Double {
        var reduction = Reduction()
        for value in values { reduction.add(value) }
        return reduction.figure(self)
    }

    /// Weights wᵢ over a period of `count` months (in calendar order) with figure = Σ wᵢ·yᵢ, or
    /// `nil` when the aggregate is not linear (min, max).
    func linearWeights(count: Int) -> [Double]? {
        switch self {
        case .sum: [Double](repeating: 1, count: count)
        case .mean: [Double](repeating: 1 / Double(count), count: count)
        case .last: (0..<count).map { $0 == count - 1 ? 1 : 0 }
        case .min, .max: nil
        }
    }

    /// A running reduction of values met one by one (a simulated path is read without building
    /// an array per figure).
    struct Reduction {
        private(set) var count = 0
        private var sum = 0.0, minimum = Double.infinity, maximum = -Double.infinity, last = 0.0

        mutating func add(_ value: Double) {
            count += 1
            sum += value
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
            last = value
        }

        /// The figure of the values added so far; NaN for min, max, mean or last of none.
        func figure(_ aggregate: Target.Aggregate) -> Double {
            guard count > 0 else { return aggregate == .sum ? 0 : .nan }
            return switch aggregate {
            case .sum: sum
            case .mean: sum / Double(count)
            case .last: last
            case .min: minimum
            case .max: maximum
            }
        }
    }
}
