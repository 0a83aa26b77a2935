import Foundation
import Testing
@testable import Outturn

/// Maximum-likelihood estimation and automatic selection against R forecast 8.20's `ets()`.
@Suite("ETS estimation against R forecast 8.20")
struct ETSEstimationTests {
    /// On R's model class, our optimum's log-likelihood is no worse than R's (R's own optimum
    /// is a Nelder–Mead result, so ours may be better; 1e-6 relative allows for rounding).
    @Test("optimised loglik ≥ R's on R's model", arguments: SharedReferences.oracleSeriesIDs)
    func likelihoodAtLeastR(_ id: String) throws {
        let c = try ETSOracleTests.load(id)
        let fit = try ETSFit(estimating: c.fit.model, start: c.fit.start, values: c.fit.values)
        let r = try c.ets.double("loglik")
        #expect(fit.logLikelihood >= r - 1e-6 * abs(r), "\(id) \(fit.model): ours \(fit.logLikelihood), R \(r)")
    }

    /// Automatic selection by AICc over the 15 admissible models.
    @Test("AICc selection picks R's model", arguments: SharedReferences.oracleSeriesIDs)
    func selection(_ id: String) throws {
        let c = try ETSOracleTests.load(id)
        let fit = try ETSFit(start: c.fit.start, values: c.fit.values)
        #expect(fit.model == c.fit.model, "\(id): ours \(fit.model) AICc \(fit.aicc), R \(c.fit.model) AICc \(try c.ets.double("aicc"))")
    }
}
