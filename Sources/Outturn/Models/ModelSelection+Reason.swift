import Foundation

extension ModelSelection {
    /// Why a model was chosen, as data: the numbers, months and model names as values, so that a
    /// reader can word it in any language. ``ModelSelection`` builds it as it chooses;
    /// ``description`` is the English of ``ModelSelection/reason``.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// The model the user named was fitted as it is.
        case asRequested
        /// As requested, solved once for every one of `seriesCount` series observed in the same
        /// months (the shared calendar of ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)``).
        case sharedCalendar(seriesCount: Int)
        /// The regression with the lowest AICc among `candidates`, chosen by `choice` (`auto` or
        /// `regression`), with any notes on why a regression or why fewer terms.
        case lowestAICc(choice: String, candidates: [Candidate], notes: [Note])
        /// `auto`'s smoothing ensemble: Theta and damped trend on months, weighted, perhaps averaged
        /// with Theta on quarters; `seasonal` when the months were seasonally adjusted first.
        case ensemble(thetaWeight: Double, dampedWeight: Double, quarters: Bool, seasonal: Bool)
        /// `ets`: the ETS model with the lowest AICc among `candidates` admissible ones.
        case etsLowestAICc(candidates: Int)
        /// The named regression (`requested`) had to change, or had its error orders chosen; the
        /// notes say how.
        case adjusted(requested: String, notes: [Note])
        /// A combination (`choice`, e.g. `combo`): the weighted mean of the `members`' forecasts.
        case combination(choice: String, members: [Member])

        /// One member of a combination: its fitted model's name, its weight, and why it has that form.
        public struct Member: Sendable, Equatable {
            /// The fitted member's name, e.g. `ETS(M,N,M)`.
            public let model: String
            /// Its weight in the mean.
            public let weight: Double
            /// Why the member has its form, as when it is fitted alone.
            public let reason: Reason

            public init(model: String, weight: Double, reason: Reason) {
                self.model = model
                self.weight = weight
                self.reason = reason
            }
        }

        /// A regression compared by AICc (`∞` when it cannot be compared).
        public struct Candidate: Sendable, Equatable {
            public let model: String
            /// The model's AICc (the English reason rounds it to a whole number).
            public let aicc: Double

            public init(model: String, aicc: Double) {
                self.model = model
                self.aicc = aicc
            }
        }

        /// One note of a reason.
        public enum Note: Sendable, Equatable {
            /// `auto` was given interventions or regressors, which only a regression takes.
            case regressionTermsGiven
            /// `month` is missing and smoothing needs consecutive months.
            case missingMonth(Month)
            /// `month`, the first to forecast, lies inside the history; smoothing forecasts only after it.
            case forecastInsideHistory(Month)
            /// `months` are fewer than the `minimum` smoothing needs.
            case tooFewForSmoothing(months: Int, minimum: Int)
            /// `observed` months are fewer than the `minimum` seasonal terms need.
            case noSeasonalTerms(observed: Int, minimum: Int)
            /// Too few months for `model`, so `fallback` was fitted.
            case fellBack(model: String, fallback: String)
            /// `arma` chose the error process `order` (R's name, e.g. `ARMA(1,0)`) by the lowest
            /// AICc among `candidates` orders.
            case armaOrders(order: String, candidates: Int)
        }

        /// The reason in the English of ``ModelSelection/reason``.
        public var description: String {
            switch self {
            case .asRequested:
                return "as requested"
            case .sharedCalendar(let count):
                return "as requested; fitted together with the \(count) series observed in the same months (shared calendar)"
            case .lowestAICc(let choice, let candidates, let notes):
                let compared = candidates.map { "\($0.model) \(Self.criterion($0.aicc))" }.joined(separator: ", ")
                return "\(choice): lowest AICc (\(compared))" + notes.map { "; \($0.description)" }.joined()
            case .ensemble(let theta, let damped, let quarters, let seasonal):
                return "auto: ensemble of Theta \(Self.weight(theta)) + damped trend \(Self.weight(damped)) on months"
                    + (quarters ? ", averaged with Theta on quarters" : "")
                    + (seasonal ? "; seasonally adjusted" : "; not seasonal")
            case .etsLowestAICc(let candidates):
                return "ets: lowest AICc of \(candidates) candidates"
            case .adjusted(let requested, let notes):
                return "requested \(requested); " + notes.map(\.description).joined(separator: "; ")
            case .combination(let choice, let members):
                return "\(choice): weighted mean of " + members.map { member in
                    "\(member.model) \(Self.weight(member.weight))"
                        + (member.reason == .asRequested ? "" : " [\(member.reason.description)]")
                }.joined(separator: ", ")
            }
        }

        /// An ensemble weight as the reason shows it (`0.23`).
        public static func weight(_ value: Double) -> String { String(format: "%.2f", value) }

        /// An AICc as the reason shows it: a whole number, or `∞`.
        public static func criterion(_ value: Double) -> String {
            value.isFinite ? String(Int(value.rounded())) : "∞"
        }
    }
}

extension ModelSelection.Reason.Note: CustomStringConvertible {
    /// The note in the English of ``ModelSelection/reason``.
    public var description: String {
        switch self {
        case .regressionTermsGiven: "regression terms given, so a regression"
        case .missingMonth(let month): "\(month) is missing and smoothing needs consecutive months, so a regression"
        case .forecastInsideHistory(let month): "\(month) lies inside the history and smoothing forecasts only after it, so a regression"
        case .tooFewForSmoothing(let months, let minimum): "\(months) months are too few for smoothing (\(minimum)), so a regression"
        case .noSeasonalTerms(let observed, let minimum): "\(observed) observed months (< \(minimum)): no seasonal terms"
        case .fellBack(let model, let fallback): "too few months for \(model): fell back to \(fallback)"
        case .armaOrders(let order, let candidates): "errors \(order) by lowest AICc of \(candidates) orders"
        }
    }
}
