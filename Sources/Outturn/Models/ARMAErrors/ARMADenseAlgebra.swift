/// Small dense solves for the ARMA-error code (systems of at most a few dozen unknowns): the
/// autocovariance equations and the inverse of the observed information. Written in Swift
/// rather than through LAPACK because they are tiny and some are singular at the edge of the
/// stationary region, which is a result (`nil`) here, not an illegal call.
enum ARMADenseAlgebra {
    /// Solves A·x = b for the `n × n` row-major A by Gaussian elimination with partial pivoting;
    /// `nil` when A is singular to working precision.
    static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        precondition(a.count == n * n && b.count == n, "solve: bad dimensions")
        var a = a, b = b
        let scale = a.reduce(0) { max($0, abs($1)) }
        guard scale > 0, scale.isFinite else { return nil }
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<max(n, k + 1) where abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
            guard abs(a[pivot * n + k]) > 1e-14 * scale else { return nil }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                b.swapAt(k, pivot)
            }
            for i in (k + 1)..<max(n, k + 1) {
                let factor = a[i * n + k] / a[k * n + k]
                if factor == 0 { continue }
                for j in k..<n { a[i * n + j] -= factor * a[k * n + j] }
                b[i] -= factor * b[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[i]
            for j in (i + 1)..<max(n, i + 1) { sum -= a[i * n + j] * x[j] }
            x[i] = sum / a[i * n + i]
        }
        return x
    }

    /// The inverse of the `n × n` row-major A, column by column; `nil` when A is singular.
    static func inverse(_ a: [Double], n: Int) -> [Double]? {
        var result = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            guard let column = solve(a, e, n: n) else { return nil }
            for i in 0..<n { result[i * n + j] = column[i] }
        }
        return result
    }

    /// A lower-triangular L (row-major) with L·Lᵀ = A for a symmetric positive *semi*-definite A:
    /// a pivot at rounding level (a direction A does not vary in, e.g. a state the data pin down
    /// exactly) gives a zero column instead of a failure.
    static func semidefiniteCholesky(_ a: [Double], n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        let scale = (0..<n).reduce(0.0) { max($0, abs(a[$1 * n + $1])) }
        for j in 0..<n {
            var diagonal = a[j * n + j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 1e-13 * scale else { continue }
            let root = diagonal.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(n, j + 1) {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / root
            }
        }
        return l
    }
}
