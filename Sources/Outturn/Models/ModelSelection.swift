/// Which model to fit: a named one, or an automatic choice.
public enum ModelChoice: Hashable, Sendable, CustomStringConvertible {
    /// The default: the ``SmoothingFit/Method/ensemble`` for a consecutive history of 8 months or
    /// more without regression terms; otherwise ``regression``. See ``ModelSelection``.
    case auto
    /// The lowest AICc among `trend+season`, `season`, `trend` and `level` that the history supports.
    case regression
    /// An exponential-smoothing method (``SmoothingFit``): `theta`, `damped` or `ensemble`.
    case smoothing(SmoothingFit.Method)
    /// A rule of thumb (``BaselineFit``): `snaive` or `runrate`.
    case baseline(BaselineFit.Method)
    /// A given regression (still subject to the short-history rule of ``ModelSelection``).
    case fixed(RegressionFormula)
    /// An ETS model (``ETSFit``): the given one, or with `nil` the lowest AICc of R's `ets()`
    /// candidate set for the data.
    case ets(ETSModel?)
    /// An equal-weight combination of the members, each fitted once (``CombinationFit``): `combo`
    /// (``ModelChoice/defaultCombinationMembers``) or `combo(M1,M2,…)`.
    case combination([ModelChoice])

    /// Parses `auto`, `regression`, `theta`, `damped`, `ensemble`, `snaive`, `runrate`, `ets`, an
    /// ETS model (`ets(MAdM)`, `ETS(M,Ad,M)`; see ``ETSModel/init(parsing:)``) or a regression's
    /// name (see ``RegressionFormula/init(parsing:)``), or a combination (`combo`, `combo(ets,theta,damped)`).
    public init(parsing name: String) throws(ModelError) {
        if let combination = try Self.combination(parsing: name) {
            self = combination
            return
        }
        switch name {
        case "auto": self = .auto
        case "regression": self = .regression
        case "ets": self = .ets(nil)
        case _ where name.lowercased().hasPrefix("ets("):
            do { self = .ets(try ETSModel(parsing: name)) } catch { throw .ets(error) }
        default:
            if let method = SmoothingFit.Method(rawValue: name) {
                self = .smoothing(method)
            } else if let method = BaselineFit.Method(rawValue: name) {
                self = .baseline(method)
            } else {
                self = .fixed(try RegressionFormula(parsing: name))
            }
        }
    }

    /// The choice's name, as parsed.
    public var description: String {
        switch self {
        case .auto: "auto"
        case .regression: "regression"
        case .smoothing(let method): method.rawValue
        case .baseline(let method): method.rawValue
        case .fixed(let model): model.description
        case .ets(let model): model?.shortName ?? "ets"
        case .combination: combinationDescription ?? "combo"
        }
    }
}

/// The model actually fitted to a history, and one line saying why.
///
/// `auto` fits the ``SmoothingFit/Method/ensemble`` (on M3's 1,428 monthly series it projects
/// year totals more accurately than R's `thetaf` at every month of the year, with calibrated
/// intervals). It falls back to the lowest-AICc regression when the model must take regression
/// terms (interventions, regressors), when a month is missing (smoothing needs consecutive
/// months), or when fewer than 8 months are observed; the reason says which.
///
/// Short-history rule: seasonal terms need at least ``minimumSeasonalHistory`` observed months
/// (two full years); with fewer they are dropped, and a model that still has more parameters
/// than the months can carry falls back to `level` (plus any interventions). The reason names
/// every such change.
public struct ModelSelection: Sendable {
    /// The fitted model.
    public let model: FittedModel
    /// What was chosen and why, as data (``Reason``), for wording in any language.
    public let structuredReason: Reason

    /// One line in English: what was chosen and why (e.g. "auto: lowest AICc (trend+season 512, …)").
    public var reason: String { structuredReason.description }

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
    public init(history: MonthlySeries, choice: ModelChoice, extraTerms: [RegressionFormula.Term] = [],
                regressors: [String: MonthlySeries] = [:]) throws(ModelError) {
        try self.init(history: history, choice: choice, extraTerms: extraTerms, regressors: regressors, firstForecast: nil)
    }

    /// As the public initialiser; `auto` also takes a regression when `firstForecast` (the
    /// earliest month to be forecast) is not after the history, which only a regression can fill.
    init(history: MonthlySeries, choice: ModelChoice, extraTerms: [RegressionFormula.Term],
         regressors: [String: MonthlySeries], firstForecast: Month?) throws(ModelError) {
        let observed = history.values.lazy.filter { $0 != nil }.count
        let seasonal = observed >= Self.minimumSeasonalHistory
        let shortNote = Reason.Note.noSeasonalTerms(observed: observed, minimum: Self.minimumSeasonalHistory)
        func attempt(_ model: RegressionFormula) throws(ModelError) -> RegressionFit {
            try RegressionFit(series: history, model: model, regressors: regressors)
        }

        func lowestAICc(label: String, note: Reason.Note?) throws(ModelError) -> (FittedModel, Reason) {
            let candidates = (seasonal ? [RegressionFormula.trendSeason, .season, .trend, .level] : [.trend, .level])
                .map { $0.adding(extraTerms) }
            var fits: [RegressionFit] = []
            var lastError: ModelError?
            for candidate in candidates {
                do { fits.append(try attempt(candidate)) } catch { lastError = error }
            }
            guard let best = fits.min(by: { $0.aicc < $1.aicc }) else {
                throw lastError ?? .emptyDesign
            }
            let compared = fits.map { Reason.Candidate(model: $0.model.description, aicc: $0.aicc) }
            let notes = [note, seasonal ? nil : shortNote].compactMap { $0 }
            return (.regression(best), .lowestAICc(choice: label, candidates: compared, notes: notes))
        }

        /// Smoothing models and rules of thumb take no regression terms.
        func requireNoTerms(_ model: String) throws(ModelError) {
            let terms = extraTerms.map(\.name) + regressors.keys.sorted().map { "x:\($0)" }
            guard terms.isEmpty else { throw .termsNeedRegression(model: model, terms: terms.joined(separator: "+")) }
        }

        switch choice {
        case .smoothing(let method):
            try requireNoTerms(method.rawValue)
            model = .smoothing(try SmoothingFit(history: history, method: method))
            structuredReason = .asRequested

        case .baseline(let method):
            try requireNoTerms(method.rawValue)
            model = .baseline(try BaselineFit(history: history, method: method))
            structuredReason = .asRequested

        case .regression:
            (model, structuredReason) = try lowestAICc(label: "regression", note: nil)

        case .ets(let requested):
            let name = requested?.description ?? "ets"
            try requireNoTerms(name)
            let (fit, candidates) = try ETSFit.fitting(history, model: requested)
            model = .ets(fit)
            structuredReason = requested == nil ? .etsLowestAICc(candidates: candidates) : .asRequested

        case .combination(let members):
            try requireNoTerms(choice.description)
            let fit = try CombinationFit(history: history, members: members, firstForecast: firstForecast)
            model = FittedModel(fit)
            structuredReason = fit.reason(choice: choice.description)

        case .auto:
            let observations = history.observations
            let gap = zip(observations, observations.dropFirst()).first { $0.month.advanced(by: 1) != $1.month }
            if !extraTerms.isEmpty || !regressors.isEmpty {
                (model, structuredReason) = try lowestAICc(label: "auto", note: .regressionTermsGiven)
            } else if let gap {
                (model, structuredReason) = try lowestAICc(label: "auto", note: .missingMonth(gap.0.month.advanced(by: 1)))
            } else if let firstForecast, let last = observations.last?.month, firstForecast <= last {
                (model, structuredReason) = try lowestAICc(label: "auto", note: .forecastInsideHistory(firstForecast))
            } else if observations.count < SmoothingFit.minimumHistory(.ensemble) {
                (model, structuredReason) = try lowestAICc(label: "auto", note: .tooFewForSmoothing(months: observations.count, minimum: SmoothingFit.minimumHistory(.ensemble)))
            } else {
                let fit = try SmoothingFit(history: history, method: .ensemble)
                model = .smoothing(fit)
                structuredReason = .ensemble(thetaWeight: fit.thetaWeight, dampedWeight: 1 - fit.thetaWeight,
                                             quarters: fit.usesQuarters, seasonal: fit.seasonalIndices != nil)
            }

        case .fixed(let requested):
            let requestedModel = requested.adding(extraTerms)
            var notes: [Reason.Note] = []
            var candidate = requestedModel
            if candidate.hasSeasonality && !seasonal {
                candidate = candidate.withoutSeasonality
                notes.append(shortNote)
            }
            do {
                if candidate.errors != nil {
                    let fit = try ARMAErrorsFit(series: history, model: candidate, regressors: regressors)
                    model = FittedModel(fit)
                    if case .automatic = candidate.errors {
                        notes.append(.armaOrders(order: fit.order.rName, candidates: fit.candidates.count))
                    }
                } else {
                    model = .regression(try attempt(candidate))
                }
            } catch .tooFewObservations where candidate != RegressionFormula.level.adding(extraTerms) {
                let fallback = RegressionFormula.level.adding(extraTerms)
                model = .regression(try attempt(fallback))
                notes.append(.fellBack(model: candidate.description, fallback: fallback.description))
            }
            structuredReason = notes.isEmpty ? .asRequested : .adjusted(requested: requestedModel.description, notes: notes)
        }
    }
}


extension ModelSelection {
    /// The joint predictive distribution of `months` (after the history, or any month for a
    /// regression), its spread checked against the history (`.checked`) or calibrated on its earlier
    /// years (`.calibrated`) unless `intervals` is `.model`.
    func prediction(for months: [Month], overrides: RowOverrides = .none,
                    intervals: IntervalMethod) throws(ModelError) -> JointPrediction {
        let prediction = try model.prediction(for: months, overrides: overrides)
        guard intervals != .model, prediction.sigma > 0 else { return prediction }
        let horizons = months.map { model.lastMonth.distance(to: $0) }
        guard horizons.allSatisfy({ $0 >= 1 }) else { return prediction }
        if intervals == .calibrated {
            return SpreadCalibration.fromEarlierYears(of: model.model, horizons: horizons)?.applied(to: prediction) ?? prediction
        }
        let check = RollingOriginCheck.spread(of: model.model, horizons: horizons)
        return check.applied(to: prediction)
    }
}
