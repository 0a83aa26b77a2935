import Foundation
import Outturn

// Times Outturn's engine in process, for Benchmarks/compare/engine.py to set beside numpy on the
// same shapes in the same run. Prints: seconds (best of 3) and peak RSS MB.
//   EngineTiming N MONTHS            SharedCalendarBatch on an N-series × MONTHS matrix
//   EngineTiming N MONTHS PATTERNS   N series with gaps: series j misses the months of gap pattern
//                                    j mod PATTERNS (one or two months before the target year),
//                                    trend+season, 2020 total as of August. Prints the seconds of
//                                    YearEndProjection.projectAll (full projections, model
//                                    intervals: groups of ≥ 64 series share a calendar, so 50
//                                    patterns take the shared path and 2,000 the per-series one),
//                                    then of SharedCalendarBatch.project(series:) (outcomes only,
//                                    grouped by pattern), then peak RSS MB.
let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1])! : 1_000_000
let rows = arguments.count > 2 ? Int(arguments[2])! : 36
let patterns = arguments.count > 3 ? Int(arguments[3])! : nil
/// A deterministic value per (series, month): trend, season and a hashed noise.
func value(series j: Int, month t: Int) -> Double {
    var state = UInt64(j) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(t) &* 0xBF58_476D_1CE4_E5B9 &+ 20_200_831
    state = (state ^ (state >> 31)) &* 0x94D0_49BB_1331_11EB
    state ^= state >> 29
    let noise = Double(state >> 11) / Double(1 << 53) - 0.5
    return 100 + Double(j % 50) + 0.3 * Double(t) + 10 * sin(Double(t % 12) * .pi / 6) + 4 * noise
}
func peakMB() -> Double {
    // VmHWM, not getrusage: ru_maxrss carries over the parent's peak across fork and exec.
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return (status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? .nan) / 1024
}
func bestOfThree(_ run: () async -> Void) async -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let began = DispatchTime.now().uptimeNanoseconds
        await run()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
    }
    return best
}

if let patterns {
    // The series end in August of the target year; gaps fall in the months before its January.
    let asOf = try! Month(year: 2020, month: 8)
    let start = asOf.advanced(by: -(rows - 1))
    let before = rows - 8
    let target = try! Target(indicator: "x", year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual, threshold: 1500)
    let requests = (0..<count).map { j in
        var values: [Double?] = (0..<rows).map { value(series: j, month: $0) }
        let pattern = j % patterns
        values[pattern % before] = nil
        values[(pattern / before) % before] = nil
        return YearEndProjection.Request(series: try! MonthlySeries(start: start, values: values), target: target,
                                         model: .fixed(.trendSeason), intervals: .model)
    }
    let full = await bestOfThree {
        let results = await YearEndProjection.projectAll(requests, asOf: asOf)
        precondition(results.allSatisfy { (try? $0.get()) != nil })
    }
    let series = requests.map(\.series), thresholds = [Double](repeating: 1500, count: count)
    let grouped = await bestOfThree {
        let outcomes = try! SharedCalendarBatch.project(series: series, thresholds: thresholds, asOf: asOf, model: .trendSeason,
                                                        year: 2020, aggregate: .sum, comparator: .greaterThanOrEqual)
        precondition(outcomes.count == count)
    }
    print(full, grouped, peakMB())
} else {
    let start = try! Month(year: 2020 - rows / 12 - 1, month: 1)
    let months = (0..<rows).map { start.advanced(by: $0) }
    let year = months[rows - 1].year + (months[rows - 1].month == 12 ? 1 : 0)
    var matrix = [Double](repeating: 0, count: rows * count)
    for j in 0..<count { for t in 0..<rows { matrix[j * rows + t] = value(series: j, month: t) } }
    let thresholds = [Double](repeating: 1500, count: count)
    let seconds = await bestOfThree {
        let copy = matrix
        let outcomes = try! SharedCalendarBatch.project(values: copy, months: months, count: count, model: .trendSeason,
                                                        year: year, aggregate: .sum, comparator: .greaterThanOrEqual,
                                                        thresholds: thresholds)
        precondition(outcomes.count == count)
    }
    print(seconds, peakMB())
}
