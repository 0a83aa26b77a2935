/// Which model to fit: a named one, or an automatic choice.
public enum ModelChoice: Hashable, Sendable, CustomStringConvertible {
    /// The default: see ``ModelSelection`` for the rule.
    case auto
    /// The lowest AICc among `trend+season`, `season`, `trend` and `level` that the history supports.
    case regression
    /// The Theta method (``ThetaFit``).
    case theta
    /// A given regression (still subject to the short-history rule of ``ModelSelection``).
    case fixed(ModelSpec)

    /// Parses `auto`, `regression`, `theta` or a regression's name (see ``ModelSpec/init(parsing:)``).
    public init(parsing name: String) throws(ModelError) {
        switch name {
        case "auto": self = .auto
        case "regression": self = .regression
        case "theta": self = .theta
        default: self = .fixed(try ModelSpec(parsing: name))
        }
    }

    /// The choice's name, as parsed.
    public var description: String {
        switch self {
        case .auto: "auto"
        case .regression: "regression"
        case .theta: "theta"
        case .fixed(let model): model.description
        }
    }
}

/// The model actually fitted to a history, and one line saying why.
///
/// Short-history rule: seasonal terms need at least ``minimumSeasonalHistory`` observed months
/// (two full years); with fewer they are dropped, and a model that still has more parameters
/// than the months can carry falls back to `level` (plus any interventions). The reason names
/// every such change.
public struct ModelSelection: Sendable {
    /// The fitted model.
    public let model: FittedModel
    /// One line: what was chosen and why (e.g. "auto: lowest AICc of trend+season, season, …").
    public let reason: String

    /// Two full years: the least history from which month-of-year effects are estimated.
    public static let minimumSeasonalHistory = 24

    /// Fits the chosen model to `history`.
    /// - Parameters:
    ///   - history: the observed months to fit.
    ///   - choice: a model, or ``ModelChoice/auto``.
    ///   - extraTerms: terms added to whatever model is chosen (e.g. a 2020 step intervention).
    ///   - regressors: values of the exogenous regressors the models name, by name.
    /// - Throws: ``ModelError`` when no candidate can be fitted; for too few observations, the
    ///   error names the smallest model that was tried.
    public init(history: MonthlySeries, choice: ModelChoice, extraTerms: [ModelSpec.Term] = [],
                regressors: [String: MonthlySeries] = [:]) throws(ModelError) {
        let observed = history.values.lazy.filter { $0 != nil }.count
        let seasonal = observed >= Self.minimumSeasonalHistory
        let shortNote = "\(observed) observed months (< \(Self.minimumSeasonalHistory)): no seasonal terms"
        func attempt(_ model: ModelSpec) throws(ModelError) -> ModelFit {
            try ModelFit(series: history, model: model, regressors: regressors)
        }

        func theta() throws(ModelError) -> FittedModel {
            let terms = extraTerms.map(\.name) + regressors.keys.sorted().map { "x:\($0)" }
            guard terms.isEmpty else { throw .termsNeedRegression(model: "theta", terms: terms.joined(separator: "+")) }
            return .theta(try ThetaFit(history: history))
        }

        switch choice {
        case .theta:
            model = try theta()
            reason = "as requested"

        case .auto, .regression:
            let candidates = (seasonal ? [ModelSpec.trendSeason, .season, .trend, .level] : [.trend, .level])
                .map { $0.adding(extraTerms) }
            var fits: [ModelFit] = []
            var lastError: ModelError?
            for candidate in candidates {
                do { fits.append(try attempt(candidate)) } catch { lastError = error }
            }
            guard let best = fits.min(by: { $0.aicc < $1.aicc }) else {
                throw lastError ?? .emptyDesign
            }
            let compared = fits.map { "\($0.model) \(formatCriterion($0.aicc))" }.joined(separator: ", ")
            model = .regression(best)
            reason = "\(choice): lowest AICc (\(compared))" + (seasonal ? "" : "; \(shortNote)")

        case .fixed(let requested):
            let requestedModel = requested.adding(extraTerms)
            var notes: [String] = []
            var candidate = requestedModel
            if candidate.hasSeasonality && !seasonal {
                candidate = candidate.withoutSeasonality
                notes.append(shortNote)
            }
            do {
                model = .regression(try attempt(candidate))
            } catch .tooFewObservations where candidate != ModelSpec.level.adding(extraTerms) {
                let fallback = ModelSpec.level.adding(extraTerms)
                model = .regression(try attempt(fallback))
                notes.append("too few months for \(candidate): fell back to \(fallback)")
            }
            reason = notes.isEmpty ? "as requested" : "requested \(requestedModel); " + notes.joined(separator: "; ")
        }
    }
}

private func formatCriterion(_ value: Double) -> String {
    value.isFinite ? String(Int(value.rounded())) : "∞"
}
