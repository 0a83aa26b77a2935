/// A regression model for a monthly series: which terms, and whether it is fitted on log values.
///
/// Names follow a small grammar, the same in the library and the CLI:
/// `level`, `trend`, `season`, `fourierK`, `step@YYYY-MM`, `pulse@YYYY-MM`, `ramp@YYYY-MM`,
/// `x:NAME` (an exogenous regressor), joined by `+`, optionally inside `log(…)`, optionally
/// followed by a window `[N]` (fit only the last N months): `trend+season`, `log(trend+fourier2)`,
/// `trend+season+step@2020-02`, `trend+season[60]`. An intercept is always included.
/// `trend+season` is R's `tslm(y ~ trend + season)`. A term `arma(p,q)` (or `arma(p,q)(1)` with a
/// seasonal AR(1) at lag 12, or `arma` for orders chosen by AICc) gives the regression ARMA errors
/// (``ARMAErrorsFit``): `trend+season+arma(1,0)` is R's `Arima(y, order = c(1,0,0), xreg = X)`.
public struct RegressionFormula: Hashable, Sendable, CustomStringConvertible {
    /// One regression term.
    public enum Term: Hashable, Sendable {
        /// A linear trend in months (t = 1 at the first fitted month; centred internally).
        case trend
        /// Month-of-year dummies, January the baseline (R's `season2` … `season12`).
        case season
        /// K sine/cosine pairs of the calendar month, K = 1 … 6 (the sixth sine vanishes).
        case fourier(Int)
        /// A step, pulse or ramp starting at a named month.
        case intervention(Intervention)
        /// An exogenous regressor, supplied by name with values for fitted and forecast months.
        case regressor(String)
    }

    /// The terms after the intercept, in the order their columns appear.
    public let terms: [Term]
    /// Fit on log values: forecasts are back-transformed medians (see ``YearEndProjection``).
    public let isLog: Bool
    /// Fit only the last `window` months of the history (counted back from its last observed
    /// month); `nil`: all of it.
    public let window: Int?
    /// The ARMA process of the errors; `nil`: independent errors (least squares).
    public let errors: ARMAErrors?

    /// Creates a model from its terms.
    /// - Throws: ``ModelError/fourierOrder(_:)`` for K outside 1 … 6.
    /// - Throws: ``ModelError/fourierOrder(_:)`` for K outside 1 … 6, ``ModelError/unknownModel(_:)``
    ///   for a window below 2 months.
    public init(terms: [Term], isLog: Bool = false, window: Int? = nil, errors: ARMAErrors? = nil) throws(ModelError) {
        for case .fourier(let k) in terms where !(1...6).contains(k) { throw .fourierOrder(k) }
        if let window, window < 2 { throw .unknownModel("[\(window)]: a window needs at least 2 months") }
        self.terms = terms
        self.isLog = isLog
        self.window = window
        self.errors = errors
    }

    /// Parses a model name such as `trend+season` or `log(trend+season+step@2020-02)`.
    /// - Throws: ``ModelError/unknownModel(_:)`` or ``ModelError/fourierOrder(_:)``.
    public init(parsing name: String) throws(ModelError) {
        var body = Substring(name.filter { !$0.isWhitespace })
        var window: Int?
        if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
            guard let months = Int(body[body.index(after: open)..<body.index(before: body.endIndex)]) else {
                throw .unknownModel(name)
            }
            window = months
            body = body[..<open]
        }
        var isLog = false
        if body.hasPrefix("log("), body.hasSuffix(")") {
            isLog = true
            body = body.dropFirst(4).dropLast()
        }
        guard !body.isEmpty else { throw .unknownModel(name) }
        var terms: [Term] = []
        var errors: ARMAErrors?
        for part in body.split(separator: "+", omittingEmptySubsequences: false) {
            if let arma = try ARMAErrors.parsing(term: part, in: name) {
                guard errors == nil else { throw .unknownModel(name) }
                errors = arma
                continue
            }
            switch part {
            case "level", "intercept": continue
            case "trend": terms.append(.trend)
            case "season": terms.append(.season)
            default:
                if part.hasPrefix("fourier"), let k = Int(part.dropFirst(7)) {
                    terms.append(.fourier(k))
                } else if let intervention = try? Intervention(parsing: part) {
                    terms.append(.intervention(intervention))
                } else if part.hasPrefix("x:"), part.count > 2 {
                    terms.append(.regressor(String(part.dropFirst(2))))
                } else {
                    throw .unknownModel(name)
                }
            }
        }
        guard Set(terms).count == terms.count else { throw .unknownModel(name) }
        try self.init(terms: terms, isLog: isLog, window: window, errors: errors)
    }

    /// The same model with `extra` terms appended (those already present are skipped).
    public func adding(_ extra: [Term]) -> RegressionFormula {
        // Appending terms keeps every invariant the initialiser checked.
        RegressionFormula(checkedTerms: terms + extra.filter { !terms.contains($0) }, isLog: isLog, window: window,
                          errors: errors)
    }

    /// The same model without seasonal terms or a seasonal AR (for histories too short to estimate them).
    var withoutSeasonality: RegressionFormula {
        var errors = errors
        if case .fixed(let order) = errors, order.seasonalAR, let plain = try? ARMAOrder(p: order.p, q: order.q) {
            errors = .fixed(plain)
        }
        return RegressionFormula(checkedTerms: terms.filter { !$0.isSeasonal }, isLog: isLog, window: window, errors: errors)
    }

    /// The same model with other errors (`nil`: independent).
    func with(errors: ARMAErrors?) -> RegressionFormula {
        RegressionFormula(checkedTerms: terms, isLog: isLog, window: window, errors: errors)
    }

    private init(checkedTerms: [Term], isLog: Bool, window: Int? = nil, errors: ARMAErrors? = nil) {
        terms = checkedTerms
        self.isLog = isLog
        self.window = window
        self.errors = errors
    }

    var hasSeasonality: Bool {
        if case .fixed(let order) = errors, order.seasonalAR { return true }
        return terms.contains(where: \.isSeasonal)
    }

    /// The names of the exogenous regressors the model needs values for.
    public var regressorNames: [String] {
        terms.compactMap { if case .regressor(let name) = $0 { name } else { nil } }
    }

    /// The model's name in the grammar above.
    public var description: String {
        let parts = terms.map(\.name) + (errors.map { [$0.description] } ?? [])
        let body = terms.isEmpty ? (["level"] + parts).joined(separator: "+") : parts.joined(separator: "+")
        let named = isLog ? "log(\(body))" : body
        return window.map { named + "[\($0)]" } ?? named
    }

    /// `level`: the mean of the series.
    public static let level = RegressionFormula(checkedTerms: [], isLog: false)
    /// `trend`: a straight line.
    public static let trend = RegressionFormula(checkedTerms: [.trend], isLog: false)
    /// `season`: a constant seasonal pattern.
    public static let season = RegressionFormula(checkedTerms: [.season], isLog: false)
    /// `trend+season`: R's `tslm(y ~ trend + season)`.
    public static let trendSeason = RegressionFormula(checkedTerms: [.trend, .season], isLog: false)
}

extension RegressionFormula.Term {
    var isSeasonal: Bool {
        switch self {
        case .season, .fourier: true
        default: false
        }
    }

    /// The term's part of a model name.
    var name: String {
        switch self {
        case .trend: "trend"
        case .season: "season"
        case .fourier(let k): "fourier\(k)"
        case .intervention(let intervention): intervention.description
        case .regressor(let name): "x:\(name)"
        }
    }
}

/// The former name of ``RegressionFormula``.
@available(*, deprecated, renamed: "RegressionFormula")
public typealias ModelSpec = RegressionFormula

extension RegressionFormula {
    /// The observations of `series` this model fits: those inside its window (the last
    /// ``window`` months), each checked for a supported magnitude and, for a `log` model, for a
    /// positive value. Shared by every regression, with independent or ARMA errors.
    /// - Throws: ``ModelError/valueOutOfRange(month:value:)``, ``ModelError/nonPositiveForLog(month:value:)``.
    func fittedObservations(of series: MonthlySeries) throws(ModelError) -> [(month: Month, value: Double)] {
        var observations = series.observations
        if let window, let last = observations.last?.month {
            let first = last.advanced(by: -(window - 1))
            observations.removeAll { $0.month < first }
        }
        for observation in observations where !isSupportedMagnitude(observation.value) {
            throw .valueOutOfRange(month: observation.month, value: observation.value)
        }
        if isLog {
            for observation in observations where observation.value <= 0 {
                throw .nonPositiveForLog(month: observation.month, value: observation.value)
            }
        }
        return observations
    }
}
