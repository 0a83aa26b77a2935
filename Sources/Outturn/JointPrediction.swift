/// The joint predictive distribution of a regression's values in a set of months.
///
/// With x_i the design row of month i and z_i = R⁻ᵀx_i, the prediction errors have covariance
/// σ²(z_i·z_j + δ_ij) = σ²(X_f(XᵀX)⁻¹X_fᵀ + I): the months share β̂'s error and each adds its own.
/// Standardised by σ̂ they are Student-t with ν = n − rank degrees of freedom.
struct JointPrediction: Sendable {
    let months: [Month]
    /// Point predictions x_i·β̂ on the model's scale.
    let means: [Double]
    let whitenedRows: [[Double]]
    let sigma: Double
    let degreesOfFreedom: Int

    /// Var(y_i − ŷ_i) = σ²(1 + ‖z_i‖²).
    func variance(_ i: Int) -> Double {
        sigma * sigma * (1 + dot(whitenedRows[i], whitenedRows[i]))
    }

    /// Var(Σ a_i (y_i − ŷ_i)) = σ²(‖Σ a_i z_i‖² + Σ a_i²): exact for a linear aggregate.
    func varianceOfCombination(_ weights: [Double]) -> Double {
        precondition(weights.count == months.count, "one weight per month")
        guard let width = whitenedRows.first?.count else { return 0 }
        var combined = [Double](repeating: 0, count: width)
        for (weight, row) in zip(weights, whitenedRows) where weight != 0 {
            for k in 0..<width { combined[k] += weight * row[k] }
        }
        return sigma * sigma * (dot(combined, combined) + dot(weights, weights))
    }

    /// The full k × k error covariance, column-major.
    func covariance() -> [Double] {
        let k = months.count
        var result = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                let value = sigma * sigma * (dot(whitenedRows[i], whitenedRows[j]) + (i == j ? 1 : 0))
                result[i + j * k] = value
                result[j + i * k] = value
            }
        }
        return result
    }

    var studentT: StudentT { StudentT(degreesOfFreedom: Double(degreesOfFreedom)) }
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}
