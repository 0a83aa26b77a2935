import Foundation
import Testing
@testable import Outturn

/// `YearEndProjection.warnings` on hand-built series, one case at a time. Every expected count is
/// worked out by hand in the test's comment from the series' length and months.
@Suite struct ProjectionWarningTests {
    typealias Reason = ModelSelection.Reason

    /// `count` months from `start` of a noisy seasonal series: level 100, a season of amplitude 10,
    /// and a deterministic irregular part ((37·i) mod 11) − 5, so no model fits it exactly.
    func noisy(from start: String, count: Int) throws -> MonthlySeries {
        let values: [Double?] = (0..<count).map { i in
            100 + 10 * sin(2 * Double.pi * Double(i) / 12) + Double((37 * i) % 11) - 5
        }
        return try MonthlySeries(start: Month(parsing: start), values: values)
    }

    func sumTarget(_ year: Int, _ threshold: Double) throws -> Target {
        try Target(indicator: "x", year: year, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: threshold)
    }

    @Test func threeMonthsOnALineRaiseAllFour() throws {
        // Jan–Mar 2024 = 10, 20, 30: 3 months < 24; `auto` needs 8 for its ensemble, so it takes the
        // lowest-AICc regression of trend and level; the horizon Mar → Dec is 9 months > 3.
        let series = try MonthlySeries(start: Month(parsing: "2024-01"), values: [10, 20, 30])
        let p = try YearEndProjection(series: series, target: sumTarget(2024, 1000), asOf: Month(parsing: "2024-03"))
        let codes = p.warnings.map(\.code)
        #expect(codes.contains("short-history") && codes.contains("long-extrapolation") && codes.contains("fell-back"))
        #expect(p.warnings.contains(.shortHistory(observedMonths: 3, minimum: 24)))
        #expect(p.warnings.contains(.longExtrapolation(horizon: 9, observedMonths: 3)))
        #expect(p.warnings.contains(.fellBack(requested: "auto", fitted: try #require(p.modelSummary?.name), observedMonths: 3)))
        // Three points on a line: `trend` fits them exactly, and then the interval has no width.
        if p.modelSummary?.name == "trend" {
            #expect(codes.contains("exact-fit"))
        }
        if let interval = p.intervals.last, interval.upper - interval.lower == 0 {
            #expect(codes.contains("exact-fit"))
        }
    }

    @Test func aLongNoisyHistoryRaisesNone() throws {
        // 2018-01 … 2020-06 is 30 months ≥ 24; the horizon Jun → Dec is 6 ≤ 30; the irregular part
        // keeps σ̂ well above zero; 30 consecutive months let `auto` fit its ensemble.
        let series = try noisy(from: "2018-01", count: 30)
        let p = try YearEndProjection(series: series, target: sumTarget(2020, 1200), asOf: Month(parsing: "2020-06"))
        #expect(p.warnings.isEmpty, "\(p.warnings)")
    }

    @Test func projectingYearsAheadIsALongExtrapolation() throws {
        // The same 30 months (last 2020-06), target year 2023: 2020-06 → 2023-12 is 3·12 + 6 = 42
        // months > 30 fitted. Nothing else is thin.
        let series = try noisy(from: "2018-01", count: 30)
        let p = try YearEndProjection(series: series, target: sumTarget(2023, 1200), asOf: Month(parsing: "2020-06"))
        #expect(p.warnings == [.longExtrapolation(horizon: 42, observedMonths: 30)])
    }

    @Test func aSeasonalModelOnOneYearFallsBack() throws {
        // 12 months of 2019 (< 24): trend+season loses its seasonal terms and `trend` is fitted.
        // Target 2020 as of 2019-12: horizon 12, not more than the 12 months fitted.
        let series = try noisy(from: "2019-01", count: 12)
        let p = try YearEndProjection(series: series, target: sumTarget(2020, 1200), asOf: Month(parsing: "2019-12"),
                                      model: .fixed(.trendSeason))
        #expect(p.modelSummary?.name == "trend")
        #expect(p.warnings == [.shortHistory(observedMonths: 12, minimum: 24),
                               .fellBack(requested: "trend+season", fitted: "trend", observedMonths: 12)])
    }

    @Test func anExactLineIsAnExactFit() throws {
        // 30 months of y = 100 + 2i exactly, model `trend`: residuals are rounding only, σ̂ ≈ 0, so
        // the interval collapses. 30 ≥ 24, horizon 2020-06 → 2020-12 = 6 ≤ 30, asked for and fitted.
        let series = try MonthlySeries(start: Month(parsing: "2018-01"), values: (0..<30).map { 100 + 2 * Double($0) })
        let p = try YearEndProjection(series: series, target: sumTarget(2020, 1200), asOf: Month(parsing: "2020-06"),
                                      model: .fixed(.trend))
        #expect(p.warnings.count == 1)
        guard case .exactFit(let observed, let sigma)? = p.warnings.first else {
            Issue.record("\(p.warnings)"); return
        }
        #expect(observed == 30)
        #expect(sigma <= ProjectionWarning.exactFitTolerance * 200)
        #expect(p.intervals.allSatisfy { $0.upper - $0.lower <= 1e-6 * p.value })
    }

    @Test func anObservedYearHasNoWarnings() throws {
        // Every month of 2019 observed: the outcome is known, whatever the short history.
        let series = try noisy(from: "2019-01", count: 12)
        let p = try YearEndProjection(series: series, target: sumTarget(2019, 1200), asOf: Month(parsing: "2019-12"))
        #expect(p.method == .observed)
        #expect(p.warnings.isEmpty)
    }

    @Test func fallbacksAreReadFromTheStructuredReason() {
        let june = try! Month(parsing: "2018-06")
        let pair = [Reason.Candidate(model: "trend", aicc: 50), Reason.Candidate(model: "level", aicc: 60)]
        #expect(YearEndProjection.fellBackFrom(.adjusted(requested: "trend+season", notes: [.noSeasonalTerms(observed: 10, minimum: 24)]))
                == "trend+season")
        #expect(YearEndProjection.fellBackFrom(.adjusted(requested: "trend", notes: [.fellBack(model: "trend", fallback: "level")]))
                == "trend")
        #expect(YearEndProjection.fellBackFrom(.lowestAICc(choice: "auto", candidates: pair,
                                                           notes: [.tooFewForSmoothing(months: 7, minimum: 8)])) == "auto")
        // Not about thin evidence: ARMA orders chosen, a gap, regression terms, a plain choice.
        #expect(YearEndProjection.fellBackFrom(.adjusted(requested: "trend+arma", notes: [.armaOrders(order: "ARMA(1,0)", candidates: 18)])) == nil)
        #expect(YearEndProjection.fellBackFrom(.lowestAICc(choice: "auto", candidates: pair, notes: [.missingMonth(june)])) == nil)
        #expect(YearEndProjection.fellBackFrom(.lowestAICc(choice: "auto", candidates: pair, notes: [.regressionTermsGiven])) == nil)
        #expect(YearEndProjection.fellBackFrom(.asRequested) == nil)
        #expect(YearEndProjection.fellBackFrom(.etsLowestAICc(candidates: 15)) == nil)
    }

    @Test func codesAreStable() throws {
        #expect(ProjectionWarning.shortHistory(observedMonths: 3, minimum: 24).code == "short-history")
        #expect(ProjectionWarning.exactFit(observedMonths: 3, sigma: 0).code == "exact-fit")
        #expect(ProjectionWarning.longExtrapolation(horizon: 9, observedMonths: 3).code == "long-extrapolation")
        #expect(ProjectionWarning.fellBack(requested: "auto", fitted: "trend", observedMonths: 3).code == "fell-back")
        #expect(ProjectionWarning.observedOutsideBounds(month: try #require(try? Month(year: 2024, month: 3)), value: 104.2,
                                                        bounds: .percentage, count: 1).code == "observed-outside-bounds")
        #expect(ProjectionWarning.minimumHistory == 24)
    }
}
