import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The README's "library in ten lines", run on the bundled example's water series.
@Suite struct ReadmeExampleTests {
    @Test func tenLinesOnTheExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dataset = try ObservationsFile.read(path: root.appendingPathComponent("Examples/xicheng-2020/observations.csv").path)
        let series = try #require(dataset.series("water"))
        let target = try Target(indicator: "water", year: 2020, aggregate: .sum,
                                comparator: .lessThanOrEqual, threshold: 11_489)
        let projection = try YearEndProjection(series: series, target: target,
                                               asOf: Month(parsing: "2020-08"), model: .auto, levels: [80, 95])
        // The seed: Jan–Aug 2020 new-water use 5,048.43 ×10⁴ m³.
        #expect(abs(try #require(projection.yearToDate) - 5048.43) < 1e-9)
        // Pace by hand: (11,489 − 5,048.43)/4 = 1,610.1425.
        #expect(abs(try #require(projection.requiredPace) - 1610.1425) < 1e-9)
        #expect(projection.intervals.map(\.level) == [80, 95])
        #expect(projection.modelSummary?.reason.hasPrefix("auto") == true)
        let fit = try ModelFit(series: series, model: ModelSpec(parsing: "trend+season"))
        #expect(try fit.forecast(horizon: 12, levels: [95]).count == 12)
    }
}
