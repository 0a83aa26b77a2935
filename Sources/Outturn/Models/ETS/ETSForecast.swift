import Foundation

/// The forecast distribution of an ETS fit for months n+1 … n+H: means and variances as R's
/// `forecast.ets(simulate = FALSE)` computes them (Hyndman et al. 2008, ch. 6), and, for the
/// linear class, the exact covariance of future months from the ψ-weights.
public struct ETSForecast: Sendable {
    /// The first forecast month.
    public let start: Month
    /// The model's forecast class (how the moments were computed).
    public let forecastClass: ETSModel.ForecastClass
    /// Forecast means, h = 1 … H. For multiplicative seasons (class 3) this is the mean of the
    /// forecast distribution, which differs slightly from the point forecast of the recursion.
    public let mean: [Double]
    /// Forecast variances, h = 1 … H.
    public let variance: [Double]
    /// For the linear class, ψ₀ = 1, ψ₁ … ψ_{H−1}: y_{n+h} = μ_h + Σ_{t=1}^{h} ψ_{h−t} ε_{n+t}.
    /// Empty for the other classes.
    public let psiWeights: [Double]
    /// The innovation variance σ².
    public let sigma2: Double

    /// The exact covariance of months n+i and n+j (1-based) for the linear class; `nil` otherwise
    /// (use sample paths for the joint distribution of a multiplicative model).
    public func covariance(_ i: Int, _ j: Int) -> Double? {
        guard forecastClass == .linear, (1...mean.count).contains(i), (1...mean.count).contains(j) else { return nil }
        var sum = 0.0
        for t in 1...min(i, j) { sum += psiWeights[i - t] * psiWeights[j - t] }
        return sigma2 * sum
    }

    /// The exact variance of the sum of the given future months (1-based horizons) for the
    /// linear class: σ² Σ_t (Σ_{h ∈ S, h ≥ t} ψ_{h−t})². `nil` for the other classes.
    public func varianceOfSum(_ horizons: [Int]) -> Double? {
        guard forecastClass == .linear, horizons.allSatisfy({ (1...mean.count).contains($0) }),
              let last = horizons.max() else { return nil }
        var total = 0.0
        for t in 1...last {
            let weight = horizons.reduce(0.0) { $1 >= t ? $0 + psiWeights[$1 - t] : $0 }
            total += weight * weight
        }
        return sigma2 * total
    }
}

extension ETSForecast {
    /// R's `class1`: the linear homoscedastic models. Means H Fʲ⁻¹ x, c_j = H Fʲ⁻¹ G.
    static func linearMoments(model: ETSModel, parameters p: ETSParameters, state x: [Double],
                              sigma2: Double, horizon: Int) -> (mean: [Double], c: [Double]) {
        let (H, F, G) = linearSystem(model: model, parameters: p, dimension: x.count)
        var mean: [Double] = [], c: [Double] = []
        var Fj = ETSDenseMatrix.identity(x.count)
        var column = ETSDenseMatrix(rows: x.count, columns: 1)
        for i in x.indices { column[i, 0] = x[i] }
        for h in 1...horizon {
            let HF = H * Fj
            mean.append((HF * column)[0, 0])
            if h < horizon { c.append((HF * G)[0, 0]); Fj = Fj * F }
        }
        return (mean, c)
    }

    /// The observation row H, transition F and persistence G of the linear state-space form.
    static func linearSystem(model: ETSModel, parameters p: ETSParameters, dimension n: Int)
        -> (ETSDenseMatrix, ETSDenseMatrix, ETSDenseMatrix) {
        let m = ETSModel.period
        let phi = model.isDamped ? (p.phi ?? 1) : 1
        var H = ETSDenseMatrix(rows: 1, columns: n)
        var F = ETSDenseMatrix(rows: n, columns: n)
        var G = ETSDenseMatrix(rows: n, columns: 1)
        H[0, 0] = 1; F[0, 0] = 1; G[0, 0] = p.alpha
        if model.hasTrend {
            H[0, 1] = phi; F[0, 1] = phi; F[1, 1] = phi; G[1, 0] = p.beta ?? 0
        }
        if model.season == .additive {
            let s = n - m
            H[0, n - 1] = 1
            F[s, n - 1] = 1
            for i in 0..<(m - 1) { F[s + 1 + i, s + i] = 1 }
            // γ enters the newest seasonal state s₀. (R 8.20's class1 puts γ in row 3, which
            // is s₀ only when there is a trend; see ETSForecastTests for the consequence.)
            G[s, 0] = p.gamma ?? 0
        }
        return (H, F, G)
    }

    /// R's `class3`: multiplicative error and season, by the moment recursions of Hyndman et
    /// al. (2008, §6.3) on M = (level, trend)ᵀ ⊗ seasons.
    static func multiplicativeSeasonMoments(model: ETSModel, parameters p: ETSParameters,
                                            state x: [Double], sigma2: Double, horizon: Int)
        -> (mean: [Double], variance: [Double]) {
        let m = ETSModel.period
        let k = model.hasTrend ? 2 : 1
        let phi = model.isDamped ? (p.phi ?? 1) : 1
        let H1 = ETSDenseMatrix(rows: 1, columns: k, repeating: 1)
        var H2 = ETSDenseMatrix(rows: 1, columns: m); H2[0, m - 1] = 1
        var F1 = ETSDenseMatrix.identity(k)
        var G1 = ETSDenseMatrix(rows: k, columns: k, repeating: p.alpha)
        if model.hasTrend {
            F1[0, 1] = 1; F1[1, 1] = phi
            G1[1, 0] = p.beta ?? 0; G1[1, 1] = p.beta ?? 0
        }
        var F2 = ETSDenseMatrix(rows: m, columns: m)
        F2[0, m - 1] = 1
        for i in 1..<m { F2[i, i - 1] = 1 }
        var G2 = ETSDenseMatrix(rows: m, columns: m)
        G2[0, m - 1] = p.gamma ?? 0
        var Mh = ETSDenseMatrix(rows: k, columns: m)
        for i in 0..<k { for j in 0..<m { Mh[i, j] = x[i] * x[k + j] } }
        var Vh = ETSDenseMatrix(rows: k * m, columns: k * m)
        let H21 = ETSDenseMatrix.kronecker(H2, H1)
        let F21 = ETSDenseMatrix.kronecker(F2, F1)
        let G21 = ETSDenseMatrix.kronecker(G2, G1)
        let K = ETSDenseMatrix.kronecker(G2, F1) + ETSDenseMatrix.kronecker(F2, G1)
        let (F21t, G21t, Kt) = (F21.transposed, G21.transposed, K.transposed)
        let (H21t, H2t, F2t, G2t) = (H21.transposed, H2.transposed, F2.transposed, G2.transposed)
        var mean: [Double] = [], variance: [Double] = []
        for _ in 1...horizon {
            let mu = (H1 * Mh * H2t)[0, 0]
            mean.append(mu)
            variance.append((1 + sigma2) * (H21 * Vh * H21t)[0, 0] + sigma2 * mu * mu)
            let v = Mh.vectorised
            let vv = v * v.transposed
            let inner = F21 * Vh * G21t + G21 * Vh * F21t + K * (Vh + vv) * Kt
                + sigma2 * (G21 * (3 * Vh + 2 * vv) * G21t)
            Vh = F21 * Vh * F21t + sigma2 * inner
            Mh = F1 * Mh * F2t + sigma2 * (G1 * Mh * G2t)
        }
        return (mean, variance)
    }

    /// The forecast distribution of `fit` for `horizon` months.
    static func make(fit: ETSFit, horizon: Int) -> ETSForecast {
        let start = fit.start.advanced(by: fit.values.count)
        let model = fit.model
        switch model.forecastClass {
        case .linear:
            let (mean, c) = linearMoments(model: model, parameters: fit.parameters, state: fit.finalState,
                                          sigma2: fit.sigma2, horizon: horizon)
            var variance: [Double] = []
            var cumulative = 0.0
            for h in 0..<horizon {
                if h > 0 { cumulative += c[h - 1] * c[h - 1] }
                variance.append(fit.sigma2 * (1 + cumulative))
            }
            return ETSForecast(start: start, forecastClass: .linear, mean: mean, variance: variance,
                               psiWeights: [1] + c, sigma2: fit.sigma2)
        case .multiplicativeError:
            // R's class2: θ₁ = μ₁², θ_j = μ_j² + σ² Σ_{i<j} c_i² θ_{j−i}; v = (1+σ²)θ − μ².
            let (mean, c) = linearMoments(model: model, parameters: fit.parameters, state: fit.finalState,
                                          sigma2: fit.sigma2, horizon: horizon)
            var theta: [Double] = []
            for j in 0..<horizon {
                var t = mean[j] * mean[j]
                if j > 0 { for i in 1...j { t += fit.sigma2 * c[i - 1] * c[i - 1] * theta[j - i] } }
                theta.append(t)
            }
            let variance = (0..<horizon).map { (1 + fit.sigma2) * theta[$0] - mean[$0] * mean[$0] }
            return ETSForecast(start: start, forecastClass: .multiplicativeError, mean: mean,
                               variance: variance, psiWeights: [], sigma2: fit.sigma2)
        case .multiplicativeSeason:
            let (mean, variance) = multiplicativeSeasonMoments(model: model, parameters: fit.parameters,
                                                               state: fit.finalState, sigma2: fit.sigma2,
                                                               horizon: horizon)
            return ETSForecast(start: start, forecastClass: .multiplicativeSeason, mean: mean,
                               variance: variance, psiWeights: [], sigma2: fit.sigma2)
        }
    }
}
