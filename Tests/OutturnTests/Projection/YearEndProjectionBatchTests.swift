import Foundation
import Testing
@testable import Outturn

/// The batch API must give exactly the sequential answers, in request order, with failures kept
/// in place, whatever the scheduling.
@Suite struct YearEndProjectionBatchTests {
    @Test func sameAnswersInRequestOrder() async throws {
        let start = try Month(parsing: "2018-01")
        var requests: [YearEndProjection.Request] = []
        for i in 0..<97 {
            // Deterministic, distinct series: a seasonal wave, a trend and a per-series phase.
            func value(_ t: Int) -> Double? {
                let wave: Double = 10 * sin(Double(t + i) * 0.52)
                return 100 + Double(i) + 0.5 * Double(t) + wave + Double((t * 7 + i) % 5)
            }
            let values = (0..<(i == 13 ? 1 : 32)).map(value)
            let target = try Target(indicator: "s\(i)", year: 2020, aggregate: i % 3 == 0 ? .max : .sum,
                                    comparator: .greaterThanOrEqual, threshold: 1_300 + Double(i))
            requests.append(.init(series: try MonthlySeries(start: start, values: values), target: target))
        }
        let asOf = try Month(parsing: "2020-08")
        let batch = await YearEndProjection.projectAll(requests, asOf: asOf, levels: [90])
        #expect(batch.count == requests.count)
        for (request, result) in zip(requests, batch) {
            let single = Result { () throws(ModelError) -> YearEndProjection in
                try YearEndProjection(series: request.series, target: request.target, asOf: asOf, levels: [90])
            }
            switch (result, single) {
            case (.success(let a), .success(let b)):
                #expect(a.target == request.target)
                #expect(a.value == b.value && a.probability == b.probability && a.intervals == b.intervals)
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
                #expect(request.target.indicator == "s13")   // the one-month series cannot be fitted
            default:
                Issue.record("batch and single disagree for \(request.target.indicator)")
            }
        }
    }

    /// Requests sharing a calendar take one factorisation together; the expected values are the
    /// one-at-a-time path's (itself checked against R's `tslm` in ModelFitTests), which must agree
    /// to rounding, with the same status, pace and model summary.
    @Test func sharedCalendarAgreesWithOneAtATime() async throws {
        let start = try Month(parsing: "2017-01"), asOf = try Month(parsing: "2020-08")
        let model = ModelChoice.fixed(.trendSeason)
        var requests: [YearEndProjection.Request] = []
        // 200 series with every month, 90 missing 2019-03, 10 missing 2018-06. Every target of 2020
        // predicts September–December; one compared with 2019 must also predict March 2019 when it
        // is missing. So the groups are 200 and 68 (shared), 22 and 10 (below the minimum: alone).
        for i in 0..<300 {
            let values: [Double?] = (0..<44).map { t in
                let month = start.advanced(by: t)
                if i >= 200, i < 290, month == (try! Month(parsing: "2019-03")) { return nil }
                if i >= 290, month == (try! Month(parsing: "2018-06")) { return nil }
                return 200 + Double(i % 17) + 1.5 * Double(t) + 12 * sin(Double(t) * 0.5236 + Double(i))
                    + Double((t * 13 + i * 7) % 11)
            }
            let series = try MonthlySeries(start: start, values: values)
            let target: Target
            switch i % 4 {
            case 0: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual,
                                        threshold: 3_200 + 9 * Double(i % 17))
            case 1: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .mean, comparator: .lessThanOrEqual,
                                        threshold: 265, period: 5...12)
            case 2: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .sum, comparator: .greaterThan,
                                        reference: .baseYear(2019, changePercent: 3))
            default: target = try Target(indicator: "s\(i)", year: 2020, aggregate: .last, comparator: .greaterThanOrEqual,
                                         threshold: 270)
            }
            requests.append(.init(series: series, target: target, model: model, intervals: .model))
        }
        let worse = Scenario(name: "worse Q4", changes: (0..<300).map {
            Scenario.Change(indicator: "s\($0)", months: try! Month(parsing: "2020-10")...Month(parsing: "2020-12"),
                            operation: .scale(percent: -10))
        })
        for scenario in [Scenario.baseline, worse] {
            let together = await YearEndProjection.projectAll(requests, asOf: asOf, levels: [80, 95], scenario: scenario)
            for (i, (request, result)) in zip(requests, together).enumerated() {
                let batch = try result.get()
                let alone = try YearEndProjection(series: request.series, target: request.target, asOf: asOf, model: model,
                                                  levels: [80, 95], scenario: scenario, intervals: .model)
                let scale = max(abs(alone.value), 1)
                #expect(abs(batch.value - alone.value) <= 1e-10 * scale)
                #expect(abs(batch.standardError - alone.standardError) <= 1e-10 * scale)
                #expect(abs(batch.referenceValue - alone.referenceValue) <= 1e-10 * max(abs(alone.referenceValue), 1))
                #expect(abs(batch.probability - alone.probability) <= 1e-10)
                for (a, b) in zip(batch.intervals, alone.intervals) {
                    #expect(abs(a.lower - b.lower) <= 1e-10 * scale && abs(a.upper - b.upper) <= 1e-10 * scale)
                }
                #expect(batch.status == alone.status && batch.method == alone.method)
                #expect(abs((batch.requiredPace ?? 0) - (alone.requiredPace ?? 0)) <= 1e-9 * scale)
                let summary = try #require(batch.modelSummary), expected = try #require(alone.modelSummary)
                #expect(summary.name == expected.name && summary.observations == expected.observations)
                #expect(summary.firstMonth == expected.firstMonth && summary.lastMonth == expected.lastMonth)
                #expect(summary.degreesOfFreedom == expected.degreesOfFreedom)
                #expect(abs(summary.sigma - expected.sigma) <= 1e-10 * max(expected.sigma, 1))
                let sharesCalendar = i < 200 || (i < 290 && i % 4 != 2)
                #expect((batch.selection == nil) == sharesCalendar)
                #expect(summary.reason.contains("shared calendar") == sharesCalendar)
            }
        }
    }

    /// A series the fit refuses (a value beyond the supported range) stays out of its calendar's
    /// group and fails alone, with the one-at-a-time error; the rest of the group is unaffected.
    @Test func refusedSeriesFailAloneInsideASharedCalendar() async throws {
        let start = try Month(parsing: "2018-01"), asOf = try Month(parsing: "2020-08")
        let target = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1_000)
        var requests: [YearEndProjection.Request] = []
        for i in 0..<80 {
            var values: [Double?] = (0..<32).map { t in 90 + Double(i) + Double(t) + Double((t * 7 + i) % 5) }
            if i == 5 { values[3] = 1e200 }
            requests.append(.init(series: try MonthlySeries(start: start, values: values), target: target,
                                  model: .fixed(.trend), intervals: .model))
        }
        let results = await YearEndProjection.projectAll(requests, asOf: asOf)
        for (i, (request, result)) in zip(requests, results).enumerated() {
            let alone = Result { () throws(ModelError) -> YearEndProjection in
                try YearEndProjection(series: request.series, target: target, asOf: asOf, model: .fixed(.trend), intervals: .model)
            }
            switch (result, alone) {
            case (.failure(let error), .failure(let expected)):
                #expect(i == 5 && error == expected)
            case (.success(let projection), .success(let expected)):
                #expect(projection.selection == nil, "series \(i) shares the calendar")
                #expect(abs(projection.value - expected.value) <= 1e-10 * expected.value)
            default:
                Issue.record("series \(i): together and alone disagree")
            }
        }
    }
}

