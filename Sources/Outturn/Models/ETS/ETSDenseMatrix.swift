/// A small dense row-major matrix for the ETS moment recursions (at most 24 × 24), kept
/// private to the ETS code so that it stays independent of the regression's `Matrix`.
struct ETSDenseMatrix: Equatable, Sendable {
    let rows: Int
    let columns: Int
    var storage: [Double]

    init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    static func identity(_ n: Int) -> ETSDenseMatrix {
        var m = ETSDenseMatrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    subscript(i: Int, j: Int) -> Double {
        get { storage[i * columns + j] }
        set { storage[i * columns + j] = newValue }
    }

    var transposed: ETSDenseMatrix {
        var t = ETSDenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    static func * (a: ETSDenseMatrix, b: ETSDenseMatrix) -> ETSDenseMatrix {
        precondition(a.columns == b.rows, "inner dimensions differ")
        var c = ETSDenseMatrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c[i, j] += aik * b[k, j] }
            }
        }
        return c
    }

    static func + (a: ETSDenseMatrix, b: ETSDenseMatrix) -> ETSDenseMatrix {
        var c = a
        for i in c.storage.indices { c.storage[i] += b.storage[i] }
        return c
    }

    static func * (s: Double, a: ETSDenseMatrix) -> ETSDenseMatrix {
        var c = a
        for i in c.storage.indices { c.storage[i] *= s }
        return c
    }

    /// The Kronecker product a ⊗ b.
    static func kronecker(_ a: ETSDenseMatrix, _ b: ETSDenseMatrix) -> ETSDenseMatrix {
        var c = ETSDenseMatrix(rows: a.rows * b.rows, columns: a.columns * b.columns)
        for i in 0..<a.rows { for j in 0..<a.columns {
            let aij = a[i, j]
            if aij == 0 { continue }
            for k in 0..<b.rows { for l in 0..<b.columns { c[i * b.rows + k, j * b.columns + l] = aij * b[k, l] } }
        } }
        return c
    }

    /// vec(): the columns stacked, as R's `c(M)`.
    var vectorised: ETSDenseMatrix {
        var v = ETSDenseMatrix(rows: rows * columns, columns: 1)
        for j in 0..<columns { for i in 0..<rows { v[j * rows + i, 0] = self[i, j] } }
        return v
    }
}
