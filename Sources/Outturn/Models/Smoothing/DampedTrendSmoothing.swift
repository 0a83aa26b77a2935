import Foundation

/// Additive damped-trend exponential smoothing (Gardner & McKenzie; ETS(A,Ad,N)):
/// ŷ_{t+1} = ℓ_t + φb_t, ℓ_t = ℓ_{t−1} + φb_{t−1} + αe_t, b_t = φb_{t−1} + βe_t.
///
/// Parameters minimise the mean squared one-step error within R `ets`'s usual region
/// (0 < β ≤ α < 1, 0.8 ≤ φ ≤ 0.98). As for ``SimpleExponentialSmoothing`` the errors are affine
/// in the initial states (ℓ₀, b₀), so those come from a 2 × 2 least-squares solve and only
/// (α, β, φ) are searched: a coarse grid, then a shrinking pattern search around the best point.
struct DampedTrendSmoothing: Sendable {
    let alpha: Double, beta: Double, phi: Double
    let finalLevel: Double, finalTrend: Double
    let sumOfSquares: Double
    let oneStepErrors: [Double]
    /// ℓ_t and b_t after each observation (for in-sample multi-step errors).
    let levels: [Double], trends: [Double]

    init(values: [Double]) {
        var best = (sse: Double.infinity, alpha: 0.5, betaShare: 0.1, phi: 0.9)
        // Candidates are judged in the order offered (the first of equal errors wins), their
        // errors computed four at a time: the recursion is a chain of dependent additions, so four
        // candidates side by side in SIMD lanes cost about what one does, with the same arithmetic
        // in every lane as alone. The lanes are filled in place: no array per batch.
        var alphas = SIMD4<Double>(), shares = SIMD4<Double>(), phis = SIMD4<Double>(), filled = 0
        func flush() {
            guard filled > 0 else { return }
            for lane in filled..<4 { (alphas[lane], shares[lane], phis[lane]) = (alphas[0], shares[0], phis[0]) }
            let sse = Self.sumsOfSquares(values, alpha: alphas, beta: alphas * shares, phi: phis)
            for lane in 0..<filled where sse[lane] < best.sse {
                best = (sse[lane], alphas[lane], shares[lane], phis[lane])
            }
            filled = 0
        }
        func offer(_ alpha: Double, _ betaShare: Double, _ phi: Double) {
            guard alpha > 0, alpha < 1, betaShare > 0, betaShare <= 1, phi >= 0.8, phi <= 0.98 else { return }
            (alphas[filled], shares[filled], phis[filled]) = (alpha, betaShare, phi)
            filled += 1
            if filled == 4 { flush() }
        }
        // A coarse grid (60 points), then a shrinking pattern search around the best (6 × 27):
        // the projection's most expensive step, so the grid is as coarse as M3 accuracy allows.
        for alpha in [0.1, 0.3, 0.5, 0.7, 0.9] {
            for betaShare in [0.02, 0.1, 0.3, 1.0] {
                for phi in [0.8, 0.9, 0.98] { offer(alpha, betaShare, phi) }
            }
        }
        flush()
        var step = (alpha: 0.1, betaShare: 0.6, phi: 0.04)
        for _ in 0..<6 {
            let centre = best
            for da in [-1.0, 0, 1] {
                for db in [-1.0, 0, 1] {
                    for dp in [-1.0, 0, 1] {
                        offer(centre.alpha + da * step.alpha, centre.betaShare * (1 + db * step.betaShare),
                              centre.phi + dp * step.phi)
                    }
                }
            }
            flush()
            step = (step.alpha / 2, step.betaShare / 2, step.phi / 2)
        }
        self = Self.fit(values, alpha: best.alpha, beta: best.alpha * best.betaShare, phi: best.phi)
    }

    private init(alpha: Double, beta: Double, phi: Double, finalLevel: Double, finalTrend: Double,
                 sumOfSquares: Double, oneStepErrors: [Double], levels: [Double], trends: [Double]) {
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.finalLevel = finalLevel
        self.finalTrend = finalTrend
        self.sumOfSquares = sumOfSquares
        self.oneStepErrors = oneStepErrors
        self.levels = levels
        self.trends = trends
    }

    /// The optimal (ℓ₀, b₀) for given parameters and the least Σe², in one pass.
    ///
    /// The recursions are linear in (y, ℓ₀, b₀), so e_t = a_t + ℓ₀u_t + b₀v_t where a runs on the
    /// data from zero states and u, v run on zero data from a unit level or trend. Σe² is then a
    /// quadratic in (ℓ₀, b₀) whose minimum is a 2 × 2 solve.
    private static func optimalStart(_ values: [Double], alpha: Double, beta: Double, phi: Double)
        -> (level: Double, trend: Double, sumOfSquares: Double) {
        let sums = startSums(values, alpha: SIMD4(repeating: alpha), beta: SIMD4(repeating: beta), phi: SIMD4(repeating: phi))
        return leastSquaresStart(suu: sums.uu[0], suv: sums.uv[0], svv: sums.vv[0], sua: sums.ua[0], sva: sums.va[0], saa: sums.aa[0])
    }

    /// The sums of e_t = a_t + ℓ₀u_t + b₀v_t's parts (Σu², Σuv, Σv², Σua, Σva, Σa²) for four
    /// parameter sets at once, lane by lane the same operations in the same order as one alone.
    private static func startSums(_ values: [Double], alpha: SIMD4<Double>, beta: SIMD4<Double>, phi: SIMD4<Double>)
        -> (uu: SIMD4<Double>, uv: SIMD4<Double>, vv: SIMD4<Double>, ua: SIMD4<Double>, va: SIMD4<Double>, aa: SIMD4<Double>) {
        var la = SIMD4<Double>(), ba = la, lu = SIMD4<Double>(repeating: 1), bu = la, lv = la, bv = lu
        var suu = la, suv = la, svv = la, sua = la, sva = la, saa = la
        for y in values {
            let a = y - la - phi * ba, u = -lu - phi * bu, v = -lv - phi * bv
            suu += u * u; suv += u * v; svv += v * v; sua += u * a; sva += v * a; saa += a * a
            la += phi * ba + alpha * a; ba = phi * ba + beta * a
            lu += phi * bu + alpha * u; bu = phi * bu + beta * u
            lv += phi * bv + alpha * v; bv = phi * bv + beta * v
        }
        return (suu, suv, svv, sua, sva, saa)
    }

    /// The (ℓ₀, b₀) minimising the quadratic Σ(a + ℓ₀u + b₀v)² from its sums, and the minimum.
    private static func leastSquaresStart(suu: Double, suv: Double, svv: Double, sua: Double, sva: Double, saa: Double)
        -> (level: Double, trend: Double, sumOfSquares: Double) {
        let det = suu * svv - suv * suv
        let (l0, b0): (Double, Double)
        if abs(det) > 1e-12 * max(suu * svv, 1e-300) {
            (l0, b0) = ((-sua * svv + sva * suv) / det, (-sva * suu + sua * suv) / det)
        } else {
            (l0, b0) = (suu > 0 ? -sua / suu : 0, 0)
        }
        let sse = saa + 2 * l0 * sua + 2 * b0 * sva + l0 * l0 * suu + 2 * l0 * b0 * suv + b0 * b0 * svv
        return (l0, b0, max(sse, 0))
    }

    static func sumOfSquares(_ values: [Double], alpha: Double, beta: Double, phi: Double) -> Double {
        optimalStart(values, alpha: alpha, beta: beta, phi: phi).sumOfSquares
    }

    /// ``sumOfSquares(_:alpha:beta:phi:)`` for four parameter sets at once, lane by lane the same
    /// operations in the same order (so the same doubles).
    static func sumsOfSquares(_ values: [Double], alpha: SIMD4<Double>, beta: SIMD4<Double>,
                              phi: SIMD4<Double>) -> SIMD4<Double> {
        let sums = startSums(values, alpha: alpha, beta: beta, phi: phi)
        var result = SIMD4<Double>()
        for lane in 0..<4 {
            result[lane] = leastSquaresStart(suu: sums.uu[lane], suv: sums.uv[lane], svv: sums.vv[lane], sua: sums.ua[lane],
                                             sva: sums.va[lane], saa: sums.aa[lane]).sumOfSquares
        }
        return result
    }

    static func fit(_ values: [Double], alpha: Double, beta: Double, phi: Double) -> DampedTrendSmoothing {
        let (l0, b0, _) = optimalStart(values, alpha: alpha, beta: beta, phi: phi)
        var errors: [Double] = [], sum = 0.0
        var levels: [Double] = [], trends: [Double] = []
        var level = l0, trend = b0
        for y in values {
            let e = y - level - phi * trend
            errors.append(e)
            sum += e * e
            level += phi * trend + alpha * e
            trend = phi * trend + beta * e
            levels.append(level)
            trends.append(trend)
        }
        return DampedTrendSmoothing(alpha: alpha, beta: beta, phi: phi, finalLevel: level, finalTrend: trend,
                                    sumOfSquares: sum, oneStepErrors: errors, levels: levels, trends: trends)
    }

    /// ℓ_n + (φ + … + φ^h)b_n.
    func forecast(horizon h: Int) -> Double {
        forecast(level: finalLevel, trend: finalTrend, horizon: h)
    }

    /// ℓ + (φ + … + φ^h)b from the states (ℓ, b) after any observation.
    func forecast(level: Double, trend: Double, horizon h: Int) -> Double {
        level + dampingSum(h) * trend
    }

    /// The loading of innovation j months ahead on the error h > j months ahead: α + β(φ + … + φ^{h−j}).
    func loading(lag: Int) -> Double {
        alpha + beta * dampingSum(lag)
    }

    /// φ + φ² + … + φ^h.
    func dampingSum(_ h: Int) -> Double {
        var sum = 0.0, power = 1.0
        for _ in 0..<h { power *= phi; sum += power }
        return sum
    }
}
