import Foundation

extension JointPrediction {
    /// The joint predictive distribution of a weighted combination of forecasts of the same
    /// months (``CombinationFit``): means Σ w_m μ_m, and error covariance the weighted average of
    /// the members' covariances, Σ_c = Σ w_m Σ_m (weights summing to 1).
    ///
    /// **Why the average covariance.** The members' errors are highly correlated (they are fitted
    /// to the same history and miss the same surprises). With perfectly correlated errors the
    /// combination's error is Σ w_m e_m with deviation Σ w_m σ_m: the *quantile average*, which
    /// Lichtendahl, Grushka-Cockayne & Winkler (2013, Management Science 59(8)) show keeps the
    /// members' shape and is sharper than averaging their probabilities. Σ w_m σ_m² exceeds
    /// (Σ w_m σ_m)² by the weighted variance of the σ_m only — little when the members agree on
    /// the spread, as they usually do — and, unlike the quantile average of one aggregate, it is a
    /// covariance: every aggregate (sum, mean, last, min/max by paths, joint conditions) gets a
    /// consistent distribution, and Var(Σ a_i e_i) = Σ w_m Var_m(Σ a_i e_i) for any linear
    /// aggregate. It omits the probability average's (linear pool's) extra term
    /// Σ w_m (μ_m − μ̄)(μ_m − μ̄)ᵀ, which would count the members' disagreement as if their errors
    /// were independent draws; ``IntervalMethod/checked`` then widens the spread if the
    /// combination's own past errors of the total call for it.
    ///
    /// Representation: with c_m = √w_m σ_m / σ, the rows of Z and L are the members' rows scaled by
    /// c_m and set side by side, so σ²(ZZᵀ + LLᵀ) = Σ w_m σ_m²(Z_mZ_mᵀ + L_mL_mᵀ) exactly. The
    /// Student-t takes the fewest degrees of freedom of the members (the most cautious).
    /// - Parameters:
    ///   - parts: each member's prediction of the same months, with its weight.
    ///   - sigma: the σ the result is expressed in (any positive scale; the covariance does not
    ///     depend on it). With 0, the largest member σ is used; if that is 0 too, the spread is 0.
    static func combining(_ parts: [(prediction: JointPrediction, weight: Double)], sigma: Double) -> JointPrediction {
        precondition(!parts.isEmpty, "a combination needs a member")
        let months = parts[0].prediction.months
        let k = months.count
        precondition(parts.allSatisfy { $0.prediction.months == months }, "members predict the same months")
        var means = [Double](repeating: 0, count: k)
        for (prediction, weight) in parts {
            for i in 0..<k { means[i] += weight * prediction.means[i] }
        }
        let degreesOfFreedom = parts.map(\.prediction.degreesOfFreedom).min() ?? 1
        let scale = sigma > 0 ? sigma : parts.map(\.prediction.sigma).max() ?? 0
        guard scale > 0 else {
            return JointPrediction(months: months, means: means, whitenedRows: months.map { _ in [] },
                                   noiseLoadings: months.map { _ in [] }, sigma: 0, degreesOfFreedom: degreesOfFreedom)
        }
        var whitened = [[Double]](repeating: [], count: k)
        var loadings = [[Double]](repeating: [], count: k)
        for (prediction, weight) in parts where weight > 0 && prediction.sigma > 0 {
            let c = weight.squareRoot() * prediction.sigma / scale
            // Rows of one member share a width; pad defensively so the blocks stay aligned.
            let zWidth = prediction.whitenedRows.map(\.count).max() ?? 0
            let identity = (0..<k).map { i in (0..<k).map { $0 == i ? 1.0 : 0 } }
            let noise = prediction.noiseLoadings ?? identity
            let lWidth = noise.map(\.count).max() ?? 0
            for i in 0..<k {
                let z = prediction.whitenedRows[i]
                whitened[i] += z.map { c * $0 } + [Double](repeating: 0, count: zWidth - z.count)
                let l = noise[i]
                loadings[i] += l.map { c * $0 } + [Double](repeating: 0, count: lWidth - l.count)
            }
        }
        return JointPrediction(months: months, means: means, whitenedRows: whitened, noiseLoadings: loadings,
                               sigma: scale, degreesOfFreedom: degreesOfFreedom)
    }
}
