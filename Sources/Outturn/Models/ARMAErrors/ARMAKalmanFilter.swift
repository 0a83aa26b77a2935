import Foundation

/// The Kalman filter of an ``ARMAProcess`` observed without noise, run on several series at once:
/// the response and every design column. The gains depend on the process and on which months are
/// observed, not on the data, so one pass whitens them all, and generalised least squares
/// becomes ordinary least squares on the whitened columns.
///
/// For each observed month t the innovation v_t = y_t − ŷ_{t|t−1} has variance σ²F_t; the
/// standardised innovations v_t/√F_t are independent N(0, σ²) under the model, and
/// −2 log L = n log(2πσ²) + Σ log F_t + Σ v_t²/(σ²F_t) exactly (missing months are skipped).
struct ARMAKalmanFilter: Sendable {
    /// Standardised innovations, one column per input series, `observations × columns`, column-major.
    let whitened: [Double]
    /// The number of observed months.
    let observations: Int
    let columns: Int
    /// Σ log F_t over the observed months.
    let sumLogGain: Double
    /// The filtered state a_{N|N} after the last month, `r × columns`, row-major.
    let finalState: [Double]
    /// Its covariance P_{N|N} (r × r, row-major, per unit σ²).
    let finalCovariance: [Double]

    /// Filters `columns` series (each `observed.count` long, column-major; values at unobserved
    /// months are ignored) through `process`, starting from its stationary distribution.
    /// `nil` when the process is not stationary.
    init?(process: ARMAProcess, observed: [Bool], data: [Double], columns m: Int) {
        let count = observed.count
        precondition(data.count == count * m, "one value per month and column")
        guard var p = process.stationaryStateCovariance() else { return nil }
        let r = process.stateDimension
        let phi = (0..<r).map { process.phi($0 + 1) }
        let rr = (0..<r).map { process.theta($0) }
        var a = [Double](repeating: 0, count: r * m)
        var whitened = [Double](repeating: 0, count: observed.lazy.filter { $0 }.count * m)
        let n = whitened.count / max(m, 1)
        var row = 0, sumLog = 0.0
        var gain = [Double](repeating: 0, count: r)
        var work = [Double](repeating: 0, count: r * r)
        for t in 0..<count {
            if observed[t] {
                let f = p[0]
                guard f > 0, f.isFinite else { return nil }
                let root = f.squareRoot()
                sumLog += log(f)
                for i in 0..<r { gain[i] = p[i * r] / f }
                for c in 0..<m {
                    let v = data[t + c * count] - a[c]
                    whitened[row + c * n] = v / root
                    for i in 0..<r { a[i * m + c] += gain[i] * v }
                }
                // P ← P − P e₁ e₁ᵀ P / F, kept symmetric.
                let firstRow = Array(p[0..<r])
                for i in 0..<r { for j in i..<r {
                    let value = p[i * r + j] - gain[i] * firstRow[j]
                    p[i * r + j] = value
                    p[j * r + i] = value
                } }
                row += 1
            }
            if t == count - 1 { break }
            // a ← T a;  P ← T P Tᵀ + R Rᵀ, with (T A)_{i·} = φ_{i+1} A_{1·} + A_{i+1,·}.
            for c in 0..<m {
                let first = a[c]
                for i in 0..<r { a[i * m + c] = phi[i] * first + (i + 1 < r ? a[(i + 1) * m + c] : 0) }
            }
            for i in 0..<r { for j in 0..<r {
                work[i * r + j] = phi[i] * p[j] + (i + 1 < r ? p[(i + 1) * r + j] : 0)
            } }
            for i in 0..<r { for j in i..<r {
                let value = work[i * r] * phi[j] + (j + 1 < r ? work[i * r + j + 1] : 0) + rr[i] * rr[j]
                p[i * r + j] = value
                p[j * r + i] = value
            } }
        }
        self.whitened = whitened
        observations = n
        columns = m
        sumLogGain = sumLog
        finalState = a
        finalCovariance = p
    }
}
