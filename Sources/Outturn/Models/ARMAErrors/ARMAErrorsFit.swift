import Foundation

/// A regression whose errors follow an ARMA process, y = Xβ + u, fitted by exact maximum
/// likelihood: R forecast's `Arima(y, order = c(p, 0, q), seasonal = c(P, 0, 0), xreg = X)`.
///
/// X is the design of the regression's terms (``RegressionFormula``: trend, season, interventions,
/// regressors; an intercept always). At each (φ, θ, Φ) the Kalman filter turns the exact ARMA
/// covariance into independent innovations, β̂ and σ² are profiled out by generalised least
/// squares, and the profile likelihood is maximised over the stationary and invertible region
/// (see `ARMAErrorsEstimation`). Orders are given (`arma(1,0)`) or chosen by AICc (`arma`).
/// Months may be missing: the filter skips them.
///
/// Reported as R does: σ² = ssq/(n − k) (forecast's `sigma2`, k the number of coefficients),
/// the log-likelihood at σ̂²_ML = ssq/n, AIC/AICc/BIC with k + 1 parameters, standard errors from
/// the inverse observed information.
public struct ARMAErrorsFit: Sendable {
    /// One estimated coefficient of the error process (`ar1`, `ma1`, `sar1`) or of the regression.
    public typealias Coefficient = RegressionFit.Coefficient

    /// The model fitted, its ``RegressionFormula/errors`` the orders actually used.
    public let model: RegressionFormula
    /// The orders of the error process.
    public let order: ARMAOrder
    /// The observed months used, in order.
    public let months: [Month]
    /// φ, θ and Φ with standard errors, named as R names them (`ar1`, `ma1`, `sar1`).
    public let armaCoefficients: [Coefficient]
    /// The regression's coefficients in R's parametrisation (trend t = 1 at the first month).
    public let coefficients: [Coefficient]
    /// σ̂² = ssq/(n − k), as forecast's `Arima` reports it and uses for intervals.
    public let sigma2: Double
    /// The exact log-likelihood at the optimum (on the original scale for a log model).
    public let logLikelihood: Double
    /// AIC, AICc and BIC with k + 1 parameters (σ² counts), as R forecast's `Arima`.
    public let aic: Double, aicc: Double, bic: Double
    /// The number of estimable regression coefficients.
    public let rank: Int
    /// Residual degrees of freedom n − k.
    public let degreesOfFreedom: Int
    /// The AICc of every order tried when the orders were chosen automatically.
    public internal(set) var candidates: [(order: ARMAOrder, aicc: Double)]

    let design: DesignMatrix
    let process: ARMAProcess
    /// β̂ in the (centred) design's column order, aliased columns 0.
    let beta: [Double]
    /// Cov(β̂) in the design's column order.
    let coefficientCovariance: Matrix
    /// The filtered state of u = y − Xβ̂ after the last month and its covariance per unit σ².
    let finalState: [Double]
    let finalCovariance: [Double]
    /// y − standardised innovations: R's `fitted(Arima)`.
    public let fittedValues: [Double]
    let history: MonthlySeries
    let regressors: [String: MonthlySeries]

    /// Fits `model` (which must name its errors, e.g. `trend+season+arma(1,0)`) to `series`.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` when the months cannot
    ///   carry the coefficients, ``ModelError/nonPositiveForLog(month:value:)``,
    ///   ``ModelError/missingRegressor(name:month:)``, ``ModelError/valueOutOfRange(month:value:)``.
    /// - Complexity: O(n·r²) per likelihood evaluation (r = max(p + 12·P, q + 1)), a few hundred
    ///   evaluations per order; `arma` tries 18 orders.
    public init(series: MonthlySeries, model: RegressionFormula,
                regressors: [String: MonthlySeries] = [:]) throws(ModelError) {
        let problem = try ARMAErrorsProblem(series: series, model: model, regressors: regressors)
        switch model.errors ?? .fixed(.white) {
        case .fixed(let order):
            self = try problem.fit(order: order)
        case .automatic:
            var fits: [ARMAErrorsFit] = []
            var lastError: ModelError?
            // A seasonal AR needs two full years, like seasonal terms.
            let seasonal = problem.observationCount >= ModelSelection.minimumSeasonalHistory
            for order in ARMAOrder.automaticCandidates where seasonal || !order.seasonalAR {
                do { fits.append(try problem.fit(order: order, standardErrors: false)) } catch { lastError = error }
            }
            guard let chosen = fits.min(by: { $0.aicc < $1.aicc }) else { throw lastError ?? .emptyDesign }
            var best = try problem.fit(order: chosen.order)
            best.candidates = fits.map { ($0.order, $0.aicc) }
            self = best
        }
    }

    init(model: RegressionFormula, order: ARMAOrder, months: [Month], armaCoefficients: [Coefficient],
         coefficients: [Coefficient], sigma2: Double, logLikelihood: Double, parameterCount k: Int,
         rank: Int, design: DesignMatrix, process: ARMAProcess, beta: [Double], coefficientCovariance: Matrix,
         finalState: [Double], finalCovariance: [Double], fittedValues: [Double],
         history: MonthlySeries, regressors: [String: MonthlySeries]) {
        self.model = model
        self.order = order
        self.months = months
        self.armaCoefficients = armaCoefficients
        self.coefficients = coefficients
        self.sigma2 = sigma2
        self.logLikelihood = logLikelihood
        let n = Double(months.count), npar = Double(k + 1)
        aic = -2 * logLikelihood + 2 * npar
        aicc = n - npar - 1 > 0 ? aic + 2 * npar * (npar + 1) / (n - npar - 1) : .infinity
        bic = aic + npar * (log(n) - 2)
        self.rank = rank
        degreesOfFreedom = months.count - k
        candidates = []
        self.design = design
        self.process = process
        self.beta = beta
        self.coefficientCovariance = coefficientCovariance
        self.finalState = finalState
        self.finalCovariance = finalCovariance
        self.fittedValues = fittedValues
        self.history = history
        self.regressors = regressors
    }

    /// σ̂ = √σ̂².
    public var sigma: Double { sigma2.squareRoot() }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }
}
