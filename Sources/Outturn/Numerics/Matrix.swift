/// A dense matrix of doubles in column-major order, the layout LAPACK expects.
struct Matrix: Hashable, Sendable {
    let rows: Int
    let columns: Int
    /// Element (i, j) is at `i + j * rows`.
    var storage: [Double]

    init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: value, count: rows * columns)
    }

    /// Builds a matrix from its columns, which must all have the same length.
    init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "columns differ in length")
        self.rows = rows
        self.columns = columns.count
        storage = columns.flatMap { $0 }
    }

    subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// `self · vector`.
    func multiply(_ vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "dimension mismatch")
        var result = [Double](repeating: 0, count: rows)
        for j in 0..<columns where vector[j] != 0 {
            let v = vector[j], offset = j * rows
            for i in 0..<rows { result[i] += storage[offset + i] * v }
        }
        return result
    }
}
