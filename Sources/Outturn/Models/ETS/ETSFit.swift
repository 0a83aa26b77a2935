import Foundation

/// An ETS model fitted to a monthly series: its parameters, one-step fitted values, residuals,
/// the final state, and the likelihood and information criteria as R forecast 8.20 reports them.
public struct ETSFit: Sendable {
    /// The model structure.
    public let model: ETSModel
    /// Smoothing parameters and initial states (R's `fit$par`).
    public let parameters: ETSParameters
    /// The first observed month.
    public let start: Month
    /// The observations the model was fitted to.
    public let values: [Double]
    /// One-step-ahead forecasts μ_t (R's `fitted`).
    public let fitted: [Double]
    /// Residuals: y − μ for additive errors, (y − μ)/μ for multiplicative ones (R's `residuals`).
    public let residuals: [Double]
    /// The state [ℓ, b, s₀…s₁₁] after the last observation (R's `states[n + 1, ]`).
    public let finalState: [Double]
    /// R's `lik`: n·log Σe² (+ 2 Σ log|μ_t| for multiplicative errors).
    public let lik: Double

    /// Evaluates `model` at the given parameters and initial states (no estimation).
    /// - Throws: ``ETSError`` when the parameters do not fit the model, the data are not finite
    ///   or not positive where the model needs it, or the recursion breaks down.
    public init(model: ETSModel, parameters: ETSParameters, start: Month, values: [Double]) throws(ETSError) {
        try parameters.validate(for: model)
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
        if model.needsPositiveData, values.contains(where: { $0 <= 0 }) {
            throw .nonPositiveData(model: model.description)
        }
        guard values.count > model.freeParameterCount + 1 else {
            throw .tooFewObservations(model: model.description, needed: model.freeParameterCount + 2,
                                      available: values.count)
        }
        let pass = ETSRecursion.run(values, model: model, alpha: parameters.alpha, beta: parameters.beta,
                                    gamma: parameters.gamma, phi: parameters.phi,
                                    initialState: parameters.initialState(for: model))
        guard pass.lik.isFinite, pass.finalState.allSatisfy(\.isFinite) else {
            throw .numericalFailure(model: model.description)
        }
        self.model = model
        self.parameters = parameters
        self.start = start
        self.values = values
        fitted = pass.fitted
        residuals = pass.residuals
        finalState = pass.finalState
        lik = pass.lik
    }

    /// The number of observations.
    public var count: Int { values.count }

    /// R's parameter count for the information criteria: the free parameters plus σ.
    public var parameterCount: Int { model.freeParameterCount + 1 }

    /// Residual degrees of freedom n − k, with k the free parameters in `fit$par` (σ excluded):
    /// the divisor of ``sigma2``.
    public var degreesOfFreedom: Int { count - model.freeParameterCount }

    /// Innovation variance as R's `ets()` reports it: Σe² / (n − k).
    public var sigma2: Double { residuals.reduce(0) { $0 + $1 * $1 } / Double(degreesOfFreedom) }

    /// R's `loglik`: −lik / 2 (the Gaussian log-likelihood with σ profiled out, up to the
    /// constant −n/2·(1 + log 2π − log n) that R omits).
    public var logLikelihood: Double { -0.5 * lik }

    /// R's AIC: lik + 2(k + 1).
    public var aic: Double { lik + 2 * Double(parameterCount) }

    /// R's AICc: AIC + 2(k+1)(k+2)/(n − k − 2).
    public var aicc: Double {
        let np = Double(parameterCount)
        return aic + 2 * np * (np + 1) / (Double(count) - np - 1)
    }

    /// R's BIC: lik + log(n)(k + 1).
    public var bic: Double { lik + log(Double(count)) * Double(parameterCount) }

    /// The forecast distribution for months n+1 … n+`horizon` (means and variances as R's
    /// `forecast.ets` without simulation).
    public func forecast(horizon: Int) -> ETSForecast {
        ETSForecast.make(fit: self, horizon: max(horizon, 1))
    }

    /// `count` sample paths of months n+1 … n+`horizon`, from Gaussian innovations with variance
    /// σ² run through the model's own recursions (R's `simulate.ets(future = TRUE)`), seeded so
    /// that the result is the same on every run.
    public func samplePaths(count pathCount: Int, horizon: Int, seed: UInt64) -> [[Double]] {
        var random = RandomSource(seed: seed)
        let sigma = sigma2.squareRoot()
        let phi = model.isDamped ? (parameters.phi ?? 1) : 1
        var paths: [[Double]] = []
        paths.reserveCapacity(pathCount)
        for _ in 0..<max(pathCount, 0) {
            var x = finalState
            var path: [Double] = []
            path.reserveCapacity(horizon)
            for _ in 0..<max(horizon, 0) {
                let f = ETSRecursion.oneStep(x, model: model, phi: phi)
                let e = sigma * random.normal()
                let y = model.error == .additive ? f + e : f * (1 + e)
                path.append(y)
                ETSRecursion.update(&x, model: model, alpha: parameters.alpha, beta: parameters.beta ?? 0,
                                    gamma: parameters.gamma ?? 0, phi: phi, y: y)
            }
            paths.append(path)
        }
        return paths
    }
}
