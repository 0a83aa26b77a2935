import Foundation
import Testing
@testable import Outturn

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
