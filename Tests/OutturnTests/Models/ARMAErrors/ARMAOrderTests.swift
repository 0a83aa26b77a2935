import Foundation
import Testing
@testable import Outturn

@Suite("ARMA terms in model names")
struct ARMAOrderTests {
    @Test func parsesAndPrintsBack() throws {
        for name in ["trend+season+arma(1,0)", "trend+season+arma(2,1)(1)", "trend+arma", "level+arma(0,1)",
                     "log(trend+season+arma(1,1))", "trend+season+step@2020-03+arma(1,0)[60]"] {
            #expect(try RegressionFormula(parsing: name).description == name)
        }
        let model = try RegressionFormula(parsing: "trend+season+arma(2,1)(1)")
        #expect(model.errors == .fixed(try ARMAOrder(p: 2, q: 1, seasonalAR: true)))
        #expect(model.terms == [.trend, .season])
        #expect(try RegressionFormula(parsing: "trend+arma").errors == .automatic)
        #expect(try RegressionFormula(parsing: "trend+season").errors == nil)
    }

    @Test(arguments: ["trend+arma(1)", "trend+arma(1,0", "trend+arma(a,0)", "trend+arma(1,0)(2)", "trend+arma(6,0)",
                      "trend+arma(1,0)+arma(0,1)", "trend+arma(-1,0)", "trend+arma()", "trend+armax"])
    func rejectsMalformedTerms(_ name: String) {
        #expect(throws: ModelError.unknownModel(name)) { try RegressionFormula(parsing: name) }
    }

    /// (1 − 0.5B)(1 − 0.8B¹²) = 1 − 0.5B − 0.8B¹² + 0.4B¹³.
    @Test func seasonalARMultipliesOut() throws {
        let process = ARMAProcess(order: try ARMAOrder(p: 1, q: 0, seasonalAR: true), parameters: [0.5, 0.8])
        #expect(process.ar.count == 13)
        #expect(process.ar[0] == 0.5 && process.ar[11] == 0.8 && abs(process.ar[12] + 0.4) < 1e-15)
        #expect(process.ar[1..<11].allSatisfy { $0 == 0 })
    }

    /// AR(1) with φ = 0.6: γ(k) = 0.6ᵏ/(1 − 0.36); MA(1) with θ = 0.5: γ(0) = 1.25, γ(1) = 0.5, γ(2) = 0.
    @Test func autocovariancesByHand() throws {
        let ar = try #require(ARMAProcess(ar: [0.6], ma: []).autocovariances(maxLag: 3))
        for k in 0...3 { #expect(abs(ar[k] - pow(0.6, Double(k)) / 0.64) < 1e-14) }
        let ma = try #require(ARMAProcess(ar: [], ma: [0.5]).autocovariances(maxLag: 2))
        #expect(abs(ma[0] - 1.25) < 1e-15 && abs(ma[1] - 0.5) < 1e-15 && ma[2] == 0)
    }
}
