import Foundation

extension CombinationFit: JointForecaster {
    /// The members' joint predictions of `months`, combined by ``JointPrediction/combining(_:sigma:)``.
    /// No member is refitted. A combination takes no interventions.
    /// - Throws: the first member's error (e.g. ``ModelError/forecastInsideHistory(model:month:)``).
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try overrides.requireNoInterventions()
        var parts: [(prediction: JointPrediction, weight: Double)] = []
        for member in members {
            parts.append((try member.selection.model.prediction(for: months, overrides: overrides), member.weight))
        }
        let combined = JointPrediction.combining(parts, sigma: sigma)
        guard combined.means.allSatisfy(\.isFinite) else { throw .overflow("the \(name) forecast") }
        return combined
    }

    /// The origins every member can check, latest first. Every member counts origins from the
    /// history's first observation, so one index means the same month to all of them; with the
    /// default members that is every third month back from the latest, after two years.
    func rollingOrigins(longest: Int) -> [Int] {
        guard let first = members.first else { return [] }
        var common = Set(first.selection.model.model.rollingOrigins(longest: longest))
        for member in members.dropFirst() {
            common.formIntersection(member.selection.model.model.rollingOrigins(longest: longest))
        }
        return common.sorted(by: >)
    }

    /// The combination's error of the total from `origin`, Σ w_m e_m (the weights sum to 1, so
    /// this is the actual total less the weighted mean of the members' forecasts), and its
    /// variance as the combination's prediction has it, Σ w_m Var_m; `nil` when any member's is.
    func rollingOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        var error = 0.0, variance = 0.0
        for member in members {
            guard let total = member.selection.model.model.rollingOriginTotal(origin: origin, horizons: horizons) else {
                return nil
            }
            error += member.weight * total.error
            variance += member.weight * total.variance
        }
        return (error, variance)
    }

    /// The fewest any member uses (a regression member refits at each origin).
    var maximumRollingOrigins: Int {
        members.map(\.selection.model.model.maximumRollingOrigins).min() ?? .max
    }
}
