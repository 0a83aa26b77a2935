/// A stationary ARMA process with unit innovation variance, u_t = Σφ_i u_{t−i} + ε_t + Σθ_j ε_{t−j}
/// (R's sign convention), and its state-space form:
///
///   α_{t+1} = T α_t + R ε_{t+1},  u_t = α_{1,t},
///
/// with r = max(p, q + 1), T the companion matrix (φ in the first column, ones above the
/// diagonal) and R = (1, θ_1, …, θ_{r−1})ᵀ — Harvey's form, the one R's `arima` uses.
struct ARMAProcess: Sendable {
    /// φ_1 … φ_p, the seasonal factor already multiplied in.
    let ar: [Double]
    /// θ_1 … θ_q.
    let ma: [Double]

    init(ar: [Double], ma: [Double]) {
        self.ar = ar
        self.ma = ma
    }

    /// The process of `order` with parameters (φ_1 … φ_p, θ_1 … θ_q, Φ) in that order:
    /// (1 − Σφ_i Bⁱ)(1 − Φ B¹²) expanded into one AR polynomial of degree p + 12.
    init(order: ARMAOrder, parameters: [Double]) {
        precondition(parameters.count == order.parameterCount, "one parameter per ARMA coefficient")
        var ar = Array(parameters[0..<order.p])
        let ma = Array(parameters[order.p..<(order.p + order.q)])
        if order.seasonalAR {
            let seasonal = parameters[order.p + order.q]
            var expanded = [Double](repeating: 0, count: order.p + 12)
            for i in 0..<order.p { expanded[i] = ar[i] }
            expanded[11] += seasonal
            for i in 0..<order.p { expanded[12 + i] -= ar[i] * seasonal }
            ar = expanded
        }
        self.init(ar: ar, ma: ma)
    }

    /// The state dimension r = max(p, q + 1).
    var stateDimension: Int { max(ar.count, ma.count + 1) }

    /// φ_k (1-based), 0 beyond p.
    func phi(_ k: Int) -> Double { k >= 1 && k <= ar.count ? ar[k - 1] : 0 }
    /// θ_k (1-based) with θ_0 = 1, 0 beyond q.
    func theta(_ k: Int) -> Double { k == 0 ? 1 : (k >= 1 && k <= ma.count ? ma[k - 1] : 0) }

    /// ψ_0 … ψ_{count−1} of u_t = Σψ_j ε_{t−j}: ψ_0 = 1, ψ_j = θ_j + Σ_{i=1}^{min(j,p)} φ_i ψ_{j−i}.
    func psiWeights(count: Int) -> [Double] {
        var psi = [Double](repeating: 0, count: max(count, 0))
        for j in 0..<psi.count {
            var value = theta(j)
            for i in stride(from: 1, through: min(j, ar.count), by: 1) { value += ar[i - 1] * psi[j - i] }
            psi[j] = value
        }
        return psi
    }

    /// γ(0) … γ(maxLag) for unit innovation variance, from the p + 1 equations
    /// γ(k) − Σ_j φ_j γ(|k − j|) = Σ_{j=k}^{q} θ_j ψ_{j−k} (k = 0 … p), then the AR recursion;
    /// `nil` when the equations are singular (a unit root).
    func autocovariances(maxLag: Int) -> [Double]? {
        let p = ar.count, q = ma.count
        let psi = psiWeights(count: q + 1)
        func c(_ k: Int) -> Double {
            guard k <= q else { return 0 }
            return (k...q).reduce(0) { $0 + theta($1) * psi[$1 - k] }
        }
        var gamma = [Double](repeating: 0, count: max(maxLag, p) + 1)
        if p == 0 {
            for k in 0...q where k < gamma.count { gamma[k] = c(k) }
        } else {
            let n = p + 1
            var a = [Double](repeating: 0, count: n * n)
            var b = [Double](repeating: 0, count: n)
            for k in 0...p {
                a[k * n + k] += 1
                for j in 1...p { a[k * n + abs(k - j)] -= ar[j - 1] }
                b[k] = c(k)
            }
            guard let solved = ARMADenseAlgebra.solve(a, b, n: n), solved[0] > 0 else { return nil }
            for k in 0...p { gamma[k] = solved[k] }
            if gamma.count > p + 1 {
                for k in (p + 1)..<gamma.count {
                    gamma[k] = (1...p).reduce(c(k)) { $0 + ar[$1 - 1] * gamma[k - $1] }
                }
            }
        }
        return Array(gamma.prefix(maxLag + 1))
    }

    /// The stationary covariance of the state (r × r, row-major, unit innovation variance): the
    /// exact start of the Kalman filter. With α_{i,t} = Σ_{a=0}^{r−i} (φ_{i+a} u_{t−1−a} + θ_{i+a−1} ε_{t−a})
    /// every entry is a finite sum of autocovariances, ψ-weights (E u_s ε_{s'} = ψ_{s−s'}) and
    /// θθ products; exact like R's `SSinit = "Rossignol2011"`. `nil` when not stationary.
    func stationaryStateCovariance() -> [Double]? {
        let r = stateDimension
        guard let gamma = autocovariances(maxLag: r) else { return nil }
        let psi = psiWeights(count: r + 1)
        func crossUE(_ s: Int) -> Double { s >= 0 ? psi[s] : 0 }   // E u_{x} ε_{x−s}
        var p0 = [Double](repeating: 0, count: r * r)
        for i in 1...r {
            for j in i...r {
                var sum = 0.0
                for a in 0...(r - i) {
                    let phiA = phi(i + a), thetaA = theta(i + a - 1)
                    for b in 0...(r - j) {
                        let phiB = phi(j + b), thetaB = theta(j + b - 1)
                        if phiA != 0 && phiB != 0 { sum += phiA * phiB * gamma[abs(a - b)] }
                        // E u_{t−1−a} ε_{t−b} = ψ_{b−1−a}; E ε_{t−a} u_{t−1−b} = ψ_{a−1−b}.
                        if phiA != 0 && thetaB != 0 { sum += phiA * thetaB * crossUE(b - 1 - a) }
                        if thetaA != 0 && phiB != 0 { sum += thetaA * phiB * crossUE(a - 1 - b) }
                        if a == b { sum += thetaA * thetaB }
                    }
                }
                p0[(i - 1) * r + (j - 1)] = sum
                p0[(j - 1) * r + (i - 1)] = sum
            }
        }
        return p0
    }
}
