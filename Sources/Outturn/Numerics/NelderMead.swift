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
        guard n > 0 else {
            let v = start.withUnsafeBufferPointer(f)
            return Result(point: start, value: v.isNaN ? .infinity : v, evaluations: 1)
        }
        // Rows 0…n: the simplex; row n+1: reflected point; row n+2: expanded/contracted point;
        // row n+3: the centroid.
        let storage = UnsafeMutableBufferPointer<Double>.allocate(capacity: (n + 4) * n)
        let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: n + 1)
        let order = UnsafeMutableBufferPointer<Int>.allocate(capacity: n + 1)
        defer { storage.deallocate(); values.deallocate(); order.deallocate() }
        func row(_ r: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: storage[(r * n)..<((r + 1) * n)])
        }
        func value(_ r: Int) -> Double { evaluate(UnsafeBufferPointer(row(r))) }
        func evaluate(_ point: UnsafeBufferPointer<Double>) -> Double {
            let v = f(point)
            return v.isNaN ? .infinity : v
        }
        let reflected = row(n + 1), trial = row(n + 2), centroid = row(n + 3)

        for j in 0..<n { storage[j] = start[j] }
        values[0] = value(0)
        order[0] = 0
        for i in 0..<n {
            let p = row(i + 1)
            for j in 0..<n { p[j] = start[j] }
            p[i] += steps[i]
            var fp = value(i + 1)
            // A step into the infeasible region is retried in the other direction.
            if !fp.isFinite {
                p[i] = start[i] - steps[i]
                fp = value(i + 1)
            }
            values[i + 1] = fp
            order[i + 1] = i + 1
        }
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
            let fr = evaluate(UnsafeBufferPointer(reflected)); evaluations += 1
            if fr < best {
                along(-2, into: trial)
                let fe = evaluate(UnsafeBufferPointer(trial)); evaluations += 1
                if fe < fr { replaceWorst(by: trial, value: fe) } else { replaceWorst(by: reflected, value: fr) }
            } else if fr < values[order[n - 1]] {
                replaceWorst(by: reflected, value: fr)
            } else {
                along(fr < worst ? -0.5 : 0.5, into: trial)
                let fc = evaluate(UnsafeBufferPointer(trial)); evaluations += 1
                if fc < min(fr, worst) {
                    replaceWorst(by: trial, value: fc)
                } else {
                    let first = row(order[0])
                    for k in 1...n {
                        let p = row(order[k])
                        for j in 0..<n { p[j] = first[j] + 0.5 * (p[j] - first[j]) }
                        values[order[k]] = value(order[k])
                    }
                    evaluations += n
                }
            }
        }
        var bestRow = order[0]
        for k in 1...n where values[order[k]] < values[bestRow] { bestRow = order[k] }
        return Result(point: Array(row(bestRow)), value: values[bestRow], evaluations: evaluations)
    }
}
