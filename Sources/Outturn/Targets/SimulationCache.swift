import Synchronization

/// Simulated paths, and figures evaluated on them, shared by the conditions judged on one
/// prediction: 100,000 `max` targets on one indicator draw their 10,000 paths once, and evaluate
/// the year's maximum on them once, instead of once per target.
///
/// Every entry is keyed by everything its numbers depend on, bit for bit (the prediction's means,
/// covariance and degrees of freedom, the log transform, the number of paths and the seed; the
/// scenario's adjustments; the figure with its observed months; the bounds), so a condition gets
/// the very numbers it would have drawn itself, and results stay identical to the last digit.
///
/// Memory is bounded: each of the three tables (draws, adjusted paths, figures) keeps about
/// ``budget`` doubles, forgetting its oldest insertions first (first in, first out); the newest
/// entry is kept whatever its size, so a table may exceed the budget by one entry. Targets are
/// assessed in order in contiguous chunks, so the entries in use are the latest ones. Safe to use from many tasks at once; two that need the same missing entry may
/// both compute it, with the same result.
final class SimulationCache: Sendable {
    /// The doubles each table keeps before it forgets (32 MB; about 96 MB for the three tables).
    static let budget = 4 << 20

    /// What an outlook's draws depend on before a scenario adjusts them.
    struct DrawKey: Hashable, Sendable {
        let means: [UInt64], covariance: [UInt64], degreesOfFreedom: Int, isLog: Bool, count: Int, seed: UInt64

        init(_ outlook: SeriesOutlook, prediction: JointPrediction, count: Int, seed: UInt64) {
            means = prediction.means.map(\.bitPattern)
            covariance = prediction.covariance().map(\.bitPattern)
            (degreesOfFreedom, isLog, self.count, self.seed) = (prediction.degreesOfFreedom, outlook.isLog, count, seed)
        }
    }

    /// The draws with the outlook's adjustments.
    struct PathKey: Hashable, Sendable {
        let draws: DrawKey, adjustments: [UInt64]
    }

    /// A figure's values on those paths: the combination as compiled (its observed values and path
    /// positions), and the range they are clamped to.
    struct FigureKey: Hashable, Sendable {
        let paths: PathKey, constant: UInt64, coefficients: [UInt64], aggregates: [String], sources: [[UInt64]]
        let possible: [UInt64]?

        init(paths: PathKey, combination: CompiledCombination, possible: ClosedRange<Double>?) {
            self.paths = paths
            constant = combination.constant.bitPattern
            coefficients = combination.terms.map(\.coefficient.bitPattern)
            aggregates = combination.terms.map(\.aggregate.rawValue)
            // An observed value and a path position never read the same: positions are tagged.
            sources = combination.terms.map { term in
                term.sources.flatMap { source -> [UInt64] in
                    switch source {
                    case .observed(let value): [0, value.bitPattern]
                    case .path(let index): [1, UInt64(index)]
                    }
                }
            }
            self.possible = possible.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] }
        }
    }

    /// A figure on every path, clamped: in path order (to pair with each path's reference) and sorted.
    struct Figures: Sendable {
        let values: [Double]
        let sorted: [Double]
    }

    private struct Table<Key: Hashable & Sendable, Value: Sendable>: Sendable {
        var entries: [Key: (value: Value, size: Int)] = [:]
        var order: [Key] = []
        var size = 0

        mutating func insert(_ value: Value, size: Int, for key: Key) -> Value {
            if let existing = entries[key] { return existing.value }
            entries[key] = (value, size)
            order.append(key)
            self.size += size
            var dropped = 0
            // Keep the newest entry whatever its size.
            while self.size > SimulationCache.budget, order.count - dropped > 1 {
                let oldest = order[dropped]
                self.size -= entries.removeValue(forKey: oldest)?.size ?? 0
                dropped += 1
            }
            order.removeFirst(dropped)
            return value
        }
    }

    private struct State: Sendable {
        var draws = Table<DrawKey, [Double]>()
        var paths = Table<PathKey, SimulatedPaths>()
        var figures = Table<FigureKey, Figures>()
    }

    private let state = Mutex(State())

    init() {}

    /// ``SeriesOutlook/samplePaths(count:seed:)``, drawn once per prediction and adjustments.
    func paths(of outlook: SeriesOutlook, count: Int, seed: UInt64) -> (paths: SimulatedPaths, key: PathKey?) {
        guard let prediction = outlook.prediction else { return (outlook.samplePaths(count: count, seed: seed), nil) }
        let drawKey = DrawKey(outlook, prediction: prediction, count: count, seed: seed)
        let key = PathKey(draws: drawKey, adjustments: outlook.adjustments.flatMap { [$0.scale.bitPattern, $0.shift.bitPattern] })
        if let known = state.withLock({ $0.paths.entries[key]?.value }) { return (known, key) }
        let draws: [Double]
        if let known = state.withLock({ $0.draws.entries[drawKey]?.value }) {
            draws = known
        } else {
            let drawn = outlook.draws(count: count, seed: seed)
            draws = state.withLock { $0.draws.insert(drawn, size: drawn.count, for: drawKey) }
        }
        let adjusted = outlook.adjusting(draws)
        return (state.withLock { $0.paths.insert(adjusted, size: adjusted.values.count, for: key) }, key)
    }

    /// `compute`'s figures for `key`, computed once.
    func figures(for key: FigureKey, compute: () -> [Double]) -> Figures {
        if let known = state.withLock({ $0.figures.entries[key]?.value }) { return known }
        let values = compute()
        let figures = Figures(values: values, sorted: values.sorted())
        return state.withLock { $0.figures.insert(figures, size: 2 * values.count, for: key) }
    }
}
