import Foundation

/// Exact maximum-likelihood estimation of the ARMA parameters of a regression's errors: the
/// profile log-likelihood of ``ARMAErrorsLikelihood`` maximised over the unconstrained
/// parametrisation of ``ARMAParameterTransform`` by Nelder–Mead from two starts, then polished
/// by Newton steps on finite-difference derivatives (so the optimum is found to about 1e-8 in
/// the parameters rather than to the simplex's coarser resolution). Then the observed
/// information over (φ, θ, Φ, β) — numerical in the ARMA parameters, exact in β — gives the
/// standard errors, as R's `arima` takes them from its Hessian.
struct ARMAErrorsEstimation: Sendable {
    let likelihood: ARMAErrorsLikelihood
    /// The profile at the optimum.
    let optimum: ARMAErrorsLikelihood.Profile
    /// Standard errors of (φ, θ, Φ), `nil` each when the information cannot be inverted.
    let parameterStandardErrors: [Double?]
    /// Cov(β̂) in the design's column order (aliased columns zero), `columns × columns`.
    let coefficientCovariance: Matrix

    /// - Returns: `nil` when no stationary, invertible point gives a usable likelihood.
    init?(likelihood: ARMAErrorsLikelihood, start: [Double]? = nil, standardErrors: Bool = true) {
        self.likelihood = likelihood
        let order = likelihood.order
        let s = order.parameterCount
        func objective(_ raw: [Double]) -> Double {
            guard raw.allSatisfy({ abs($0) < 20 }),
                  let profile = likelihood.profile(ARMAParameterTransform.constrained(raw, order: order)) else { return .infinity }
            return -profile.logLikelihood
        }
        var best: (point: [Double], value: Double)
        if s == 0 {
            best = ([], objective([]))
        } else {
            var starts = [[Double](repeating: 0, count: s)]
            if let start, let raw = ARMAParameterTransform.unconstrained(start, order: order) { starts.insert(raw, at: 0) }
            starts.append([Double](repeating: 0.5, count: s))
            // Few parameters on an unconstrained scale: an absolute stop on −log L, as R's optim.
            let simplex = NelderMead(relativeTolerance: 0, absoluteTolerance: 1e-8, maximumEvaluations: 3000)
            func descend(from start: [Double], step: Double) -> (point: [Double], value: Double) {
                let run = simplex.minimise({ objective(Array($0)) }, start: start,
                                           steps: [Double](repeating: step, count: start.count))
                return (run.point, run.value)
            }
            best = starts.map { descend(from: $0, step: 0.3) }.min { $0.value < $1.value }!
            // A restart from the best point guards against a collapsed simplex; Newton finishes.
            best = descend(from: best.point, step: 0.05)
            best = Self.polish(objective, from: best)
        }
        guard best.value.isFinite,
              let optimum = likelihood.profile(ARMAParameterTransform.constrained(best.point, order: order)) else { return nil }
        self.optimum = optimum
        if standardErrors {
            (parameterStandardErrors, coefficientCovariance) = Self.information(likelihood: likelihood, at: optimum)
        } else {
            var covariance = optimum.solution.unscaledCovariance()
            for i in covariance.storage.indices { covariance.storage[i] *= optimum.sumOfSquares / Double(optimum.filter.observations) }
            (parameterStandardErrors, coefficientCovariance) = (optimum.parameters.map { _ in nil }, covariance)
        }
    }

    /// Newton steps on central-difference derivatives, each accepted only if it lowers `f`.
    private static func polish(_ f: ([Double]) -> Double, from start: (point: [Double], value: Double))
        -> (point: [Double], value: Double) {
        var (x, value) = start
        let n = x.count, h = 1e-4
        for _ in 0..<5 {
            func shifted(_ moves: [(Int, Double)]) -> Double {
                var y = x
                for (i, d) in moves { y[i] += d }
                return f(y)
            }
            var gradient = [Double](repeating: 0, count: n)
            var hessian = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                let plus = shifted([(i, h)]), minus = shifted([(i, -h)])
                gradient[i] = (plus - minus) / (2 * h)
                hessian[i * n + i] = (plus - 2 * value + minus) / (h * h)
                for j in 0..<i {
                    let value = (shifted([(i, h), (j, h)]) - shifted([(i, h), (j, -h)])
                                 - shifted([(i, -h), (j, h)]) + shifted([(i, -h), (j, -h)])) / (4 * h * h)
                    hessian[i * n + j] = value
                    hessian[j * n + i] = value
                }
            }
            guard gradient.allSatisfy(\.isFinite), hessian.allSatisfy(\.isFinite),
                  let step = ARMADenseAlgebra.solve(hessian, gradient.map { -$0 }, n: n),
                  zip(step, gradient).reduce(0, { $0 + $1.0 * $1.1 }) < 0 else { break }
            var scale = 1.0, improved = false
            for _ in 0..<20 {
                let candidate = zip(x, step).map { $0 + scale * $1 }
                let candidateValue = f(candidate)
                if candidateValue <= value {
                    x = candidate
                    value = candidateValue
                    improved = true
                    break
                }
                scale /= 2
            }
            if !improved || step.reduce(0, { max($0, abs($1)) }) * scale < 1e-9 { break }
        }
        return (x, value)
    }

    /// The inverse of the observed information of −ℓ(φ, θ, Φ, β) (σ² profiled) at the optimum:
    /// the ββ block is X̃ᵀX̃/σ̂²_ML exactly there, the rest by central differences (step 1e-4).
    private static func information(likelihood: ARMAErrorsLikelihood, at optimum: ARMAErrorsLikelihood.Profile)
        -> ([Double?], Matrix) {
        let solution = optimum.solution
        let k = solution.rank, s = optimum.parameters.count, columns = likelihood.designColumns
        let n = Double(optimum.filter.observations)
        let sigma2 = optimum.sumOfSquares / n
        let beta = solution.denseCoefficients
        // Fallback: the GLS covariance σ̂²(X̃ᵀX̃)⁻¹ with the ARMA parameters taken as known.
        var fallback = solution.unscaledCovariance()
        for i in fallback.storage.indices { fallback.storage[i] *= sigma2 }
        let unknown = [Double?](repeating: nil, count: s)
        guard s > 0 else { return (unknown, fallback) }

        let h = 1e-4
        func negativeLogLikelihood(_ parameters: [Double]) -> Double? {
            likelihood.logLikelihood(parameters: parameters, beta: beta).map { -$0 }
        }
        /// −∂ℓ/∂β over the kept columns at (parameters, β̂): −(n/ssq)·X̃ᵀ(ỹ − X̃β̂).
        func betaGradient(_ parameters: [Double]) -> [Double]? {
            guard let filter = ARMAKalmanFilter(process: ARMAProcess(order: likelihood.order, parameters: parameters),
                                                observed: likelihood.observed, data: likelihood.data,
                                                columns: columns + 1) else { return nil }
            let m = filter.observations, w = filter.whitened
            var residual = Array(w[0..<m])
            for j in 0..<columns where beta[j] != 0 { for t in 0..<m { residual[t] -= beta[j] * w[(j + 1) * m + t] } }
            let ssq = residual.reduce(0) { $0 + $1 * $1 }
            return (0..<k).map { a in
                let offset = (solution.pivot[a] + 1) * m
                var sum = 0.0
                for t in 0..<m { sum += w[offset + t] * residual[t] }
                return -Double(m) / ssq * sum
            }
        }
        let size = s + k
        var info = [Double](repeating: 0, count: size * size)
        guard let centre = negativeLogLikelihood(optimum.parameters) else { return (unknown, fallback) }
        func at(_ moves: [(Int, Double)]) -> [Double] {
            var p = optimum.parameters
            for (i, d) in moves { p[i] += d }
            return p
        }
        for i in 0..<s {
            guard let plus = negativeLogLikelihood(at([(i, h)])), let minus = negativeLogLikelihood(at([(i, -h)])),
                  let gPlus = betaGradient(at([(i, h)])), let gMinus = betaGradient(at([(i, -h)])) else {
                return (unknown, fallback)
            }
            info[i * size + i] = (plus - 2 * centre + minus) / (h * h)
            for j in 0..<i {
                guard let pp = negativeLogLikelihood(at([(i, h), (j, h)])), let pm = negativeLogLikelihood(at([(i, h), (j, -h)])),
                      let mp = negativeLogLikelihood(at([(i, -h), (j, h)])), let mm = negativeLogLikelihood(at([(i, -h), (j, -h)]))
                else { return (unknown, fallback) }
                let value = (pp - pm - mp + mm) / (4 * h * h)
                info[i * size + j] = value
                info[j * size + i] = value
            }
            for a in 0..<k {
                let value = (gPlus[a] - gMinus[a]) / (2 * h)
                info[i * size + s + a] = value
                info[(s + a) * size + i] = value
            }
        }
        // X̃ᵀX̃ over the kept columns = R₁₁ᵀR₁₁ (pivoted order).
        let r = solution.triangle
        for a in 0..<k { for b in 0..<k {
            var sum = 0.0
            for l in 0...min(a, b) { sum += r[l + a * k] * r[l + b * k] }
            info[(s + a) * size + s + b] = sum / sigma2
        } }
        guard let inverse = ARMADenseAlgebra.inverse(info, n: size),
              (0..<size).allSatisfy({ inverse[$0 * size + $0] > 0 }) else { return (unknown, fallback) }
        var covariance = Matrix(rows: columns, columns: columns)
        for a in 0..<k { for b in 0..<k {
            covariance[solution.pivot[a], solution.pivot[b]] = inverse[(s + a) * size + s + b]
        } }
        return ((0..<s).map { inverse[$0 * size + $0].squareRoot() }, covariance)
    }
}
