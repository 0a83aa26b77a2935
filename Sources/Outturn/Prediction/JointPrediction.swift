/// The joint predictive distribution of a regression's values in a set of months.
///
/// With x_i the design row of month i and z_i = R⁻ᵀx_i, the prediction errors have covariance
/// σ²(z_i·z_j + δ_ij) = σ²(X_f(XᵀX)⁻¹X_fᵀ + I): the months share β̂'s error and each adds its own.
/// Standardised by σ̂ they are Student-t with ν = n − rank degrees of freedom.
///
/// A state-space model (``SmoothingFit``) has no shared-parameter part but serially correlated noise:
/// error_i = σ·Σ_j L_ij ε_j over the future innovations ε_j, so its covariance is σ²LLᵀ. In
/// general the covariance is σ²(ZZᵀ + LLᵀ), with L = I for a regression.
struct JointPrediction: Sendable {
    let months: [Month]
    /// Point predictions on the model's scale.
    let means: [Double]
    let whitenedRows: [[Double]]
    /// Rows of L over the future innovations; `nil` means L = I (independent noise).
    let noiseLoadings: [[Double]]?
    let sigma: Double
    let degreesOfFreedom: Int

    init(months: [Month], means: [Double], whitenedRows: [[Double]], noiseLoadings: [[Double]]? = nil,
         sigma: Double, degreesOfFreedom: Int) {
        self.months = months
        self.means = means
        self.whitenedRows = whitenedRows
        self.noiseLoadings = noiseLoadings
        self.sigma = sigma
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Var(y_i − ŷ_i) = σ²(‖z_i‖² + ‖L_i‖²).
    func variance(_ i: Int) -> Double {
        let noise = noiseLoadings.map { dot($0[i], $0[i]) } ?? 1
        return sigma * sigma * (dot(whitenedRows[i], whitenedRows[i]) + noise)
    }

    /// Var(Σ a_i (y_i − ŷ_i)) = σ²(‖Σ a_i z_i‖² + ‖Σ a_i L_i‖²): exact for a linear aggregate.
    func varianceOfCombination(_ weights: [Double]) -> Double {
        precondition(weights.count == months.count, "one weight per month")
        return sigma * sigma * (squaredNorm(of: weights, rows: whitenedRows)
            + (noiseLoadings.map { squaredNorm(of: weights, rows: $0) } ?? dot(weights, weights)))
    }

    /// ‖Σ a_i r_i‖².
    private func squaredNorm(of weights: [Double], rows: [[Double]]) -> Double {
        guard let width = rows.first?.count else { return 0 }
        var combined = [Double](repeating: 0, count: width)
        for (weight, row) in zip(weights, rows) where weight != 0 {
            for k in 0..<width { combined[k] += weight * row[k] }
        }
        return dot(combined, combined)
    }

    /// The full k × k error covariance, column-major.
    func covariance() -> [Double] {
        let k = months.count
        var result = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                let noise = noiseLoadings.map { dot($0[i], $0[j]) } ?? (i == j ? 1 : 0)
                let value = sigma * sigma * (dot(whitenedRows[i], whitenedRows[j]) + noise)
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
