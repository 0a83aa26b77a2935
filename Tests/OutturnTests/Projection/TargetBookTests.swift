import Foundation
import Testing
import OutturnIO
@testable import Outturn

/// `TargetBook.assess` is orchestration: its expected values are those of the one-target calls it
/// stands for (YearEndProjection, MilestoneProgress, JointAssessment, each checked against R or by
/// hand in their own suites), and its grouping is read off the example's targets file by eye.
@Suite struct TargetBookTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/xicheng-2020")

    static func exampleBook() throws -> TargetBook {
        let dataset = try ObservationsFile.read(path: example.appendingPathComponent("observations.csv").path)
        let file = try TargetsFile.read(path: example.appendingPathComponent("targets.csv").path)
        return try TargetBook(series: dataset.seriesByIndicator, targets: file.targets, milestones: file.milestones)
    }

    @Test func oneCallGivesWhatTheSingleCallsGive() async throws {
        let book = try Self.exampleBook()
        // The example's data end in 2020-08 (PM2.5 in 2020-07, the rest in 2020-08).
        #expect(book.lastObservedMonth == (try Month(parsing: "2020-08")))
        let assessment = try await book.assess()
        #expect(assessment.asOf == (try Month(parsing: "2020-08")))
        #expect(assessment.projections.count == book.targets.count)
        for (target, projection) in zip(book.targets, assessment.projections) {
            let single = try YearEndProjection(series: book.series[target.indicator]!, target: target,
                                               asOf: try Month(parsing: "2020-08"),
                                               referenceSeries: target.referenceIndicator.flatMap { book.series[$0] })
            #expect(projection.target == target)
            #expect(projection.value == single.value && projection.intervals == single.intervals)
            #expect(projection.probability == single.probability && projection.status == single.status)
        }
        #expect(assessment.milestones.map(\.milestone) == book.milestones)
        for progress in assessment.milestones {
            let single = try MilestoneProgress(series: book.series[progress.milestone.indicator]!,
                                               milestone: progress.milestone, asOf: try Month(parsing: "2020-08"))
            #expect(progress.status == single.status && progress.projectedAtDue == single.projectedAtDue)
        }
        // targets.csv: rows 1–3 are PM2.5's three conditions, rows 4–5 CO₂'s two base years; every
        // other indicator has one condition.
        #expect(book.jointGroups == [[0, 1, 2], [3, 4]])
        #expect(assessment.joint.map(\.indicator) == ["pm25", "co2_intensity"])
        let pm25 = Array(book.targets[0...2])
        let joint = try JointAssessment(series: book.series["pm25"]!, targets: pm25, asOf: try Month(parsing: "2020-08"),
                                        referenceSeries: book.series)
        #expect(assessment.joint[0].probability == joint.probability && assessment.joint[0].status == joint.status)
    }

    @Test func errorsNameThePositionAtFault() async throws {
        let start = try Month(parsing: "2019-01")
        let series = ["a": try MonthlySeries(start: start, values: (0..<20).map { 10 + Double($0) })]
        let good = try Target(indicator: "a", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 10)
        let early = try Target(indicator: "a", year: 2017, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 10)
        let unknown = try Target(indicator: "b", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 10)
        #expect(throws: TargetBookError.unknownIndicator("b", target: 1, milestone: nil)) {
            try TargetBook(series: series, targets: [good, unknown])
        }
        let due = try Month(parsing: "2020-12")
        #expect(throws: TargetBookError.unknownIndicator("c", target: nil, milestone: 0)) {
            try TargetBook(series: series, targets: [good], milestones: [try Milestone(indicator: "c", count: 3, due: due)])
        }
        let book = try TargetBook(series: series, targets: [good, early])
        await #expect(throws: TargetBookError.target(1, .yearBeforeData(year: 2017, firstObservation: start))) {
            try await book.assess()
        }
    }

    @Test func anEmptyBookHasNothingToSay() async throws {
        let assessment = try await TargetBook(series: [:], targets: []).assess()
        #expect(assessment.asOf == nil && assessment.projections.isEmpty && assessment.joint.isEmpty)
    }
}
