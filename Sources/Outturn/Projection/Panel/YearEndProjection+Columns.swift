import Foundation

extension YearEndProjection {
    /// Projects many indicators as ``projectAll(_:asOf:levels:scenario:progress:)`` does, keeping
    /// the results of a panel in columns.
    ///
    /// Requests that share a calendar (see `projectAll`) are fitted together with one factorisation
    /// and one matrix product, exactly as there; then every member whose target compares a `sum`,
    /// `mean` or `last` with a fixed threshold is assessed straight into the columns of the result —
    /// V, its interval, P(met) (Student-t), the status, early settlement, the year to date and the
    /// required pace — block by block over the cores with no per-series object or allocation. The
    /// numbers are the ones `projectAll`'s projection of the same request holds, bit for bit.
    /// Every other request is projected as `projectAll` projects it (``PanelProjections/projection(at:)``).
    /// - Parameters:
    ///   - requests: the indicators, each with its series, target and model.
    ///   - asOf: the last month known, for every request.
    ///   - levels: interval levels in percent.
    ///   - census: the calendars of the whole panel when `requests` are one piece of it: a calendar
    ///     group is then fitted together when the whole panel has enough members, as it would be
    ///     if every piece were projected at once; `nil`: `requests` are the whole panel.
    ///   - progress: called with the number of requests done so far.
    /// - Complexity: O(n·p) per series that shares a calendar, plus O(k·p) for its k predicted months.
    public static func projectColumns(_ requests: [Request], asOf: Month, levels: [Double] = [80, 95],
                                      census: PanelCalendarCensus? = nil,
                                      progress: (@Sendable (Int) -> Void)? = nil) async -> PanelProjections {
        let count = requests.count
        let columns = PanelColumnBuffers(count: count, levels: levels.count)
        defer { columns.deallocate() }
        var others: [Int: Result<YearEndProjection, ModelError>] = [:]
        var models: [RegressionFormula] = []
        var alone: [Int] = []
        var done = 0
        let scenario = Scenario.baseline
        if (try? validateLevels(levels)) != nil {
            let (order, groups, single) = await calendarGroups(requests, asOf: asOf, scenario: scenario)
            alone = single
            for key in order {
                let members = groups[key]!
                guard (census?.count(of: key) ?? members.count) >= sharedCalendarMinimum,
                      let fit = fitSharingCalendar(requests, members: members, key: key) else {
                    alone += members
                    continue
                }
                let model = Int32(models.count)
                models.append(key.model)
                let positions = Array(members.indices)
                // Rows the columns cannot hold as `projectAll` would (an overflow, say) go the
                // per-series way, which reports why.
                let declined = assessColumns(requests, members: members, positions: positions.filter {
                    isColumnar(requests[members[$0]].target)
                }, key: key, fit: fit, asOf: asOf, levels: levels, model: model, into: columns)
                let perSeries = positions.filter { !isColumnar(requests[members[$0]].target) || declined.contains($0) }
                if !perSeries.isEmpty {
                    let projected = await assembleSharingCalendar(requests, members: members, positions: perSeries, key: key,
                                                                  fit: fit, asOf: asOf, levels: levels, scenario: scenario)
                    for (position, result) in zip(perSeries, projected) {
                        others[members[position]] = result
                        columns.isColumnar[members[position]] = false
                    }
                }
                done += members.count
                progress?(done)
            }
            alone.sort()
        } else {
            alone = Array(requests.indices)
        }
        let single = await projectEach(requests, indices: alone, asOf: asOf, levels: levels, scenario: scenario,
                                       progress: progress, offset: done)
        for (index, result) in zip(alone, single) { others[index] = result }
        return columns.finished(asOf: asOf, levels: levels, targets: requests.map(\.target), models: models, others: others)
    }

    /// Whether a target's condition is one the columns assess: a `sum`, `mean` or `last` against a
    /// fixed threshold (no base year, window or other indicator).
    static func isColumnar(_ target: Target) -> Bool {
        // A bounded target's figure is censored (Condition+Bounds), which the columns do not do.
        guard case .value = target.reference, target.bounds.isUnbounded else { return false }
        return target.aggregate == .sum || target.aggregate == .mean || target.aggregate == .last
    }

    /// Assesses the members at `positions` of a fitted calendar group into `columns`, spread over
    /// the cores in blocks; returns the positions it declined (a non-finite result), which the
    /// caller projects the per-series way.
    ///
    /// Every step mirrors the per-series assessment (`SeriesOutlook.linear`, `Condition.exact`,
    /// `Condition.settlingThreshold`, `Target.settledEarly`, `Condition.constantPace`) operation for
    /// operation, so that the bits agree; the scenario is the baseline, so every adjustment is
    /// y′ = 1·y + 0, the reference side is the threshold alone and the value side the target
    /// year's figure with coefficient 1.
    static func assessColumns(_ requests: [Request], members: [Int], positions: [Int], key: CalendarKey,
                              fit: SharedCalendarFit, asOf: Month, levels: [Double], model: Int32,
                              into columns: PanelColumnBuffers) -> Set<Int> {
        guard !positions.isEmpty else { return [] }
        let width = fit.width, rank = fit.design.rank, nu = fit.design.degreesOfFreedom
        // Whitened rows in one buffer: row i is whitened[i * rank ..< (i + 1) * rank].
        let whitened = fit.whitened.flatMap { $0 }
        let t = StudentT(degreesOfFreedom: Double(nu))
        let quantiles = levels.map { t.quantile(0.5 + $0 / 200) }
        // Position of each predicted month in `key.unobserved`, and the last observed month: the
        // same for every member, since the calendar fixes the observed months.
        var table = MonthTable<Int>(spanning: key.unobserved)
        for (index, month) in key.unobserved.enumerated() { table[month] = index }
        let slot = table
        let lastObserved = key.fitted.first.advanced(by: key.fitted.span - 1)
        let (sigmas, means) = (fit.sigmas, fit.means)
        let blockSize = 1024, blocks = (positions.count + blockSize - 1) / blockSize
        let declined = concurrentResults(blocks) { block -> [Int] in
            var declined: [Int] = []
            // Scratch space, once per block: the error weights and Σ eᵢzᵢ.
            var weights = [Double](repeating: 0, count: width), combined = [Double](repeating: 0, count: rank)
            var lower = [Double](repeating: 0, count: levels.count), upper = lower
            rows: for position in positions[(block * blockSize)..<min((block + 1) * blockSize, positions.count)] {
                let row = members[position]
                let request = requests[row]
                let target = request.target, series = request.series
                guard case .value(let threshold) = target.reference else { declined.append(position); continue rows }
                let aggregate = target.aggregate, period = target.period, periodCount = period.count
                let sigma = sigmas[position], meanBase = position * width

                // V on the point path, the observed months (year to date), the error weights and
                // the pace's known months, in calendar order as the per-series path meets them.
                for i in 0..<width { weights[i] = 0 }
                var figure = Target.Aggregate.Reduction(), observed = Target.Aggregate.Reduction()
                var knownSum = 0.0, knownCompensation = 0.0, openCount = 0, lastIsOpen = false
                let unitWeight = aggregate == .mean ? 1 / Double(periodCount) : 1
                for (offset, calendarMonth) in period.enumerated() {
                    let month = Month(ordinal: target.year * 12 + calendarMonth - 1)
                    let known: Double
                    if month <= asOf, let value = series[month] {
                        figure.add(value)
                        observed.add(value)
                        known = value
                    } else {
                        // Calendar keys hold every unobserved month of the target.
                        guard let index = slot[month] else { declined.append(position); continue rows }
                        let point = 1.0 * means[meanBase + index] + 0.0
                        figure.add(point)
                        let weight = aggregate == .last ? (offset == periodCount - 1 ? 1.0 : 0) : unitWeight
                        if weight != 0 { weights[index] += 1.0 * weight }
                        if month > lastObserved {
                            openCount += 1
                            if offset == periodCount - 1 { lastIsOpen = true }
                            continue
                        }
                        known = point
                    }
                    // Neumaier's compensated sum, as `compensatedSum` adds the pace's known months.
                    let sum = knownSum + known
                    knownCompensation += abs(knownSum) >= abs(known) ? (knownSum - sum) + known : (known - sum) + knownSum
                    knownSum = sum
                }
                var value = 0.0
                value += 1.0 * figure.figure(aggregate)

                // Var = σ²(‖Σ eᵢzᵢ‖² + Σeᵢ²) (`JointPrediction.varianceOfCombination`).
                for k in 0..<rank { combined[k] = 0 }
                for i in 0..<width where weights[i] * 1.0 != 0 {
                    let e = weights[i] * 1.0
                    for k in 0..<rank { combined[k] += e * whitened[i * rank + k] }
                }
                var whitenedNorm = 0.0, ownNorm = 0.0
                for k in 0..<rank { whitenedNorm += combined[k] * combined[k] }
                for i in 0..<width { ownNorm += (weights[i] * 1.0) * (weights[i] * 1.0) }
                let varianceV = max(sigma * sigma * (whitenedNorm + ownNorm), 0)
                let varianceR = max(sigma * sigma * (0.0 + 0.0), 0)
                let referenceValue = threshold + 0
                let standardError = varianceV.squareRoot()
                for (l, q) in quantiles.enumerated() {
                    lower[l] = value - q * standardError
                    upper[l] = value + q * standardError
                }
                let varianceD = varianceV + 0
                let referenceStandardError = (varianceR + 0).squareRoot()
                guard varianceD.isFinite, value.isFinite, standardError.isFinite, referenceValue.isFinite,
                      referenceStandardError.isFinite, lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
                    declined.append(position)
                    continue rows
                }
                var probability: Double
                if varianceD > 0 {
                    let below = t.cdf((referenceValue - value) / varianceD.squareRoot())
                    probability = target.comparator.isUpperBound ? below : 1 - below
                } else {
                    probability = target.comparator.isMetAllowingRounding(value, threshold: referenceValue) ? 1 : 0
                }

                // Settled early by the observed months (`Target.settledEarly`): a never-negative
                // history's sum or period mean can only grow.
                let settling = ((threshold + 0) - 0) / 1.0
                var settled: Bool?
                if observed.count > 0, aggregate != .last, isNonNegative(series, through: asOf) {
                    let soFar = aggregate == .sum ? observed.figure(.sum) : observed.figure(.sum) / Double(periodCount)
                    let metSoFar = target.comparator.isMetAllowingRounding(soFar, threshold: settling)
                    if !target.comparator.isUpperBound, metSoFar { settled = true }
                    if target.comparator.isUpperBound, !metSoFar { settled = false }
                }
                let status: Status, pace: Double?
                if let settled {
                    probability = settled ? 1 : 0
                    status = settled ? .met : .missed
                    pace = nil
                } else {
                    status = Status(probability: probability)
                    // `Condition.constantPace`.
                    if openCount == 0 {
                        pace = nil
                    } else {
                        let needed = (referenceValue - 0) / 1.0
                        switch aggregate {
                        case .sum, .mean:
                            let total = aggregate == .mean ? needed * Double(periodCount) : needed
                            let rest = knownSum + knownCompensation
                            pace = total == rest || abs(total - rest) <= 1e-12 * max(abs(total), abs(rest))
                                ? 0 : (total - rest) / Double(openCount)
                        default:
                            pace = lastIsOpen ? needed : nil
                        }
                    }
                }
                columns.write(row: row, value: value, standardError: standardError, lower: lower, upper: upper,
                              referenceValue: referenceValue, probability: probability, status: status, pace: pace,
                              yearToDate: observed.count == 0 ? nil : observed.figure(aggregate),
                              observedMonths: observed.count, lastObserved: lastObserved, sigma: sigma,
                              degreesOfFreedom: nu, model: model)
            }
            return declined
        }
        return Set(declined.joined())
    }

    /// Whether every value of `series` through `asOf` is ≥ 0 (`SeriesOutlook.isNonNegative`).
    private static func isNonNegative(_ series: MonthlySeries, through asOf: Month) -> Bool {
        let known = min(series.values.count, series.start.distance(to: asOf) + 1)
        guard known > 0 else { return true }
        for offset in 0..<known where (series.values[offset] ?? 0) < 0 { return false }
        return true
    }
}

/// The columns of a ``PanelProjections`` while they are written: one buffer per quantity, each row
/// written by exactly one block (so blocks on several cores never touch the same element).
final class PanelColumnBuffers: @unchecked Sendable {
    let count: Int, levelCount: Int
    var isColumnar: UnsafeMutableBufferPointer<Bool>
    let values, standardErrors, lowerBounds, upperBounds, referenceValues, probabilities, sigmas: UnsafeMutableBufferPointer<Double>
    let statuses: UnsafeMutableBufferPointer<YearEndProjection.Status>
    let requiredPaces, yearsToDate: UnsafeMutableBufferPointer<Double?>
    let observedMonthCounts, degreesOfFreedom: UnsafeMutableBufferPointer<Int>
    let lastObservedMonths: UnsafeMutableBufferPointer<Month?>
    let modelIndex: UnsafeMutableBufferPointer<Int32>

    init(count: Int, levels: Int) {
        func buffer<T>(_ initial: T, _ size: Int = count) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: size)
            buffer.initialize(repeating: initial)
            return buffer
        }
        self.count = count
        levelCount = levels
        isColumnar = buffer(false)
        values = buffer(0); standardErrors = buffer(0); referenceValues = buffer(0); probabilities = buffer(0)
        sigmas = buffer(0)
        lowerBounds = buffer(0, count * levels); upperBounds = buffer(0, count * levels)
        statuses = buffer(.offTrack)
        requiredPaces = buffer(nil); yearsToDate = buffer(nil)
        observedMonthCounts = buffer(0); degreesOfFreedom = buffer(0)
        lastObservedMonths = buffer(nil)
        modelIndex = buffer(-1)
    }

    func write(row: Int, value: Double, standardError: Double, lower: [Double], upper: [Double], referenceValue: Double,
               probability: Double, status: YearEndProjection.Status, pace: Double?, yearToDate: Double?,
               observedMonths: Int, lastObserved: Month, sigma: Double, degreesOfFreedom nu: Int, model: Int32) {
        isColumnar[row] = true
        values[row] = value
        standardErrors[row] = standardError
        for l in 0..<levelCount {
            lowerBounds[row * levelCount + l] = lower[l]
            upperBounds[row * levelCount + l] = upper[l]
        }
        referenceValues[row] = referenceValue
        probabilities[row] = probability
        statuses[row] = status
        requiredPaces[row] = pace
        yearsToDate[row] = yearToDate
        observedMonthCounts[row] = observedMonths
        lastObservedMonths[row] = lastObserved
        sigmas[row] = sigma
        degreesOfFreedom[row] = nu
        modelIndex[row] = model
    }

    func finished(asOf: Month, levels: [Double], targets: [Target], models: [RegressionFormula],
                  others: [Int: Result<YearEndProjection, ModelError>]) -> PanelProjections {
        PanelProjections(asOf: asOf, levels: levels, targets: targets, isColumnar: Array(isColumnar), values: Array(values),
                         standardErrors: Array(standardErrors), lowerBounds: Array(lowerBounds),
                         upperBounds: Array(upperBounds), referenceValues: Array(referenceValues),
                         probabilities: Array(probabilities), statuses: Array(statuses),
                         requiredPaces: Array(requiredPaces), yearsToDate: Array(yearsToDate),
                         observedMonthCounts: Array(observedMonthCounts), lastObservedMonths: Array(lastObservedMonths),
                         sigmas: Array(sigmas), degreesOfFreedom: Array(degreesOfFreedom), modelIndex: Array(modelIndex),
                         modelNames: models.map(\.description), others: others)
    }

    func deallocate() {
        for buffer in [values, standardErrors, lowerBounds, upperBounds, referenceValues, probabilities, sigmas] { buffer.deallocate() }
        isColumnar.deallocate(); statuses.deallocate(); requiredPaces.deallocate(); yearsToDate.deallocate()
        observedMonthCounts.deallocate(); degreesOfFreedom.deallocate(); lastObservedMonths.deallocate(); modelIndex.deallocate()
    }
}
