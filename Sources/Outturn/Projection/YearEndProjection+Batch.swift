import Foundation

extension YearEndProjection {
    /// One indicator to project: its series, its target and how to model it.
    public struct Request: Sendable {
        /// The indicator's monthly values.
        public let series: MonthlySeries
        /// What the year must achieve.
        public let target: Target
        /// The model, or ``ModelChoice/auto``.
        public let model: ModelChoice
        /// Terms added to the chosen model.
        public let extraTerms: [RegressionFormula.Term]
        /// Exogenous regressors by name.
        public let regressors: [String: MonthlySeries]
        /// The series a ``Target/Reference/indicator(_:)`` target compares with.
        public let referenceSeries: MonthlySeries?
        /// Checked spreads (default) or the model's alone.
        public let intervals: IntervalMethod

        /// Creates a request; the parameters are the properties of the same names.
        public init(series: MonthlySeries, target: Target, model: ModelChoice = .auto,
                    extraTerms: [RegressionFormula.Term] = [], regressors: [String: MonthlySeries] = [:],
                    referenceSeries: MonthlySeries? = nil, intervals: IntervalMethod = .checked) {
            self.series = series
            self.target = target
            self.model = model
            self.extraTerms = extraTerms
            self.regressors = regressors
            self.referenceSeries = referenceSeries
            self.intervals = intervals
        }
    }

    /// Projects many indicators concurrently, as of the same month.
    ///
    /// Requests that share a calendar — the same fixed plain regression with
    /// ``IntervalMethod/model`` intervals, the same observed months and the same months to predict,
    /// no reference indicator — are fitted together with one factorisation (one
    /// pivoted QR, one matrix product over all their values) once there are at least
    /// ``sharedCalendarMinimum`` of them; their projections carry a ``ModelSummary`` but no
    /// ``YearEndProjection/selection``, and agree with the one-at-a-time path to rounding (≈ 1e-12
    /// relative). Everything else is fitted one request at a time, spread over the cores in
    /// contiguous chunks. Each projection is a pure function of its request and its calendar group
    /// (the simulation seed is fixed), so the results are identical whatever the number of cores or
    /// the scheduling. One failing indicator does not stop the others.
    /// - Parameters:
    ///   - requests: the indicators, each with its series, target and model.
    ///   - asOf: the last month known, for every request.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months, for every request.
    ///   - progress: called with the number of requests done so far, as groups and chunks of work
    ///     finish (for a progress bar); never from more than one task at a time.
    /// - Returns: one result per request, in request order.
    /// - Complexity: O(Σ nᵢ·pᵢ²) work one at a time; O(n·p) per series that shares a calendar.
    public static func projectAll(_ requests: [Request], asOf: Month,
                                  levels: [Double] = [80, 95],
                                  scenario: Scenario = .baseline,
                                  progress: (@Sendable (Int) -> Void)? = nil) async -> [Result<YearEndProjection, ModelError>] {
        var results = [Result<YearEndProjection, ModelError>?](repeating: nil, count: requests.count)
        var alone: [Int] = []
        var done = 0
        if (try? validateLevels(levels)) != nil {
            let (order, groups, single) = await calendarGroups(requests, asOf: asOf, scenario: scenario)
            alone = single
            for key in order {
                let members = groups[key]!
                if members.count >= sharedCalendarMinimum,
                   let projected = await projectSharingCalendar(requests, members: members, key: key, asOf: asOf,
                                                                levels: levels, scenario: scenario) {
                    for (index, result) in zip(members, projected) { results[index] = result }
                    done += members.count
                    progress?(done)
                } else {
                    alone += members
                }
            }
            alone.sort()
        } else {
            alone = Array(requests.indices)
        }
        let single = await projectEach(requests, indices: alone, asOf: asOf, levels: levels, scenario: scenario,
                                       progress: progress, offset: done)
        for (index, result) in zip(alone, single) { results[index] = result }
        return results.map { $0! }   // every request is in exactly one group or alone
    }

    /// The requests' calendar groups (see ``calendarKey(_:asOf:scenario:)``): the keys in order of
    /// first appearance, each key's members in request order, and the requests with no calendar.
    static func calendarGroups(_ requests: [Request], asOf: Month, scenario: Scenario) async
        -> (order: [CalendarKey], groups: [CalendarKey: [Int]], alone: [Int]) {
        let keys = await concurrentMap(requests) { calendarKey($0, asOf: asOf, scenario: scenario) }
        var groups: [CalendarKey: [Int]] = [:], order: [CalendarKey] = [], alone: [Int] = []
        for (index, key) in keys.enumerated() {
            guard let key else { alone.append(index); continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return (order, groups, alone)
    }

    /// The requests at `indices` projected one at a time, spread over the cores; `progress` is
    /// told `offset` plus the number done.
    static func projectEach(_ requests: [Request], indices alone: [Int], asOf: Month, levels: [Double], scenario: Scenario,
                            progress: (@Sendable (Int) -> Void)?, offset: Int) async -> [Result<YearEndProjection, ModelError>] {
        let shifted: (@Sendable (Int) -> Void)? = progress.map { report in { @Sendable count in report(offset + count) } }
        // Many targets on one indicator share its fit: the first to fit a series (for a first
        // forecast month) leaves its outlook here and the others reuse the selection — 100,000
        // targets on one indicator fit once, not 100,000 times — and targets whose unobserved
        // months are the same (thresholds, comparators and aggregates differ, the months do not)
        // also reuse its prediction and checked spread, which cost more than the fit. The same
        // fit and prediction either way, so the results do not depend on which request got there first.
        let fits = FitCache()
        // Their simulated paths too: targets judged by simulation (min, max, log models) on one
        // prediction draw its paths once, and those on one figure evaluate it on them once.
        let simulations = SimulationCache()
        return await concurrentMap(alone.map { requests[$0] }, progress: shifted) { request in
            Result { () throws(ModelError) -> YearEndProjection in
                let key = FitCache.Key(request)
                let projection = try YearEndProjection(series: request.series, target: request.target, asOf: asOf,
                                                       model: request.model, levels: levels,
                                                       extraTerms: request.extraTerms, regressors: request.regressors,
                                                       scenario: scenario, referenceSeries: request.referenceSeries,
                                                       intervals: request.intervals, reusing: fits.outlooks(for: key),
                                                       simulations: simulations)
                fits.remember(projection.outlook, for: key)
                return projection
            }
        }
    }
}

/// Outlooks already fitted in one ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)``
/// call, by what their fit depends on; at most one per set of unobserved months (which fixes the
/// first forecast month the selection depends on, and the prediction). A class guarded by an
/// `NSLock`, as `SolvedQuantiles` is.
private final class FitCache: @unchecked Sendable {
    /// Everything a request's selection depends on besides the as-of month and scenario, which
    /// are the same for the whole call.
    struct Key: Hashable {
        let series: MonthlySeries, model: ModelChoice, extraTerms: [RegressionFormula.Term]
        let regressors: [String: MonthlySeries], intervals: IntervalMethod

        init(_ request: YearEndProjection.Request) {
            (series, model, extraTerms, regressors, intervals) =
                (request.series, request.model, request.extraTerms, request.regressors, request.intervals)
        }
    }

    private let lock = NSLock()
    private var table: [Key: [SeriesOutlook]] = [:]

    func outlooks(for key: Key) -> [SeriesOutlook] {
        lock.lock()
        defer { lock.unlock() }
        return table[key] ?? []
    }

    func remember(_ outlook: SeriesOutlook, for key: Key) {
        guard outlook.selection != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        var known = table[key] ?? []
        guard !known.contains(where: { $0.unobserved == outlook.unobserved }) else { return }
        known.append(outlook)
        table[key] = known
    }
}
