import Foundation

extension ModelSelection {
    /// Why a model was chosen, as data: what ``ModelSelection/reason`` says in English, with its
    /// numbers, months and model names as values, so that a reader can word it in another language.
    ///
    /// ``description`` is ``ModelSelection/reason`` byte for byte. A reason whose wording this type
    /// does not know (a model family added later) is ``other(_:)``, kept as written.
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
        /// The named regression (`requested`) had to change; the notes say how.
        case adjusted(requested: String, notes: [Note])
        /// A reason in words this type does not know.
        case other(String)

        /// A regression compared by AICc (`∞` when it cannot be compared).
        public struct Candidate: Sendable, Equatable {
            public let model: String
            /// Rounded to a whole number, as the reason shows it.
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
            case .adjusted(let requested, let notes):
                return "requested \(requested); " + notes.map(\.description).joined(separator: "; ")
            case .other(let text):
                return text
            }
        }

        /// Reads a reason as ``ModelSelection`` words it. Only a reading that words back to exactly
        /// `text` is kept; anything else is ``other(_:)``, so no reason is ever misread.
        public init(parsing text: String) {
            self = Self.reading(text).flatMap { $0.description == text ? $0 : nil } ?? .other(text)
        }

        /// An ensemble weight as the reason shows it (`0.23`).
        public static func weight(_ value: Double) -> String { String(format: "%.2f", value) }

        /// An AICc as the reason shows it: a whole number, or `∞`.
        public static func criterion(_ value: Double) -> String {
            value.isFinite ? String(Int(value.rounded())) : "∞"
        }

        private static func reading(_ text: String) -> Reason? {
            if text == "as requested" { return .asRequested }
            let sharedPrefix = "as requested; fitted together with the "
            let sharedSuffix = " series observed in the same months (shared calendar)"
            if text.hasPrefix(sharedPrefix), text.hasSuffix(sharedSuffix) {
                return Int(text.dropFirst(sharedPrefix.count).dropLast(sharedSuffix.count)).map { .sharedCalendar(seriesCount: $0) }
            }
            if text.hasPrefix("auto: ensemble of Theta ") { return ensemble(text) }
            if text.hasPrefix("requested ") {
                var parts = text.dropFirst("requested ".count).components(separatedBy: "; ")
                guard parts.count >= 2 else { return nil }
                let requested = parts.removeFirst()
                let notes = parts.compactMap(Note.init(reading:))
                return notes.count == parts.count ? .adjusted(requested: requested, notes: notes) : nil
            }
            for choice in ["auto", "regression"] where text.hasPrefix("\(choice): lowest AICc (") {
                var parts = text.dropFirst("\(choice): lowest AICc (".count).components(separatedBy: "; ")
                guard let compared = parts.first, compared.hasSuffix(")") else { return nil }
                parts.removeFirst()
                var candidates: [Candidate] = []
                for item in compared.dropLast().components(separatedBy: ", ") {
                    guard let space = item.lastIndex(of: " ") else { return nil }
                    let number = item[item.index(after: space)...]
                    guard let aicc = number == "∞" ? .infinity : Int(number).map(Double.init) else { return nil }
                    candidates.append(Candidate(model: String(item[..<space]), aicc: aicc))
                }
                let notes = parts.compactMap(Note.init(reading:))
                guard notes.count == parts.count else { return nil }
                return .lowestAICc(choice: choice, candidates: candidates, notes: notes)
            }
            return nil
        }

        private static func ensemble(_ text: String) -> Reason? {
            // "auto: ensemble of Theta 0.23 + damped trend 0.77 on months[, averaged with Theta on quarters]; seasonally adjusted"
            let words = text.dropFirst("auto: ensemble of Theta ".count).split(separator: " ", maxSplits: 4)
            guard words.count == 5, words[1] == "+", words[2] == "damped", words[3] == "trend", let theta = Double(words[0]),
                  let damped = Double(words[4].prefix { $0 != " " }) else { return nil }
            return .ensemble(thetaWeight: theta, dampedWeight: damped,
                             quarters: text.contains(", averaged with Theta on quarters"),
                             seasonal: text.hasSuffix("; seasonally adjusted"))
        }
    }

    /// ``reason`` as data, for wording it in another language.
    public var structuredReason: Reason { Reason(parsing: reason) }
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
        }
    }

    /// Reads one note; `nil` for a wording this type does not know.
    init?(reading text: String) {
        func between(_ prefix: String, _ suffix: String) -> String? {
            text.hasPrefix(prefix) && text.hasSuffix(suffix) && text.count >= prefix.count + suffix.count
                ? String(text.dropFirst(prefix.count).dropLast(suffix.count)) : nil
        }
        func month(_ suffix: String) -> Month? {
            between("", suffix).flatMap { try? Month(parsing: $0) }
        }
        if text == "regression terms given, so a regression" {
            self = .regressionTermsGiven
        } else if let month = month(" is missing and smoothing needs consecutive months, so a regression") {
            self = .missingMonth(month)
        } else if let month = month(" lies inside the history and smoothing forecasts only after it, so a regression") {
            self = .forecastInsideHistory(month)
        } else if let counts = between("", "), so a regression"), counts.contains(" months are too few for smoothing ("),
                  case let parts = counts.components(separatedBy: " months are too few for smoothing ("), parts.count == 2,
                  let months = Int(parts[0]), let minimum = Int(parts[1]) {
            self = .tooFewForSmoothing(months: months, minimum: minimum)
        } else if let counts = between("", "): no seasonal terms"),
                  case let parts = counts.components(separatedBy: " observed months (< "), parts.count == 2,
                  let observed = Int(parts[0]), let minimum = Int(parts[1]) {
            self = .noSeasonalTerms(observed: observed, minimum: minimum)
        } else if let models = between("too few months for ", ""),
                  case let parts = models.components(separatedBy: ": fell back to "), parts.count == 2 {
            self = .fellBack(model: parts[0], fallback: parts[1])
        } else {
            return nil
        }
    }
}
