import Foundation
import PropertyBased
import Testing
@testable import Outturn
@testable import OutturnIO

/// Properties that must hold for any data, checked on generated series (swift-property-based;
/// a failure prints the seed that reproduces it).
@Suite struct PropertyTests {
    static let start = try! Month(parsing: "2017-01")
    static let august = try! Month(parsing: "2020-08")
    /// 44 months of positive, seasonal-looking noise.
    static let series = Gen.double(in: 50...150).array(of: 44)

    static func project(_ values: [Double], aggregate: Target.Aggregate = .sum,
                        comparator: Target.Comparator = .greaterThanOrEqual, threshold: Double,
                        model: RegressionFormula = .trendSeason) throws -> YearEndProjection {
        let target = try Target(indicator: "x", year: 2020, aggregate: aggregate, comparator: comparator, threshold: threshold)
        return try YearEndProjection(series: MonthlySeries(start: start, values: values), target: target,
                                     asOf: august, model: .fixed(model), levels: [80, 95])
    }

    @Test func theOrderOfObservationsDoesNotMatter() async {
        await propertyCheck(count: 50, input: Self.series, Gen.int(in: 0...1_000_000)) { values, seed in
            let months = values.indices.map { Self.start.advanced(by: $0) }
            var pairs = Array(zip(months, values)).map { (month: $0.0, value: $0.1) }
            var random = RandomSource(seed: UInt64(seed))
            pairs.shuffle(using: &random)
            let shuffled = try MonthlySeries(observations: pairs)
            #expect(shuffled == (try MonthlySeries(start: Self.start, values: values)))
        }
    }

    @Test func interleavingIndicatorsInTheFileDoesNotMatter() async {
        await propertyCheck(count: 30, input: Self.series, Self.series) { a, b in
            let months = a.indices.map { Self.start.advanced(by: $0).description }
            let blocks = "indicator,month,value\n" + zip(months, a).map { "a,\($0),\($1)\n" }.joined()
                + zip(months, b).map { "b,\($0),\($1)\n" }.joined()
            let interleaved = "indicator,month,value\n"
                + zip(months, zip(a, b)).map { "b,\($0),\($1.1)\na,\($0),\($1.0)\n" }.joined()
            let first = try ObservationsFile.parse(Data(blocks.utf8), file: "x.csv")
            let second = try ObservationsFile.parse(Data(interleaved.utf8), file: "x.csv")
            #expect(first.series("a") == second.series("a") && first.series("b") == second.series("b"))
        }
    }

    @Test func scalingTheSeriesScalesTheProjection() async {
        await propertyCheck(count: 60, input: Self.series, Gen.double(in: 0.01...100)) { values, c in
            let base = try Self.project(values, threshold: 1000)
            let scaled = try Self.project(values.map { $0 * c }, threshold: 1000 * c)
            #expect(isClose(scaled.value, c * base.value, relative: 1e-9))
            #expect(isClose(scaled.standardError, c * base.standardError, relative: 1e-9))
            for (s, b) in zip(scaled.intervals, base.intervals) {
                #expect(isClose(s.lower, c * b.lower, relative: 1e-9) && isClose(s.upper, c * b.upper, relative: 1e-9))
            }
            #expect(abs(scaled.probability - base.probability) < 1e-9)
        }
    }

    @Test func addingAConstantShiftsTheProjection() async {
        await propertyCheck(count: 60, input: Self.series, Gen.double(in: -40...1000)) { values, k in
            let base = try Self.project(values, aggregate: .mean, comparator: .lessThan, threshold: 100)
            let shifted = try Self.project(values.map { $0 + k }, aggregate: .mean, comparator: .lessThan, threshold: 100 + k)
            let scale = max(abs(base.value), abs(k))
            #expect(abs(shifted.value - (base.value + k)) < 1e-9 * scale)
            #expect(abs(shifted.standardError - base.standardError) < 1e-9 * scale)
            for (s, b) in zip(shifted.intervals, base.intervals) {
                #expect(abs(s.lower - (b.lower + k)) < 1e-9 * scale && abs(s.upper - (b.upper + k)) < 1e-9 * scale)
            }
            #expect(abs(shifted.probability - base.probability) < 1e-7)
        }
    }

    @Test func anExactTrendAndSeasonIsReproducedExactly() async {
        await propertyCheck(count: 60, input: Gen.double(in: -100...100), Gen.double(in: -5...5),
                            Gen.double(in: -50...50).array(of: 12)) { intercept, slope, seasonal in
            let values = (0..<44).map { t in intercept + slope * Double(t + 1) + seasonal[t % 12] }
            let fit = try RegressionFit(series: MonthlySeries(start: Self.start, values: values), model: .trendSeason)
            #expect(fit.sigma == 0)
            for (h, forecast) in try fit.forecast(horizon: 16, levels: [95]).enumerated() {
                let t = 44 + h
                let exact = intercept + slope * Double(t + 1) + seasonal[t % 12]
                #expect(abs(forecast.value - exact) < 1e-9 * max(1, abs(exact)))
                #expect(forecast.intervals[0].lower == forecast.intervals[0].upper)
            }
        }
    }

    @Test func probabilityIsMonotoneInTheThreshold() async {
        await propertyCheck(count: 40, input: Self.series, Gen.double(in: 500...2000).array(of: 6)) { values, thresholds in
            let sorted = thresholds.sorted()
            let floors = try sorted.map { try Self.project(values, comparator: .greaterThanOrEqual, threshold: $0).probability }
            let caps = try sorted.map { try Self.project(values, comparator: .lessThanOrEqual, threshold: $0).probability }
            #expect(zip(floors, floors.dropFirst()).allSatisfy { $0 >= $1 })
            #expect(zip(caps, caps.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}
