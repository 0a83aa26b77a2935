import Foundation

/// Simple exponential smoothing ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}) with α and ℓ₀ chosen to
/// minimise the mean squared one-step error, as R's `ses` (`ets(y, "ANN", opt.crit = "mse")`).
///
/// For a fixed α the one-step errors are affine in ℓ₀ (e_t = a_t − (1 − α)^{t−1}ℓ₀), so ℓ₀ has a
/// closed form and only α is searched: a grid over R's bounds [10⁻⁴, 0.9999] then golden-section
/// refinement. This finds the global optimum that R's Nelder–Mead usually reaches.
struct SimpleExponentialSmoothing: Sendable {
    let alpha: Double
    let initialLevel: Double
    /// ℓ_n, the level after the last observation: every future month's point forecast.
    let finalLevel: Double
    /// Σ e_t² of the one-step errors.
    let sumOfSquares: Double
    let oneStepErrors: [Double]

    static let alphaBounds = 1e-4...0.9999

    init(values: [Double]) {
        func objective(_ alpha: Double) -> Double { Self.leastSumOfSquares(values, alpha: alpha) }
        let grid = 40
        let (low, high) = (Self.alphaBounds.lowerBound, Self.alphaBounds.upperBound)
        // The grid's errors four at a time (SIMD lanes, the same arithmetic as one at a time),
        // judged in grid order so that the first of equal errors wins.
        var bestIndex = 0, best = Double.infinity
        for first in stride(from: 0, through: grid, by: 4) {
            var alphas = SIMD4<Double>()
            for lane in 0..<4 { alphas[lane] = low + (high - low) * Double(min(first + lane, grid)) / Double(grid) }
            let errors = Self.leastSumsOfSquares(values, alpha: alphas)
            for lane in 0..<min(4, grid + 1 - first) where errors[lane] < best {
                best = errors[lane]
                bestIndex = first + lane
            }
        }
        var a = low + (high - low) * Double(max(bestIndex - 1, 0)) / Double(grid)
        var b = low + (high - low) * Double(min(bestIndex + 1, grid)) / Double(grid)
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = objective(c), fd = objective(d)
        while b - a > 1e-10 {
            if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = objective(c) }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = objective(d) }
        }
        let candidates = [low + (high - low) * Double(bestIndex) / Double(grid), (a + b) / 2]
        let alpha = candidates.min { objective($0) < objective($1) }!
        self = Self.fit(values, alpha: alpha)
    }

    private init(alpha: Double, initialLevel: Double, finalLevel: Double, sumOfSquares: Double, oneStepErrors: [Double]) {
        self.alpha = alpha
        self.initialLevel = initialLevel
        self.finalLevel = finalLevel
        self.sumOfSquares = sumOfSquares
        self.oneStepErrors = oneStepErrors
    }

    /// min over ℓ₀ of Σe² for a fixed α, in one pass: with e_t = a_t − d_tℓ₀ (a from ℓ₀ = 0,
    /// d_t = (1 − α)^{t−1}) it is Σa² − (Σad)²/Σd².
    static func leastSumOfSquares(_ values: [Double], alpha: Double) -> Double {
        leastSumsOfSquares(values, alpha: SIMD4(repeating: alpha))[0]
    }

    /// ``leastSumOfSquares(_:alpha:)`` for four values of α at once, lane by lane the same
    /// operations in the same order (so the same doubles).
    static func leastSumsOfSquares(_ values: [Double], alpha: SIMD4<Double>) -> SIMD4<Double> {
        var level = SIMD4<Double>(), decay = SIMD4<Double>(repeating: 1), saa = level, sad = level, sdd = level
        for y in values {
            let a = y - level
            saa += a * a
            sad += a * decay
            sdd += decay * decay
            level += alpha * a
            decay *= 1 - alpha
        }
        var result = SIMD4<Double>()
        for lane in 0..<4 { result[lane] = max(saa[lane] - (sdd[lane] > 0 ? sad[lane] * sad[lane] / sdd[lane] : 0), 0) }
        return result
    }

    /// The MSE-optimal ℓ₀ for a fixed α, and the resulting smoother.
    static func fit(_ values: [Double], alpha: Double) -> SimpleExponentialSmoothing {
        // With ℓ₀ = 0: level_t = a-part; e_t = y_t − level_{t−1} − (1−α)^{t−1}ℓ₀.
        var level = 0.0, decay = 1.0
        var sxx = 0.0, sxy = 0.0
        for y in values {
            let a = y - level
            sxx += decay * decay
            sxy += decay * a
            level += alpha * a
            decay *= 1 - alpha
        }
        let initialLevel = sxx > 0 ? sxy / sxx : 0
        var errors: [Double] = []
        errors.reserveCapacity(values.count)
        level = initialLevel
        var sum = 0.0
        for y in values {
            let e = y - level
            errors.append(e)
            sum += e * e
            level += alpha * e
        }
        return SimpleExponentialSmoothing(alpha: alpha, initialLevel: initialLevel, finalLevel: level,
                                          sumOfSquares: sum, oneStepErrors: errors)
    }
}
