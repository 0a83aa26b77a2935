import Testing
@testable import Outturn

/// y = (6, 5, 7, 10) on x = (1, 2, 3, 4), by hand: x̄ = 2.5, ȳ = 7, Sxx = 5, Sxy = 7, so b = 1.4,
/// a = 3.5; fitted (4.9, 6.3, 7.7, 9.1), residuals (1.1, −1.3, −0.7, 0.9), RSS = 4.2;
/// XᵀX = [[4, 10], [10, 30]], (XᵀX)⁻¹ = [[1.5, −0.5], [−0.5, 0.2]].
@Suite struct LeastSquaresTests {
    static let x: [Double] = [1, 2, 3, 4]
    static let y: [Double] = [6, 5, 7, 10]

    @Test func straightLineByHand() throws {
        let design = Matrix(columns: [[1, 1, 1, 1], Self.x])
        let solution = try LeastSquares(design: design, response: Self.y)
        #expect(solution.rank == 2)
        #expect(isClose(try #require(solution.coefficients[0]), 3.5, relative: 1e-13))
        #expect(isClose(try #require(solution.coefficients[1]), 1.4, relative: 1e-13))
        #expect(isClose(solution.residualSumOfSquares, 4.2, relative: 1e-13))
        let covariance = solution.unscaledCovariance()
        #expect(isClose(covariance[0, 0], 1.5, relative: 1e-13))
        #expect(isClose(covariance[0, 1], -0.5, relative: 1e-13))
        #expect(isClose(covariance[1, 0], -0.5, relative: 1e-13))
        #expect(isClose(covariance[1, 1], 0.2, relative: 1e-13))
        // cᵀ(XᵀX)⁻¹c for c = (1, 5): 1.5 − 2·0.5·5 + 0.2·25 = 1.5.
        let z = solution.whiten([[1, 5]])[0]
        #expect(isClose(dot(z, z), 1.5, relative: 1e-13))
    }

    @Test func aliasesACollinearColumnLikeR() throws {
        // 2x is a multiple of x: one of the pair is aliased and the fit is the line above.
        let design = Matrix(columns: [[1, 1, 1, 1], Self.x, Self.x.map { 2 * $0 }])
        let solution = try LeastSquares(design: design, response: Self.y)
        #expect(solution.rank == 2)
        #expect(solution.coefficients.filter { $0 == nil }.count == 1)
        #expect(isClose(solution.residualSumOfSquares, 4.2, relative: 1e-12))
        for (fitted, expected) in zip(solution.fitted, [4.9, 6.3, 7.7, 9.1]) {
            #expect(isClose(fitted, expected, relative: 1e-12))
        }
    }

    @Test func refusesNonFiniteAndEmptyDesigns() {
        #expect(throws: ModelError.nonFiniteInput) {
            try LeastSquares(design: Matrix(columns: [[1, 1]]), response: [1, .nan])
        }
        #expect(throws: ModelError.emptyDesign) {
            try LeastSquares(design: Matrix(columns: [[0, 0, 0]]), response: [1, 2, 3])
        }
        #expect(throws: ModelError.emptyDesign) {
            try LeastSquares(design: Matrix(rows: 0, columns: 1), response: [])
        }
    }

    @Test func survivesHugeAndTinyMagnitudes() throws {
        for scale in [1e300, 1e-300] {
            let design = Matrix(columns: [[1, 1, 1, 1], Self.x])
            let solution = try LeastSquares(design: design, response: Self.y.map { $0 * scale })
            #expect(isClose(try #require(solution.coefficients[1]), 1.4 * scale, relative: 1e-12))
        }
    }
}
