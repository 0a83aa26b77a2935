import Foundation

extension ModelChoice {
    /// `combo`'s members: automatic ETS, Theta and `trend+season+arma` — the mean of ETS, Theta
    /// and ARIMA-error forecasts, robust in the M4 competition.
    public static let defaultCombinationMembers: [ModelChoice] = [
        .ets(nil), .smoothing(.theta), .fixed(RegressionFormula.trendSeason.with(errors: .automatic)),
    ]

    /// `combo` (the default members) or `combo(M1,M2,…)` with at least two members, each a name
    /// `--model` takes; `nil` when `name` is not a combination.
    /// - Throws: ``ModelError/unknownModel(_:)`` (naming the whole combination) for an empty or
    ///   single member, a `log(…)` member (a combination averages on the data's scale) or a
    ///   combination inside a combination; a member's own parsing error otherwise.
    static func combination(parsing name: String) throws(ModelError) -> ModelChoice? {
        let lowered = name.lowercased()
        if lowered == "combo" { return .combination(defaultCombinationMembers) }
        guard lowered.hasPrefix("combo("), lowered.hasSuffix(")") else { return nil }
        let inner = name.dropFirst("combo(".count).dropLast()
        // Split at top-level commas: a member's own name may hold some (`ets(M,Ad,M)`, `arma(1,0)`).
        var parts: [String] = [], current = "", depth = 0
        for character in inner {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
            guard depth >= 0 else { throw .unknownModel(name) }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }
        guard depth == 0, trimmed.count >= 2, trimmed.allSatisfy({ !$0.isEmpty }) else { throw .unknownModel(name) }
        var members: [ModelChoice] = []
        for part in trimmed {
            let member = try ModelChoice(parsing: part)
            switch member {
            case .combination: throw .unknownModel(name)
            case .fixed(let formula) where formula.isLog: throw .unknownModel(name)
            default: members.append(member)
            }
        }
        return .combination(members)
    }

    /// `combo` for the default members, else `combo(` the members `)`.
    var combinationDescription: String? {
        guard case .combination(let members) = self else { return nil }
        if members == Self.defaultCombinationMembers { return "combo" }
        return "combo(" + members.map(\.description).joined(separator: ",") + ")"
    }
}
