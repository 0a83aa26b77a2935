/// R's Nelder–Mead (`nmmin` in R's src/appl/optim.c) exactly as forecast 8.20's `ets()` calls
/// it (`etsNelderMead` with α = 1, β = ½, γ = 2, `abstol` = −∞, `intol` = √ε, `maxit` = 2000):
/// the same initial simplex (one step, a tenth of the largest |parameter|, along every
/// coordinate), the same moves in the same order, the same stopping test on the spread of the
/// vertices' values. Following R's path from R's start reaches R's optimum, so the fit is never
/// worse than R's for want of R's path; ``ETSEstimation`` polishes the point where the run ends
/// on its budget.
///
/// Non-finite values count as R's `big` (1e35). The simplex lives in one flat buffer and nothing
/// is allocated per iteration: an objective evaluation costs about a microsecond.
struct ETSNelderMead {
    /// R's `intol`: stop when the spread of the simplex's values is below
    /// `relativeTolerance` · (|f(start)| + `relativeTolerance`) (R scales by the value at the start).
    var relativeTolerance = Double.ulpOfOne.squareRoot()
    /// R's `maxit`: the run stops once it has spent more than this many evaluations.
    var maximumEvaluations = 2000
    /// Whether each iteration evaluates its four possible trial points in one call (R's path
    /// either way). Worth it when one evaluation waits on a long chain of dependent operations
    /// (models with a trend); otherwise the two points R needs, one after the other, cost less.
    var speculative = true
    /// R's stand-in for a non-finite objective value.
    static let big = 1.0e35

    /// The outcome of one run.
    struct Result {
        var point: [Double]
        var value: Double
        /// Objective evaluations spent (R's `fncount`).
        var evaluations: Int
        /// Whether the run stopped on the tolerance (rather than on the budget or a failed shrink).
        var converged: Bool
    }

    /// Minimises `f` from `start`. A non-finite value at `start` (where R's `optim` stops with an
    /// error) returns at once with an infinite value.
    func minimise(_ f: (UnsafeBufferPointer<Double>) -> Double, start: [Double]) -> Result {
        let n = start.count
        return minimise(lanes: { points, count in
            var values = SIMD4<Double>(repeating: .infinity)
            for k in 0..<count { values[k] = f(UnsafeBufferPointer(rebasing: points[(k * n)..<((k + 1) * n)])) }
            return values
        }, start: start)
    }

    /// Minimises an objective that takes up to four points at once (`count` points stored one
    /// after another, each of `start.count` values; see ``ETSObjective/callAsFunction(lanes:count:)``).
    ///
    /// R's path exactly, with R's evaluation count: each iteration evaluates the reflection and,
    /// speculatively, the expansion and both possible contractions in one pass, then keeps what
    /// R's `nmmin` would have computed next; the vertices of the initial and of a shrunk simplex
    /// go four at a time. Only the points R evaluates count towards ``maximumEvaluations``.
    func minimise(lanes f: (UnsafeBufferPointer<Double>, Int) -> SIMD4<Double>, start: [Double]) -> Result {
        let n = start.count
        let lanes = ETSObjective.laneCount
        guard n > 0 else {
            let value = f(UnsafeBufferPointer(start: nil, count: 0), 1)[0]
            return Result(point: start, value: value.isFinite ? value : .infinity, evaluations: 1, converged: false)
        }
        // Column j (0 … n) of R's P is vertex j: its n coordinates then its value; column n + 1
        // is the centroid. Trial points go to `trial`, four of n values: R's Bvec (the
        // reflection), the expansion, the contraction inside and the one outside.
        let rows = n + 1
        let p = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * (n + 2))
        let trial = UnsafeMutableBufferPointer<Double>.allocate(capacity: lanes * n)
        let batch = UnsafeMutableBufferPointer<Int>.allocate(capacity: lanes)
        defer { p.deallocate(); trial.deallocate(); batch.deallocate() }
        @inline(__always) func at(_ i: Int, _ j: Int) -> Int { j * rows + i }
        @inline(__always) func finite(_ v: Double) -> Double { v.isFinite ? v : Self.big }
        func evaluate(_ count: Int) -> SIMD4<Double> { f(UnsafeBufferPointer(trial), count) }

        for i in 0..<n { trial[i] = start[i] }
        let first = evaluate(1)[0]
        guard first.isFinite else {
            return Result(point: start, value: .infinity, evaluations: 1, converged: false)
        }
        let convtol = relativeTolerance * (abs(first) + relativeTolerance)
        var funcount = 1
        let c = n + 1  // the centroid's column
        p[at(n, 0)] = first
        for i in 0..<n { p[at(i, 0)] = start[i] }
        var l = 0  // R's L − 1: the best vertex
        var size = 0.0
        var step = 0.0
        for i in 0..<n where 0.1 * abs(start[i]) > step { step = 0.1 * abs(start[i]) }
        if step == 0 { step = 0.1 }
        for j in 1...n {
            for i in 0..<n { p[at(i, j)] = start[i] }
            var trystep = step
            while p[at(j - 1, j)] == start[j - 1] {
                p[at(j - 1, j)] = start[j - 1] + trystep
                trystep *= 10
            }
            size += trystep
        }
        var oldsize = size
        var calcvert = true
        var converged = false
        repeat {
            if calcvert {
                // Every vertex but the best, four at a time.
                var pending = 0
                func flush() {
                    let v = evaluate(pending)
                    for k in 0..<pending { p[at(n, batch[k])] = finite(v[k]) }
                    pending = 0
                }
                for j in 0...n where j != l {
                    for i in 0..<n { trial[pending * n + i] = p[at(i, j)] }
                    batch[pending] = j
                    pending += 1
                    funcount += 1
                    if pending == lanes { flush() }
                }
                if pending > 0 { flush() }
                calcvert = false
            }
            var vl = p[at(n, l)], vh = vl
            var h = l
            for j in 0...n where j != l {
                let fj = p[at(n, j)]
                if fj < vl { l = j; vl = fj }
                if fj > vh { h = j; vh = fj }
            }
            if vh <= vl + convtol { converged = true; break }

            // The centroid: R's sum for each coordinate (−worst, then every vertex in order),
            // accumulated a vertex at a time so that the loop runs along memory.
            for i in 0..<n { p[at(i, c)] = -p[at(i, h)] }
            for j in 0...n {
                for i in 0..<n { p[at(i, c)] += p[at(i, j)] }
            }
            for i in 0..<n { p[at(i, c)] = p[at(i, c)] / Double(n) }
            // R's trial points, with R's arithmetic: reflection, expansion (2R − c), the
            // contraction towards the worst vertex and the one towards the reflection (which R
            // takes when the reflection replaced the worst vertex).
            let reflection = 0, expansion = n, inside = 2 * n, outside = 3 * n
            for i in 0..<n {
                let ci = p[at(i, c)], hi = p[at(i, h)]
                let r = 2 * ci - hi
                trial[reflection + i] = r
                trial[expansion + i] = 2 * r + (1 - 2) * ci
                trial[inside + i] = (1 - 0.5) * hi + 0.5 * ci
                trial[outside + i] = (1 - 0.5) * r + 0.5 * ci
            }
            let v = speculative ? evaluate(lanes) : SIMD4<Double>(repeating: .nan)
            @inline(__always) func value(_ lane: Int, at offset: Int) -> Double {
                finite(speculative ? v[lane] : f(UnsafeBufferPointer(rebasing: trial[offset..<(offset + n)]), 1)[0])
            }
            let vr = value(0, at: reflection)
            funcount += 1
            if vr < vl {
                // Expansion.
                p[at(n, c)] = vr
                for i in 0..<n { p[at(i, c)] = trial[reflection + i] }
                let fe = value(1, at: expansion)
                funcount += 1
                if fe < vr {
                    for i in 0..<n { p[at(i, h)] = trial[expansion + i] }
                    p[at(n, h)] = fe
                } else {
                    for i in 0..<n { p[at(i, h)] = p[at(i, c)] }
                    p[at(n, h)] = vr
                }
            } else {
                var contraction = inside
                if vr < vh {
                    for i in 0..<n { p[at(i, h)] = trial[reflection + i] }
                    p[at(n, h)] = vr
                    contraction = outside
                }
                let fc = contraction == inside ? value(2, at: inside) : value(3, at: outside)
                funcount += 1
                if fc < p[at(n, h)] {
                    for i in 0..<n { p[at(i, h)] = trial[contraction + i] }
                    p[at(n, h)] = fc
                } else if vr >= vh {
                    // Shrink towards the best vertex; R gives up when the simplex stops shrinking.
                    calcvert = true
                    size = 0
                    for j in 0...n where j != l {
                        for i in 0..<n {
                            p[at(i, j)] = 0.5 * (p[at(i, j)] - p[at(i, l)]) + p[at(i, l)]
                            size += abs(p[at(i, j)] - p[at(i, l)])
                        }
                    }
                    if size < oldsize { oldsize = size } else { break }
                }
            }
        } while funcount <= maximumEvaluations
        let point = (0..<n).map { p[at($0, l)] }
        let value = p[at(n, l)]
        return Result(point: point, value: value < Self.big ? value : .infinity, evaluations: funcount,
                      converged: converged)
    }
}
