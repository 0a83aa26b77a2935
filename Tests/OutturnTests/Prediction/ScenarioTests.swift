import Foundation
import Testing
@testable import Outturn

/// Scenario rules by hand (level model as above): a set month has no variance, a scaled month's
/// error is scaled, an added amount moves only the mean.
@Suite struct ScenarioTests {
    let series = try! MonthlySeries(start: TargetShapeTests.start, values: TargetShapeTests.values)
    let august = try! Month(parsing: "2020-08")
    var target: Target { try! Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 140) }
    func months(_ from: String, _ to: String) -> ClosedRange<Month> { try! Month(parsing: from)...Month(parsing: to) }
    func variance(_ e: [Double]) -> Double {
        let sum = e.reduce(0, +)
        return TargetShapeTests.s2 * (sum * sum / 20 + e.map { $0 * $0 }.reduce(0, +))
    }

    func project(_ scenario: Scenario) throws -> YearEndProjection {
        try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level), scenario: scenario)
    }

    @Test func settingAMonthRemovesItsVariance() throws {
        let p = try project(Scenario(name: "s", changes: [.init(indicator: "x", months: months("2020-12", "2020-12"), operation: .set(30))]))
        let expectedSet: Double = 88 + 3 * 11 + 30
        #expect(isClose(p.value, expectedSet, relative: 1e-13))
        #expect(isClose(p.standardError, variance([1, 1, 1, 0]).squareRoot(), relative: 1e-12))
    }

    @Test func scalingScalesTheErrorAndAddingOnlyTheMean() throws {
        let scaled = try project(Scenario(name: "s", changes: [.init(indicator: "x", months: months("2020-09", "2020-12"), operation: .scale(percent: 10))]))
        let expectedScaled: Double = 88 + 4 * 1.1 * 11
        #expect(isClose(scaled.value, expectedScaled, relative: 1e-13))
        #expect(isClose(scaled.standardError, variance([1.1, 1.1, 1.1, 1.1]).squareRoot(), relative: 1e-12))
        let added = try project(Scenario(name: "s", changes: [.init(indicator: "x", months: months("2020-10", "2020-11"), operation: .add(-5))]))
        #expect(isClose(added.value, 132 - 10, relative: 1e-13))
        #expect(isClose(added.standardError, variance([1, 1, 1, 1]).squareRoot(), relative: 1e-12))
        // Changes compose in order: add 5 then scale −10% on December: 0.9·(11 + 5).
        let both = try project(Scenario(name: "s", changes: [
            .init(indicator: "x", months: months("2020-12", "2020-12"), operation: .add(5)),
            .init(indicator: "x", months: months("2020-12", "2020-12"), operation: .scale(percent: -10)),
        ]))
        let expectedBoth: Double = 88 + 33 + 0.9 * 16
        #expect(isClose(both.value, expectedBoth, relative: 1e-13))
        #expect(isClose(both.standardError, variance([1, 1, 1, 0.9]).squareRoot(), relative: 1e-12))
    }

    @Test func aScenarioNeverChangesTheData() throws {
        #expect(throws: ModelError.scenarioChangesObservedMonth(indicator: "x", month: try Month(parsing: "2020-08"))) {
            try project(Scenario(name: "s", changes: [.init(indicator: "x", months: months("2020-08", "2020-12"), operation: .add(1))]))
        }
        // Another indicator's changes leave this one alone.
        let other = try project(Scenario(name: "s", changes: [.init(indicator: "y", months: months("2020-09", "2020-12"), operation: .add(100))]))
        #expect(isClose(other.value, 132, relative: 1e-13))
    }

    @Test func switchingAnInterventionOffAndGivingRegressorValues() throws {
        // y = 10 before 2020-03 and 20 from it: an exact step. With the step switched off, the
        // forecasts fall back to 10; the fit is exact, so σ = 0.
        let start = try Month(parsing: "2019-01")
        let stepSeries = try MonthlySeries(start: start, values: (0..<20).map { $0 < 14 ? 10 : 20 })
        let step = Intervention(.step, at: try Month(parsing: "2020-03"))
        let sum = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1)
        let on = try YearEndProjection(series: stepSeries, target: sum, asOf: august, model: .fixed(.level),
                                       extraTerms: [.intervention(step)])
        let expectedOn: Double = 2 * 10 + 10 * 20
        #expect(isClose(on.value, expectedOn, relative: 1e-12))
        let off = try YearEndProjection(series: stepSeries, target: sum, asOf: august, model: .fixed(.level),
                                        extraTerms: [.intervention(step)],
                                        scenario: Scenario(name: "recovery", interventions: [step: false]))
        let expectedOff: Double = 2 * 10 + 6 * 20 + 4 * 10
        #expect(isClose(off.value, expectedOff, relative: 1e-12))
        #expect(throws: ModelError.interventionNotInModel(step)) {
            try YearEndProjection(series: stepSeries, target: sum, asOf: august, model: .fixed(.level),
                                  scenario: Scenario(name: "s", interventions: [step: false]))
        }

        // y = 3 + 2x; the scenario replaces x in Sep–Dec by 0.
        let x = try MonthlySeries(start: start, values: (0..<24).map { Double($0 % 5) })
        let y = try MonthlySeries(start: start, values: (0..<20).map { 3 + 2 * Double($0 % 5) })
        let zeros = Dictionary(uniqueKeysWithValues: (20..<24).map { (start.advanced(by: $0), 0.0) })
        let regressed = try YearEndProjection(series: y, target: sum, asOf: august, model: .fixed(RegressionFormula(parsing: "x:x")),
                                              regressors: ["x": x], scenario: Scenario(name: "s", regressorValues: ["x": zeros]))
        let observed = (12..<20).map { 3 + 2 * Double($0 % 5) }.reduce(0, +)
        #expect(isClose(regressed.value, observed + 4 * 3, relative: 1e-12))
    }
}
