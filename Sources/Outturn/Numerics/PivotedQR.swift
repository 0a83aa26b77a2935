/// X·P = Q·R by QR with column pivoting (LAPACK `dgeqp3`), with the numerical rank under R's `lm`
/// tolerance: columns whose pivoted |R_jj| falls below `tolerance · |R_11|` are aliased.
///
/// Shared by ``LeastSquares`` (one response) and ``SharedCalendarBatch`` (one design for many).
struct PivotedQR: Sendable {
    let rows: Int
    let columns: Int
    /// `dgeqp3`'s output: R above the diagonal, the Householder vectors below.
    let factors: [Double]
    let tau: [Double]
    /// Column j (< rank) of the kept, pivoted design is column `pivot[j]` of X.
    let pivot: [Int]
    /// The number of columns kept.
    let rank: Int
    /// The kept block R₁₁, `rank × rank`, column-major.
    let triangle: [Double]

    /// - Throws: ``ModelError/emptyDesign`` for no rows, no columns or only zeros,
    ///   ``ModelError/nonFiniteInput`` for NaN or ±∞.
    init(_ design: Matrix, tolerance: Double) throws(ModelError) {
        let m = design.rows, n = design.columns
        guard m >= 1, n >= 1 else { throw .emptyDesign }
        guard design.storage.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
        var factors = design.storage
        let (pivot, tau) = LAPACK.geqp3(m: m, n: n, a: &factors)
        let largest = abs(factors[0])
        var rank = 0
        while rank < min(m, n), abs(factors[rank + rank * m]) > tolerance * largest { rank += 1 }
        guard rank > 0 else { throw .emptyDesign }
        var triangle = [Double](repeating: 0, count: rank * rank)
        for j in 0..<rank { for i in 0...j { triangle[i + j * rank] = factors[i + j * m] } }
        rows = m
        columns = n
        self.factors = factors
        self.tau = tau
        self.pivot = pivot
        self.rank = rank
        self.triangle = triangle
    }

    /// Overwrites the `rows × nrhs` matrix `c` with Qᵀ·c.
    func applyQTranspose(to c: inout [Double], nrhs: Int) {
        LAPACK.applyQTranspose(m: rows, n: columns, factors: factors, tau: tau, c: &c, nrhs: nrhs)
    }
}
