import Foundation

/// The exact Gaussian likelihood of y = Xβ + u, u an ARMA process, on a run of consecutive months
/// some of which may be unobserved.
///
/// At given ARMA parameters the Kalman filter whitens y and X alike (``ARMAKalmanFilter``), so
/// β̂ is the least-squares solution on the whitened columns (generalised least squares, by
/// pivoted QR) and σ̂² = ssq/n; what is left is the concentrated (profile) log-likelihood
///
///   ℓ(φ, θ) = −½ [n log(2π) + n + n log(ssq/n) + Σ log F_t],
///
/// the quantity R's `arima` reports as `loglik` at its optimum (there σ² is profiled out the same
/// way and β is optimised jointly, which reaches the same maximum).
struct ARMAErrorsLikelihood: Sendable {
    let order: ARMAOrder
    /// Which months of the run are observed.
    let observed: [Bool]
    /// The response followed by the design columns, each over the whole run, column-major.
    let data: [Double]
    /// The number of design columns.
    let designColumns: Int

    /// The run's months are `observed.count` consecutive months; `response` and `design` hold a
    /// value per month (anything at unobserved months).
    init(order: ARMAOrder, observed: [Bool], response: [Double], design: Matrix) {
        precondition(response.count == observed.count && design.rows == observed.count, "one row per month")
        self.order = order
        self.observed = observed
        self.data = response + design.storage
        designColumns = design.columns
    }

    /// What the filter and the GLS solve give at one point (φ, θ, Φ).
    struct Profile: Sendable {
        let parameters: [Double]
        let filter: ARMAKalmanFilter
        let solution: LeastSquares
        /// Σ of squared standardised innovations at β̂.
        let sumOfSquares: Double
        let logLikelihood: Double
    }

    var observationCount: Int { observed.lazy.filter { $0 }.count }

    /// The profile at `parameters`; `nil` when they are not a stationary process or the GLS
    /// design is unusable.
    func profile(_ parameters: [Double]) -> Profile? {
        let process = ARMAProcess(order: order, parameters: parameters)
        guard let filter = ARMAKalmanFilter(process: process, observed: observed, data: data,
                                            columns: designColumns + 1) else { return nil }
        let n = filter.observations
        let response = Array(filter.whitened[0..<n])
        let design = Matrix(rows: n, columns: designColumns, storage: Array(filter.whitened[n...]))
        guard let solution = try? LeastSquares(design: design, response: response) else { return nil }
        let ssq = solution.residualSumOfSquares
        return Profile(parameters: parameters, filter: filter, solution: solution, sumOfSquares: ssq,
                       logLikelihood: Self.logLikelihood(sumOfSquares: ssq, sumLogGain: filter.sumLogGain, n: n))
    }

    /// The log-likelihood with σ² profiled out at given ARMA parameters *and* coefficients β
    /// (in the design's column order): R's `arima` objective at a point, used to check this
    /// likelihood at R's own estimates and for the observed information.
    func logLikelihood(parameters: [Double], beta: [Double]) -> Double? {
        precondition(beta.count == designColumns, "one coefficient per design column")
        let count = observed.count
        var residual = Array(data[0..<count])
        for j in 0..<designColumns where beta[j] != 0 {
            let offset = (j + 1) * count
            for t in 0..<count { residual[t] -= beta[j] * data[offset + t] }
        }
        let process = ARMAProcess(order: order, parameters: parameters)
        guard let filter = ARMAKalmanFilter(process: process, observed: observed, data: residual, columns: 1) else {
            return nil
        }
        let ssq = filter.whitened.reduce(0) { $0 + $1 * $1 }
        return Self.logLikelihood(sumOfSquares: ssq, sumLogGain: filter.sumLogGain, n: filter.observations)
    }

    static func logLikelihood(sumOfSquares ssq: Double, sumLogGain: Double, n: Int) -> Double {
        // An exact fit (ssq = 0) has an unbounded likelihood; clamp as RegressionFit does.
        let nn = Double(n)
        let ssq = max(ssq, Double.leastNormalMagnitude * nn)
        return -0.5 * (nn * log(2 * Double.pi) + nn + nn * log(ssq / nn) + sumLogGain)
    }
}

extension Matrix {
    /// A matrix over existing column-major storage.
    init(rows: Int, columns: Int, storage: [Double]) {
        precondition(storage.count == rows * columns, "storage does not match the dimensions")
        self.init(rows: rows, columns: columns)
        self.storage = storage
    }
}
