/// An ordinary least-squares solution of X·β ≈ y by QR with column pivoting (LAPACK `dgeqp3`).
///
/// XᵀX is never formed: the normal equations square the condition number. Columns whose
/// pivoted diagonal |R_jj| falls below `tolerance · |R_11|` are *aliased* (linear combinations of
/// the others, e.g. a step that starts after the data ends); like R's `lm`, their coefficients are
/// reported as absent and they take no part in fitting or prediction. ``rank`` counts the rest.
struct LeastSquares: Sendable {
    let rows: Int
    let columns: Int
    /// The number of columns kept.
    let rank: Int
    /// Column j (< rank) of the kept, pivoted design is column `pivot[j]` of X.
    let pivot: [Int]
    /// The kept block R₁₁ of the pivoted R factor, `rank × rank`, column-major.
    let triangle: [Double]
    /// β in X's column order; `nil` for an aliased column.
    let coefficients: [Double?]
    /// X·β.
    let fitted: [Double]
    /// y − X·β.
    let residuals: [Double]

    /// R's `lm` treats pivots below 1e-7 (relative) as zero; Outturn uses the same cut.
    static let defaultTolerance = 1e-7

    /// Fits y ≈ X·β.
    /// - Throws: ``ModelError/nonFiniteInput`` for NaN or ±∞ in X or y,
    ///   ``ModelError/emptyDesign`` when X has no rows, no columns or only zeros.
    /// - Complexity: O(m·n²) for an m × n design.
    init(design: Matrix, response: [Double], tolerance: Double = defaultTolerance) throws(ModelError) {
        let m = design.rows, n = design.columns
        guard m >= 1, n >= 1, response.count == m else { throw .emptyDesign }
        let qr = try PivotedQR(design, tolerance: tolerance)
        guard response.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
        let rank = qr.rank, pivot = qr.pivot, triangle = qr.triangle

        var qty = response
        qr.applyQTranspose(to: &qty, nrhs: 1)
        var solution = Array(qty.prefix(rank))
        LAPACK.solveUpperTriangular(n: rank, r: triangle, ldr: rank, transpose: false,
                                    b: &solution, nrhs: 1)

        var coefficients = [Double?](repeating: nil, count: n)
        var dense = [Double](repeating: 0, count: n)
        for j in 0..<rank {
            coefficients[pivot[j]] = solution[j]
            dense[pivot[j]] = solution[j]
        }
        let fitted = design.multiply(dense)
        self.rows = m
        self.columns = n
        self.rank = rank
        self.pivot = pivot
        self.triangle = triangle
        self.coefficients = coefficients
        self.fitted = fitted
        self.residuals = zip(response, fitted).map { $0 - $1 }
    }

    /// The coefficients with aliased columns as zero, ready for X·β.
    var denseCoefficients: [Double] { coefficients.map { $0 ?? 0 } }

    /// The residual sum of squares.
    var residualSumOfSquares: Double { residuals.reduce(0) { $0 + $1 * $1 } }

    /// z = R₁₁⁻ᵀ·c_kept for each vector c (length `columns` each), one triangular solve for all.
    /// Then cᵀ(XᵀX)⁻¹d = z_c·z_d over the kept columns: the quadratic forms of prediction
    /// variances without ever forming (XᵀX)⁻¹.
    func whiten(_ vectors: [[Double]]) -> [[Double]] {
        guard !vectors.isEmpty else { return [] }
        var block = [Double](repeating: 0, count: rank * vectors.count)
        for (k, vector) in vectors.enumerated() {
            precondition(vector.count == columns, "dimension mismatch")
            for j in 0..<rank { block[j + k * rank] = vector[pivot[j]] }
        }
        LAPACK.solveUpperTriangular(n: rank, r: triangle, ldr: rank, transpose: true,
                                    b: &block, nrhs: vectors.count)
        return (0..<vectors.count).map { k in Array(block[(k * rank)..<((k + 1) * rank)]) }
    }

    /// (XᵀX)⁻¹ over the kept columns, in X's column order (aliased rows and columns are zero).
    func unscaledCovariance() -> Matrix {
        // R₁₁⁻¹ from R₁₁·Z = I; then (XᵀX)⁻¹ = P·R₁₁⁻¹·R₁₁⁻ᵀ·Pᵀ.
        var inverse = [Double](repeating: 0, count: rank * rank)
        for j in 0..<rank { inverse[j + j * rank] = 1 }
        LAPACK.solveUpperTriangular(n: rank, r: triangle, ldr: rank, transpose: false,
                                    b: &inverse, nrhs: rank)
        var covariance = Matrix(rows: columns, columns: columns)
        for a in 0..<rank {
            for b in 0..<rank {
                var sum = 0.0
                for k in max(a, b)..<rank { sum += inverse[a + k * rank] * inverse[b + k * rank] }
                covariance[pivot[a], pivot[b]] = sum
            }
        }
        return covariance
    }
}
