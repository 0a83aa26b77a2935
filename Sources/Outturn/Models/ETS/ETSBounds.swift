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
        guard seasonalLinearChecks(alpha: alpha, beta: beta ?? 0, gamma: gamma, phi: phi, period: m) else {
            return false
        }
        // The characteristic polynomial (R's `polyroot(P)`, coefficients by increasing power)
        // must have every root inside the unit circle. Built in a stack buffer: the optimiser
        // asks this for every trial point.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (m + 2)) { buffer in
            characteristicPolynomial(alpha: alpha, beta: beta ?? 0, gamma: gamma, phi: phi, period: m) { buffer[$0] = $1 }
            return rootsInsideUnitCircle(buffer, count: m + 2)
        }
    }

    /// The seasonal admissibility conditions before the polynomial's (`phi` already defaulted to 1).
    @inline(__always)
    static func seasonalLinearChecks(alpha: Double, beta: Double, gamma: Double, phi: Double, period m: Int) -> Bool {
        let md = Double(m)
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - md + phi + phi * md) / (2 * phi * md) { return false }
        if beta < -(1 - phi) * (gamma / md + alpha) { return false }
        return true
    }

    /// The m + 2 coefficients of the seasonal characteristic polynomial, by increasing power.
    @inline(__always)
    static func characteristicPolynomial(alpha: Double, beta: Double, gamma: Double, phi: Double, period m: Int,
                                         _ store: (Int, Double) -> Void) {
        let a = alpha + beta - alpha * phi
        store(0, phi * (1 - alpha - gamma))
        store(1, a + gamma - 1)
        for k in 2..<m { store(k, a) }
        store(m, alpha + beta - phi)
        store(m + 1, 1)
    }

    /// ``accepts(alpha:beta:gamma:phi:)`` for four parameter sets at once, lane by lane the same
    /// answers: the cheap inequalities one lane at a time, then the seasonal polynomial's
    /// Schur–Cohn test for the four lanes together (the test waits on a division at each of its
    /// 13 steps; four interleaved cost about what one does). `lanes` limits the lanes looked at;
    /// the others are rejected.
    static func accepts(alpha: SIMD4<Double>, beta: SIMD4<Double>?, gamma: SIMD4<Double>?, phi: SIMD4<Double>?,
                        lanes: SIMDMask<SIMD4<Int64>>) -> SIMDMask<SIMD4<Int64>> {
        let m = ETSModel.period
        var ok = lanes
        for k in 0..<4 where ok[k] {
            let a = alpha[k], b = beta?[k], g = gamma?[k], p = phi?[k]
            // Usual: as accepts(alpha:beta:gamma:phi:).
            if !(a >= lower.alpha && a <= upper.alpha) { ok[k] = false; continue }
            if let b, b < lower.beta || b > a || b > upper.beta { ok[k] = false; continue }
            if let p, p < lower.phi || p > upper.phi { ok[k] = false; continue }
            if let g, g < lower.gamma || g > 1 - a || g > upper.gamma { ok[k] = false; continue }
            // Admissible, before the polynomial: as admissible(alpha:beta:gamma:phi:period:).
            let ph = p ?? 1
            guard ph >= 0, ph <= 1 + 1e-8 else { ok[k] = false; continue }
            guard let g else {
                if a < 1 - 1 / ph || a > 1 + 1 / ph { ok[k] = false; continue }
                if let b, b < a * (ph - 1) || b > (1 + ph) * (2 - a) { ok[k] = false }
                continue
            }
            if !seasonalLinearChecks(alpha: a, beta: b ?? 0, gamma: g, phi: ph, period: m) { ok[k] = false }
        }
        guard gamma != nil, any(ok) else { return ok }
        let count = m + 2
        return withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: 2 * count) { buffer in
            for k in 0..<4 {
                // A rejected lane tests a copy of an accepted lane's polynomial (its answer is
                // ignored), so that it carries no stray values.
                var source = k
                if !ok[k] { for j in 0..<4 where ok[j] { source = j; break } }
                characteristicPolynomial(alpha: alpha[source], beta: beta?[source] ?? 0, gamma: gamma?[source] ?? 0,
                                         phi: phi?[source] ?? 1, period: m) { buffer[$0][k] = $1 }
            }
            return ok .& rootsInsideUnitCircle(lanes: buffer, count: count)
        }
    }

    /// ``rootsInsideUnitCircle(_:count:)`` lane by lane: the same operations and the same
    /// decisions, each lane settled at the step where the one-lane test would return.
    private static func rootsInsideUnitCircle(lanes buffer: UnsafeMutableBufferPointer<SIMD4<Double>>,
                                              count: Int) -> SIMDMask<SIMD4<Int64>> {
        typealias Lanes = SIMD4<Double>
        var answer = SIMDMask<SIMD4<Int64>>(repeating: true)
        var open = SIMDMask<SIMD4<Int64>>(repeating: true)
        var c = 0, scratch = count
        var length = count
        let above = Lanes(repeating: 1 + 1e-10), onCircle = Lanes(repeating: 1 - 1e-12)
        while length > 1, any(open) {
            let d = length - 1
            let top = buffer[c + d]
            let zero = top .== Lanes(repeating: 0)
            answer = answer .& .!(open .& zero)
            open = open .& .!zero
            let k = buffer[c] / top
            let outside = (k .> above) .| (k .< -above)
            answer = answer .& .!(open .& outside)
            open = open .& .!outside
            let unit = (k .>= onCircle) .| (k .<= -onCircle)
            open = open .& .!unit  // settled: true
            for i in 0..<d { buffer[scratch + i] = buffer[c + i + 1] - k * buffer[c + d - 1 - i] }
            swap(&c, &scratch)
            length = d
        }
        return answer
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
