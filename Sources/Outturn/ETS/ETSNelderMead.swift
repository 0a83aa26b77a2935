/// A Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction ½, shrink ½), the
/// method R's `ets()` uses. Infinite objective values mark infeasible points.
struct ETSNelderMead {
    /// Stop when the simplex's objective spread is below `relativeTolerance`·(|f_best| + tol).
    var relativeTolerance = 1e-8
    /// Objective evaluations allowed per run.
    var maximumEvaluations = 4000

    /// Minimises `f` from `start` with initial steps `steps` along each coordinate.
    func minimise(_ f: ([Double]) -> Double, start: [Double], steps: [Double]) -> (point: [Double], value: Double) {
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += steps[i]
            // A step into the infeasible region is retried in the other direction.
            if !f(p).isFinite { p[i] = start[i] - steps[i] }
            simplex.append(p)
        }
        var values = simplex.map(f)
        var evaluations = n + 1
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let best = values[0], worst = values[n]
            if worst.isFinite, worst - best <= relativeTolerance * (abs(best) + relativeTolerance) { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for j in 0..<n { centroid[j] += p[j] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = f(reflected); evaluations += 1
            if fr < best {
                let expanded = along(-2)
                let fe = f(expanded); evaluations += 1
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let contracted = fr < worst ? along(-0.5) : along(0.5)
                let fc = f(contracted); evaluations += 1
                if fc < min(fr, worst) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = f(simplex[i])
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[i], values[i])
    }
}
