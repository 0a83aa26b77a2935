import Foundation
import Testing
@testable import Outturn

/// Required pace by hand with the level model of TargetShapeTests: Jan–Aug 2020 sum 88, four open
/// months forecast at ȳ = 11, Ŝ = 132, se² = s²(4²/20 + 4) with s² = 20/19, ν = 19.
@Suite struct RequiredPaceTests {
    let series = try! MonthlySeries(start: TargetShapeTests.start, values: TargetShapeTests.values)
    let august = try! Month(parsing: "2020-08")
    let se = (20.0 / 19 * (16.0 / 20 + 4)).squareRoot()
    /// t₁₉,₀.₉₀ from a published table.
    let t90 = 1.327728

    func pace(_ aggregate: Target.Aggregate, _ comparator: Target.Comparator, _ threshold: Double,
              unit: String? = nil) throws -> RequiredPace {
        let target = try Target(indicator: "x", year: 2020, aggregate: aggregate, comparator: comparator,
                                threshold: threshold, unit: unit)
        let projection = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level))
        return try RequiredPace(projection: projection, probability: 0.9)
    }

    @Test func floorOnASum() throws {
        let answer = try pace(.sum, .greaterThanOrEqual, 140)
        // (a) (140 − 88)/4 = 13, i.e. 13/11 − 1 above the forecast.
        guard case .pace(let v, let percent) = answer.exact else { Issue.record("\(answer.exact)"); return }
        #expect(isClose(v, 13, relative: 1e-12))
        #expect(isClose(percent, (13.0 / 11 - 1) * 100, relative: 1e-10))
        // (b) P(S + 4d ≥ 140) = 0.9 ⟺ 132 + 4d − 140 = t₀.₉·se ⟹ d = (8 + t₀.₉·se)/4.
        guard case .pace(let likely, _) = answer.likely else { Issue.record("\(answer.likely)"); return }
        #expect(abs(likely - (11 + (8 + t90 * se) / 4)) < 1e-5)
    }

    @Test func capOnASum() throws {
        let answer = try pace(.sum, .lessThanOrEqual, 128)
        // P(S + 4d ≤ 128) = 0.9 ⟹ d = (128 − 132 − t₀.₉·se)/4.
        guard case .pace(let likely, let percent) = answer.likely else { Issue.record("\(answer.likely)"); return }
        let d = (128 - 132 - t90 * se) / 4
        #expect(abs(likely - (11 + d)) < 1e-5)
        #expect(abs(percent - d / 11 * 100) < 1e-4)
    }

    @Test func plainAnswersInsteadOfMisleadingNumbers() throws {
        #expect(try pace(.sum, .greaterThanOrEqual, 80).exact == .alreadyMet)     // 88 counted already
        #expect(try pace(.sum, .lessThanOrEqual, 85).likely == .alreadyMissed)    // cap passed
        // Mean ≤ 7: the year's mean is at least 88/12 = 7.33 for a never-negative series.
        #expect(try pace(.mean, .lessThanOrEqual, 7).exact == .alreadyMissed)
        // "40% below 2019" (0.6·132 = 79.2) after 88 so far: 2019 is observed, so the reference is
        // known and the never-negative sum has already passed it, as with the fixed threshold 79.2
        // (issue 16.1; it used to read "−2.2 a month, impossible").
        let target = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .lessThanOrEqual,
                                reference: .baseYear(2019, changePercent: -40))
        let projection = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level))
        #expect(projection.status == .missed && projection.requiredPace == nil)
        #expect(try RequiredPace(projection: projection).exact == .alreadyMissed)
        // A rate of 30 % in December from values near 11 is fine; 150 % is not.
        guard case .unreachable = try pace(.last, .greaterThanOrEqual, 150, unit: "%").exact else {
            Issue.record("expected unreachable above 100%"); return
        }
    }

    @Test func probabilityMustBeOpenUnitInterval() throws {
        let target = try Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 140)
        let projection = try YearEndProjection(series: series, target: target, asOf: august, model: .fixed(.level))
        #expect(throws: ModelError.self) { try RequiredPace(projection: projection, probability: 1) }
    }
}

@Suite struct MilestoneTests {
    let due = try! Month(parsing: "2020-12")
    let august = try! Month(parsing: "2020-08")

    func progress(_ counts: [Double?], count: Double, asOf: Month? = nil) throws -> MilestoneProgress {
        let series = try MonthlySeries(start: Month(parsing: "2020-01"), values: counts)
        return try MilestoneProgress(series: series, milestone: Milestone(indicator: "m", count: count, due: due),
                                     asOf: asOf ?? august)
    }

    @Test func runRateByHand() throws {
        // 2 ambulances by August: 2/8 a month, 4 months left → 2 + 1 = 3 by December.
        let ambulances = try progress([0, 0, 0, 0, 1, 1, 2, 2], count: 3)
        #expect(ambulances.reached == 2 && ambulances.ratePerMonth == 0.25 && ambulances.monthsLeft == 4)
        #expect(ambulances.projectedAtDue == 3 && ambulances.status == .onTrack)
        #expect(ambulances.requiredPerMonth == 0.25)
        // 1 fever post of 2: 1/8 a month → 1.5 by December.
        let posts = try progress([0, 0, 0, 1, 1, 1, 1, 1], count: 2)
        #expect(posts.projectedAtDue == 1.5 && posts.status == .atRisk)
        #expect(try progress([0, 0, 3, 3, 3, 3, 3, 3], count: 3).status == .met)
        #expect(try progress([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], count: 3, asOf: due).status == .missed)
    }

    @Test func threeTiersByTheShareOfTheGapTheRunRateCovers() throws {
        // 0 of 9 at a run-rate of 0 covers none of the gap of 9: off track.
        let none = try progress([0, 0, 0, 0, 0, 0, 0, 0], count: 9)
        #expect(none.status == .offTrack && none.requiredPerMonth == 2.25)
        // 2 of 4 at 2/8 a month covers 1 of the gap of 2 by December: exactly half, at risk.
        #expect(try progress([0, 0, 0, 1, 1, 1, 2, 2], count: 4).status == .atRisk)
        // 2 of 5 at 2/8 a month covers 1 of the gap of 3: under half, off track.
        #expect(try progress([0, 0, 0, 1, 1, 1, 2, 2], count: 5).status == .offTrack)
    }

    @Test func reachedInIsTheMonthTheCountWasReached() throws {
        // 3 from March on, 1 from April on (with a missing June): the first month of the latest count.
        #expect(try progress([0, 0, 3, 3, 3, 3, 3, 3], count: 3).reachedIn == Month(parsing: "2020-03"))
        #expect(try progress([0, 0, 0, 1, 1, nil, 1, 1], count: 2).reachedIn == Month(parsing: "2020-04"))
    }

    @Test func countsFromTheEndOfTheYearBefore() throws {
        // 12 of 13 departments, 10 of them already by December 2019: (12 − 10)/8 a month.
        let series = try MonthlySeries(start: Month(parsing: "2019-12"), values: [10, 10, 10, 11, 11, 11, 11, 12, 12])
        let p = try MilestoneProgress(series: series, milestone: Milestone(indicator: "m", count: 13, due: due), asOf: august)
        #expect(p.ratePerMonth == 0.25 && p.projectedAtDue == 13 && p.status == .onTrack)
    }
}

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
