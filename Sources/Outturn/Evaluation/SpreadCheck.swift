import Foundation

/// The outcome of checking a model's spread of a total against the series' own history (see
/// ``IntervalMethod/checked``): the factor σ̂ is widened by and the Student-t's degrees of freedom.
struct SpreadCheck: Sendable {
    let factor: Double
    /// `nil`: the check had too few origins, keep the model's degrees of freedom.
    let degreesOfFreedom: Int?

    static let none = SpreadCheck(factor: 1, degreesOfFreedom: nil)
    /// The fewest origins whose errors may widen the spread.
    static let minimumOrigins = 4
    /// Origins are every third month, ending as the last observation does.
    static let originStep = 3

    /// From the in-sample totals' errors and the model's variances of them at each origin, the
    /// first and last origin (month indices) and the longest horizon.
    init(errors: [(error: Double, variance: Double)], span: Int, longest: Int) {
        guard errors.count >= Self.minimumOrigins, longest > 0 else { self = .none; return }
        let meanRatio = errors.reduce(0.0) { $0 + ($1.variance > 0 ? $1.error * $1.error / $1.variance : 1) } / Double(errors.count)
        let factor = meanRatio.squareRoot()
        self.factor = factor.isFinite ? max(factor, 1) : 1
        // Overlapping totals: about (months spanned by the origins) / (longest horizon) are independent.
        degreesOfFreedom = max(Int((Double(span) / Double(longest)).rounded()), 2)
    }

    private init(factor: Double, degreesOfFreedom: Int?) {
        self.factor = factor
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// The prediction with σ̂ widened and the degrees of freedom of the check (never more than the
    /// model's own).
    func applied(to prediction: JointPrediction) -> JointPrediction {
        JointPrediction(months: prediction.months, means: prediction.means, whitenedRows: prediction.whitenedRows,
                        noiseLoadings: prediction.noiseLoadings, sigma: prediction.sigma * factor,
                        degreesOfFreedom: min(degreesOfFreedom ?? prediction.degreesOfFreedom, prediction.degreesOfFreedom))
    }
}
