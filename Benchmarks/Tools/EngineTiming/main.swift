import Foundation
import Outturn

// Times SharedCalendarBatch on an n-month × N-series matrix, for Benchmarks/compare/compare.py to
// set beside numpy on the same shape in the same run. Prints: seconds (best of 3) and peak RSS MB.
//   EngineTiming N MONTHS
let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1])! : 1_000_000
let rows = arguments.count > 2 ? Int(arguments[2])! : 36
let start = try! Month(year: 2020 - rows / 12 - 1, month: 1)
let months = (0..<rows).map { start.advanced(by: $0) }
let year = months[rows - 1].year + (months[rows - 1].month == 12 ? 1 : 0)
var matrix = [Double](repeating: 0, count: rows * count)
var state: UInt64 = 20_200_831
for j in 0..<count {
    for t in 0..<rows {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let noise = Double(state >> 11) / Double(1 << 53) - 0.5
        matrix[j * rows + t] = 100 + Double(j % 50) + 0.3 * Double(t) + 10 * sin(Double(t % 12) * .pi / 6) + 4 * noise
    }
}
let thresholds = [Double](repeating: 1500, count: count)
var best = Double.infinity
for _ in 0..<3 {
    let copy = matrix
    let began = DispatchTime.now().uptimeNanoseconds
    let outcomes = try! SharedCalendarBatch.project(values: copy, months: months, count: count, model: .trendSeason,
                                                    year: year, aggregate: .sum, comparator: .greaterThanOrEqual,
                                                    thresholds: thresholds)
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
    precondition(outcomes.count == count)
}
// VmHWM, not getrusage: ru_maxrss carries over the parent's peak across fork and exec.
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let peakKB = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? .nan
print(best, peakKB / 1024)
