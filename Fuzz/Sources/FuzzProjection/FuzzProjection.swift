import Foundation
import Outturn

/// Bytes decoded into a small series, a target and a model: the projection either throws a
/// ModelError or returns only finite numbers and a probability in [0, 1]; so does the pace.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProjection(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var bytes = UnsafeRawBufferPointer(start: start, count: count)[...]
    func next() -> UInt8 { bytes.popFirst() ?? 0 }
    let models = ["auto", "level", "trend", "season", "trend+season", "trend+fourier2", "log(trend)",
                  "trend+step@2001-06", "log(trend+season)", "trend+pulse@2000-03+ramp@2001-01",
                  "theta", "damped", "ensemble", "regression", "snaive", "runrate", "trend+season[24]"]
    let length = 1 + Int(next()) % 40
    let scale = [1e-6, 1, 1000, 1e9][Int(next()) % 4]
    let values: [Double?] = (0..<length).map { _ in
        let byte = next()
        return byte == 0x80 ? nil : Double(Int8(bitPattern: byte)) * scale + (byte % 3 == 0 ? 200 * scale : 0)
    }
    let aggregate = Target.Aggregate.allCases[Int(next()) % 5]
    let comparator = Target.Comparator.allCases[Int(next()) % 4]
    let threshold = Double(Int16(bitPattern: UInt16(next()) << 8 | UInt16(next()))) * scale
    let firstMonth = 1 + Int(next()) % 12
    let period = firstMonth...max(firstMonth, 1 + Int(next()) % 12)
    let referenceKind = next() % 4
    let asOfOffset = Int(next()) % 45
    let model = models[Int(next()) % models.count]
    do {
        let start = try Month(parsing: "2000-01")
        let series = try MonthlySeries(start: start, values: values)
        let reference: Target.Reference = switch referenceKind {
        case 0: .baseYear(2000, changePercent: -3)
        case 1: .movingAverage(years: 2)
        default: .value(threshold)
        }
        let target = try Target(indicator: "x", year: 2002, aggregate: aggregate, comparator: comparator,
                                reference: reference, period: period)
        let projection = try YearEndProjection(series: series, target: target, asOf: start.advanced(by: asOfOffset),
                                               model: try ModelChoice(parsing: model), levels: [80, 95])
        let numbers = [projection.value, projection.standardError, projection.referenceValue,
                       projection.referenceStandardError, projection.probability]
            + projection.intervals.flatMap { [$0.lower, $0.upper] } + [projection.requiredPace ?? 0]
        precondition(numbers.allSatisfy(\.isFinite), "non-finite output: \(numbers)")
        precondition((0...1).contains(projection.probability))
        precondition(projection.intervals.allSatisfy { $0.lower <= $0.upper })
        // The pace of a simulated projection re-simulates at every bisection step: too slow to fuzz.
        if projection.method != .simulation {
            let pace = try RequiredPace(projection: projection, probability: 0.9)
            if case .pace(let perMonth, _) = pace.exact { precondition(perMonth.isFinite) }
            if case .pace(let perMonth, _) = pace.likely { precondition(perMonth.isFinite) }
        }
    } catch {
        // Refusing bad input with a typed error is the expected outcome for most bytes.
    }
    return 0
}
