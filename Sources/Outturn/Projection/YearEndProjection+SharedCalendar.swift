import Foundation

extension YearEndProjection {
    /// Requests that share a calendar (see ``projectAll(_:asOf:levels:scenario:progress:)``) are
    /// fitted together once there are this many of them; fewer are fitted one at a time.
    public static let sharedCalendarMinimum = 64

    /// What lets requests share one factorisation: the regression, the months it is fitted to and
    /// the months it must predict.
    struct CalendarKey: Hashable, Sendable {
        let model: RegressionFormula
        let fitted: ObservedMonths
        let unobserved: [Month]
    }

    /// The request's calendar when the shared path gives exactly what the one-at-a-time path would
    /// (up to rounding): a fixed plain regression with the model's own intervals, no reference
    /// indicator, a scenario that only scales, shifts or sets months, enough months to keep the
    /// requested terms, and values the fit accepts. `nil` otherwise — including every case where
    /// the one-at-a-time path would fall back to another model or report an error.
    static func calendarKey(_ request: Request, asOf: Month, scenario: Scenario) -> CalendarKey? {
        guard case .fixed(let requested) = request.model, request.intervals == .model,
              request.target.referenceIndicator == nil,
              scenario.interventions.isEmpty, scenario.regressorValues.isEmpty else { return nil }
        let model = requested.adding(request.extraTerms)
        guard !model.isLog, model.regressorNames.isEmpty, model.errors == nil else { return nil }
        let target = request.target, series = request.series
        let figures = target.valueSide.terms + target.referenceSide.terms
        guard figures.allSatisfy({ $0.figure.months.last! >= series.start }) else { return nil }

        guard var fitted = ObservedMonths(series, through: asOf),
              series.values.prefix(series.start.distance(to: asOf) + 1).allSatisfy({ $0.map(isSupportedMagnitude) ?? true })
        else { return nil }
        if model.hasSeasonality, fitted.count < ModelSelection.minimumSeasonalHistory { return nil }
        if let window = model.window {
            guard let kept = fitted.from(fitted.first.advanced(by: fitted.span - window)) else { return nil }
            fitted = kept
        }
        guard fitted.count >= 2 else { return nil }
        let unobserved = Set(target.valueSide.months + target.referenceSide.months).sorted()
            .filter { $0 > asOf || series[$0] == nil }
        guard !unobserved.isEmpty else { return nil }
        return CalendarKey(model: model, fitted: fitted, unobserved: unobserved)
    }

    /// What one factorisation gives a calendar group: the shared design, the whitened rows of the
    /// months to predict, and per member (in `members` order) σ̂ and the predicted means of
    /// `key.unobserved` (`width` per member, member after member).
    struct SharedCalendarFit: Sendable {
        let design: SharedDesign
        let whitened: [[Double]]
        let sigmas: [Double]
        let means: [Double]
        var width: Int { whitened.count }
    }

    /// Fits `members` (indices into `requests`, all with calendar `key`) with one factorisation and
    /// one product; `nil` when the shared design cannot be fitted, so that the one-at-a-time path
    /// reports why. Shared by the per-series assembly below and the columnar path
    /// (`projectColumns`), so that both see the very same bits.
    static func fitSharingCalendar(_ requests: [Request], members: [Int], key: CalendarKey) -> SharedCalendarFit? {
        let fitted = key.fitted.months
        guard let design = try? SharedDesign(model: key.model, months: fitted),
              let whitened = try? design.whitenedRows(for: key.unobserved) else { return nil }
        let n = fitted.count, width = key.unobserved.count, count = members.count
        var values: [Double] = []
        values.reserveCapacity(n * count)
        for index in members { key.fitted.appendValues(of: requests[index].series, to: &values) }
        var sigmas = [Double](repeating: 0, count: count), means = [Double](repeating: 0, count: width * count)
        do {
            try values.withUnsafeBufferPointer { y throws(ModelError) in
                try sigmas.withUnsafeMutableBufferPointer { sigmaOut throws(ModelError) in
                    try means.withUnsafeMutableBufferPointer { meanOut throws(ModelError) in
                        // Unsafe buffers are not Sendable; each series writes only its own elements.
                        nonisolated(unsafe) let (sigmaOut, meanOut) = (sigmaOut, meanOut)
                        try design.apply(values: y, count: count, functionals: whitened.map(design.functional),
                                         concurrently: true) { j, sigma, predicted in
                            sigmaOut[j] = sigma
                            for i in 0..<width { meanOut[i + j * width] = predicted[i] }
                        }
                    }
                }
            }
        } catch {
            return nil
        }
        return SharedCalendarFit(design: design, whitened: whitened, sigmas: sigmas, means: means)
    }

    /// The reason every shared-calendar projection gives for its model.
    static func sharedCalendarReason(count: Int) -> String {
        ModelSelection.Reason.sharedCalendar(seriesCount: count).description
    }

    /// Projects `members` (indices into `requests`, all with calendar `key`) with one factorisation;
    /// `nil` when the shared design cannot be fitted, so that the one-at-a-time path reports why.
    static func projectSharingCalendar(_ requests: [Request], members: [Int], key: CalendarKey, asOf: Month,
                                       levels: [Double], scenario: Scenario) async -> [Result<YearEndProjection, ModelError>]? {
        guard let fit = fitSharingCalendar(requests, members: members, key: key) else { return nil }
        return await assembleSharingCalendar(requests, members: members, positions: Array(members.indices), key: key,
                                             fit: fit, asOf: asOf, levels: levels, scenario: scenario)
    }

    /// A full ``YearEndProjection`` for the members at `positions` (in `members`) of a fitted
    /// calendar group (the per-series path after the shared factorisation), in `positions` order.
    static func assembleSharingCalendar(_ requests: [Request], members: [Int], positions: [Int], key: CalendarKey,
                                        fit: SharedCalendarFit,
                                        asOf: Month, levels: [Double],
                                        scenario: Scenario) async -> [Result<YearEndProjection, ModelError>] {
        let fitted = key.fitted.months, design = fit.design, whitened = fit.whitened
        let n = fitted.count, width = fit.width
        let reason = sharedCalendarReason(count: fit.sigmas.count)
        let (sharedSigmas, sharedMeans) = (fit.sigmas, fit.means)
        return await concurrentMap(positions) { column in
            let request = requests[members[column]]
            let sigma = sharedSigmas[column]
            let summary = ModelSummary(name: key.model.description, reason: reason, observations: n,
                                       firstMonth: fitted[0], lastMonth: fitted[n - 1], sigma: sigma,
                                       degreesOfFreedom: design.degreesOfFreedom)
            return Result { () throws(ModelError) -> YearEndProjection in
                let target = request.target
                let outlook = try SeriesOutlook(series: request.series, indicator: target.indicator,
                                                months: target.valueSide.months + target.referenceSide.months,
                                                asOf: asOf, scenario: scenario) { _, unobserved in
                    let prediction = JointPrediction(months: unobserved,
                                                     means: Array(sharedMeans[(column * width)..<((column + 1) * width)]),
                                                     whitenedRows: whitened, sigma: sigma,
                                                     degreesOfFreedom: design.degreesOfFreedom)
                    return (nil, prediction)
                }
                return try YearEndProjection(target: target, asOf: asOf, levels: levels, outlook: outlook,
                                             referenceOutlook: nil, modelSummary: summary)
            }
        }
    }
}
