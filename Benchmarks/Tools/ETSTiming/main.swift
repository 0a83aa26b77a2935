import Foundation
import Outturn

// Times Outturn's ETS estimation in process, for Benchmarks/compare/ets.py to set beside R's
// `ets()` and statsforecast's AutoETS on the same series in the same run.
//   ETSTiming FILE [MODEL] [REPEATS]
// FILE: one series per line, "year,month,v1,v2,…" (the layout ets.py writes for R too).
// MODEL: "auto" (R's automatic `ets(y)`, the default) or a fixed model such as "MAdM".
// Prints one line per series: CPU seconds per fit (this thread's, best of REPEATS, default 3:
// on a shared machine wall time mostly measures the other processes), the chosen model, its
// log-likelihood and AICc, the 12-month forecast total; then a total line.
// With ETS_TIMING_EXACT=1 in the environment, each series also prints its parameters, forecast
// means and variances in hexadecimal, to check that a change to the estimation is bit-identical.
let arguments = CommandLine.arguments
guard arguments.count > 1, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: ETSTiming FILE [auto|MODEL] [REPEATS]\n".utf8))
    exit(2)
}
let spec = arguments.count > 2 ? arguments[2] : "auto"
let repeats = arguments.count > 3 ? max(Int(arguments[3]) ?? 3, 1) : 3
let fixed: ETSModel? = spec == "auto" ? nil : try? ETSModel(parsing: spec)
if spec != "auto", fixed == nil {
    FileHandle.standardError.write(Data("ETSTiming: unknown model \(spec)\n".utf8))
    exit(2)
}
/// This thread's CPU time in seconds.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
let exact = ProcessInfo.processInfo.environment["ETS_TIMING_EXACT"] == "1"
extension ETSParameters {
    /// R's `fit$par` order, from the public fields.
    var vectorForTiming: [Double] {
        [alpha] + [beta, gamma, phi].compactMap { $0 } + [level] + [trend].compactMap { $0 } + seasonal
    }
}
var total = 0.0
for line in text.split(separator: "\n") {
    let fields = line.split(separator: ",").compactMap { Double($0) }
    guard fields.count > 2, let start = try? Month(year: Int(fields[0]), month: Int(fields[1])) else { continue }
    let values = Array(fields.dropFirst(2))
    var best = Double.infinity
    var fit: ETSFit?
    for _ in 0..<repeats {
        let began = cpuSeconds()
        if let fixed {
            fit = try? ETSFit(estimating: fixed, start: start, values: values)
        } else {
            fit = try? ETSFit(start: start, values: values)
        }
        best = min(best, cpuSeconds() - began)
    }
    total += best
    if let fit {
        let sum = fit.forecast(horizon: 12).mean.reduce(0, +)
        print(String(format: "%.6f %@ %.10g %.10g %.10g", best, fit.model.description, fit.logLikelihood, fit.aicc, sum))
        if exact {
            let forecast = fit.forecast(horizon: 12)
            let hex = { (xs: [Double]) in xs.map { String(format: "%a", $0) }.joined(separator: " ") }
            print("  lik", hex([fit.lik]))
            print("  par", hex(fit.parameters.vectorForTiming))
            print("  mean", hex(forecast.mean))
            print("  var", hex(forecast.variance))
        }
    } else {
        print(String(format: "%.6f none nan nan nan", best))
    }
}
print(String(format: "total %.6f", total))
