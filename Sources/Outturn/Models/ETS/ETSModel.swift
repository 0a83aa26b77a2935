import Foundation

/// An exponential-smoothing state-space model's structure: error, trend and season types, in
/// the taxonomy of Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential
/// Smoothing*, and R forecast's `ets()`. The seasonal period is always 12 (monthly data).
public struct ETSModel: Hashable, Sendable, CustomStringConvertible {
    /// How the error enters the observation.
    public enum ErrorType: String, Hashable, Sendable, CaseIterable { case additive = "A", multiplicative = "M" }
    /// The trend component (R's multiplicative trend is deliberately absent: it is outside R's
    /// default admissible set and unstable in forecasts).
    public enum TrendType: String, Hashable, Sendable, CaseIterable {
        case none = "N", additive = "A", additiveDamped = "Ad"
    }
    /// The seasonal component.
    public enum SeasonType: String, Hashable, Sendable, CaseIterable {
        case none = "N", additive = "A", multiplicative = "M"
    }

    /// The seasonal period (months per year).
    public static let period = 12

    public let error: ErrorType
    public let trend: TrendType
    public let season: SeasonType

    /// A model; it need not be in R's default admissible set (see ``isAdmissible``).
    public init(error: ErrorType, trend: TrendType, season: SeasonType) {
        self.error = error
        self.trend = trend
        self.season = season
    }

    /// Parses R's names: `ets(MAdM)`, `MAdM`, `ETS(M,Ad,M)` (case-insensitive, spaces ignored).
    /// - Throws: ``ETSError/unknownModel(_:)`` for anything else,
    ///   ``ETSError/inadmissibleModel(_:)`` for a well-formed name outside R's admissible set.
    public init(parsing text: String) throws(ETSError) {
        var body = text.filter { !$0.isWhitespace }.uppercased()
        for (prefix, suffix) in [("ETS(", ")")] where body.hasPrefix(prefix) && body.hasSuffix(suffix) {
            body = String(body.dropFirst(prefix.count).dropLast(suffix.count))
        }
        body = body.replacingOccurrences(of: ",", with: "")
        // Letters: error (A|M), trend (N|A|AD), season (N|A|M).
        guard let first = body.first, let error = ErrorType(rawValue: String(first)) else {
            throw .unknownModel(text)
        }
        var rest = body.dropFirst()
        let trend: TrendType
        if rest.hasPrefix("AD") { trend = .additiveDamped; rest = rest.dropFirst(2) }
        else if rest.hasPrefix("A") { trend = .additive; rest = rest.dropFirst() }
        else if rest.hasPrefix("N") { trend = .none; rest = rest.dropFirst() }
        else { throw .unknownModel(text) }
        guard rest.count == 1, let s = rest.first, let season = SeasonType(rawValue: String(s)) else {
            throw .unknownModel(text)
        }
        self.init(error: error, trend: trend, season: season)
        guard isAdmissible else { throw .inadmissibleModel(description) }
    }

    /// R's name, e.g. `ETS(M,Ad,M)`.
    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }

    /// The short form used on the command line, e.g. `ets(MAdM)`.
    public var shortName: String { "ets(\(error.rawValue)\(trend.rawValue)\(season.rawValue))" }

    /// Whether R's `ets(restrict = TRUE)` considers the model: additive errors with a
    /// multiplicative season are excluded (their forecast variance is unstable). With no
    /// multiplicative trend, this leaves 15 of the 18 combinations.
    public var isAdmissible: Bool { !(error == .additive && season == .multiplicative) }

    /// Whether the model has a multiplicative component and so needs strictly positive data.
    public var needsPositiveData: Bool { error == .multiplicative || season == .multiplicative }

    /// Whether the trend is damped (has the parameter φ).
    public var isDamped: Bool { trend == .additiveDamped }
    /// Whether the model has a trend state `b`.
    public var hasTrend: Bool { trend != .none }
    /// Whether the model has seasonal states.
    public var hasSeason: Bool { season != .none }

    /// The number of states: level, trend if any, 12 seasonal states if any.
    public var stateCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? Self.period : 0) }

    /// The number of free parameters in R's `fit$par`: smoothing parameters, φ, and the initial
    /// states (one seasonal state fewer than the period, the last being implied by the
    /// normalisation Σs = 0 or Σs = 12).
    public var freeParameterCount: Int {
        1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (isDamped ? 1 : 0)
            + 1 + (hasTrend ? 1 : 0) + (hasSeason ? Self.period - 1 : 0)
    }

    /// Hyndman et al.'s forecast class, which decides how R computes forecast variances.
    public enum ForecastClass: Int, Sendable {
        /// Linear homoscedastic (additive error, no multiplicative component): exact Gaussian.
        case linear = 1
        /// Multiplicative error with linear states: exact mean and variance.
        case multiplicativeError = 2
        /// Multiplicative error and season: mean and variance from the moment recursions.
        case multiplicativeSeason = 3
    }

    /// The class of the model (every admissible model has one).
    public var forecastClass: ForecastClass {
        switch (error, season) {
        case (.additive, _): .linear
        case (.multiplicative, .multiplicative): .multiplicativeSeason
        case (.multiplicative, _): .multiplicativeError
        }
    }

    /// All 15 admissible models, in R's search order (error, trend, season, damped).
    public static let admissible: [ETSModel] = {
        var models: [ETSModel] = []
        for e in ErrorType.allCases {
            for t in [TrendType.none, .additive, .additiveDamped] {
                for s in SeasonType.allCases {
                    let model = ETSModel(error: e, trend: t, season: s)
                    if model.isAdmissible { models.append(model) }
                }
            }
        }
        return models
    }()

    /// The models R's automatic `ets()` tries on data with the given properties: multiplicative
    /// components only for strictly positive data, seasonal models only when there are more
    /// observations than a season's parameters need.
    public static func candidates(strictlyPositive: Bool, count: Int) -> [ETSModel] {
        admissible.filter { model in
            if model.needsPositiveData && !strictlyPositive { return false }
            // R's `ets()`: "if (n <= npars + 4)" there is not enough data for the model.
            return count > model.freeParameterCount + 4
        }
    }
}
