import Foundation
import Testing
@testable import Outturn

/// Year-end projections derived by hand with the `level` model (ŷ = ȳ, Var(ȳ) = s²/n).
///
/// Jan–Aug = 10, 12, 14, 9, 11, 13, 10, 9: n = 8, Σ = 88, ȳ = 11, Σ(y − ȳ)² = 24, s² = 24/7, ν = 7.
/// Sep–Dec forecast 11 each. Sum: 88 + 44 = 132; Var = s²(a′X(X′X)⁻¹X′a + a′a) with a = 1₄:
/// s²(16/8 + 4) = 144/7. Mean: a = 1/12 each, Var = (144/7)/144 = 1/7.
@Suite struct YearEndProjectionTests {
    let january = try! Month(parsing: "2020-01")
    var series: MonthlySeries { try! MonthlySeries(start: january, values: [10, 12, 14, 9, 11, 13, 10, 9]) }
    var august: Month { january.advanced(by: 7) }

    func target(_ aggregate: Target.Aggregate, _ comparator: Target.Comparator, _ threshold: Double) throws -> Target {
        try Target(indicator: "x", year: 2020, aggregate: aggregate, comparator: comparator, threshold: threshold)
    }

    @Test func sumByHand() throws {
        let p = try YearEndProjection(series: series, target: target(.sum, .greaterThanOrEqual, 132),
                                      asOf: august, model: .fixed(.level), levels: [90])
        #expect(p.method == .exact)
        #expect(p.yearToDate == 88)
        #expect(p.observedMonths.count == 8)
        #expect(isClose(p.value, 132, relative: 1e-13))
        #expect(isClose(p.standardError, (144.0 / 7).squareRoot(), relative: 1e-12))
        // Threshold at the projection: P = ½ by symmetry.
        #expect(abs(p.probability - 0.5) < 1e-12)
        #expect(p.status == .atRisk)
        // Pace: (132 − 88)/4 = 11.
        #expect(isClose(try #require(p.requiredPace), 11, relative: 1e-13))
        // 90% interval: ± t₇,₀.₉₅ · se, t₇,₀.₉₅ = 1.894579 (published table).
        #expect(abs(p.intervals[0].upper - (132 + 1.894579 * (144.0 / 7).squareRoot())) < 1e-5)
    }

    @Test func probabilityFromATabledQuantile() throws {
        // Threshold = ŷ + t₇,₀.₉₀·se with t₇,₀.₉₀ = 1.414924: P(sum ≥ threshold) = 0.10.
        let se = (144.0 / 7).squareRoot()
        let high = try YearEndProjection(series: series, target: target(.sum, .greaterThanOrEqual, 132 + 1.414924 * se),
                                         asOf: august, model: .fixed(.level))
        #expect(abs(high.probability - 0.10) < 1e-6)
        #expect(high.status == .offTrack)
        let low = try YearEndProjection(series: series, target: target(.sum, .lessThan, 132 + 1.414924 * se),
                                        asOf: august, model: .fixed(.level))
        #expect(abs(low.probability - 0.90) < 1e-6)
        #expect(low.status == .onTrack)
    }

    @Test func meanByHand() throws {
        let p = try YearEndProjection(series: series, target: target(.mean, .lessThan, 12),
                                      asOf: august, model: .fixed(.level))
        #expect(isClose(p.value, 11, relative: 1e-13))
        #expect(isClose(p.standardError, (1.0 / 7).squareRoot(), relative: 1e-12))
        #expect(p.yearToDate == 11)
        // Pace: (12·12 − 88)/4 = 14.
        #expect(isClose(try #require(p.requiredPace), 14, relative: 1e-13))
    }

    @Test func lastIsDecemberWithItsOwnVariance() throws {
        // Var(December) = s²(1 + 1/n) = (24/7)(9/8) = 27/7.
        let p = try YearEndProjection(series: series, target: target(.last, .greaterThanOrEqual, 11),
                                      asOf: august, model: .fixed(.level))
        #expect(isClose(p.value, 11, relative: 1e-13))
        #expect(isClose(p.standardError, (27.0 / 7).squareRoot(), relative: 1e-12))
        #expect(p.yearToDate == 9)
    }

    @Test func maximumBySimulationMatchesTheExactDecemberTail() throws {
        // Observed months never reach 20, so P(max ≥ 20) = P(Sep…Dec max ≥ 20). With one open month
        // (as of November) that is P(Dec ≥ 20) = P(T₈ ≥ (20 − ȳ)/√(s²(1 + 1/n))).
        let values: [Double?] = [10, 12, 14, 9, 11, 13, 10, 9, 12, 10, 11]   // n = 11, ȳ = 11, Σ(y−ȳ)² = 26
        let s2 = 26.0 / 10, se = (s2 * (1 + 1.0 / 11)).squareRoot()
        let longer = try MonthlySeries(start: january, values: values)
        let p = try YearEndProjection(series: longer, target: target(.max, .greaterThanOrEqual, 14.5),
                                      asOf: january.advanced(by: 10), model: .fixed(.level))
        #expect(p.method == .simulation)
        let exact = StudentT(degreesOfFreedom: 10).upperTail((14.5 - 11) / se)
        // 10,000 paths: Monte Carlo s.d. ≤ 0.005.
        #expect(abs(p.probability - exact) < 0.02)
        // The year's maximum is at least the observed 14 and P(Dec > 14) < ½, so its median is 14.
        #expect(p.value == 14)
    }

    @Test func aFullyObservedYearIsAFact() throws {
        let year = try MonthlySeries(start: january, values: (1...12).map { Double($0) })
        let p = try YearEndProjection(series: year, target: target(.sum, .greaterThanOrEqual, 78),
                                      asOf: january.advanced(by: 11))
        #expect(p.method == .observed)
        #expect(p.value == 78 && p.standardError == 0 && p.probability == 1 && p.status == .met)
        #expect(p.selection == nil && p.requiredPace == nil)
        let missed = try YearEndProjection(series: year, target: target(.sum, .greaterThan, 78),
                                           asOf: january.advanced(by: 11))
        #expect(missed.status == .missed && missed.probability == 0)
    }

    @Test func aPeakAlreadyPassedSettlesTheTarget() throws {
        let p = try YearEndProjection(series: series, target: target(.max, .greaterThanOrEqual, 14),
                                      asOf: august, model: .fixed(.level))
        #expect(p.status == .met && p.probability == 1 && p.requiredPace == nil)
        let capped = try YearEndProjection(series: series, target: target(.max, .lessThan, 13),
                                           asOf: august, model: .fixed(.level))
        #expect(capped.status == .missed && capped.probability == 0)
    }

    @Test func asOfBeforeTheYearForecastsEveryMonth() throws {
        let p = try YearEndProjection(series: series, target: try Target(indicator: "x", year: 2021, aggregate: .sum,
                                                                         comparator: .lessThan, threshold: 140),
                                      asOf: august, model: .fixed(.level))
        // 12 forecasts of 11 each; Var = s²(144/8 + 12) = (24/7)·30.
        #expect(p.observedMonths.isEmpty && p.yearToDate == nil)
        #expect(isClose(p.value, 132, relative: 1e-13))
        #expect(isClose(p.standardError, (24.0 / 7 * 30).squareRoot(), relative: 1e-12))
    }

    @Test func anExactFitCollapsesTheInterval() throws {
        let line = try MonthlySeries(start: january, values: (1...8).map { 2 * Double($0) })
        let p = try YearEndProjection(series: line, target: target(.sum, .greaterThanOrEqual, 156),
                                      asOf: august, model: .fixed(.trend))
        // 2 + 4 + … + 24 = 156 exactly; zero residual variance.
        #expect(isClose(p.value, 156, relative: 1e-12))
        #expect(p.standardError == 0)
        #expect(p.probability == 0 || p.probability == 1)
        let below = try YearEndProjection(series: line, target: target(.sum, .greaterThanOrEqual, 156.5),
                                          asOf: august, model: .fixed(.trend))
        #expect(below.probability == 0 && below.status == .offTrack)
    }

    @Test func roundingNeverFlipsAVerdict() throws {
        // Twelve months of 0.1: their mean is 0.09999999999999999 in binary, yet "mean ≥ 0.1" is met.
        let tenths = try MonthlySeries(start: january, values: [Double?](repeating: 0.1, count: 12))
        let observed = try YearEndProjection(series: tenths, target: target(.mean, .greaterThanOrEqual, 0.1),
                                             asOf: january.advanced(by: 11))
        #expect(observed.status == .met)
        // A constant 5 is fitted as 5 − 1 ulp: "December ≥ 5" is certain, not impossible.
        let fives = try MonthlySeries(start: january, values: [Double?](repeating: 5, count: 8))
        let fitted = try YearEndProjection(series: fives, target: target(.last, .greaterThanOrEqual, 5),
                                           asOf: august, model: .fixed(.level))
        #expect(fitted.probability == 1 && fitted.status == .onTrack)
        let strict = try YearEndProjection(series: fives, target: target(.last, .greaterThan, 5),
                                           asOf: august, model: .fixed(.level))
        #expect(strict.probability == 0)
    }

    @Test func shortHistoryDropsSeasonalTermsAndSaysSo() throws {
        let selection = try ModelSelection(history: series, choice: .fixed(.trendSeason))
        #expect(selection.model.regression?.model == .trend)
        #expect(selection.reason.contains("no seasonal terms"))
        let tiny = try MonthlySeries(start: january, values: [5, 6])
        let fallback = try ModelSelection(history: tiny, choice: .fixed(.trend))
        #expect(fallback.model.regression?.model == .level)
        #expect(fallback.reason.contains("fell back to level"))
        #expect(throws: ModelError.self) {
            try ModelSelection(history: try MonthlySeries(start: january, values: [5]), choice: .auto)
        }
    }

    @Test func regressionNamesTheCandidatesItCompared() throws {
        let selection = try ModelSelection(history: series, choice: .regression)
        #expect(selection.reason.hasPrefix("regression: lowest AICc"))
        #expect(selection.reason.contains("trend") && selection.reason.contains("level"))
    }

    @Test func autoIsTheEnsembleUnlessARegressionIsNeeded() throws {
        let plain = try ModelSelection(history: series, choice: .auto)
        #expect(plain.model.name == "ensemble")
        #expect(plain.reason.hasPrefix("auto: ensemble of Theta"))

        let step = RegressionFormula.Term.intervention(try Intervention(parsing: "step@2020-03"))
        let withTerm = try ModelSelection(history: series, choice: .auto, extraTerms: [step])
        #expect(withTerm.model.regression != nil)
        #expect(withTerm.reason.contains("regression terms given"))

        var values = series.values
        values[2] = nil
        let gappy = try ModelSelection(history: try MonthlySeries(start: series.start, values: values), choice: .auto)
        #expect(gappy.model.regression != nil)
        #expect(gappy.reason.contains("\(series.start.advanced(by: 2)) is missing"))

        // A month of the target year before the first observation: only a regression fills it.
        let late = try MonthlySeries(start: try Month(parsing: "2019-03"), values: (0..<20).map { 10 + Double($0 % 5) })
        let wholeYear = try Target(indicator: "x", year: 2019, aggregate: .sum, comparator: .lessThan, threshold: 200)
        let filled = try YearEndProjection(series: late, target: wholeYear, asOf: try Month(parsing: "2020-06"))
        #expect(filled.selection?.model.regression != nil)
        #expect(filled.selection?.reason.contains("2019-01 lies inside the history") == true)

        let short = try ModelSelection(history: try MonthlySeries(start: january, values: [1, 2, 3, 4, 5, 6, 7]), choice: .auto)
        #expect(short.model.regression != nil)
        #expect(short.reason.contains("7 months are too few"))
    }

    @Test func badLevelsAreRefused() {
        #expect(throws: ModelError.level(100)) {
            try YearEndProjection(series: series, target: target(.sum, .lessThan, 1), asOf: august, levels: [100])
        }
    }
}
