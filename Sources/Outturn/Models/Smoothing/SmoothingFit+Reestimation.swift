import Foundation

extension SmoothingFit {
    /// The error of the total over `horizons` from a fit of the same method re-estimated — the
    /// seasonal indices, the smoothing parameters and the ensemble's weight — on observations
    /// 0…`origin`, and that fit's variance of the total. The final fit's parameters (and the
    /// ensemble weight chosen to minimise the whole history's 12-month total errors) make earlier
    /// origins' errors look smaller than a real forecast's; this is what ``SpreadCalibration``
    /// compares. `nil` when the horizons leave the history or the refit fails.
    func reestimatedOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        let values = forecaster.adjusted.indices.map { forecaster.adjusted[$0] * forecaster.seasonalIndex(at: $0) }
        guard let longest = horizons.max(), horizons.allSatisfy({ $0 >= 1 }), origin >= 0,
              origin + longest < values.count,
              let cut = try? MonthlySeries(start: months[0], values: values[0...origin].map { $0 }),
              let refit = try? SmoothingFit(history: cut, method: method),
              let prediction = try? refit.prediction(for: horizons.map { months[origin].advanced(by: $0) })
        else { return nil }
        let error = horizons.reduce(0.0) { $0 + values[origin + $1] } - prediction.means.reduce(0, +)
        guard error.isFinite else { return nil }
        return (error, prediction.varianceOfCombination([Double](repeating: 1, count: horizons.count)))
    }
}
