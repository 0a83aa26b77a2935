/// A reason to doubt a projection: the evidence behind its value, interval and P(met) is thin.
///
/// ``YearEndProjection/warnings`` lists them, each with the numbers that raised it, so a report can
/// mark the row and say why in any language. They describe the forecast, so a projection whose
/// months are all observed (``YearEndProjection/Method/observed``) has none. Every threshold
/// follows from what the model needs, not from a fit to some data set:
/// - ``shortHistory(observedMonths:minimum:)`` below ``minimumHistory`` = 24 months, two seasonal
///   cycles: the least history in which a month-of-year effect is seen twice, so that it can be
///   told from a trend or from noise (``ModelSelection/minimumSeasonalHistory`` drops seasonal
///   terms below it for the same reason).
/// - ``exactFit(observedMonths:sigma:)`` when σ̂ is numerically zero: at most
///   ``exactFitTolerance`` (√ε of a `Double`, ≈ 1.5·10⁻⁸) times the size of the forecasts. Measured
///   data are never recorded to eight significant digits, so residuals that small mean the model
///   has as many parameters as the months can carry, not that the future is certain.
/// - ``longExtrapolation(horizon:observedMonths:)`` when the last month projected lies more months
///   after the last observation than were observed: the history then holds no stretch as long as
///   the one extrapolated over, so nothing in it shows how the series moves over that span.
/// - ``fellBack(requested:fitted:observedMonths:)`` when the model asked for needed more months
///   than there were and a simpler one was fitted (read from ``ModelSelection/Reason``, never from
///   its wording).
/// - ``observedOutsideBounds(month:value:bounds:count:)`` when a month of the history fitted lies
///   outside the target's ``Target/bounds`` (a `%` indicator at 104.2, a count below zero): the
///   data contradict the bounds the figure's distribution is censored to, so either the bounds were
///   declared wrongly or the data are wrong (and may be revised). No threshold: one month is enough.
///   Warned, not refused, because the bounds are a claim about the indicator that the analyst may
///   have to correct, and the projection is still the model's best account of the data given.
public enum ProjectionWarning: Sendable, Equatable, CustomStringConvertible {
    /// Only `observedMonths` months were fitted, fewer than `minimum` (two seasonal cycles).
    case shortHistory(observedMonths: Int, minimum: Int)
    /// The model fits all `observedMonths` months exactly (σ̂ = `sigma`, numerically zero), so the
    /// interval collapses to a point and P(met) to 0 or 1.
    case exactFit(observedMonths: Int, sigma: Double)
    /// The last month projected lies `horizon` months after the last observation, more than the
    /// `observedMonths` months fitted.
    case longExtrapolation(horizon: Int, observedMonths: Int)
    /// The model asked for (`requested`: a regression's name, or `auto`) needs more than the
    /// `observedMonths` months observed, so `fitted` was fitted instead.
    case fellBack(requested: String, fitted: String, observedMonths: Int)
    /// The latest month of the history fitted outside `bounds` is `month`, at `value`; `count`
    /// months (≥ 1) of that history lie outside them in all.
    case observedOutsideBounds(month: Month, value: Double, bounds: Bounds, count: Int)

    /// Two seasonal cycles: the history below which ``shortHistory(observedMonths:minimum:)`` is raised.
    public static let minimumHistory = ModelSelection.minimumSeasonalHistory

    /// √ε of a `Double`: σ̂ at most this times the forecasts' size is an exact fit.
    public static let exactFitTolerance = Double.ulpOfOne.squareRoot()

    /// A stable identifier for programs: `short-history`, `exact-fit`, `long-extrapolation`,
    /// `fell-back` or `observed-outside-bounds`. It never changes with the wording or the language.
    public var code: String {
        switch self {
        case .shortHistory: "short-history"
        case .exactFit: "exact-fit"
        case .longExtrapolation: "long-extrapolation"
        case .fellBack: "fell-back"
        case .observedOutsideBounds: "observed-outside-bounds"
        }
    }

    /// The warning in English, with its numbers.
    public var description: String {
        switch self {
        case .shortHistory(let observed, let minimum):
            "only \(observed) months observed, fewer than \(minimum) (two seasonal cycles)"
        case .exactFit(let observed, _):
            "the model fits all \(observed) months exactly (σ̂ = 0), so the interval has no width and P(met) no support"
        case .longExtrapolation(let horizon, let observed):
            "projects \(horizon) months ahead from only \(observed) observed"
        case .fellBack(let requested, let fitted, let observed):
            "too few months for \(requested) (\(observed) observed): fell back to \(fitted)"
        case .observedOutsideBounds(let month, let value, let bounds, let count):
            count == 1
                ? "\(month) is \(Self.format(value)), outside the bounds \(bounds): the data contradict the bounds the interval and P(met) are held to"
                : "\(month) is \(Self.format(value)), outside the bounds \(bounds) (\(count) months fitted lie outside them): the data contradict the bounds the interval and P(met) are held to"
        }
    }

    /// A value as the warning quotes it: the shortest text that reads back as the same `Double`
    /// (`104.2`, `-3`), so the month can be found in the data as written.
    public static func format(_ value: Double) -> String { Bounds.format(value) }
}
