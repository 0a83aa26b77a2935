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
    /// A regression refits at each origin; the most recent 40 (ten years) are enough to judge
    /// its spread and keep the cost of a long history bounded.
    static let maximumRegressionOrigins = 40

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

    /// A regression's check: refit `model` at earlier origins on the months known then, forecast
    /// the same horizons, and compare the total (on the model's scale) with what happened.
    /// Origins need two years of history (a seasonal model's minimum) and every month of the
    /// horizons observed.
    static func regression(history: MonthlySeries, model: ModelSpec, regressors: [String: MonthlySeries],
                           horizons: [Int]) -> SpreadCheck {
        guard let longest = horizons.max(), longest > 0 else { return .none }
        let months = history.observations.map(\.month)
        guard let last = months.last else { return .none }
        let warmUp = ModelSelection.minimumSeasonalHistory
        var errors: [(error: Double, variance: Double)] = []
        var origins: [Int] = []
        var origin = last.advanced(by: -longest)
        while let first = months.first, first.distance(to: origin) >= warmUp - 1, origins.count < maximumRegressionOrigins {
            defer { origin = origin.advanced(by: -originStep) }
            let targets = horizons.map { origin.advanced(by: $0) }
            guard let cut = history.through(origin), targets.allSatisfy({ history[$0] != nil }),
                  let fit = try? ModelFit(series: cut, model: model, regressors: regressors),
                  let prediction = try? fit.prediction(for: targets) else { continue }
            var actual = 0.0
            for month in targets {
                let value = history[month]!
                guard !model.isLog || value > 0 else { actual = .nan; break }
                actual += model.isLog ? log(value) : value
            }
            guard actual.isFinite else { continue }
            errors.append((actual - prediction.means.reduce(0, +),
                           prediction.varianceOfCombination([Double](repeating: 1, count: targets.count))))
            origins.append(months[0].distance(to: origin))
        }
        guard let newest = origins.first, let oldest = origins.last else { return .none }
        return SpreadCheck(errors: errors, span: newest - oldest + 1, longest: longest)
    }
}
