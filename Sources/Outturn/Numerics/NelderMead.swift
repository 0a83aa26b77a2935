/// A Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction ½, shrink ½), the
/// method R's `ets()` and `optim()` use; ETS estimation and the ARMA-error regression share it.
/// Infinite or NaN objective values mark infeasible points.
///
/// The simplex lives in one flat buffer ordered through an index permutation, and trial points
/// in two scratch rows, so an iteration allocates nothing: at a microsecond per objective
/// evaluation, per-iteration arrays would cost as much as the objective.
struct NelderMead {
    /// Stop when the simplex's objective spread is below `relativeTolerance`·(|f_best| + tol)…
    var relativeTolerance = 1e-8
    /// … or below this absolute spread.
    var absoluteTolerance = 0.0
    /// Objective evaluations allowed per run.
    var maximumEvaluations = 4000
    /// Whether the lane-driven run evaluates each iteration's four possible trial points in one
    /// call (the same path either way; see `minimise(lanes:start:steps:)`).
    var speculative = true

    /// The outcome of one run.
    struct Result {
        var point: [Double]
        var value: Double
        /// Objective evaluations spent (including the initial simplex).
        var evaluations: Int
    }

    /// Minimises `f` from `start` with initial steps `steps` along each coordinate.
    func minimise(_ f: (UnsafeBufferPointer<Double>) -> Double, start: [Double], steps: [Double]) -> Result {
        let n = start.count
        return minimise(lanes: { points, count in
            var values = SIMD4<Double>(repeating: .infinity)
            for k in 0..<count { values[k] = f(UnsafeBufferPointer(rebasing: points[(k * n)..<((k + 1) * n)])) }
            return values
        }, start: start, steps: steps)
    }

    /// Minimises an objective that takes up to four points at once (`count` points stored one
    /// after another): the same path and evaluation count as one point at a time, with each
    /// iteration's reflection, expansion and both contractions evaluated in one call and the
    /// vertices of the initial and of a shrunk simplex four at a time (an objective that
    /// interleaves its points, as ETS's does, costs little more for four than for one).
    func minimise(lanes f: (UnsafeBufferPointer<Double>, Int) -> SIMD4<Double>, start: [Double],
                  steps: [Double]) -> Result {
        let n = start.count
        guard n > 0 else {
            let v = f(UnsafeBufferPointer(start: nil, count: 0), 1)[0]
            return Result(point: start, value: v.isNaN ? .infinity : v, evaluations: 1)
        }
        // Rows 0…n: the simplex; rows n+1 … n+4: the trial points (reflection, expansion,
        // contraction outside, contraction inside), contiguous for the objective; row n+5: the
        // centroid.
        let storage = UnsafeMutableBufferPointer<Double>.allocate(capacity: (n + 6) * n)
        let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: n + 1)
        let order = UnsafeMutableBufferPointer<Int>.allocate(capacity: n + 1)
        let batch = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
        defer { storage.deallocate(); values.deallocate(); order.deallocate(); batch.deallocate() }
        func row(_ r: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: storage[(r * n)..<((r + 1) * n)])
        }
        let trials = UnsafeBufferPointer(rebasing: storage[((n + 1) * n)..<((n + 5) * n)])
        /// The objective at the first `count` trial rows (NaN read as +∞).
        func evaluateTrials(_ count: Int) -> SIMD4<Double> {
            let v = f(trials, count)
            return v.replacing(with: .infinity, where: v .!= v)
        }
        /// The objective at the simplex rows listed in `rows`, four at a time, into `values`.
        func evaluateRows(_ rows: [Int]) {
            var k = 0
            while k < rows.count {
                let count = min(4, rows.count - k)
                for i in 0..<count {
                    let source = row(rows[k + i]), target = row(n + 1 + i)
                    for j in 0..<n { target[j] = source[j] }
                }
                let v = evaluateTrials(count)
                for i in 0..<count { values[rows[k + i]] = v[i] }
                k += count
            }
        }
        let reflected = row(n + 1), expanded = row(n + 2), outward = row(n + 3), inward = row(n + 4)
        let centroid = row(n + 5)

        for j in 0..<n { storage[j] = start[j] }
        order[0] = 0
        for i in 0..<n {
            let p = row(i + 1)
            for j in 0..<n { p[j] = start[j] }
            p[i] += steps[i]
            order[i + 1] = i + 1
        }
        evaluateRows(Array(0...n))
        // A step into the infeasible region is retried in the other direction.
        let retries = (0..<n).filter { !values[$0 + 1].isFinite }
        for i in retries { row(i + 1)[i] = start[i] - steps[i] }
        evaluateRows(retries.map { $0 + 1 })
        var evaluations = n + 1
        // `order[k]` is the row of the k-th best point.
        while evaluations < maximumEvaluations {
            // Stable insertion sort: the order changes by one point per iteration.
            for i in 1...n {
                let key = order[i], keyValue = values[key]
                var j = i - 1
                while j >= 0, values[order[j]] > keyValue { order[j + 1] = order[j]; j -= 1 }
                order[j + 1] = key
            }
            let best = values[order[0]], worst = values[order[n]]
            if worst.isFinite, worst - best <= max(absoluteTolerance, relativeTolerance * (abs(best) + relativeTolerance)) { break }
            for j in 0..<n { centroid[j] = 0 }
            for k in 0..<n {
                let p = row(order[k])
                for j in 0..<n { centroid[j] += p[j] / Double(n) }
            }
            let w = order[n]
            let worstPoint = row(w)
            func along(_ t: Double, into out: UnsafeMutableBufferPointer<Double>) {
                for j in 0..<n { out[j] = centroid[j] + t * (worstPoint[j] - centroid[j]) }
            }
            func replaceWorst(by p: UnsafeMutableBufferPointer<Double>, value v: Double) {
                for j in 0..<n { worstPoint[j] = p[j] }
                values[w] = v
            }
            along(-1, into: reflected)
            along(-2, into: expanded)
            along(-0.5, into: outward)
            along(0.5, into: inward)
            let v = speculative ? evaluateTrials(4) : SIMD4<Double>(repeating: .nan)
            func value(_ lane: Int) -> Double {
                if speculative { return v[lane] }
                let w = f(UnsafeBufferPointer(rebasing: trials[(lane * n)..<((lane + 1) * n)]), 1)[0]
                return w.isNaN ? .infinity : w
            }
            let fr = value(0); evaluations += 1
            if fr < best {
                let fe = value(1); evaluations += 1
                if fe < fr { replaceWorst(by: expanded, value: fe) } else { replaceWorst(by: reflected, value: fr) }
            } else if fr < values[order[n - 1]] {
                replaceWorst(by: reflected, value: fr)
            } else {
                let trial = fr < worst ? outward : inward
                let fc = fr < worst ? value(2) : value(3); evaluations += 1
                if fc < min(fr, worst) {
                    replaceWorst(by: trial, value: fc)
                } else {
                    let first = row(order[0])
                    for k in 1...n {
                        let p = row(order[k])
                        for j in 0..<n { p[j] = first[j] + 0.5 * (p[j] - first[j]) }
                    }
                    evaluateRows((1...n).map { order[$0] })
                    evaluations += n
                }
            }
        }
        var bestRow = order[0]
        for k in 1...n where values[order[k]] < values[bestRow] { bestRow = order[k] }
        return Result(point: Array(row(bestRow)), value: values[bestRow], evaluations: evaluations)
    }
}
