#if canImport(Accelerate)
import Accelerate
#else
import CLAPACK
#endif

/// The one place Outturn calls LAPACK: Debian's reference LAPACK or OpenBLAS through the Fortran
/// ABI declared in `CLAPACK/shim.h`, or Accelerate on Apple platforms. Every wrapper checks its
/// arguments in Swift first: reference LAPACK's XERBLA would print and end the process with
/// exit status 0 on an illegal argument, which no caller could catch. The two platforms differ
/// only in the integer type and in the hidden string lengths (`FortranCall`), so the code
/// tested on Linux is the code that runs on Apple platforms.
enum LAPACK {
    /// LAPACK's INTEGER: 32-bit on Debian's LP64 builds and in Accelerate's CLAPACK interface.
    static func int32(_ value: Int) -> LAPACKInteger {
        precondition(value >= 0 && value <= Int(Int32.max), "dimension \(value) does not fit LAPACK's INTEGER")
        return LAPACKInteger(value)
    }

    /// QR with column pivoting of the `m × n` matrix `a` (overwritten with R and the reflectors).
    /// Returns the 0-based pivot (column j of A·P is column `pivot[j]` of A) and τ.
    static func geqp3(m: Int, n: Int, a: inout [Double]) -> (pivot: [Int], tau: [Double]) {
        precondition(m >= 1 && n >= 1 && a.count == m * n, "geqp3: bad dimensions")
        var m32 = int32(m), n32 = int32(n), lda = int32(m)
        var jpvt = [LAPACKInteger](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: Swift.min(m, n))
        var info: LAPACKInteger = 0
        var query = 0.0, lwork: LAPACKInteger = -1
        dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = int32(Swift.max(Int(query), 3 * n + 1))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &work, &lwork, &info)
        precondition(info == 0, "dgeqp3 failed with info \(info) on validated input")
        return (jpvt.map { Int($0) - 1 }, tau)
    }

    /// Overwrites the `m × nrhs` matrix `c` with Qᵀ·c, Q from ``geqp3(m:n:a:)``.
    static func applyQTranspose(m: Int, n: Int, factors: [Double], tau: [Double],
                                c: inout [Double], nrhs: Int) {
        let k = tau.count
        precondition(m >= 1 && k <= Swift.min(m, n) && factors.count == m * n
                     && nrhs >= 1 && c.count == m * nrhs, "ormqr: bad dimensions")
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: "T"))
        var m32 = int32(m), n32 = int32(nrhs), k32 = int32(k), lda = int32(m), ldc = int32(m)
        var info: LAPACKInteger = 0
        var query = 0.0, lwork: LAPACKInteger = -1
        var factors = factors, tau = tau
        FortranCall.dormqr(&side, &trans, &m32, &n32, &k32, &factors, &lda, &tau, &c, &ldc,
                           &query, &lwork, &info)
        lwork = int32(Swift.max(Int(query), nrhs, 1))
        var work = [Double](repeating: 0, count: Int(lwork))
        FortranCall.dormqr(&side, &trans, &m32, &n32, &k32, &factors, &lda, &tau, &c, &ldc,
                           &work, &lwork, &info)
        precondition(info == 0, "dormqr failed with info \(info) on validated input")
    }

    /// Solves R·X = B (or Rᵀ·X = B) in place for the upper-triangular `n × n` R stored with
    /// leading dimension `ldr`. R's diagonal must be non-zero.
    static func solveUpperTriangular(n: Int, r: [Double], ldr: Int, transpose: Bool,
                                     b: inout [Double], nrhs: Int) {
        precondition(n >= 1 && ldr >= n && r.count >= ldr * (n - 1) + n
                     && nrhs >= 1 && b.count == n * nrhs, "trtrs: bad dimensions")
        var uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
        var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
        var n32 = int32(n), nrhs32 = int32(nrhs), lda = int32(ldr), ldb = int32(n)
        var info: LAPACKInteger = 0
        var r = r
        FortranCall.dtrtrs(&uplo, &trans, &diag, &n32, &nrhs32, &r, &lda, &b, &ldb, &info)
        precondition(info == 0, "dtrtrs failed with info \(info): the rank cut should exclude zero pivots")
    }

    /// Cholesky factor L (lower, L·Lᵀ = A) of the symmetric `n × n` matrix `a`, or `nil` when
    /// `a` is not positive definite. The strict upper triangle of the result is zeroed.
    static func choleskyLower(n: Int, a: [Double]) -> [Double]? {
        precondition(n >= 1 && a.count == n * n, "potrf: bad dimensions")
        var uplo = CChar(UInt8(ascii: "L"))
        var n32 = int32(n), lda = int32(n), info: LAPACKInteger = 0
        var l = a
        FortranCall.dpotrf(&uplo, &n32, &l, &lda, &info)
        precondition(info >= 0, "dpotrf rejected argument \(-info) on validated input")
        guard info == 0 else { return nil }
        for j in 1..<Swift.max(n, 1) { for i in 0..<j { l[i + j * n] = 0 } }
        return l
    }

    /// C (m × n) = A (m × k) · B (k × n), all column-major with the given leading dimensions;
    /// B and C are raw buffers so that callers can multiply a block of a larger matrix in place.
    static func multiply(m: Int, n: Int, k: Int, a: [Double], lda: Int,
                         b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
        precondition(m >= 1 && n >= 1 && k >= 1 && a.count >= lda * k && lda >= m && ldb >= k && ldc >= m,
                     "gemm: bad dimensions")
        FortranCall.dgemm(m: int32(m), n: int32(n), k: int32(k), a: a, lda: int32(lda),
                          b: b, ldb: int32(ldb), c: c, ldc: int32(ldc))
    }
}

#if canImport(Accelerate)
/// Accelerate's CLAPACK INTEGER.
typealias LAPACKInteger = __CLPK_integer

/// The routines whose calls differ by platform. Accelerate's CLAPACK entry points take no hidden
/// string lengths, and its BLAS is called through CBLAS.
private enum FortranCall {
    static func dormqr(_ side: inout CChar, _ trans: inout CChar, _ m: inout LAPACKInteger, _ n: inout LAPACKInteger,
                       _ k: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger, _ tau: inout [Double],
                       _ c: inout [Double], _ ldc: inout LAPACKInteger, _ work: UnsafeMutablePointer<Double>,
                       _ lwork: inout LAPACKInteger, _ info: inout LAPACKInteger) {
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &tau, &c, &ldc, work, &lwork, &info)
    }

    static func dtrtrs(_ uplo: inout CChar, _ trans: inout CChar, _ diag: inout CChar, _ n: inout LAPACKInteger,
                       _ nrhs: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger, _ b: inout [Double],
                       _ ldb: inout LAPACKInteger, _ info: inout LAPACKInteger) {
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, &a, &lda, &b, &ldb, &info)
    }

    static func dpotrf(_ uplo: inout CChar, _ n: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger,
                       _ info: inout LAPACKInteger) {
        dpotrf_(&uplo, &n, &a, &lda, &info)
    }

    static func dgemm(m: LAPACKInteger, n: LAPACKInteger, k: LAPACKInteger, a: [Double], lda: LAPACKInteger,
                      b: UnsafePointer<Double>, ldb: LAPACKInteger, c: UnsafeMutablePointer<Double>, ldc: LAPACKInteger) {
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
                    b, Int32(ldb), 0, c, Int32(ldc))
    }
}
#else
/// Fortran INTEGER is 32-bit on Debian's LP64 builds.
typealias LAPACKInteger = Int32

/// The routines whose calls differ by platform: gfortran adds a hidden length after all other
/// arguments for each CHARACTER argument (every one here is a single character).
private enum FortranCall {
    static func dormqr(_ side: inout CChar, _ trans: inout CChar, _ m: inout LAPACKInteger, _ n: inout LAPACKInteger,
                       _ k: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger, _ tau: inout [Double],
                       _ c: inout [Double], _ ldc: inout LAPACKInteger, _ work: UnsafeMutablePointer<Double>,
                       _ lwork: inout LAPACKInteger, _ info: inout LAPACKInteger) {
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &tau, &c, &ldc, work, &lwork, &info, 1, 1)
    }

    static func dtrtrs(_ uplo: inout CChar, _ trans: inout CChar, _ diag: inout CChar, _ n: inout LAPACKInteger,
                       _ nrhs: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger, _ b: inout [Double],
                       _ ldb: inout LAPACKInteger, _ info: inout LAPACKInteger) {
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, &a, &lda, &b, &ldb, &info, 1, 1, 1)
    }

    static func dpotrf(_ uplo: inout CChar, _ n: inout LAPACKInteger, _ a: inout [Double], _ lda: inout LAPACKInteger,
                       _ info: inout LAPACKInteger) {
        dpotrf_(&uplo, &n, &a, &lda, &info, 1)
    }

    static func dgemm(m: LAPACKInteger, n: LAPACKInteger, k: LAPACKInteger, a: [Double], lda: LAPACKInteger,
                      b: UnsafePointer<Double>, ldb: LAPACKInteger, c: UnsafeMutablePointer<Double>, ldc: LAPACKInteger) {
        var no = CChar(UInt8(ascii: "N"))
        var m = m, n = n, k = k, lda = lda, ldb = ldb, ldc = ldc
        var one = 1.0, zero = 0.0
        var a = a
        dgemm_(&no, &no, &m, &n, &k, &one, &a, &lda, b, &ldb, &zero, c, &ldc, 1, 1)
    }
}
#endif
