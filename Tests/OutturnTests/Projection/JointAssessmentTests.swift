import Foundation
import Testing
@testable import Outturn

@Suite struct JointAssessmentTests {
    let series = try! MonthlySeries(start: TargetShapeTests.start, values: TargetShapeTests.values)
    let august = try! Month(parsing: "2020-08")

    func target(_ comparator: Target.Comparator, _ threshold: Double) -> Target {
        try! Target(indicator: "x", year: 2020, aggregate: .sum, comparator: comparator, threshold: threshold)
    }

    @Test func contradictoryConditionsNeverHoldTogether() throws {
        // Ŝ = 132: each condition alone has P = ½ exactly; together they are impossible.
        let joint = try JointAssessment(series: series, targets: [target(.lessThan, 132), target(.greaterThan, 132)],
                                        asOf: august, model: .fixed(.level))
        #expect(joint.probability == 0 && joint.status == .offTrack)
        #expect(joint.projections.allSatisfy { abs($0.probability - 0.5) < 1e-12 })
    }

    @Test func aRepeatedConditionHasItsOwnProbability() throws {
        let joint = try JointAssessment(series: series, targets: [target(.lessThan, 134), target(.lessThan, 134)],
                                        asOf: august, model: .fixed(.level))
        // Exact single-condition P; the joint estimate uses 10,000 draws (s.d. ≤ 0.005).
        #expect(abs(joint.probability - joint.projections[0].probability) < 0.02)
    }

    @Test func jointNeverExceedsTheWeakestCondition() throws {
        let joint = try JointAssessment(series: series, targets: [target(.lessThan, 136), target(.greaterThan, 128)],
                                        asOf: august, model: .fixed(.level))
        let p = joint.projections.map(\.probability)
        #expect(joint.probability <= p.min()! + 0.01)
        #expect(joint.probability >= p[0] + p[1] - 1 - 0.01)   // Fréchet lower bound
    }

    @Test func aMissedConditionSettlesTheIndicator() throws {
        let joint = try JointAssessment(series: series, targets: [target(.lessThan, 80), target(.lessThan, 200)],
                                        asOf: august, model: .fixed(.level))
        #expect(joint.status == .missed && joint.probability == 0)
    }

    @Test func statusesPrintAsTheyRead() {
        // What the table prints, not the Swift case name; the raw values (JSON) are unchanged.
        #expect("\(YearEndProjection.Status.onTrack)" == "on track")
        #expect("\(YearEndProjection.Status.offTrack)" == "off track")
        #expect(String(describing: MilestoneProgress.Status.atRisk) == "at risk")
        #expect(YearEndProjection.Status.onTrack.rawValue == "on track")
    }
}
