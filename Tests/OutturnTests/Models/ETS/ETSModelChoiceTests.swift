import Foundation
import Testing
@testable import Outturn

/// `--model ets` and `--model "ets(MAdM)"`: parsing, naming, and the errors a user meets.
@Suite("ETS model choice")
struct ETSModelChoiceTests {
    @Test func parsesRSpellings() throws {
        #expect(try ModelChoice(parsing: "ets") == .ets(nil))
        let madm = ETSModel(error: .multiplicative, trend: .additiveDamped, season: .multiplicative)
        #expect(try ModelChoice(parsing: "ets(MAdM)") == .ets(madm))
        #expect(try ModelChoice(parsing: "ETS(M,Ad,M)") == .ets(madm))
        #expect(try ModelChoice(parsing: "ets(MAdM)").description == "ets(MAdM)")
        #expect(throws: ModelError.ets(.inadmissibleModel("ETS(A,N,M)"))) { try ModelChoice(parsing: "ets(ANM)") }
        #expect(throws: ModelError.ets(.unknownModel("ets(XYZ)"))) { try ModelChoice(parsing: "ets(XYZ)") }
    }

    static func start() throws -> Month { try Month(year: 2018, month: 1) }
    /// 30 months of a seasonal pattern with a little irregularity, from 2018-01.
    static let values: [Double?] = (0..<30).map { (t: Int) -> Double? in
        let season = 20 * sin(Double(t) * Double.pi / 6)
        return 100 + season + Double((t * 7) % 5)
    }
    static func series(_ values: [Double?]) throws -> MonthlySeries { try MonthlySeries(start: try start(), values: values) }

    @Test func fixedModelIsNamedAsR() throws {
        let selection = try ModelSelection(history: try Self.series(Self.values), choice: try ModelChoice(parsing: "ets(ANN)"))
        #expect(selection.model.name == "ETS(A,N,N)")
        #expect(selection.reason == "as requested")
        let fit = try #require(selection.model.ets)
        #expect(selection.model.sigma == fit.sigma2.squareRoot())
        #expect(selection.model.degreesOfFreedom == 30 - 2)
    }

    /// R's `ets()` on 18 positive months: no seasonal model has enough data (ETS(A,N,A) has 14
    /// free parameters and needs more than 18 months), so six candidates: A and M errors with
    /// N, A and Ad trends; the lowest AICc among them is kept.
    @Test func automaticChoosesTheLowestAICc() throws {
        let history = try Self.series(Array(Self.values.prefix(18)))
        let selection = try ModelSelection(history: history, choice: .ets(nil))
        #expect(selection.reason == "ets: lowest AICc of 6 candidates")
        let chosen = try #require(selection.model.ets)
        for model in ETSModel.candidates(strictlyPositive: true, count: 18) {
            guard let fit = try? ETSFit(estimating: model, start: history.start, values: chosen.values) else { continue }
            #expect(chosen.aicc <= fit.aicc + 1e-9, "\(model)")
        }
    }

    @Test func errorsNameTheModel() throws {
        let mam = try ModelChoice(parsing: "ets(MAM)")
        // Too few months: ETS(M,A,M) has 16 free parameters and R needs more than 16 + 4 months.
        #expect(throws: ModelError.tooFewObservations(model: "ETS(M,A,M)", needed: 21, available: 18)) {
            try ModelSelection(history: try Self.series(Array(Self.values.prefix(18))), choice: mam)
        }
        // A zero with a multiplicative component.
        var values = Self.values
        values[5] = 0
        #expect(throws: ModelError.nonPositiveForModel(model: "ETS(M,A,M)", month: try Self.start().advanced(by: 5), value: 0)) {
            try ModelSelection(history: try Self.series(values), choice: mam)
        }
        // A gap: smoothing needs consecutive months.
        values = Self.values
        values[10] = nil
        #expect(throws: ModelError.gapInHistory(model: "ETS(A,N,N)", month: try Self.start().advanced(by: 10))) {
            try ModelSelection(history: try Self.series(values), choice: try ModelChoice(parsing: "ets(ANN)"))
        }
        // No regression terms.
        let step = RegressionFormula.Term.intervention(try Intervention(parsing: "step@2019-06"))
        #expect(throws: ModelError.termsNeedRegression(model: "ets", terms: "step@2019-06")) {
            try ModelSelection(history: try Self.series(Self.values), choice: .ets(nil), extraTerms: [step])
        }
    }
}
