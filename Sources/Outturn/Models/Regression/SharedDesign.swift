import Foundation
import Synchronization

/// One regression design — a model's columns over months that many series share — factorised
/// once and applied to all of them at BLAS-3 speed.
///
/// With the pivoted QR X·P = Q·R, series y's prediction for a month with design row x is
/// zᵀ·Q₁ᵀy, z = R₁₁⁻ᵀx_kept, so it is the linear functional (Q₁z)ᵀy; its residual sum of squares
/// is ‖y − ȳ‖² − ‖Q₁ᵀ(y − ȳ)‖² (the intercept is always a column, so centring leaves residuals
/// alone), formed outright when that difference is near rounding. One product [Q₁ᵀ; F]·Y, with
/// the functionals wanted as the rows of F, gives every series' σ̂ and predictions: no
/// coefficient is ever solved for.
///
/// Shared by ``SharedCalendarBatch`` (the year-end functional only) and
/// ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)`` (one functional per
/// unobserved month, for a full predictive distribution per series).
struct SharedDesign: Sendable {
    let model: RegressionFormula
    /// The fitted months, shared by every series.
    let months: [Month]
    let design: DesignMatrix
    let rank: Int
    /// ν = n − rank.
    let degreesOfFreedom: Int
    private let qr: PivotedQR
    /// Q₁ᵀ, rank × n, column-major.
    private let basis: [Double]

    /// Series are multiplied in fixed blocks of this many, whatever the core count, so results
    /// never depend on it.
    static let blockWidth = 2048

    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` when n ≤ rank,
    ///   ``ModelError/emptyDesign``.
    init(model: RegressionFormula, months: [Month]) throws(ModelError) {
        guard !months.isEmpty else { throw .emptyDesign }
        let n = months.count
        let design = DesignMatrix(model: model, fittedMonths: months, regressors: [:])
        let qr = try PivotedQR(try design.matrix(for: months), tolerance: LeastSquares.defaultTolerance)
        guard n - qr.rank >= 1 else {
            throw .tooFewObservations(model: model.description, needed: qr.rank + 1, available: n)
        }
        var qt = [Double](repeating: 0, count: n * n)
        for i in 0..<n { qt[i + i * n] = 1 }
        qr.applyQTranspose(to: &qt, nrhs: n)   // Qᵀ, n × n; its first `rank` rows are Q₁ᵀ
        var basis = [Double](repeating: 0, count: qr.rank * n)
        for i in 0..<n { for k in 0..<qr.rank { basis[k + i * qr.rank] = qt[k + i * n] } }
        self.model = model
        self.months = months
        self.design = design
        self.qr = qr
        self.basis = basis
        rank = qr.rank
        degreesOfFreedom = n - qr.rank
    }

    /// z = R₁₁⁻ᵀ·x_kept for each month's design row: cᵀ(XᵀX)⁻¹d = z_c·z_d, and the month's
    /// prediction is zᵀQ₁ᵀy.
    func whitenedRows(for months: [Month]) throws(ModelError) -> [[Double]] {
        guard !months.isEmpty else { return [] }
        var block = [Double](repeating: 0, count: rank * months.count)
        for (index, month) in months.enumerated() {
            let row = try design.row(for: month)
            for j in 0..<rank { block[j + index * rank] = row[qr.pivot[j]] }
        }
        LAPACK.solveUpperTriangular(n: rank, r: qr.triangle, ldr: rank, transpose: true, b: &block, nrhs: months.count)
        return (0..<months.count).map { Array(block[($0 * rank)..<(($0 + 1) * rank)]) }
    }

    /// f = Q₁z: fᵀy is the prediction zᵀQ₁ᵀy of every series y.
    func functional(_ z: [Double]) -> [Double] {
        (0..<months.count).map { i in
            var sum = 0.0
            for k in 0..<rank { sum += basis[k + i * rank] * z[k] }
            return sum
        }
    }

    /// Computes every series' σ̂ and the functionals' values, calling `body(j, σ̂ⱼ, Fyⱼ)` once per
    /// series j (from several threads at once when `concurrently`, each j exactly once).
    /// - Parameters:
    ///   - values: the n × count matrix, column-major (series j's values are `values[j·n ..< (j+1)·n]`).
    ///   - functionals: the rows of F, n values each.
    /// - Throws: ``ModelError/nonFiniteInput`` when a series holds NaN or ±∞ (`body` is not called
    ///   for it).
    func apply(values: UnsafeBufferPointer<Double>, count: Int, functionals: [[Double]], concurrently: Bool,
               _ body: @Sendable (_ series: Int, _ sigma: Double, _ functionalValues: UnsafeBufferPointer<Double>) -> Void)
        throws(ModelError) {
        let n = months.count, rank = rank, extra = functionals.count, rows = rank + extra
        precondition(values.count == n * count && functionals.allSatisfy { $0.count == n }, "dimension mismatch")
        // M = [Q₁ᵀ; F], (rank + extra) × n; u = Q₁ᵀ·1 centres the projection.
        var projector = [Double](repeating: 0, count: rows * n)
        var ones = [Double](repeating: 0, count: rank)
        for i in 0..<n {
            for k in 0..<rank {
                projector[k + i * rows] = basis[k + i * rank]
                ones[k] += basis[k + i * rank]
            }
            for (r, f) in functionals.enumerated() { projector[rank + r + i * rows] = f[i] }
        }
        let nu = Double(degreesOfFreedom), width = Self.blockWidth
        let blocks = (count + width - 1) / width
        let failed = Mutex(false)
        // Unsafe buffers are not Sendable; each block reads its own columns only.
        nonisolated(unsafe) let y = values
        let (basis, matrix, u) = (basis, projector, ones)
        // `body` runs only while this call lasts.
        withoutActuallyEscaping(body) { body in
        let block: @Sendable (Int) -> Void = { index in
            let first = index * width, columns = min(width, count - first)
            // Always `width` columns, a short last block padded with zeros: how an optimised BLAS
            // rounds a column depends on the product's shape (OpenBLAS takes other kernels for
            // small or ragged products), and a series must get the same bits wherever it falls —
            // in a panel projected whole or one streamed in blocks of indicators.
            var product = [Double](repeating: 0, count: rows * width)
            var padded: [Double] = []
            if columns < width {
                padded = [Double](repeating: 0, count: n * width)
                for i in 0..<(n * columns) { padded[i] = y[first * n + i] }
            }
            product.withUnsafeMutableBufferPointer { out in
                if columns < width {
                    padded.withUnsafeBufferPointer { b in
                        LAPACK.multiply(m: rows, n: width, k: n, a: matrix, lda: rows, b: b.baseAddress!, ldb: n,
                                        c: out.baseAddress!, ldc: rows)
                    }
                } else {
                    LAPACK.multiply(m: rows, n: columns, k: n, a: matrix, lda: rows,
                                    b: y.baseAddress! + first * n, ldb: n, c: out.baseAddress!, ldc: rows)
                }
            }
            product.withUnsafeBufferPointer { product in
                for local in 0..<columns {
                    let column = (first + local) * n
                    var sum = 0.0, largest = 0.0
                    for i in 0..<n {
                        sum += y[column + i]
                        largest = max(largest, abs(y[column + i]))
                    }
                    guard sum.isFinite, largest.isFinite else { failed.withLock { $0 = true }; continue }
                    let mean = sum / Double(n)
                    var total = 0.0
                    for i in 0..<n { total += (y[column + i] - mean) * (y[column + i] - mean) }
                    let projected = local * rows
                    var explained = 0.0
                    for k in 0..<rank {
                        let centred = product[projected + k] - mean * u[k]
                        explained += centred * centred
                    }
                    var rss = total - explained
                    if rss <= 1e-6 * total {
                        rss = 0
                        for i in 0..<n {
                            var fitted = 0.0
                            for k in 0..<rank { fitted += basis[k + i * rank] * product[projected + k] }
                            rss += (y[column + i] - fitted) * (y[column + i] - fitted)
                        }
                    }
                    let sigma = exactFitAware(sigma: (max(rss, 0) / nu).squareRoot(), magnitude: largest)
                    body(first + local, sigma, UnsafeBufferPointer(rebasing: product[(projected + rank)..<(projected + rows)]))
                }
            }
        }
        if concurrently {
            DispatchQueue.concurrentPerform(iterations: blocks, execute: block)
        } else {
            for index in 0..<blocks { block(index) }
        }
        }
        if failed.withLock({ $0 }) { throw .nonFiniteInput }
    }
}
