import Foundation
import Testing
@testable import Outturn

/// `--intervals calibrated` against hand derivations, on series built so that the seasonal naive
/// rule's errors at every earlier cut are known exactly.
///
/// The series: 2008 is 100 + 10m in month m; each later month is the same month a year before
/// plus a step e(Y, m) of size δ = 1, so every seasonal difference is ±1 and snaive's
/// σ̂² = mean(e²) = 1 exactly, with as many degrees of freedom as differences. The model's
/// variance of a total of h months ahead (h ≤ 12) is h·σ̂². Student-t quantiles are R's
/// `qt(c(.9, .975), 9)` = 1.38302873839663, 2.26215716279820, `qt(c(.9, .975), 116)` =
/// 1.28889230248699, 1.98062600245909 (agreeing with published tables to their digits).
@Suite("SpreadCalibration")
struct SpreadCalibrationTests {
    static let t9 = (p90: 1.38302873839663, p975: 2.26215716279820)
    static let t116 = (p90: 1.28889230248699, p975: 1.98062600245909)

    /// 2008-01 … `end`, the steps of year Y ≥ 2009 month m given by `step(Y, m)`.
    static func series(through end: String, step: (Int, Int) -> Double) throws -> MonthlySeries {
        let last = try Month(parsing: end)
        var values: [Double] = (1...12).map { 100 + 10 * Double($0) }
        var month = try Month(year: 2009, month: 1)
        while month <= last {
            values.append(values[values.count - 12] + step(month.year, month.month))
            month = month.advanced(by: 1)
        }
        return try MonthlySeries(start: try Month(year: 2008, month: 1), values: values)
    }

    static func sumTarget(threshold: Double = 0) throws -> Target {
        try Target(indicator: "x", year: 2018, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: threshold)
    }

    /// Steps ±1 alternating by month in January–August, and the same sign all of September–
    /// December, that sign alternating by year. Cut at August: the four open months' total misses
    /// by exactly ±4 = ±2 × the model's standard deviation √4·σ̂ = 2 in every earlier year, so
    /// z = ±2 in each of the 8 most recent (2010 … 2017; earlier ones are beyond the cap).
    /// S² = (ν₀ + Σz²)/(ν₀ + n) = (1 + 8·4)/(1 + 8) = 11/3, ν = 9.
    /// 80% half-width = t₉(.9)·S·2 = 5.29659681978794; 95%: t₉(.975)·S·2 = 8.66340235867268.
    @Test func errorsOfTwoSigmasWidenToTheHandValue() throws {
        let series = try Self.series(through: "2018-12") { year, month in
            month <= 8 ? (month % 2 == 0 ? 1 : -1) : (year % 2 == 0 ? 1 : -1)
        }
        let asOf = try Month(year: 2018, month: 8)
        let selection = try ModelSelection(history: try #require(series.through(asOf)), choice: .baseline(.snaive))
        let found = SpreadCalibration.fromEarlierYears(of: selection.model.model, horizons: [1, 2, 3, 4])
        let calibration = try #require(found)
        #expect(calibration.errors.count == 8)
        #expect(calibration.errors.allSatisfy { isClose(abs($0), 2, relative: 1e-12) })
        #expect(isClose(calibration.scale, (11.0 / 3).squareRoot(), relative: 1e-12) && calibration.degreesOfFreedom == 9)

        let projection = try YearEndProjection(series: series, target: try Self.sumTarget(), asOf: asOf,
                                               model: .baseline(.snaive), intervals: .calibrated)
        let widths = projection.intervals.map { ($0.upper - $0.lower) / 2 }
        #expect(isClose(widths[0], 5.29659681978794, relative: 1e-9))
        #expect(isClose(widths[1], 8.66340235867268, relative: 1e-9))
        #expect(projection.degreesOfFreedom == 9)
        // The model's own: t₁₁₆ · 2 (σ̂ = 1 over 116 differences).
        let own = try YearEndProjection(series: series, target: try Self.sumTarget(), asOf: asOf,
                                        model: .baseline(.snaive), intervals: .model)
        #expect(isClose((own.intervals[0].upper - own.intervals[0].lower) / 2, 2 * Self.t116.p90, relative: 1e-9))

        // P(met) reads the same Student-t: a threshold at the upper 80% bound is met with P = 0.1.
        let atUpper = try YearEndProjection(series: series, target: try Self.sumTarget(threshold: projection.value + 5.29659681978794),
                                            asOf: asOf, model: .baseline(.snaive), intervals: .calibrated)
        #expect(isClose(atUpper.probability, 0.1, relative: 1e-6))
    }

    /// Steps ±1 alternating by month in every year: from any June the six open months' steps
    /// cancel, so the total is exactly right and z = 0 in each of the 8 earlier years, while the
    /// model's standard deviation of it is √6. S² = (1 + 0)/(1 + 8) = 1/9, S = 1/3, ν = 9:
    /// 80% half-width t₉(.9)·√6/3 = 1.12923823622564, 95%: t₉(.975)·√6/3 = 1.8470435889459 —
    /// narrower than the model's own t₁₁₄(.9)·√6 = 3.15744580153688. `checked` cannot narrow:
    /// every window of six consecutive steps cancels too, so its ratio is 0 and it keeps the
    /// model's σ̂ (with fewer degrees of freedom, so a little wider).
    @Test func aModelTheHistoryFindsTooWideIsNarrowed() throws {
        let series = try Self.series(through: "2018-12") { _, month in month % 2 == 0 ? 1 : -1 }
        let asOf = try Month(year: 2018, month: 6)
        func halfWidths(_ method: IntervalMethod) throws -> [Double] {
            try YearEndProjection(series: series, target: try Self.sumTarget(), asOf: asOf, model: .baseline(.snaive),
                                  intervals: method).intervals.map { ($0.upper - $0.lower) / 2 }
        }
        let calibrated = try halfWidths(.calibrated)
        #expect(isClose(calibrated[0], 1.12923823622564, relative: 1e-9))
        #expect(isClose(calibrated[1], 1.8470435889459, relative: 1e-9))
        let model = try halfWidths(.model), checked = try halfWidths(.checked)
        #expect(isClose(model[0], 3.15744580153688, relative: 1e-9))
        #expect(zip(checked, model).allSatisfy { $0 >= $1 })
        #expect(calibrated[0] < model[0] / 2)
    }

    /// With no earlier year at the same cut (a history of 20 months), the model's spread stands.
    @Test func withoutAnEarlierYearTheModelsSpreadStands() throws {
        let series = try Self.series(through: "2009-08") { _, month in month % 2 == 0 ? 1 : -1 }
        let asOf = try Month(year: 2009, month: 8)
        let target = try Target(indicator: "x", year: 2009, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 0)
        let calibrated = try YearEndProjection(series: series, target: target, asOf: asOf, model: .baseline(.snaive), intervals: .calibrated)
        let model = try YearEndProjection(series: series, target: target, asOf: asOf, model: .baseline(.snaive), intervals: .model)
        #expect(calibrated.intervals == model.intervals && calibrated.degreesOfFreedom == model.degreesOfFreedom)
    }

    /// The rule itself: S² = (ν₀ + Σz²)/(ν₀ + n) with ν₀ = 1; non-finite errors are dropped; none → nil.
    /// z = (3, −1): S² = (1 + 9 + 1)/3 = 11/3, ν = 3.
    @Test func posteriorScale() throws {
        let c = try #require(SpreadCalibration(errors: [3, -1, .nan]))
        #expect(isClose(c.scale, (11.0 / 3).squareRoot(), relative: 1e-15) && c.degreesOfFreedom == 3)
        #expect(SpreadCalibration(errors: []) == nil)
    }
}
