#if canImport(Accelerate)
import Accelerate

/// The LAPACK interface of `LAPACK+Reference.swift`, backed by Accelerate on Apple platforms.
///
/// Not built or tested on Linux, Outturn's tested platform: it mirrors the reference file call
/// for call, using Accelerate's CLAPACK entry points (`__CLPK_integer` dimensions, no hidden
/// string lengths). Arguments are validated in Swift exactly as there.
enum LAPACK {
    static func int32(_ value: Int) -> __CLPK_integer {
        precondition(value >= 0 && value <= Int(Int32.max), "dimension \(value) does not fit LAPACK's INTEGER")
        return __CLPK_integer(value)
    }

    static func geqp3(m: Int, n: Int, a: inout [Double]) -> (pivot: [Int], tau: [Double]) {
        precondition(m >= 1 && n >= 1 && a.count == m * n, "geqp3: bad dimensions")
        var m32 = int32(m), n32 = int32(n), lda = int32(m)
        var jpvt = [__CLPK_integer](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: Swift.min(m, n))
        var info: __CLPK_integer = 0
        var query = 0.0, lwork: __CLPK_integer = -1
        dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = int32(Swift.max(Int(query), 3 * n + 1))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &work, &lwork, &info)
        precondition(info == 0, "dgeqp3 failed with info \(info) on validated input")
        return (jpvt.map { Int($0) - 1 }, tau)
    }

    static func applyQTranspose(m: Int, n: Int, factors: [Double], tau: [Double],
                                c: inout [Double], nrhs: Int) {
        let k = tau.count
        precondition(m >= 1 && k <= Swift.min(m, n) && factors.count == m * n
                     && nrhs >= 1 && c.count == m * nrhs, "ormqr: bad dimensions")
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: "T"))
        var m32 = int32(m), n32 = int32(nrhs), k32 = int32(k), lda = int32(m), ldc = int32(m)
        var info: __CLPK_integer = 0
        var query = 0.0, lwork: __CLPK_integer = -1
        var factors = factors, tau = tau
        dormqr_(&side, &trans, &m32, &n32, &k32, &factors, &lda, &tau, &c, &ldc, &query, &lwork, &info)
        lwork = int32(Swift.max(Int(query), nrhs, 1))
        var work = [Double](repeating: 0, count: Int(lwork))
        dormqr_(&side, &trans, &m32, &n32, &k32, &factors, &lda, &tau, &c, &ldc, &work, &lwork, &info)
        precondition(info == 0, "dormqr failed with info \(info) on validated input")
    }

    static func solveUpperTriangular(n: Int, r: [Double], ldr: Int, transpose: Bool,
                                     b: inout [Double], nrhs: Int) {
        precondition(n >= 1 && ldr >= n && r.count >= ldr * (n - 1) + n
                     && nrhs >= 1 && b.count == n * nrhs, "trtrs: bad dimensions")
        var uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
        var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
        var n32 = int32(n), nrhs32 = int32(nrhs), lda = int32(ldr), ldb = int32(n)
        var info: __CLPK_integer = 0
        var r = r
        dtrtrs_(&uplo, &trans, &diag, &n32, &nrhs32, &r, &lda, &b, &ldb, &info)
        precondition(info == 0, "dtrtrs failed with info \(info): the rank cut should exclude zero pivots")
    }

    static func choleskyLower(n: Int, a: [Double]) -> [Double]? {
        precondition(n >= 1 && a.count == n * n, "potrf: bad dimensions")
        var uplo = CChar(UInt8(ascii: "L"))
        var n32 = int32(n), lda = int32(n), info: __CLPK_integer = 0
        var l = a
        dpotrf_(&uplo, &n32, &l, &lda, &info)
        precondition(info >= 0, "dpotrf rejected argument \(-info) on validated input")
        guard info == 0 else { return nil }
        for j in 1..<Swift.max(n, 1) { for i in 0..<j { l[i + j * n] = 0 } }
        return l
    }

    static func multiply(m: Int, n: Int, k: Int, a: [Double], lda: Int,
                         b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
        precondition(m >= 1 && n >= 1 && k >= 1 && a.count >= lda * k && lda >= m && ldb >= k && ldc >= m,
                     "gemm: bad dimensions")
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
                    b, Int32(ldb), 0, c, Int32(ldc))
    }
}
#endif
