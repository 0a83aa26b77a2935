import Foundation
import Testing
@testable import Outturn

/// The columnar panel path (`YearEndProjection.projectColumns`) against its two references: the
/// per-series assembly after the shared factorisation (`projectAll`), which it must match bit for
/// bit, and each indicator projected alone, which it must match to 1e-12 relative.
@Suite struct PanelProjectionsTests {
    static let asOf = Month(ordinal: 2020 * 12 + 7)   // 2020-08

    /// 260 series of 2017-01 … 2020-08: two calendars (every third series misses 2017-06), a few
    /// series on calendars too small to share (fitted alone), sums, means (a partial period too),
    /// lasts, all comparators, series that dip below zero, exact fits, and base-year targets
    /// (per-series inside a shared group).
    static func requests() throws -> [YearEndProjection.Request] {
        let start = Month(ordinal: 2017 * 12)
        var requests: [YearEndProjection.Request] = []
        let comparators: [Target.Comparator] = [.greaterThanOrEqual, .lessThanOrEqual, .greaterThan, .lessThan]
        for i in 0..<260 {
            let level = i % 10 == 0 ? -5 + Double(i % 7) : 20 + Double(i)
            let values: [Double?] = (0..<44).map { t in
                if i % 3 == 1 && t == 5 { return nil }
                if i >= 257 && t == 13 { return nil }
                let noise = i % 23 == 0 ? 0 : 3 * sin(Double(t * (i % 13 + 3)) * 1.7) + Double((t * 7 + i) % 5) / 3
                return level + 0.4 * Double(t) + 6 * sin(Double(t % 12) * 0.5236) + noise
            }
            let series = try MonthlySeries(start: start, values: values)
            let monthly = level + 17 + Double(i % 9 - 4) * 0.8, comparator = comparators[(i / 3) % 4]
            let target: Target
            switch i % 4 {
            case _ where i % 50 == 7:
                target = try Target(indicator: "s\(i)", year: 2020, aggregate: .sum, comparator: comparator,
                                    reference: .baseYear(2019, changePercent: -3))
            case 0:
                // Every 17th sum asks for a third of the year: the months so far already settle it.
                target = try Target(indicator: "s\(i)", year: 2020, aggregate: .sum, comparator: comparator,
                                    threshold: (i % 17 == 4 ? 4 : 12) * monthly)
            case 1: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .mean, comparator: comparator, threshold: monthly,
                                        period: 5...12)
            case 2: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .mean, comparator: comparator, threshold: monthly)
            default: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .last, comparator: comparator, threshold: monthly)
            }
            requests.append(.init(series: series, target: target, model: .fixed(.trendSeason), intervals: .model))
        }
        return requests
    }

    @Test func columnsHoldTheBitsOfTheSharedCalendarProjections() async throws {
        let requests = try Self.requests()
        let panel = await YearEndProjection.projectColumns(requests, asOf: Self.asOf, levels: [80, 95])
        let reference = await YearEndProjection.projectAll(requests, asOf: Self.asOf, levels: [80, 95])
        #expect(panel.count == requests.count)
        var columnar = 0, statuses = Set<YearEndProjection.Status>()
        for (i, result) in reference.enumerated() {
            let p = try result.get()
            guard panel.isColumnar[i] else {
                let other = try #require(panel.projection(at: i)).get()
                #expect(other.value.bitPattern == p.value.bitPattern, "row \(i)")
                continue
            }
            columnar += 1
            statuses.insert(panel.statuses[i])
            #expect(panel.values[i].bitPattern == p.value.bitPattern, "row \(i)")
            #expect(panel.standardErrors[i].bitPattern == p.standardError.bitPattern, "row \(i)")
            #expect(panel.intervals(at: i) == p.intervals, "row \(i)")
            #expect(panel.referenceValues[i].bitPattern == p.referenceValue.bitPattern, "row \(i)")
            #expect(panel.probabilities[i].bitPattern == p.probability.bitPattern, "row \(i)")
            #expect(panel.statuses[i] == p.status, "row \(i)")
            #expect(panel.requiredPaces[i].map(\.bitPattern) == p.requiredPace.map(\.bitPattern), "row \(i)")
            #expect(panel.yearsToDate[i].map(\.bitPattern) == p.yearToDate.map(\.bitPattern), "row \(i)")
            #expect(panel.observedMonthCounts[i] == p.observedMonths.count, "row \(i)")
            #expect(panel.lastObservedMonths[i] == p.lastObservedMonth, "row \(i)")
            #expect(panel.modelName(at: i) == p.modelSummary?.name, "row \(i)")
            #expect(panel.sigmas[i] == p.modelSummary?.sigma && panel.degreesOfFreedom[i] == p.degreesOfFreedom, "row \(i)")
            #expect(p.method == .exact)
        }
        // Base-year targets (7, 57, 107, 157, 207, 257) and the series alone (257, 258, 259) are
        // per series; the rest are columns.
        #expect(columnar == 260 - 8)
        #expect(statuses == Set(YearEndProjection.Status.allCases), "the panel reaches every status")
    }

    @Test func columnsAgreeWithEachIndicatorAloneTo1e12() async throws {
        let requests = try Self.requests()
        let panel = await YearEndProjection.projectColumns(requests, asOf: Self.asOf, levels: [80, 95])
        for (i, request) in requests.enumerated() where panel.isColumnar[i] {
            let alone = try YearEndProjection(series: request.series, target: request.target, asOf: Self.asOf,
                                              model: request.model, levels: [80, 95], intervals: .model)
            // σ̂ and V are sums of terms of the series' own size: relative to that size.
            let scale = max(abs(alone.value), abs(alone.referenceValue), 1)
            #expect(abs(panel.values[i] - alone.value) <= 1e-12 * scale, "row \(i)")
            #expect(abs(panel.standardErrors[i] - alone.standardError) <= 1e-12 * scale, "row \(i)")
            for (a, b) in zip(panel.intervals(at: i), alone.intervals) {
                #expect(abs(a.lower - b.lower) <= 1e-12 * scale && abs(a.upper - b.upper) <= 1e-12 * scale, "row \(i)")
            }
            #expect(abs(panel.probabilities[i] - alone.probability) <= 1e-12, "row \(i)")
            #expect(panel.statuses[i] == alone.status, "row \(i)")
            #expect(abs((panel.requiredPaces[i] ?? 0) - (alone.requiredPace ?? 0)) <= 1e-12 * scale, "row \(i)")
            #expect((panel.requiredPaces[i] == nil) == (alone.requiredPace == nil), "row \(i)")
            #expect(panel.yearsToDate[i] == alone.yearToDate, "row \(i)")
        }
    }

    /// A book that fails on one target reports the first failing target, as `projections` does.
    @Test func theFirstFailingTargetIsReported() async throws {
        var requests = try Self.requests()
        let broken = requests[40]
        var values = broken.series.values
        values[3] = 1e200   // beyond the supported range: refused by the fit
        requests[40] = .init(series: try MonthlySeries(start: broken.series.start, values: values), target: broken.target,
                             model: broken.model, intervals: .model)
        let panel = await YearEndProjection.projectColumns(requests, asOf: Self.asOf)
        let failure = try #require(panel.firstFailure)
        #expect(failure.index == 40)
        let reference = await YearEndProjection.projectAll(requests, asOf: Self.asOf)
        if case .failure(let error) = reference[40] { #expect(failure.error == error) } else { Issue.record("row 40 should fail") }
    }
}
