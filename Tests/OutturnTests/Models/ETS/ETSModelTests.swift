import Testing
@testable import Outturn

@Suite("ETS model names and R's admissible set")
struct ETSModelTests {
    @Test func parsesRSpellings() throws {
        let expected = ETSModel(error: .multiplicative, trend: .additiveDamped, season: .multiplicative)
        #expect(try ETSModel(parsing: "ets(MAdM)") == expected)
        #expect(try ETSModel(parsing: "ETS(M,Ad,M)") == expected)
        #expect(try ETSModel(parsing: "madm") == expected)
        #expect(expected.description == "ETS(M,Ad,M)")
        #expect(expected.shortName == "ets(MAdM)")
        #expect(try ETSModel(parsing: "ets(ANN)").description == "ETS(A,N,N)")
    }

    @Test func refusesUnknownAndInadmissible() {
        #expect(throws: ETSError.unknownModel("ets(MMN)")) { try ETSModel(parsing: "ets(MMN)") }
        #expect(throws: ETSError.unknownModel("ets(XNN)")) { try ETSModel(parsing: "ets(XNN)") }
        #expect(throws: ETSError.unknownModel("ets(ANNN)")) { try ETSModel(parsing: "ets(ANNN)") }
        #expect(throws: ETSError.inadmissibleModel("ETS(A,Ad,M)")) { try ETSModel(parsing: "ets(AAdM)") }
    }

    /// 2 errors × 3 trends × 3 seasons = 18, less ANM, AAM, AAdM (R's `restrict = TRUE`).
    @Test func fifteenAdmissible() {
        #expect(ETSModel.admissible.count == 15)
        #expect(!ETSModel.admissible.contains { $0.error == .additive && $0.season == .multiplicative })
        // Non-positive data: only the six additive-error, additive/no-season models.
        #expect(ETSModel.candidates(strictlyPositive: false, count: 100).count == 6)
        // 17 free parameters in M,Ad,M (α β γ φ ℓ b s0…s10): R needs n > 17 + 4.
        let madm = ETSModel(error: .multiplicative, trend: .additiveDamped, season: .multiplicative)
        #expect(madm.freeParameterCount == 17)
        #expect(!ETSModel.candidates(strictlyPositive: true, count: 21).contains(madm))
        #expect(ETSModel.candidates(strictlyPositive: true, count: 22).contains(madm))
    }

    /// Hand-checked characteristic polynomials: z² − 0.25 has roots ±0.5 (inside); z² − 4 has
    /// ±2 (outside); (z − 0.5)(z − 1.5) = z² − 2z + 0.75 has one outside.
    @Test func schurCohn() {
        #expect(ETSBounds.rootsInsideUnitCircle([-0.25, 0, 1]))
        #expect(!ETSBounds.rootsInsideUnitCircle([-4, 0, 1]))
        #expect(!ETSBounds.rootsInsideUnitCircle([0.75, -2, 1]))
        #expect(ETSBounds.rootsInsideUnitCircle([0.06, -0.5, 1]))   // roots 0.2, 0.3
    }
}
