/// A Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction ½, shrink ½) for the
/// few (≤ 2·``ARMAOrder/maximumOrder`` + 1) unconstrained ARMA parameters. Non-finite values mark
/// points to avoid.
struct ARMANelderMead {
    /// Stop when the simplex's spread of values is below this (absolute, on −log L).
    var tolerance = 1e-8
    var maximumEvaluations = 3000

    func minimise(_ f: ([Double]) -> Double, start: [Double], step: Double) -> (point: [Double], value: Double) {
        let n = start.count
        guard n > 0 else { return (start, f(start)) }
        var simplex = [start] + (0..<n).map { i in var p = start; p[i] += step; return p }
        var values = simplex.map { sanitised(f($0)) }
        var evaluations = n + 1
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if values[n] - values[0] <= tolerance { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = sanitised(f(reflected)); evaluations += 1
            if fr < values[0] {
                let expanded = along(-2), fe = sanitised(f(expanded)); evaluations += 1
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let outside = fr < values[n]
                let contracted = along(outside ? -0.5 : 0.5), fc = sanitised(f(contracted)); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = sanitised(f(simplex[k]))
                    }
                    evaluations += n
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[best], values[best])
    }

    private func sanitised(_ value: Double) -> Double { value.isFinite ? value : .infinity }
}
