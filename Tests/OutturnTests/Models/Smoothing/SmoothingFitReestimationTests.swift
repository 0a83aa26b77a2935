import Foundation
import Testing
@testable import Outturn

/// The smoothing methods' earlier-year totals come from fits re-estimated on the months known
/// then, not from the final fit's parameters: the same as fitting the method afresh to the
/// history cut at that origin (done here through the public initialiser on the values up to the
/// origin, and the public forecast).
@Suite("SmoothingFit re-estimation")
struct SmoothingFitReestimationTests {
    @Test(arguments: [SmoothingFit.Method.ensemble, .theta, .damped])
    func earlierTotalsComeFromAFreshFit(method: SmoothingFit.Method) throws {
        let values: [Double] = (0..<96).map { (t: Int) -> Double in
            let x = Double(t)
            let wave: Double = 30 * sin(x * Double.pi / 6)
            let noise = Double((t * 37) % 11)
            return 200 + x + wave + noise
        }
        let start = try Month(year: 2010, month: 1)
        let series = try MonthlySeries(start: start, values: values)
        let fit = try SmoothingFit(history: series, method: method)
        let origin = 95 - 12
        let total = try #require(fit.reestimatedOriginTotal(origin: origin, horizons: [1, 2, 3, 4, 5, 6]))

        let fresh = try SmoothingFit(history: try MonthlySeries(start: start, values: Array(values[0...origin])), method: method)
        let months = (1...6).map { start.advanced(by: origin + $0) }
        let forecast = try FittedModel.smoothing(fresh).forecast(months: months, levels: [80])
        let actual = (1...6).reduce(0.0) { $0 + values[origin + $1] }
        #expect(isClose(total.error, actual - forecast.reduce(0.0) { $0 + $1.value }, relative: 1e-9))
        #expect(total.variance > 0)
        // The final fit's re-filtered total differs: its parameters saw the months after the origin.
        let refiltered = try #require(fit.rollingOriginTotal(origin: origin, horizons: [1, 2, 3, 4, 5, 6]))
        #expect(refiltered.error != total.error)
    }
}
