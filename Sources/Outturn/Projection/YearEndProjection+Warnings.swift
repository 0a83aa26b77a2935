extension YearEndProjection {
    /// Why the evidence behind this projection is thin, in a fixed order (short history, exact
    /// fit, long extrapolation, fallback, observed months outside the bounds); empty when it is
    /// not, and whenever every month involved is observed. See ``ProjectionWarning`` for each threshold and why.
    ///
    /// Judged on the model of the target's own indicator; a reference indicator's model
    /// (``Target/Reference/indicator(_:)``) is not judged.
    public var warnings: [ProjectionWarning] {
        guard method != .observed, let summary = modelSummary, let prediction = outlook.prediction else { return [] }
        let observed = summary.observations
        var warnings: [ProjectionWarning] = []
        if observed < ProjectionWarning.minimumHistory {
            warnings.append(.shortHistory(observedMonths: observed, minimum: ProjectionWarning.minimumHistory))
        }
        // On the model's scale (logs for a log model), where σ̂ lives.
        let size = prediction.means.lazy.map(abs).max() ?? 0
        if prediction.sigma <= ProjectionWarning.exactFitTolerance * size {
            warnings.append(.exactFit(observedMonths: observed, sigma: prediction.sigma))
        }
        if let last = outlook.lastObserved, let farthest = outlook.unobserved.last {
            let horizon = last.distance(to: farthest)
            if horizon > observed { warnings.append(.longExtrapolation(horizon: horizon, observedMonths: observed)) }
        }
        if let reason = selection?.structuredReason, let requested = Self.fellBackFrom(reason) {
            warnings.append(.fellBack(requested: requested, fitted: summary.name, observedMonths: observed))
        }
        if let outside = observedOutsideBounds { warnings.append(outside) }
        return warnings
    }

    /// ``ProjectionWarning/observedOutsideBounds(month:value:bounds:count:)`` when a month of the
    /// history fitted (through ``asOf``) lies outside the target's bounds, naming the latest.
    private var observedOutsideBounds: ProjectionWarning? {
        let bounds = target.bounds
        guard !bounds.isUnbounded else { return nil }
        let outside = outlook.series.observations.filter { $0.month <= outlook.asOf && !bounds.contains($0.value) }
        guard let latest = outside.last else { return nil }
        return .observedOutsideBounds(month: latest.month, value: latest.value, bounds: bounds, count: outside.count)
    }

    /// The model asked for, when `reason` says too few months made the selection take a simpler
    /// one: a named regression that lost its seasonal terms or fell back to `level`, or `auto`
    /// short of the months its smoothing ensemble needs. Other changes (regression terms given, a
    /// missing month) are not about thin evidence.
    static func fellBackFrom(_ reason: ModelSelection.Reason) -> String? {
        switch reason {
        case .adjusted(let requested, let notes):
            let tooFew = notes.contains { note in
                switch note {
                case .fellBack, .noSeasonalTerms: true
                default: false
                }
            }
            return tooFew ? requested : nil
        case .lowestAICc(let choice, _, let notes):
            let tooFew = notes.contains { note in
                if case .tooFewForSmoothing = note { true } else { false }
            }
            return tooFew ? choice : nil
        default:
            return nil
        }
    }
}
