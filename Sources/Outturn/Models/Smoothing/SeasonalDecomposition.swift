import Foundation

/// Classical multiplicative decomposition of a monthly series (R's `decompose(type =
/// "multiplicative")`) and the autocorrelation test that decides whether to use it (R's
/// `thetaf`): seasonal when |r₁₂| exceeds the 90% one-sided bound √((1 + 2Σ_{k<12} r_k²)/n)·z₀.₉₅.
struct SeasonalDecomposition: Sendable {
    /// Twelve multiplicative indices with mean 1; `indices[i]` belongs to observation i, i + 12, …
    /// of the series the decomposition was made from.
    let indices: [Double]

    static let period = 12

    /// Decomposes `values` (consecutive months) when they are seasonal by the test above, long
    /// enough (more than two full years) and all positive (a multiplicative index means nothing
    /// for a series that crosses zero); `nil` otherwise, or when an index is (near) zero.
    static func ifSeasonal(_ values: [Double]) -> SeasonalDecomposition? {
        let n = values.count
        guard n > 2 * period, values.allSatisfy({ $0 > 0 }), values.contains(where: { $0 != values[0] }) else { return nil }
        let r = autocorrelations(values, maxLag: period)
        let stat = ((1 + 2 * r[1..<period].reduce(0) { $0 + $1 * $1 }) / Double(n)).squareRoot()
        guard abs(r[period]) / stat > 1.6448536269514722 else { return nil }
        return decompose(values)
    }

    /// r₀ … r_maxLag with R's `acf` normalisation (sums over n, not n − k).
    static func autocorrelations(_ values: [Double], maxLag: Int) -> [Double] {
        let n = values.count
        let mean = values.reduce(0, +) / Double(n)
        let centred = values.map { $0 - mean }
        let c0 = centred.reduce(0) { $0 + $1 * $1 }
        return (0...maxLag).map { k in
            var sum = 0.0
            for t in 0..<(n - k) { sum += centred[t] * centred[t + k] }
            return c0 > 0 ? sum / c0 : 0
        }
    }

    /// The 2×12 centred moving average as trend; ratios to it averaged by position; normalised.
    static func decompose(_ values: [Double]) -> SeasonalDecomposition? {
        let n = values.count, half = period / 2
        var sums = [Double](repeating: 0, count: period)
        var counts = [Int](repeating: 0, count: period)
        guard n > 2 * half else { return nil }
        for t in half..<(n - half) {
            var trend = 0.5 * (values[t - half] + values[t + half])
            for j in (t - half + 1)..<(t + half) { trend += values[j] }
            trend /= Double(period)
            sums[t % period] += values[t] / trend
            counts[t % period] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        let figure = (0..<period).map { sums[$0] / Double(counts[$0]) }
        let mean = figure.reduce(0, +) / Double(period)
        let indices = figure.map { $0 / mean }
        guard indices.allSatisfy({ $0.isFinite && abs($0) >= 1e-10 }) else { return nil }
        return SeasonalDecomposition(indices: indices)
    }

    /// The index of observation `t` (0-based; t ≥ n continues the cycle into the future).
    func index(at t: Int) -> Double { indices[t % Self.period] }
}
