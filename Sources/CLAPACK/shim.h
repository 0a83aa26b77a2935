// The Fortran LAPACK (and one BLAS) routines Outturn calls, as gfortran builds them on Debian (LP64):
// every argument by pointer, INTEGER is 32-bit, matrices column-major with an explicit
// leading dimension, and each CHARACTER argument adds a hidden `size_t` length after all
// other arguments, in order. Works with reference LAPACK and with OpenBLAS as provider.
//
// Never pass an argument LAPACK would reject: reference LAPACK's XERBLA prints a message
// and ends the process with exit status 0. Callers validate in Swift first.
#ifndef OUTTURN_CLAPACK_SHIM_H
#define OUTTURN_CLAPACK_SHIM_H

#include <stddef.h>
#include <stdint.h>

/// QR factorization with column pivoting: A·P = Q·R.
void dgeqp3_(const int32_t *m, const int32_t *n, double *a, const int32_t *lda,
             int32_t *jpvt, double *tau, double *work, const int32_t *lwork,
             int32_t *info);

/// Applies Q or Qᵀ from dgeqrf/dgeqp3 to a matrix C.
void dormqr_(const char *side, const char *trans, const int32_t *m, const int32_t *n,
             const int32_t *k, const double *a, const int32_t *lda, const double *tau,
             double *c, const int32_t *ldc, double *work, const int32_t *lwork,
             int32_t *info, size_t side_len, size_t trans_len);

/// Solves a triangular system A·X = B or Aᵀ·X = B.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int32_t *n,
             const int32_t *nrhs, const double *a, const int32_t *lda, double *b,
             const int32_t *ldb, int32_t *info, size_t uplo_len, size_t trans_len,
             size_t diag_len);

/// Cholesky factorization of a symmetric positive definite matrix.
void dpotrf_(const char *uplo, const int32_t *n, double *a, const int32_t *lda,
             int32_t *info, size_t uplo_len);

/// C = alpha·op(A)·op(B) + beta·C (BLAS level 3).
void dgemm_(const char *transa, const char *transb, const int32_t *m, const int32_t *n,
            const int32_t *k, const double *alpha, const double *a, const int32_t *lda,
            const double *b, const int32_t *ldb, const double *beta, double *c,
            const int32_t *ldc, size_t transa_len, size_t transb_len);

#endif
