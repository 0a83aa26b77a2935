import Foundation
import Testing
@testable import Outturn

/// ``ModelSelection/Reason``: ``ModelSelection`` builds the reason as data, and its English is
/// ``ModelSelection/reason``.
///
/// The expected structures follow from ModelSelection's rules, not from its output: seasonal terms
/// need 24 observed months, smoothing needs 8 consecutive months, `auto` with an intervention
/// must be a regression, and a regression with more parameters than months falls back to `level`.
@Suite struct ModelSelectionReasonTests {
    let start = try! Month(parsing: "2018-01")

    /// A smooth seasonal series of `count` months from January 2018 (positive, so smoothing fits).
    func series(_ count: Int, missing: Int? = nil) throws -> MonthlySeries {
        let values: [Double?] = (0..<count).map { t in
            t == missing ? nil : 100 + Double(t) + 10 * sin(2 * Double.pi * Double(t) / 12) + Double(t % 5)
        }
        return try MonthlySeries(start: start, values: values)
    }

    /// The selection's reason as data, checked to word back to the library's English.
    func reason(_ history: MonthlySeries, _ choice: ModelChoice, terms: [RegressionFormula.Term] = [],
                firstForecast: Month? = nil) throws -> ModelSelection.Reason {
        let selection = try ModelSelection(history: history, choice: choice, extraTerms: terms, regressors: [:],
                                           firstForecast: firstForecast)
        let structured = selection.structuredReason
        #expect(structured.description == selection.reason)
        return structured
    }

    @Test func requestedModelsAreAsRequested() throws {
        let history = try series(36)
        for choice in [ModelChoice.smoothing(.theta), .smoothing(.damped), .baseline(.snaive), .baseline(.runrate), .fixed(.trend)] {
            #expect(try reason(history, choice) == .asRequested)
        }
    }

    @Test func autoOnAConsecutiveHistoryIsTheEnsemble() throws {
        // 36 consecutive months: at least the 8 smoothing needs, no terms, so the ensemble.
        guard case .ensemble(let theta, let damped, _, _) = try reason(try series(36), .auto) else {
            Issue.record("expected the ensemble"); return
        }
        // The two weights are one weight and its complement, each shown to two decimals.
        #expect(abs(theta + damped - 1) <= 0.01 + 1e-12)
    }

    @Test func autoFallsBackToARegressionAndSaysWhy() throws {
        let step = RegressionFormula.Term.intervention(Intervention(.step, at: try Month(parsing: "2019-06")))
        // An intervention: only a regression takes it. 36 months ≥ 24, so the four seasonal candidates.
        guard case .lowestAICc("auto", let candidates, let notes) = try reason(try series(36), .auto, terms: [step]) else {
            Issue.record("expected lowest AICc"); return
        }
        #expect(candidates.map(\.model) == ["trend+season+step@2019-06", "season+step@2019-06", "trend+step@2019-06", "step@2019-06"])
        #expect(notes == [.regressionTermsGiven])
        // Month 5 (2018-06) missing: smoothing needs consecutive months.
        guard case .lowestAICc("auto", _, let gapNotes) = try reason(try series(36, missing: 5), .auto) else {
            Issue.record("expected lowest AICc"); return
        }
        #expect(gapNotes == [.missingMonth(try Month(parsing: "2018-06"))])
        // 7 months: fewer than smoothing's 8 and than seasonal terms' 24, so two notes.
        guard case .lowestAICc("auto", let short, let shortNotes) = try reason(try series(7), .auto) else {
            Issue.record("expected lowest AICc"); return
        }
        #expect(short.map(\.model) == ["trend", "level"])
        #expect(shortNotes == [.tooFewForSmoothing(months: 7, minimum: 8), .noSeasonalTerms(observed: 7, minimum: 24)])
        // The first month to forecast (2018-03) lies inside the history (2018-01 … 2020-12).
        guard case .lowestAICc("auto", _, let insideNotes) = try reason(try series(36), .auto, firstForecast: try Month(parsing: "2018-03")) else {
            Issue.record("expected lowest AICc"); return
        }
        #expect(insideNotes == [.forecastInsideHistory(try Month(parsing: "2018-03"))])
    }

    @Test func regressionChoiceListsItsCandidates() throws {
        guard case .lowestAICc("regression", let candidates, let notes) = try reason(try series(36), .regression) else {
            Issue.record("expected lowest AICc"); return
        }
        #expect(candidates.map(\.model) == ["trend+season", "season", "trend", "level"] && notes.isEmpty)
    }

    @Test func adjustedRegressionsNameEveryChange() throws {
        // 10 months < 24: trend+season loses its seasonal terms and is fitted as trend.
        #expect(try reason(try series(10), .fixed(.trendSeason))
                == .adjusted(requested: "trend+season", notes: [.noSeasonalTerms(observed: 10, minimum: 24)]))
        // 2 months cannot carry trend's two parameters plus a residual degree of freedom: level.
        #expect(try reason(try series(2), .fixed(.trend))
                == .adjusted(requested: "trend", notes: [.fellBack(model: "trend", fallback: "level")]))
    }

    @Test func etsAndARMAErrorsSayHowTheyChose() throws {
        // 36 positive consecutive months: R's ets() candidates for positive seasonal data are all 15.
        guard case .etsLowestAICc(let candidates) = try reason(try series(36), .ets(nil)) else {
            Issue.record("expected the ETS choice"); return
        }
        #expect(candidates == 15)
        // arma: the orders p, q ≤ 2, with and without the seasonal AR(1): 3 × 3 × 2 = 18.
        guard case .adjusted("trend+arma", let notes) = try reason(try series(36), .fixed(try RegressionFormula(parsing: "trend+arma"))),
              case .armaOrders(_, let orders) = notes.first else {
            Issue.record("expected the ARMA orders' note"); return
        }
        #expect(orders == 18)
    }
}
