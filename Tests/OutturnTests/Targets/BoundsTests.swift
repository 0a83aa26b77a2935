import Foundation
import Testing
@testable import Outturn

/// Natural bounds by hand with the `level` model on three months, 96, 97, 98 (Jun–Aug 2020):
/// ȳ = 97, s² = (1 + 0 + 1)/2 = 1, ν = n − 1 = 2. December's forecast error has variance
/// s²(1/n + 1) = 4/3, so se = 2/√3 = 1.154701.
///
/// Student's t with ν = 2 has the closed forms F(t) = ½ + t / (2√(2 + t²)) and published
/// quantiles t₀.₉₀ = 1.885618, t₀.₉₇₅ = 4.302653. The model's 80% interval for December is
/// 97 ± 1.885618·1.154701 = [94.822676, 99.177324] (inside 0…100); its 95% interval is
/// 97 ± 4.302653·1.154701 = 97 ± 4.968275 = [92.031725, 101.968275], whose upper end passes 100.
/// Censored to 0…100 (the model's chance of more than 100 is the chance of exactly 100), the
/// 95% interval is [92.031725, 100].
@Suite struct BoundsTests {
    let series = try! MonthlySeries(start: try! Month(parsing: "2020-06"), values: [96, 97, 98])
    let august = try! Month(parsing: "2020-08")
    let se = 2 / 3.0.squareRoot()

    func projection(_ comparator: Target.Comparator, _ threshold: Double, unit: String? = "%",
                    bounds: Bounds? = nil) throws -> YearEndProjection {
        let target = try Target(indicator: "rate", year: 2020, aggregate: .last, comparator: comparator,
                                threshold: threshold, unit: unit, bounds: bounds)
        return try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level),
                                     intervals: .model)
    }

    /// F₂(t) = ½ + t / (2√(2 + t²)).
    func cdf2(_ t: Double) -> Double { 0.5 + t / (2 * (2 + t * t).squareRoot()) }

    @Test func percentIntervalsStopAtOneHundred() throws {
        let bounded = try projection(.greaterThanOrEqual, 95)
        #expect(bounded.target.bounds == .percentage)
        #expect(abs(bounded.value - 97) < 1e-12)
        let eighty = try #require(bounded.intervals.first { $0.level == 80 })
        #expect(abs(eighty.lower - 94.822676) < 2e-6 && abs(eighty.upper - 99.177324) < 2e-6)
        let ninetyFive = try #require(bounded.intervals.first { $0.level == 95 })
        #expect(abs(ninetyFive.lower - 92.031725) < 2e-6)
        #expect(ninetyFive.upper == 100)
        // Without bounds (a `%` that may pass 100, told so) the model's own end stands.
        let unbounded = try projection(.greaterThanOrEqual, 95, bounds: Bounds.none)
        let open = try #require(unbounded.intervals.first { $0.level == 95 })
        #expect(abs(open.upper - 101.968275) < 2e-6)
        // A threshold strictly inside the range keeps the model's P(met): 1 − F₂((95 − 97)/se).
        #expect(abs(bounded.probability - (1 - cdf2((95 - 97) / se))) < 1e-9)
        #expect(bounded.probability == unbounded.probability)
    }

    @Test func monthlyForecastsStopAtOneHundredToo() throws {
        // Every unobserved month of 2020 (Jan–May, before the series starts, and Sep–Dec) has
        // December's spread under the level model: 95% [92.031725, 101.968275], censored to
        // [92.031725, 100].
        let months = try projection(.greaterThanOrEqual, 95).monthlyForecasts(levels: [95])
        #expect(months.count == 9)
        for month in months {
            #expect(month.intervals[0].upper == 100 && abs(month.intervals[0].lower - 92.031725) < 2e-6)
        }
        let open = try projection(.greaterThanOrEqual, 95, bounds: Bounds.none).monthlyForecasts(levels: [95])
        #expect(abs(try #require(open.last).intervals[0].upper - 101.968275) < 2e-6)
    }

    @Test func aTargetOnTheBoundCountsTheMassBeyondIt() throws {
        // "≥ 100%": every outcome the model puts at or above 100 is a rate of 100, so
        // P(met) = 1 − F₂((100 − 97)/se) = 1 − F₂(2.598076) = 1 − (½ + 2.598076/5.916080) = 0.060845.
        let onBound = try projection(.greaterThanOrEqual, 100)
        #expect(abs(onBound.probability - 0.060845) < 1e-6)
        // "> 100%" can then never be met, and "≤ 100%" is always met.
        #expect(try projection(.greaterThan, 100).probability == 0)
        #expect(try projection(.lessThanOrEqual, 100).probability == 1)
    }

    @Test func anExactFitOnTheBoundMeetsIt() throws {
        // A treatment rate at 100 every month: s = 0, so December is 100 for sure and "≥ 100%" is
        // met with certainty (the example's waste_harmless); "> 100%" cannot be.
        let full = try MonthlySeries(start: try Month(parsing: "2020-06"), values: [100, 100, 100])
        func judged(_ comparator: Target.Comparator) throws -> YearEndProjection {
            let target = try Target(indicator: "rate", year: 2020, aggregate: .last, comparator: comparator,
                                    threshold: 100, unit: "%")
            return try YearEndProjection(series: full, target: target, asOf: august, model: .fixed(.level), intervals: .model)
        }
        let atLeast = try judged(.greaterThanOrEqual)
        // (A least-squares mean of three 100s may come out as 99.99999999999999.)
        #expect(atLeast.probability == 1 && abs(atLeast.value - 100) < 1e-9 && atLeast.status == .onTrack)
        #expect(try judged(.greaterThan).probability == 0)
    }

    @Test func aCountThatCannotBeNegative() throws {
        // Counts 1, 0, 2 (Jun–Aug): ȳ = 1, s² = 1, ν = 2. The Jun–Dec total is 3 observed plus four
        // months at 1: 7, with Var = s²(4²/3 + 4) = 28/3, se = 3.055050. The model's 95% interval
        // 7 ± 4.302653·3.055050 = [−6.144823, 20.144823] and 80% interval 7 ± 1.885618·3.055050 =
        // [1.239342, 12.760658] reach below 3, the 3 already counted; told `0..`, the open months
        // cannot be negative, so both lower ends are 3.
        let counts = try MonthlySeries(start: try Month(parsing: "2020-06"), values: [1, 0, 2])
        func total(_ bounds: Bounds?) throws -> YearEndProjection {
            let target = try Target(indicator: "n", year: 2020, aggregate: .sum, comparator: .lessThanOrEqual,
                                    threshold: 10, period: 6...12, bounds: bounds)
            return try YearEndProjection(series: counts, target: target, asOf: august, model: .fixed(.level),
                                         intervals: .model)
        }
        let unbounded = try total(nil), count = try total(.nonNegative)
        #expect(abs(try #require(unbounded.intervals.first { $0.level == 95 }).lower + 6.144823) < 2e-6)
        let eighty = try #require(count.intervals.first { $0.level == 80 })
        let ninetyFive = try #require(count.intervals.first { $0.level == 95 })
        #expect(eighty.lower == 3 && ninetyFive.lower == 3)
        #expect(abs(eighty.upper - 12.760658) < 2e-6 && abs(ninetyFive.upper - 20.144823) < 2e-6)
        #expect(count.value == 7)
    }

    @Test func impossibleTargetsAreRefused() throws {
        #expect(throws: TargetError.thresholdOutsideBounds(threshold: 150, possible: .percentage)) {
            try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .greaterThanOrEqual, threshold: 150, unit: "%")
        }
        // A sum of twelve percentages may reach 1,200; a count cannot fall below 0.
        _ = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1150, unit: "%")
        #expect(throws: TargetError.self) {
            try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: -1,
                       bounds: .nonNegative)
        }
        #expect(throws: BoundsError.reversed(lower: 100, upper: 0)) { try Bounds(lower: 100, upper: 0) }
        #expect(throws: BoundsError.notFinite) { try Bounds(lower: 0, upper: .infinity) }
        #expect(Bounds.implied(byUnit: "µg/m³") == .none)
        #expect(Bounds.percentage.description == "0..100" && Bounds.nonNegative.description == "0..")
    }

    @Test func aScenarioIsHeldAtTheBound() throws {
        // +10% on months forecast at 97 would give 106.7; the months are held at 100 with their
        // error scaled by 1.1, so December is 100 and the 95% interval's top stays at 100.
        let base = try projection(.greaterThanOrEqual, 95)
        let months = try Month(parsing: "2020-09")...(try Month(parsing: "2020-12"))
        let scenario = Scenario(name: "up", changes: [.init(indicator: "rate", months: months, operation: .scale(percent: 10))])
        let target = base.target
        let p = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level),
                                      scenario: scenario, intervals: .model)
        #expect(p.value == 100)
        #expect(p.intervals.allSatisfy { $0.upper <= 100 })
        #expect(p.monthsHeldAtBounds.count == 4)
        // The lower 95% end: 100 − 1.1·4.968275 = 94.534898.
        let ninetyFive = try #require(p.intervals.first { $0.level == 95 })
        #expect(abs(ninetyFive.lower - 94.534898) < 2e-6)
        #expect(base.monthsHeldAtBounds.isEmpty)
    }

    @Test func aPanelOfRatesStaysWithinOneHundred() async throws {
        // 70 rates sharing a calendar (more than `sharedCalendarMinimum`, so the panel fits them
        // together) at 99.3 ± 1.2: the trend-and-season model's December interval reaches past
        // 100 for many of them. The panel's columns do not censor, so bounded targets take the
        // per-series way, whose intervals stop at 100.
        let start = Month(ordinal: 2017 * 12), asOf = Month(ordinal: 2020 * 12 + 7)
        var requests: [YearEndProjection.Request] = []
        for i in 0..<70 {
            let values: [Double?] = (0..<44).map { t in min(100, 99.3 + 1.2 * sin(Double(t * (i % 11 + 2)) * 1.3)) }
            let target = try Target(indicator: "r\(i)", year: 2020, aggregate: .last, comparator: .greaterThanOrEqual,
                                    threshold: 95, unit: "%")
            requests.append(.init(series: try MonthlySeries(start: start, values: values), target: target,
                                  model: .fixed(.trendSeason), intervals: .model))
        }
        let panel = await YearEndProjection.projectColumns(requests, asOf: asOf, levels: [80, 95])
        for i in requests.indices {
            #expect(!panel.isColumnar[i])
            let p = try #require(panel.projection(at: i)).get()
            #expect(p.intervals.allSatisfy { $0.upper <= 100 && $0.lower >= 0 }, "row \(i)")
        }
    }
}
