import Foundation
import Testing
@testable import Outturn

/// A target's own model (a targets file's `model` column) in the ``TargetBook``.
@Suite struct TargetBookTargetModelsTests {
    func target(_ indicator: String, _ year: Int = 2020) throws -> Target {
        try Target(indicator: indicator, year: year, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 0)
    }

    /// A model given to one target serves the other targets of its indicator and year (judged
    /// together on one fit), and no other target.
    @Test func ownModelsResolvePerIndicatorYear() throws {
        let series = try MonthlySeries(start: try Month(parsing: "2018-01"), values: (1...30).map(Double.init))
        let book = try TargetBook(series: ["x": series, "y": series],
                                  targets: [try target("x"), try target("x"), try target("y"), try target("x", 2021)],
                                  model: .auto, targetModels: [nil, .smoothing(.theta)])
        #expect(book.model(forTarget: 0) == .smoothing(.theta))
        #expect(book.model(forTarget: 1) == .smoothing(.theta))
        #expect(book.model(forTarget: 2) == .auto)
        #expect(book.model(forTarget: 3) == .auto)
    }

    /// Projected with its own model: the run-rate's year total is known by hand. Series 1 … 30
    /// from 2018-01 (2020-01 … 06 hold 25 … 30); the run-rate projects 2020 as 12 × 27.5 = 330.
    /// The other indicator's projection is the one the book gives without any own model.
    @Test func projectionsUseTheOwnModelOfTheirRowOnly() async throws {
        let series = try MonthlySeries(start: try Month(parsing: "2018-01"), values: (1...30).map(Double.init))
        let targets = [try target("x"), try target("y")]
        let own = try TargetBook(series: ["x": series, "y": series], targets: targets, model: .fixed(.trend),
                                 targetModels: [.baseline(.runrate), nil])
        let plain = try TargetBook(series: ["x": series, "y": series], targets: targets, model: .fixed(.trend))
        let withOwn = try await own.projections(), without = try await plain.projections()
        #expect(withOwn[0].modelSummary?.name == "runrate")
        #expect(isClose(withOwn[0].value, 330, relative: 1e-12))
        #expect(withOwn[1].value == without[1].value && withOwn[1].modelSummary?.name == "trend")
        // The fitted book re-assesses a scenario with each target's own model too.
        let fitted = try await own.fit()
        let shifted = try await fitted.projections(scenario: fitted.shifted(by: 10))
        #expect(shifted[0].modelSummary?.name == "runrate")
    }
}
