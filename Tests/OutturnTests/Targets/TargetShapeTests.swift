import Foundation
import Testing
@testable import Outturn

/// The seed's target shapes, derived by hand with the `level` model: ŷ = ȳ for every month, and the
/// forecast errors of months i, j have covariance s²(1/n + δᵢⱼ) (x = 1, (XᵀX)⁻¹ = 1/n), so for
/// error weights e: Var(Σ eᵢ·errᵢ) = s²((Σe)²/n + Σe²), with ν = n − 1.
@Suite struct TargetShapeTests {
    /// 2019-01 … 2020-08: 20 months alternating 10 and 12 (ȳ = 11, Σ(y − ȳ)² = 20, s² = 20/19).
    static let start = try! Month(parsing: "2019-01")
    static let values: [Double?] = (0..<20).map { $0 % 2 == 0 ? 10 : 12 }
    static let s2 = 20.0 / 19
    var series: MonthlySeries { try! MonthlySeries(start: Self.start, values: Self.values) }
    let august = try! Month(parsing: "2020-08")

    func variance(_ e: [Double], n: Double = 20) -> Double {
        let sum = e.reduce(0, +)
        return Self.s2 * (sum * sum / n + e.map { $0 * $0 }.reduce(0, +))
    }

    @Test func subPeriodMean() throws {
        // May–Dec 2020 mean: May–Aug observed (10, 12, 10, 12: Σ 44), Sep–Dec at 11; e = 1/8 each.
        let target = try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .greaterThanOrEqual,
                                threshold: 11, period: 5...12)
        let p = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level))
        #expect(p.observedMonths.count == 4 && p.yearToDate == 11)
        #expect(isClose(p.value, (44 + 44) / 8, relative: 1e-13))
        #expect(isClose(p.standardError, variance([Double](repeating: 1.0 / 8, count: 4)).squareRoot(), relative: 1e-12))
        #expect(abs(p.probability - 0.5) < 1e-12)   // threshold at the projection
        // Pace: (8·11 − 44)/4 = 11.
        #expect(isClose(try #require(p.requiredPace), 11, relative: 1e-12))
    }

    @Test func observedBaseYearIsAFixedThreshold() throws {
        // 2019 total = 6·10 + 6·12 = 132; "3% below 2019": threshold 0.97·132 = 128.04.
        let target = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThanOrEqual,
                                reference: .baseYear(2019, changePercent: -3))
        let p = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level))
        #expect(isClose(p.referenceValue, 128.04, relative: 1e-13))
        #expect(p.referenceStandardError == 0)
        // 2020: Σ Jan–Aug = 88, + 4·11 = 132; e = 1 on Sep–Dec.
        let se = variance([1, 1, 1, 1]).squareRoot()
        #expect(isClose(p.value, 132, relative: 1e-13) && isClose(p.standardError, se, relative: 1e-12))
        let expected = StudentT(degreesOfFreedom: 19).cdf((128.04 - 132) / se)
        #expect(isClose(p.probability, expected, relative: 1e-12))
    }

    @Test func unobservedBaseMonthAddsItsOwnUncertainty() throws {
        // Drop 2019-03 (a 10): 19 observed months remain, ŷ = their mean ȳ for every open month,
        // and the 2019 total is 122 + ȳ. D = S₂₀₂₀ − 0.97·S₂₀₁₉ has error weights −0.97 on 2019-03
        // and 1 on Sep–Dec 2020.
        var values = Self.values
        values[2] = nil
        let gappy = try MonthlySeries(start: Self.start, values: values)
        let observed = values.compactMap { $0 }
        let n = Double(observed.count), mean = observed.reduce(0, +) / n
        let s2 = observed.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let e: [Double] = [-0.97, 1, 1, 1, 1]
        let sumE = e.reduce(0, +)
        let varianceD = s2 * (sumE * sumE / n + e.map { $0 * $0 }.reduce(0, +))
        let target = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThanOrEqual,
                                reference: .baseYear(2019, changePercent: -3))
        let p = try YearEndProjection(series: gappy, target: target, asOf: august, model: .fixed(.level))
        let v = 88 + 4 * mean, r = 0.97 * (122 + mean)
        #expect(isClose(p.value, v, relative: 1e-12) && isClose(p.referenceValue, r, relative: 1e-12))
        #expect(isClose(p.referenceStandardError, (s2 * (0.97 * 0.97) * (1 / n + 1)).squareRoot(), relative: 1e-12))
        let expected = StudentT(degreesOfFreedom: n - 1).cdf((r - v) / varianceD.squareRoot())
        #expect(isClose(p.probability, expected, relative: 1e-11))
    }

    @Test func movingAverageFallsIffTheYearBeatsTheOneLeavingTheWindow() throws {
        // Three-year window: V = (F₂₀₁₈ + F₂₀₁₉ + F₂₀₂₀)/3 against R = (F₂₀₁₇ + F₂₀₁₈ + F₂₀₁₉)/3, so
        // the average falls iff F₂₀₂₀ < F₂₀₁₇. Annual means 2017 … 2019 are 60, 50, 45 (every month
        // equal), 2020 Jan–Aug 40; with the level model every open month is the overall mean.
        let start = try Month(parsing: "2017-01")
        let yearly: [Double] = [60, 50, 45]
        let values: [Double?] = yearly.flatMap { [Double](repeating: $0, count: 12) } + [Double](repeating: 40, count: 8)
        let series = try MonthlySeries(start: start, values: values)
        let target = try Target(indicator: "pm", year: 2020, aggregate: .mean, comparator: .lessThan,
                                reference: .movingAverage(years: 3))
        let p = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level), intervals: .model)
        // Level model: ȳ = (12·155 + 8·40)/44 for every open month.
        let mean = (12.0 * 155 + 8 * 40) / 44
        let f2020 = (8 * 40 + 4 * mean) / 12
        #expect(isClose(p.referenceValue, (60 + 50 + 45) / 3.0, relative: 1e-13))
        #expect(p.referenceStandardError == 0)
        #expect(isClose(p.value, (50 + 45 + f2020) / 3, relative: 1e-12))
        // V − R = (F20 − F17)/3, far below zero: the average keeps falling.
        #expect(p.probability > 0.999)
    }

    @Test func anotherIndicatorCombinesBothUncertainties() throws {
        // x as above; the city series alternates 9 and 13 (ȳ = 11, Σ(y − ȳ)² = 80, s² = 80/19).
        let city = try MonthlySeries(start: Self.start, values: (0..<20).map { $0 % 2 == 0 ? 9 : 13 })
        let target = try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .lessThanOrEqual,
                                reference: .indicator("city"))
        let p = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level),
                                      referenceSeries: city)
        let e = [Double](repeating: 1.0 / 12, count: 4)
        let sumE = 4.0 / 12, sumE2 = 4.0 / 144
        let v1 = Self.s2 * (sumE * sumE / 20 + sumE2), v2 = 80.0 / 19 * (sumE * sumE / 20 + sumE2)
        #expect(isClose(p.standardError, variance(e).squareRoot(), relative: 1e-12))
        #expect(isClose(p.referenceStandardError, v2.squareRoot(), relative: 1e-12))
        // Both project 11: D̂ = 0, so P = ½ whatever the degrees of freedom.
        #expect(abs(p.probability - 0.5) < 1e-12)
        // Shift the city by +1 in its data: D̂ = −1/3 … check the Welch degrees of freedom by hand.
        let higher = try MonthlySeries(start: Self.start, values: (0..<20).map { $0 % 2 == 0 ? 10 : 14 })
        let q = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level),
                                      referenceSeries: higher)
        // City 2020 mean: Jan–Aug Σ = 4·10 + 4·14 = 96, + 4·12 = 144, /12 = 12; x: 132/12 = 11.
        let nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / 19 + v2 * v2 / 19)
        let expected = StudentT(degreesOfFreedom: nu).cdf(1 / (v1 + v2).squareRoot())
        #expect(isClose(q.referenceValue, 12, relative: 1e-12))
        #expect(isClose(q.probability, expected, relative: 1e-12))
    }

    @Test func missingReferenceSeriesIsAnError() throws {
        let target = try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .lessThanOrEqual,
                                reference: .indicator("city"))
        #expect(throws: ModelError.missingReferenceSeries("city")) {
            try YearEndProjection(series: series, target: target, asOf: august)
        }
    }

    @Test func invalidShapesAreRefused() {
        #expect(throws: TargetError.baseYearNotEarlier(base: 2020, year: 2020)) {
            try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, reference: .baseYear(2020, changePercent: 0))
        }
        #expect(throws: TargetError.periodOutOfRange(0...12)) {
            try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, threshold: 1, period: 0...12)
        }
        #expect(throws: TargetError.comparedWithItself("x")) {
            try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, reference: .indicator("x"))
        }
        #expect(throws: TargetError.movingAverageWindow(1)) {
            try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, reference: .movingAverage(years: 1))
        }
    }

    @Test func aSumOfCountsAlreadyPastItsFloorIsMet() throws {
        let counts = try MonthlySeries(start: Self.start, values: Self.values)
        let floor = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 80)
        let p = try YearEndProjection(series: counts, target: floor, asOf: august, model: .fixed(.level))
        #expect(p.status == .met && p.probability == 1 && p.requiredPace == nil)
        let cap = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThan, threshold: 88)
        #expect(try YearEndProjection(series: counts, target: cap, asOf: august, model: .fixed(.level)).status == .missed)
        // A May–Dec mean ≥ 5.5 is settled once May–Aug sum to 44 = 8·5.5; ≥ 5.6 is not.
        let settled = try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .greaterThanOrEqual,
                                 threshold: 5.5, period: 5...12)
        #expect(try YearEndProjection(series: counts, target: settled, asOf: august, model: .fixed(.level)).status == .met)
        let open = try Target(indicator: "x", year: 2020, aggregate: .mean, comparator: .greaterThanOrEqual,
                              threshold: 5.6, period: 5...12)
        #expect(try YearEndProjection(series: counts, target: open, asOf: august, model: .fixed(.level)).status == .onTrack)
    }
}
