/// R's `bounds = "both"` for ETS parameters: the usual bounds and the admissible region
/// (forecast 8.20, `check.param` and `admissible`).
enum ETSBounds {
    static let lower = (alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8)
    static let upper = (alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98)

    /// Whether the smoothing parameters are inside both the usual and the admissible region.
    static func accepts(alpha: Double, beta: Double?, gamma: Double?, phi: Double?) -> Bool {
        // Usual: 0 < β < α < 1, 0 < γ < 1 − α, 0.8 < φ < 0.98.
        guard alpha >= lower.alpha, alpha <= upper.alpha else { return false }
        if let beta, beta < lower.beta || beta > alpha || beta > upper.beta { return false }
        if let phi, phi < lower.phi || phi > upper.phi { return false }
        if let gamma, gamma < lower.gamma || gamma > 1 - alpha || gamma > upper.gamma { return false }
        return admissible(alpha: alpha, beta: beta, gamma: gamma, phi: phi)
    }

    /// Hyndman et al. (2008, ch. 10): the parameters for which the model is forecastable.
    static func admissible(alpha: Double, beta: Double?, gamma: Double?, phi: Double?,
                           period m: Int = ETSModel.period) -> Bool {
        let phi = phi ?? 1
        guard phi >= 0, phi <= 1 + 1e-8 else { return false }
        guard let gamma else {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if let beta, beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
            return true
        }
        let beta = beta ?? 0
        let md = Double(m)
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - md + phi + phi * md) / (2 * phi * md) { return false }
        if beta < -(1 - phi) * (gamma / md + alpha) { return false }
        // The characteristic polynomial (R's `polyroot(P)`, coefficients by increasing power)
        // must have every root inside the unit circle. Built in a stack buffer: the optimiser
        // asks this for every trial point.
        let a = alpha + beta - alpha * phi
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (m + 2)) { buffer in
            buffer[0] = phi * (1 - alpha - gamma)
            buffer[1] = a + gamma - 1
            for k in 2..<m { buffer[k] = a }
            buffer[m] = alpha + beta - phi
            buffer[m + 1] = 1
            return rootsInsideUnitCircle(buffer, count: m + 2)
        }
    }

    /// Schur–Cohn step-down test: every root of Σ c_k z^k has modulus ≤ 1 (up to rounding).
    static func rootsInsideUnitCircle(_ coefficients: [Double]) -> Bool {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * max(coefficients.count, 1)) { buffer in
            for (i, c) in coefficients.enumerated() { buffer[i] = c }
            return rootsInsideUnitCircle(buffer, count: coefficients.count)
        }
    }

    /// The test on the first `count` coefficients of `buffer`, which must hold `count` more as
    /// scratch. Each step removes the reflection coefficient k = c₀/c_d; the roots stay inside
    /// the unit circle if and only if |k| < 1 and the reduced polynomial's roots do.
    private static func rootsInsideUnitCircle(_ buffer: UnsafeMutableBufferPointer<Double>, count: Int) -> Bool {
        var c = 0, scratch = count  // offsets of the current polynomial and of the next one
        var length = count
        while length > 1 {
            let d = length - 1
            guard buffer[c + d] != 0 else { return false }
            let k = buffer[c] / buffer[c + d]
            if abs(k) > 1 + 1e-10 { return false }
            // A reflection coefficient of modulus one means a root on the circle, which R's
            // tolerance (|root| ≤ 1 + 1e-10) admits.
            if abs(k) >= 1 - 1e-12 { return true }
            for i in 0..<d { buffer[scratch + i] = buffer[c + i + 1] - k * buffer[c + d - 1 - i] }
            swap(&c, &scratch)
            length = d
        }
        return true
    }
}
