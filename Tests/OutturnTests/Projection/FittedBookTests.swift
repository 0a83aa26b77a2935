import Foundation
import Testing
import OutturnIO
@testable import Outturn

/// `FittedBook` fits once and judges scenarios on those fits. Its expected values are those of the
/// refitting path it replaces (`TargetBook.projections(asOf:levels:scenario:)`, which fits every
/// target again under each scenario and is itself checked against R and by hand in its own
/// suites): equal to the last bit, since a scenario never changes the history a model is fitted on.
@Suite struct FittedBookTests {

    /// Every number a report shows of a projection, compared bit for bit.
    static func same(_ a: YearEndProjection, _ b: YearEndProjection) -> Bool {
        a.target == b.target && a.value == b.value && a.standardError == b.standardError && a.intervals == b.intervals
            && a.referenceValue == b.referenceValue && a.referenceStandardError == b.referenceStandardError
            && a.probability == b.probability && a.status == b.status && a.requiredPace == b.requiredPace
            && a.method == b.method && a.modelSummary == b.modelSummary && a.yearToDate == b.yearToDate
    }

    @Test func whatIfGivesWhatRefittingGives() async throws {
        let book = try TargetBookTests.exampleBook()
        let scenarios = try ScenarioFile.read(path: TargetBookTests.example.appendingPathComponent("scenarios.yaml").path,
                                              indicators: Set(book.series.keys), asOf: try Month(year: 2020, month: 8))
        #expect(scenarios.count == 3)
        let fitted = try await book.fit()
        let comparison = try await fitted.whatIf(scenarios)
        let baseline = try await book.projections()
        #expect(zip(comparison.baseline, baseline).allSatisfy(Self.same))
        for (scenario, projected) in zip(scenarios, comparison.projections) {
            let refitted = try await book.projections(scenario: scenario)
            #expect(projected.count == refitted.count)
            #expect(zip(projected, refitted).allSatisfy(Self.same), "\(scenario.name)")
            // The scenario file changes PM2.5, water, jobs or dust: at least one target moves.
            #expect(zip(projected, baseline).contains { $0.value != $1.value }, "\(scenario.name)")
        }
        for (scenario, joint) in zip(scenarios, comparison.jointProjections) {
            let refitted = try book.jointAssessments(scenario: scenario, reusing: try await book.projections(scenario: scenario))
            #expect(joint.map(\.probability) == refitted.map(\.probability), "\(scenario.name)")
            #expect(joint.map(\.status) == refitted.map(\.status), "\(scenario.name)")
        }
        #expect(comparison.joint.map(\.probability) == (try book.jointAssessments()).map(\.probability))
    }

    @Test func sweepGivesWhatRefittingGives() async throws {
        let book = try TargetBookTests.exampleBook()
        let fitted = try await book.fit()
        let shifts = [-30.0, -10, 0, 10, 30]
        let sensitivity = try await fitted.sweep(shifts: shifts)
        #expect(sensitivity.probabilities.count == book.targets.count)
        for (column, shift) in shifts.enumerated() {
            let refitted = try await book.projections(scenario: fitted.shifted(by: shift))
            #expect(sensitivity.probabilities.map { $0[column] } == refitted.map(\.probability), "shift \(shift)")
        }
        // A shift of 0% scales by 1: the baseline's probabilities.
        #expect(sensitivity.probabilities.map { $0[2] } == fitted.baseline.map(\.probability))
    }

    /// The shift scenario scales each indicator's open months once: PM2.5 carries three
    /// conditions on 2020 but gets one change, from 2020-08 (its data end in 2020-07, see
    /// `TargetBookTests`) to 2020-12.
    @Test func shiftScalesEachIndicatorOnce() async throws {
        let book = try TargetBookTests.exampleBook()
        let scenario = try await book.fit().shifted(by: -10)
        let pm25 = scenario.changes.filter { $0.indicator == "pm25" }
        let first = try Month(year: 2020, month: 8), last = try Month(year: 2020, month: 12)
        let open: ClosedRange<Month> = first...last
        let expected = Scenario.Change(indicator: "pm25", months: open, operation: .scale(percent: -10))
        #expect(pm25 == [expected])
        #expect(scenario.name == "shift -10.0%")
    }

    /// A scenario that switches an intervention off changes the design rows: the fit is kept and
    /// the months predicted again, which equals fitting again.
    @Test func interventionScenarioPredictsAgainOnTheSameFit() async throws {
        var random = RandomSource(seed: 11)
        let start = try Month(year: 2017, month: 1), step = try Month(year: 2020, month: 3)
        var values: [Double?] = []
        for t in 0..<44 {
            let level: Double = 100 + 0.4 * Double(t)
            let jump: Double = t >= 38 ? 15 : 0
            values.append(level + jump + 2 * random.normal())
        }
        let series = ["a": try MonthlySeries(start: start, values: values)]
        let target = try Target(indicator: "a", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1500)
        let book = try TargetBook(series: series, targets: [target], model: .fixed(.trend),
                                  extraTerms: [.intervention(Intervention(.step, at: step))])
        let off = Scenario(name: "no step", interventions: [Intervention(.step, at: step): false])
        let fitted = try await book.fit()
        let projected = try await fitted.projections(scenario: off)
        let refitted = try await book.projections(scenario: off)
        #expect(zip(projected, refitted).allSatisfy(Self.same))
        // Without the step of ≈15 a month the four open months lose ≈60: the figure falls.
        #expect(projected[0].value < fitted.baseline[0].value - 30)
    }

    /// ≥ 64 series on one calendar share one factorisation and carry no selection: a scale
    /// scenario reuses the shared prediction, one that sets an intervention fits alone, as the
    /// refitting path does.
    @Test func sharedCalendarProjectionsUnderScenarios() async throws {
        var random = RandomSource(seed: 3)
        let start = try Month(year: 2017, month: 1), count = YearEndProjection.sharedCalendarMinimum + 2
        var series: [String: MonthlySeries] = [:], targets: [Target] = []
        for index in 0..<count {
            var values: [Double?] = []
            for t in 0..<44 { values.append(50 + Double(index) + 0.3 * Double(t) + random.normal()) }
            series["s\(index)"] = try MonthlySeries(start: start, values: values)
            targets.append(try Target(indicator: "s\(index)", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual,
                                      threshold: 12 * (60 + Double(index))))
        }
        let pulse = Intervention(.pulse, at: try Month(year: 2018, month: 6))
        let book = try TargetBook(series: series, targets: targets, model: .fixed(.trend),
                                  extraTerms: [.intervention(pulse)], intervals: .model)
        let fitted = try await book.fit()
        #expect(fitted.baseline.allSatisfy { $0.selection == nil })   // the shared path was taken
        let october = try Month(year: 2020, month: 10), december = try Month(year: 2020, month: 12)
        let change = Scenario.Change(indicator: "s0", months: october...december, operation: .scale(percent: 20))
        let scale = Scenario(name: "scale", changes: [change])
        let on = Scenario(name: "pulse on", interventions: [pulse: true])
        for scenario in [scale, on] {
            let projected = try await fitted.projections(scenario: scenario)
            let refitted = try await book.projections(scenario: scenario)
            #expect(zip(projected, refitted).allSatisfy(Self.same), "\(scenario.name)")
        }
    }

    /// A scenario that reaches an observed month fails at the first target it touches, under the
    /// scenario's position.
    @Test func scenarioErrorsNameTheScenarioAndTarget() async throws {
        let book = try TargetBookTests.exampleBook()
        let fitted = try await book.fit()
        let march = try Month(year: 2020, month: 3)
        let bad = Scenario(name: "past", changes: [Scenario.Change(indicator: "pm25", months: march...march, operation: .add(1))])
        let expected = TargetBookError.scenario(1, .target(0, .scenarioChangesObservedMonth(indicator: "pm25", month: march)))
        await #expect(throws: expected) {
            _ = try await fitted.whatIf([.baseline, bad])
        }
    }
}
