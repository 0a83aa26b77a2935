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
        let first = start.withUnsafeBufferPointer(f)
        guard n > 0, first.isFinite else {
            return Result(point: start, value: first.isFinite ? first : .infinity, evaluations: 1, converged: false)
        }
        // Column j (0 … n) of R's P is vertex j: its n coordinates then its value; column n + 1
        // is the centroid. bvec is R's Bvec, the trial point.
        let rows = n + 1
        let p = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * (n + 2))
        let bvec = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { p.deallocate(); bvec.deallocate() }
        @inline(__always) func at(_ i: Int, _ j: Int) -> Int { j * rows + i }
        func evaluate() -> Double {
            let v = f(UnsafeBufferPointer(bvec))
            return v.isFinite ? v : Self.big
        }

        let convtol = relativeTolerance * (abs(first) + relativeTolerance)
        var funcount = 1
        let c = n + 1  // the centroid's column
        p[at(n, 0)] = first
        for i in 0..<n { p[at(i, 0)] = start[i]; bvec[i] = start[i] }
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
                for j in 0...n where j != l {
                    for i in 0..<n { bvec[i] = p[at(i, j)] }
                    p[at(n, j)] = evaluate()
                    funcount += 1
                }
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

            for i in 0..<n {
                var temp = -p[at(i, h)]
                for j in 0...n { temp += p[at(i, j)] }
                p[at(i, c)] = temp / Double(n)
            }
            for i in 0..<n { bvec[i] = 2 * p[at(i, c)] - p[at(i, h)] }
            let vr = evaluate()
            funcount += 1
            if vr < vl {
                // Expansion: R keeps the reflected point in the centroid's column meanwhile.
                p[at(n, c)] = vr
                for i in 0..<n {
                    let e = 2 * bvec[i] + (1 - 2) * p[at(i, c)]
                    p[at(i, c)] = bvec[i]
                    bvec[i] = e
                }
                let fe = evaluate()
                funcount += 1
                if fe < vr {
                    for i in 0..<n { p[at(i, h)] = bvec[i] }
                    p[at(n, h)] = fe
                } else {
                    for i in 0..<n { p[at(i, h)] = p[at(i, c)] }
                    p[at(n, h)] = vr
                }
            } else {
                if vr < vh {
                    for i in 0..<n { p[at(i, h)] = bvec[i] }
                    p[at(n, h)] = vr
                }
                for i in 0..<n { bvec[i] = (1 - 0.5) * p[at(i, h)] + 0.5 * p[at(i, c)] }
                let fc = evaluate()
                funcount += 1
                if fc < p[at(n, h)] {
                    for i in 0..<n { p[at(i, h)] = bvec[i] }
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
