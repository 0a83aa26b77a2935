import Foundation

/// Accuracy and calibration over many ``Backtest/Case``s.
///
/// Scale-free measures average over cases: APE of the year's figure, interval coverage, the
/// interval score as a percentage of the actual figure, the Brier score of P(growth), the PIT
/// histogram; and, for the monthly forecasts, MAPE, sMAPE (200|y − f|/(|y| + |f|)) and MASE (MAE
/// over the seasonal naive in-sample MAE), each the mean over cases of the mean over months as in
/// the M3 competition's tables. MAE and RMSE depend on the unit, so they are given per case only.
public struct BacktestSummary: Sendable {
    /// The number of cases.
    public let count: Int
    /// Mean and median APE of the year's figure, in percent.
    public let meanAPE: Double?, medianAPE: Double?
    /// Share of cases whose interval at each level contains the actual figure.
    public let coverage: [(level: Double, share: Double)]
    /// Mean interval score at each level, as a percentage of |actual|.
    public let relativeIntervalScore: [(level: Double, percent: Double)]
    /// Mean Brier score of P(at least last year's figure), over cases with a complete last year.
    public let brierScore: Double?
    /// Shares of the PIT values in ten equal bins (0–0.1, …, 0.9–1).
    public let pitHistogram: [Double]
    /// Monthly-forecast accuracy: MAPE, sMAPE (percent) and MASE, over cases with forecasts.
    public let mape: Double?, smape: Double?, mase: Double?

    /// Summarises `cases` at `levels`.
    public init(cases: [Backtest.Case], levels: [Double]) {
        count = cases.count
        let apes = cases.compactMap(\.absolutePercentageError)
        meanAPE = mean(apes)
        medianAPE = median(apes)
        coverage = levels.map { level in
            let hits = cases.compactMap { $0.covers(level: level) }
            return (level, hits.isEmpty ? .nan : Double(hits.filter { $0 }.count) / Double(hits.count))
        }
        relativeIntervalScore = levels.map { level in
            (level, mean(cases.compactMap { c in
                c.actual == 0 ? nil : c.intervalScore(level: level).map { $0 / abs(c.actual) * 100 }
            }) ?? .nan)
        }
        brierScore = mean(cases.compactMap(\.brierScore))
        var bins = [Double](repeating: 0, count: 10)
        for c in cases { bins[min(Int(c.pit * 10), 9)] += 1 }
        pitHistogram = bins.map { cases.isEmpty ? 0 : $0 / Double(cases.count) }
        let withForecasts = cases.filter { !$0.forecasts.isEmpty }
        mape = mean(withForecasts.compactMap { c in
            mean(c.forecasts.compactMap { $0.actual == 0 ? nil : abs($0.actual - $0.forecast) / abs($0.actual) * 100 })
        })
        smape = mean(withForecasts.compactMap { c in
            mean(c.forecasts.map { f in
                let denominator = abs(f.actual) + abs(f.forecast)
                return denominator == 0 ? 0 : 200 * abs(f.actual - f.forecast) / denominator
            })
        })
        mase = mean(withForecasts.compactMap { c in
            c.naiveScale.flatMap { scale in mean(c.forecasts.map { abs($0.actual - $0.forecast) }).map { $0 / scale } }
        })
    }
}

extension Backtest.Case {
    /// Mean absolute error of the monthly forecasts; `nil` without forecasts.
    public var meanAbsoluteError: Double? { mean(forecasts.map { abs($0.actual - $0.forecast) }) }
    /// Root mean squared error of the monthly forecasts; `nil` without forecasts.
    public var rootMeanSquaredError: Double? {
        mean(forecasts.map { ($0.actual - $0.forecast) * ($0.actual - $0.forecast) }).map { $0.squareRoot() }
    }
}

func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
}

func median(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : quantile(values.sorted(), 0.5)
}
