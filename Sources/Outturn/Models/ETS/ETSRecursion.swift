import Foundation

/// The ETS state-space recursions, exactly as R forecast's `etscalc` (src/etscalc.c) runs them,
/// so that a fit at R's parameters reproduces R's likelihood, residuals and states.
///
/// States are [ℓ, b, s₀ … s₁₁] where s₀ is the most recent seasonal state and s₁₁ the one that
/// applies to the next month.
enum ETSRecursion {
    /// The outcome of one pass over the data.
    struct Pass {
        /// One-step forecasts μ_t.
        var fitted: [Double]
        /// Residuals: y − μ (additive error) or (y − μ)/μ (multiplicative error).
        var residuals: [Double]
        /// The state after the last observation.
        var finalState: [Double]
        /// R's `lik`: n·log Σe² (+ 2 Σ log|μ| for multiplicative errors) = −2 log L up to a constant.
        var lik: Double
    }

    /// Guards from `etscalc.c`: divisions by a state closer to zero than this use `huge` instead.
    static let tolerance = 1.0e-10
    static let huge = 1.0e10

    /// The one-step forecast from a state (`forecast()` in etscalc.c with h = 1).
    @inline(__always)
    static func oneStep(_ x: [Double], model: ETSModel, phi: Double) -> Double {
        let l = x[0]
        var f = l
        if model.hasTrend { f += phi * x[1] }
        if model.hasSeason {
            let s = x[x.count - 1]
            f = model.season == .additive ? f + s : f * s
        }
        return f
    }

    /// The state update given an observation (`update()` in etscalc.c), in place.
    @inline(__always)
    static func update(_ x: inout [Double], model: ETSModel, alpha: Double, beta: Double,
                       gamma: Double, phi: Double, y: Double) {
        let m = ETSModel.period
        let oldl = x[0]
        let phib = model.hasTrend ? phi * x[1] : 0
        let q = oldl + phib
        let seasonStart = model.hasTrend ? 2 : 1
        let oldS = model.hasSeason ? x[seasonStart + m - 1] : 0
        let p: Double
        switch model.season {
        case .none: p = y
        case .additive: p = y - oldS
        case .multiplicative: p = abs(oldS) < tolerance ? huge : y / oldS
        }
        let l = q + alpha * (p - q)
        x[0] = l
        if model.hasTrend {
            // b_t = φb + β(ℓ_t − ℓ_{t−1} − φb)/α: R's β is on the error-correction scale.
            x[1] = phib + (beta / alpha) * ((l - oldl) - phib)
        }
        if model.hasSeason {
            let t: Double
            switch model.season {
            case .multiplicative: t = abs(q) < tolerance ? huge : y / q
            default: t = y - q
            }
            // Rotate: the oldest state becomes the newest after smoothing.
            var j = seasonStart + m - 1
            while j > seasonStart { x[j] = x[j - 1]; j -= 1 }
            x[seasonStart] = oldS + gamma * (t - oldS)
        }
    }

    /// Runs the recursions over `y` from the initial state `x0`.
    static func run(_ y: [Double], model: ETSModel, alpha: Double, beta: Double?, gamma: Double?,
                    phi: Double?, initialState x0: [Double], keepSeries: Bool = true) -> Pass {
        var x = x0
        let b = beta ?? 0, g = gamma ?? 0, ph = model.isDamped ? (phi ?? 1) : 1
        var sse = 0.0, logSum = 0.0
        var fitted: [Double] = [], residuals: [Double] = []
        if keepSeries { fitted.reserveCapacity(y.count); residuals.reserveCapacity(y.count) }
        for value in y {
            let f = oneStep(x, model: model, phi: ph)
            let e = model.error == .additive ? value - f : (value - f) / f
            if keepSeries { fitted.append(f); residuals.append(e) }
            sse += e * e
            logSum += log(abs(f))
            update(&x, model: model, alpha: alpha, beta: b, gamma: g, phi: ph, y: value)
        }
        var lik = Double(y.count) * log(sse)
        if model.error == .multiplicative { lik += 2 * logSum }
        return Pass(fitted: fitted, residuals: residuals, finalState: x, lik: lik)
    }
}
