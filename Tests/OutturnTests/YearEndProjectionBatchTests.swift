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
}
