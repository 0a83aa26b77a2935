import Foundation
import Testing
@testable import Outturn

/// The exact year-end sum and mean against ../shared/oracle/annual_aggregate.json: R's `tslm` cut
/// at August of the last complete year, Var = σ²(a′X₀(X′X)⁻¹X₀′a + a′a), t intervals.
@Suite("Year-end aggregate against the oracle")
struct YearEndProjectionOracleTests {
    static let ids = SharedReferences.oracleSeriesIDs

    @Test(arguments: ids)
    func exactAnnualSumAndMean(_ id: String) throws {
        // The whole series is the hold-out oracle's training months followed by its test months.
        let (series, expected) = try SharedReferences.annualAggregateCase(id)

        let year = Int(try expected.double("year"))
        let asOf = try Month(parsing: try expected.string("cutoff"))
        for (aggregate, key) in [(Target.Aggregate.sum, "annual_sum"), (.mean, "annual_mean")] {
            let reference = try expected.object(key)
            let target = try Target(indicator: id, year: year, aggregate: aggregate,
                                    comparator: .lessThanOrEqual, threshold: try reference.double("actual"))
            let projection = try YearEndProjection(series: series, target: target, asOf: asOf,
                                                   model: .fixed(.trendSeason), levels: [80, 95], intervals: .model)
            #expect(projection.method == .exact)
            #expect(projection.observedMonths.count == 8)
            #expect(projection.selection?.model.months.count == Int(try expected.double("n_train")))
            #expect(isClose(projection.value, try reference.double("estimate")), "\(key)")
            #expect(isClose(projection.standardError, try reference.double("se")), "\(key)")
            let interval = try reference.object("interval")
            for (index, level) in ["level_80", "level_95"].enumerated() {
                let bounds = try interval.object(level)
                #expect(isClose(projection.intervals[index].lower, try bounds.double("lower")), "\(key) \(level)")
                #expect(isClose(projection.intervals[index].upper, try bounds.double("upper")), "\(key) \(level)")
            }
        }
    }
}
