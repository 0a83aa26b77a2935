import Foundation
import Testing
@testable import Outturn

/// Conditions judged on shared paths (``SimulationCache``) get the very numbers they get drawing
/// their own: the same seed gives the same paths, so P(met), quantiles and pace agree to the bit.
@Suite struct SimulationCacheTests {
    let january = try! Month(parsing: "2019-01")
    /// 20 months with a trend and a wobble; 2020 has 8 observed months and 4 open ones.
    var series: MonthlySeries {
        let values: [Double?] = (0..<20).map { (index: Int) -> Double? in Double(100 + 2 * index + (index % 3) * 5) }
        return try! MonthlySeries(start: january, values: values)
    }
    var asOf: Month { january.advanced(by: 19) }

    func target(_ aggregate: Target.Aggregate, _ comparator: Target.Comparator, _ reference: Target.Reference,
                bounds: Bounds? = nil) throws -> Target {
        try Target(indicator: "x", year: 2020, aggregate: aggregate, comparator: comparator, reference: reference, bounds: bounds)
    }

    func projections(_ target: Target, model: ModelChoice, scenario: Scenario = .baseline,
                     cache: SimulationCache) throws -> (alone: YearEndProjection, shared: YearEndProjection) {
        let alone = try YearEndProjection(series: series, target: target, asOf: asOf, model: model, scenario: scenario)
        let shared = try YearEndProjection(series: series, target: target, asOf: asOf, model: model, levels: [80, 95],
                                           extraTerms: [], regressors: [:], scenario: scenario, referenceSeries: nil,
                                           intervals: .checked, reusing: [], simulations: cache)
        return (alone, shared)
    }

    func numbers(_ p: YearEndProjection) -> [UInt64] {
        ([p.value, p.standardError, p.referenceValue, p.referenceStandardError, p.probability, p.requiredPace ?? .nan]
            + p.intervals.flatMap { [$0.lower, $0.upper] }).map(\.bitPattern)
    }

    @Test func sharedPathsAreThePathsAnOutlookDraws() throws {
        let cache = SimulationCache()
        let plain = try YearEndProjection(series: series, target: target(.max, .greaterThanOrEqual, .value(150)),
                                          asOf: asOf, model: .fixed(.trend)).outlook
        var shifted = plain
        shifted.adjustments = plain.adjustments.map { MonthAdjustment(scale: $0.scale * 1.5, shift: $0.shift + 3) }
        for outlook in [plain, shifted, plain] {
            let own = outlook.samplePaths(count: 500, seed: 7)
            let shared = cache.paths(of: outlook, count: 500, seed: 7)
            #expect(shared.key != nil)
            #expect(shared.paths.width == own.width)
            #expect(shared.paths.values.map(\.bitPattern) == own.values.map(\.bitPattern))
        }
    }

    @Test(arguments: ["trend", "log(trend)"])
    func everySimulatedConditionAgreesWithItsOwnDraws(_ modelName: String) throws {
        let model = ModelChoice.fixed(try RegressionFormula(parsing: modelName))
        let cache = SimulationCache()
        let targets = [
            try target(.max, .greaterThanOrEqual, .value(140)),
            try target(.max, .lessThan, .value(150)),
            try target(.min, .lessThanOrEqual, .value(138)),
            try target(.min, .greaterThan, .value(120)),
            try target(.sum, .greaterThanOrEqual, .value(1600)),
            try target(.mean, .lessThan, .baseYear(2019, changePercent: 10)),
            try target(.max, .greaterThanOrEqual, .baseYear(2019, changePercent: 5)),
            try target(.max, .lessThanOrEqual, .value(145), bounds: try Bounds(lower: 0, upper: 146)),
        ]
        let scenario = Scenario(name: "s", changes: [
            .init(indicator: "x", months: try Month(parsing: "2020-11")...(try Month(parsing: "2020-12")), operation: .add(4)),
        ])
        // Twice over, so that the second round is served wholly from the cache.
        for _ in 0..<2 {
            for target in targets {
                for scenario in [Scenario.baseline, scenario] {
                    let (alone, shared) = try projections(target, model: model, scenario: scenario, cache: cache)
                    #expect(numbers(alone) == numbers(shared), "\(target) under \(scenario.name)")
                    #expect(alone.status == shared.status && alone.method == shared.method)
                }
            }
        }
    }
}
