import Foundation

/// The objective at up to four points in one pass over the data.
///
/// One evaluation is bound by latency, not arithmetic: each month's level and trend wait on the
/// previous month's (about 25 cycles of dependent additions and multiplications per month), so
/// the processor idles most of the time. Four independent recursions interleaved in the lanes of
/// a `SIMD4<Double>` fill that idle time: a pass costs little more than one evaluation.
/// ``ETSNelderMead`` uses it to evaluate its reflection, expansion and both contractions at once,
/// and the vertices of its initial and shrunk simplices four at a time.
///
/// Each lane performs exactly the floating-point operations of the one-point objective, in the
/// same order (lane-wise IEEE arithmetic rounds as scalar arithmetic does, and the logarithms of
/// the running products are taken per lane at the same steps), so every lane's value equals
/// `objective(point)` to the last bit (`ETSObjectiveLanesTests` checks it).
extension ETSObjective {
    /// Points per pass.
    static let laneCount = 4

    /// The objective at `count` (1…4) points stored one after another in `points`
    /// (`count` × ``dimension`` values); lanes past `count` are +∞.
    func callAsFunction(lanes points: UnsafeBufferPointer<Double>, count: Int) -> SIMD4<Double> {
        typealias Lanes = SIMD4<Double>
        let d = dimension
        let m = ETSModel.period
        var result = Lanes(repeating: .infinity)
        guard count >= 1, count <= Self.laneCount, points.count >= count * d else { return result }
        if count == 1 {
            // One point: the one-point loop is shorter than four lanes.
            result[0] = self(UnsafeBufferPointer(rebasing: points[0..<d]))
            return result
        }
        // Which lanes are feasible; an infeasible lane runs a feasible lane's point instead (its
        // value is discarded), so that no lane carries non-finite states through the loop.
        var finite = SIMDMask<SIMD4<Int64>>(repeating: false)
        for k in 0..<count {
            var ok = true
            for i in (k * d)..<((k + 1) * d) where !points[i].isFinite { ok = false; break }
            finite[k] = ok
        }
        guard any(finite) else { return result }
        @inline(__always) func lanes(_ index: Int, from source: SIMD4<Int>) -> Lanes {
            Lanes(points[source[0] * d + index], points[source[1] * d + index],
                  points[source[2] * d + index], points[source[3] * d + index])
        }
        let given = SIMD4<Int>(0, min(1, count - 1), min(2, count - 1), min(3, count - 1))
        var valid = ETSBounds.accepts(alpha: lanes(0, from: given), beta: hasTrend ? lanes(betaIndex, from: given) : nil,
                                      gamma: hasSeason ? lanes(gammaIndex, from: given) : nil,
                                      phi: isDamped ? lanes(phiIndex, from: given) : nil, lanes: finite)
        if multiplicativeSeason {
            // The one-point objective's test of the ring: every seasonal state positive, the
            // twelfth being 12 − Σ of the others summed in the same order.
            for k in 0..<count where valid[k] {
                var sum = 0.0
                for j in 0..<(m - 1) {
                    let s = points[k * d + seasonIndex + j]
                    sum += s
                    if s <= 0 { valid[k] = false }
                }
                if Double(m) - sum <= 0 { valid[k] = false }
            }
        }
        var firstValid = -1
        for k in 0..<count where valid[k] { firstValid = k; break }
        guard firstValid >= 0 else { return result }
        var source = SIMD4<Int>(repeating: firstValid)
        for k in 0..<count where valid[k] { source[k] = k }
        @inline(__always) func gather(_ index: Int) -> Lanes { lanes(index, from: source) }
        let alpha = gather(0)
        let beta = hasTrend ? gather(betaIndex) : Lanes(repeating: 0)
        let gamma = hasSeason ? gather(gammaIndex) : Lanes(repeating: 0)
        let phi = isDamped ? gather(phiIndex) : Lanes(repeating: 1)
        let lik = withUnsafeTemporaryAllocation(of: Lanes.self, capacity: m) { ring in
            // One specialised loop per model shape: the shape's tests leave the loop body.
            typealias Y = ETSLaneFlagOn
            typealias N = ETSLaneFlagOff
            func run<T: ETSLaneFlag, S: ETSLaneFlag, MS: ETSLaneFlag, ME: ETSLaneFlag>(
                _: T.Type, _: S.Type, _: MS.Type, _: ME.Type) -> Lanes {
                runLanes(T.self, S.self, MS.self, ME.self, gather: gather, alpha: alpha, beta: beta, gamma: gamma,
                         phi: phi, ring: ring)
            }
            switch (hasTrend, hasSeason, multiplicativeSeason, multiplicativeError) {
            case (false, false, _, false): return run(N.self, N.self, N.self, N.self)
            case (false, false, _, true): return run(N.self, N.self, N.self, Y.self)
            case (true, false, _, false): return run(Y.self, N.self, N.self, N.self)
            case (true, false, _, true): return run(Y.self, N.self, N.self, Y.self)
            case (false, true, false, false): return run(N.self, Y.self, N.self, N.self)
            case (false, true, false, true): return run(N.self, Y.self, N.self, Y.self)
            case (true, true, false, false): return run(Y.self, Y.self, N.self, N.self)
            case (true, true, false, true): return run(Y.self, Y.self, N.self, Y.self)
            case (false, true, true, false): return run(N.self, Y.self, Y.self, N.self)
            case (false, true, true, true): return run(N.self, Y.self, Y.self, Y.self)
            case (true, true, true, false): return run(Y.self, Y.self, Y.self, N.self)
            case (true, true, true, true): return run(Y.self, Y.self, Y.self, Y.self)
            }
        }
        for k in 0..<count where valid[k] {
            let v = lik[k]
            result[k] = v.isFinite ? max(v, -1e10) : .infinity
        }
        return result
    }

    /// ``run`` of the one-point objective, lane-wise.
    /// `hasTrend`, `hasSeason`, `multiplicativeSeason` and `multiplicativeError` come as types, so
    /// that each shape compiles to a loop without them.
    private func runLanes<T: ETSLaneFlag, S: ETSLaneFlag, MS: ETSLaneFlag, ME: ETSLaneFlag>(
        _: T.Type, _: S.Type, _: MS.Type, _: ME.Type,
        gather: (Int) -> SIMD4<Double>, alpha: SIMD4<Double>, beta: SIMD4<Double>, gamma: SIMD4<Double>,
        phi: SIMD4<Double>, ring: UnsafeMutableBufferPointer<SIMD4<Double>>) -> SIMD4<Double> {
        typealias Lanes = SIMD4<Double>
        let m = ETSModel.period
        let hasTrend = T.on, hasSeason = S.on, multiplicativeSeason = MS.on, multiplicativeError = ME.on
        let additiveSeason = !MS.on
        var l = gather(levelIndex)
        var b = hasTrend ? gather(trendIndex) : Lanes(repeating: 0)
        if hasSeason {
            let target = Lanes(repeating: multiplicativeSeason ? Double(m) : 0)
            var sum = Lanes(repeating: 0)
            for j in 0..<(m - 1) {
                let s = gather(seasonIndex + j)
                sum += s
                ring[m - 1 - j] = s
            }
            ring[0] = target - sum
        }
        let tolerance = ETSRecursion.tolerance, huge = Lanes(repeating: ETSRecursion.huge)
        let ratio = hasTrend ? beta / alpha : Lanes(repeating: 0)
        var sse = Lanes(repeating: 0), logSum = Lanes(repeating: 0), product = Lanes(repeating: 1)
        var slot = 0
        /// |x| < tolerance, lane-wise (false for NaN, as the scalar comparison is).
        @inline(__always) func tiny(_ x: Lanes) -> SIMDMask<SIMD4<Int64>> {
            (x .< Lanes(repeating: tolerance)) .& (x .> Lanes(repeating: -tolerance))
        }
        return values.withUnsafeBufferPointer { y in
            for value in y {
                let phib = hasTrend ? phi * b : Lanes(repeating: 0)
                var f = l
                if hasTrend { f += phib }
                let oldS = hasSeason ? ring[slot] : Lanes(repeating: 0)
                if hasSeason { f = additiveSeason ? f + oldS : f * oldS }
                let e = multiplicativeError ? (value - f) / f : value - f
                sse += e * e
                if multiplicativeError {
                    // |f|: the sign of a zero does not matter (log ±0 = −∞ either way).
                    product *= f.replacing(with: -f, where: f .< 0)
                    // The scalar test on each lane, combined in two halves (cheaper than a
                    // four-lane mask); the rare lane outside the range is handled one by one.
                    let low = product.lowHalf, high = product.highHalf
                    let inside = (low .< SIMD2(repeating: 1e100)) .& (low .> SIMD2(repeating: 1e-100))
                        .& (high .< SIMD2(repeating: 1e100)) .& (high .> SIMD2(repeating: 1e-100))
                    if !all(inside) {
                        for k in 0..<4 where !(product[k] < 1e100 && product[k] > 1e-100) {
                            logSum[k] += log(product[k]); product[k] = 1
                        }
                    }
                }
                let oldl = l
                let q = oldl + phib
                let p: Lanes
                if !hasSeason { p = Lanes(repeating: value) }
                else if additiveSeason { p = value - oldS }
                else { p = (value / oldS).replacing(with: huge, where: tiny(oldS)) }
                l = q + alpha * (p - q)
                if hasTrend { b = phib + ratio * ((l - oldl) - phib) }
                if hasSeason {
                    let t = multiplicativeSeason ? (value / q).replacing(with: huge, where: tiny(q)) : value - q
                    ring[slot] = oldS + gamma * (t - oldS)
                    slot += 1
                    if slot == m { slot = 0 }
                }
            }
            var lik = Lanes(repeating: Double(y.count))
            for k in 0..<4 { lik[k] *= log(sse[k]) }
            if multiplicativeError {
                for k in 0..<4 { lik[k] += 2 * (logSum[k] + log(product[k])) }
            }
            return lik
        }
    }
}

/// A model-shape switch known at compile time (see `ETSObjective.runLanes`).
protocol ETSLaneFlag { static var on: Bool { get } }
enum ETSLaneFlagOn: ETSLaneFlag { static var on: Bool { true } }
enum ETSLaneFlagOff: ETSLaneFlag { static var on: Bool { false } }
