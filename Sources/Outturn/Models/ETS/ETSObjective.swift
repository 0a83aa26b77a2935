import Foundation

/// R's `lik` objective for one model and one series, evaluated without allocating: the optimiser
/// calls it thousands of times per model, so the parameter vector is read in place, the states
/// live in a stack buffer and the seasonal states in a ring instead of being rotated.
///
/// The recursion performs the floating-point operations of
/// ``ETSEstimation/referenceObjective(_:model:values:)`` and
/// ``ETSRecursion/run(_:model:alpha:beta:gamma:phi:initialState:keepSeries:)`` in the same order;
/// only Σ log|μ| is taken as the logarithm of products, so additive-error values are the same to
/// the last bit and multiplicative-error ones to ~1e-15 relative (`ETSObjectiveTests` checks both).
struct ETSObjective: Sendable {
    let model: ETSModel
    let values: [Double]
    let hasTrend: Bool
    let hasSeason: Bool
    let isDamped: Bool
    let additiveSeason: Bool
    let multiplicativeSeason: Bool
    let multiplicativeError: Bool
    /// Positions in R's parameter vector (α, β, γ, φ, ℓ, b, s₀…s₁₀).
    let betaIndex: Int, gammaIndex: Int, phiIndex: Int, levelIndex: Int, trendIndex: Int, seasonIndex: Int
    /// The vector's length.
    let dimension: Int

    init(model: ETSModel, values: [Double]) {
        self.model = model
        self.values = values
        hasTrend = model.hasTrend
        hasSeason = model.hasSeason
        isDamped = model.isDamped
        additiveSeason = model.season == .additive
        multiplicativeSeason = model.season == .multiplicative
        multiplicativeError = model.error == .multiplicative
        var i = 1
        betaIndex = hasTrend ? i : -1; if hasTrend { i += 1 }
        gammaIndex = hasSeason ? i : -1; if hasSeason { i += 1 }
        phiIndex = isDamped ? i : -1; if isDamped { i += 1 }
        levelIndex = i; i += 1
        trendIndex = hasTrend ? i : -1; if hasTrend { i += 1 }
        seasonIndex = i
        if hasSeason { i += ETSModel.period - 1 }
        dimension = i
    }

    /// The objective at `v` (R's layout); +∞ outside the bounds, where the states break the
    /// model or the likelihood is not finite; floored at −1e10 as R does.
    func callAsFunction(_ v: UnsafeBufferPointer<Double>) -> Double {
        guard v.count == dimension else { return .infinity }
        for x in v where !x.isFinite { return .infinity }
        let alpha = v[0]
        let beta: Double? = hasTrend ? v[betaIndex] : nil
        let gamma: Double? = hasSeason ? v[gammaIndex] : nil
        let phi: Double? = isDamped ? v[phiIndex] : nil
        guard ETSBounds.accepts(alpha: alpha, beta: beta, gamma: gamma, phi: phi) else { return .infinity }
        let lik = withUnsafeTemporaryAllocation(of: Double.self, capacity: ETSModel.period) { ring in
            run(v, alpha: alpha, beta: beta ?? 0, gamma: gamma ?? 0, phi: phi ?? 1, ring: ring)
        }
        guard lik.isFinite else { return .infinity }
        return max(lik, -1e10)
    }

    /// The objective at an array (tests and one-off evaluations).
    func callAsFunction(_ v: [Double]) -> Double {
        v.withUnsafeBufferPointer { self($0) }
    }

    /// The recursions of `ETSRecursion.run` with `keepSeries: false`: only the sums.
    @inline(__always)
    private func run(_ v: UnsafeBufferPointer<Double>, alpha: Double, beta: Double, gamma: Double, phi: Double,
                     ring: UnsafeMutableBufferPointer<Double>) -> Double {
        let m = ETSModel.period
        var l = v[levelIndex]
        var b = hasTrend ? v[trendIndex] : 0
        if hasSeason {
            // The ring holds s₁₁ (the state of the first observation's month) at 0, s₁₀ at 1, …,
            // s₀ at 11: step t uses and replaces ring[t mod 12], the oldest state.
            let target = multiplicativeSeason ? Double(m) : 0
            var sum = 0.0
            for j in 0..<(m - 1) {
                let s = v[seasonIndex + j]
                sum += s
                ring[m - 1 - j] = s
            }
            ring[0] = target - sum
            if multiplicativeSeason {
                for j in 0..<m where ring[j] <= 0 { return .infinity }
            }
        }
        let tolerance = ETSRecursion.tolerance, huge = ETSRecursion.huge
        let ratio = hasTrend ? beta / alpha : 0
        // Σ log|μ| as the log of running products, taken when a product nears the range's
        // ends: one logarithm per ~30 steps instead of one per step (equal to the sum of
        // logarithms to ~1e-15 relative).
        var sse = 0.0, logSum = 0.0, product = 1.0
        var slot = 0
        return values.withUnsafeBufferPointer { y in
            for value in y {
                // oneStep
                let phib = hasTrend ? phi * b : 0
                var f = l
                if hasTrend { f += phib }
                let oldS = hasSeason ? ring[slot] : 0
                if hasSeason { f = additiveSeason ? f + oldS : f * oldS }
                let e = multiplicativeError ? (value - f) / f : value - f
                sse += e * e
                if multiplicativeError {
                    product *= abs(f)
                    if !(product < 1e100 && product > 1e-100) { logSum += log(product); product = 1 }
                }
                // update
                let oldl = l
                let q = oldl + phib
                let p: Double
                if !hasSeason { p = value }
                else if additiveSeason { p = value - oldS }
                else { p = abs(oldS) < tolerance ? huge : value / oldS }
                l = q + alpha * (p - q)
                if hasTrend { b = phib + ratio * ((l - oldl) - phib) }
                if hasSeason {
                    let t = multiplicativeSeason ? (abs(q) < tolerance ? huge : value / q) : value - q
                    ring[slot] = oldS + gamma * (t - oldS)
                    slot += 1
                    if slot == m { slot = 0 }
                }
            }
            var lik = Double(y.count) * log(sse)
            if multiplicativeError { lik += 2 * (logSum + log(product)) }
            return lik
        }
    }
}
