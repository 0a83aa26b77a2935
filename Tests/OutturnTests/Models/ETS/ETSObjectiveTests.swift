import Foundation
import Testing
@testable import Outturn

/// The optimiser's allocation-free objective (`ETSObjective`) against the reference path
/// (`ETSParameters` → `ETSRecursion.run`, the recursion the fits and the R oracle tests use):
/// the same value for all 15 models on the three fixture series, at R's optimum and at points
/// around it (inside and outside the bounds), so a speed change that alters a formula fails
/// here. Additive-error values agree to the last bit; multiplicative-error ones to 1e-12
/// relative (the fast path takes Σ log|μ| as the log of products). At R's parameters the value
/// is also R's `lik` = −2·loglik.
@Suite("ETS fast objective equals the reference recursion")
struct ETSObjectiveTests {
    /// A small deterministic generator (SplitMix64) for the perturbed points.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
    }

    @Test("same value as the reference, 15 models × fixture series", arguments: ETSAllModelsOracleTests.files)
    func sameBits(_ file: String) throws {
        let data = try Data(contentsOf: ETSAllModelsOracleTests.folder.appendingPathComponent(file))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let values = try doc.doubles("values")
        let fits = try doc.object("fits")
        #expect(fits.count == 15)
        var random = SplitMix(state: 20_261_129)
        var finite = 0, infinite = 0
        for (spec, entryAny) in fits.sorted(by: { $0.key < $1.key }) {
            let r = try #require(entryAny as? [String: Any])
            let model = try ETSModel(parsing: spec)
            let par = try r.object("parameters")
            func optional(_ key: String) -> Double? { (par[key] as? NSNumber)?.doubleValue }
            let parameters = ETSParameters(alpha: try par.double("alpha"), beta: optional("beta"),
                                           gamma: optional("gamma"), phi: optional("phi"), level: try par.double("l"),
                                           trend: optional("b"), seasonal: (0..<11).compactMap { optional("s\($0)") })
            let objective = ETSObjective(model: model, values: values)
            let rPoint = parameters.vector
            #expect(objective.dimension == rPoint.count, "\(file) \(spec) dimension")
            // R's lik at R's optimum: −2·loglik (R's loglik omits the same constant).
            let atR = objective(rPoint)
            #expect(isClose(atR, -2 * (try r.double("loglik"))), "\(file) \(spec): \(atR)")
            // Around R's optimum: smoothing parameters moved by up to ±0.3 (often out of
            // bounds), states by up to ±20%.
            var points = [rPoint]
            for _ in 0..<60 {
                var p = rPoint
                let smoothing = 1 + [model.hasTrend, model.hasSeason, model.isDamped].filter { $0 }.count
                for i in p.indices {
                    let u = random.next() - 0.5
                    p[i] = i < smoothing ? p[i] + 0.6 * u : p[i] * (1 + 0.4 * u)
                }
                points.append(p)
            }
            for p in points {
                let fast = objective(p)
                let reference = ETSEstimation.referenceObjective(p, model: model, values: values)
                if model.error == .multiplicative, reference.isFinite {
                    #expect(abs(fast - reference) <= 1e-12 * abs(reference), "\(file) \(spec) at \(p): \(fast) vs \(reference)")
                } else {
                    #expect(fast.bitPattern == reference.bitPattern, "\(file) \(spec) at \(p): \(fast) vs \(reference)")
                }
                if fast.isFinite { finite += 1 } else { infinite += 1 }
            }
        }
        // Both branches (inside and outside the admissible region) are exercised.
        #expect(finite > 100 && infinite > 100, "\(file): \(finite) finite, \(infinite) infinite")
    }

    @Test("the Schur–Cohn test on a stack buffer agrees with the polynomial's roots")
    func schurCohn() {
        // (z − 0.5)(z + 0.9)(z − 0.2) = z³ + 0.2z² − 0.53z + 0.09: roots inside.
        #expect(ETSBounds.rootsInsideUnitCircle([0.09, -0.53, 0.2, 1]))
        // (z − 1.1)(z − 0.5) = z² − 1.6z + 0.55: one root outside.
        #expect(!ETSBounds.rootsInsideUnitCircle([0.55, -1.6, 1]))
    }
}
