import Foundation

/// A forecast combination (`--model combo`): several models fitted to the same history, each
/// once, and their forecasts averaged month by month with equal weights.
///
/// The default members are the fixed combination the M4 competition found robust: automatic
/// ETS (lowest AICc), Theta, and the regression with ARMA errors `trend+season+arma` (orders by
/// AICc). Each member is fitted exactly as `--model` fits it alone, including its own
/// short-history rules (below 24 months `trend+season+arma` drops its seasonal terms, and falls
/// back to `level` when even that is too much); `combo(ets,theta,damped)` names other members.
///
/// - Point forecasts: the mean of the members' means, month by month.
/// - Spread: the weighted average of the members' error covariances, Σ_c = Σ w_m Σ_m, so that
///   scenarios, pace, P(met), min/max and joint conditions work as for any model. The members'
///   errors are highly correlated; perfectly correlated ones would give the combination the
///   deviation Σ w_m σ_m, the quantile average (Lichtendahl, Grushka-Cockayne & Winkler 2013),
///   and Σ w_m σ_m² exceeds its square only by the weighted variance of the σ_m, while being a
///   covariance that serves every aggregate. ``IntervalMethod/checked`` then compares the
///   combination's own past errors of the total with it.
/// - ``sigma``: the combination's one-month-ahead predictive deviation, √(Σ w_m v_m) with v_m
///   each member's one-step-ahead predictive variance on the data's scale (for a multiplicative
///   ETS member σ̂ itself is relative, so the members' σ̂ cannot be averaged directly).
/// - ``degreesOfFreedom``: the fewest of the members'.
///
/// Every member must work on the data's scale: a `log(…)` regression member is refused when the
/// name is parsed, as is a combination inside a combination.
public struct CombinationFit: Sendable {
    /// One fitted member and its weight.
    public struct Member: Sendable {
        /// The member fitted on its own, with the reason for its form.
        public let selection: ModelSelection
        /// Its weight in the mean (the weights sum to 1).
        public let weight: Double
    }

    /// The members, in the order named.
    public let members: [Member]
    /// The months every member was fitted to.
    public let months: [Month]
    /// The weighted mean of the members' one-step fitted values.
    public let fittedValues: [Double]
    /// √(Σ w_m v_m): the combination's one-month-ahead predictive deviation (see the type's notes).
    public let sigma: Double
    /// The fewest degrees of freedom among the members.
    public let degreesOfFreedom: Int
    /// The first observed month of the history, from which every member counts its rolling origins.
    let firstObserved: Month

    /// Fits each of `members` to `history` once, as `--model` fits it alone, and weights them equally.
    /// - Throws: the first member's ``ModelError`` that cannot be fitted (e.g.
    ///   ``ModelError/gapInHistory(model:month:)`` for a smoothing member).
    public init(history: MonthlySeries, members choices: [ModelChoice]) throws(ModelError) {
        try self.init(history: history, members: choices, firstForecast: nil)
    }

    init(history: MonthlySeries, members choices: [ModelChoice], firstForecast: Month?) throws(ModelError) {
        guard !choices.isEmpty, let first = history.observations.first?.month else { throw .emptyDesign }
        let weight = 1 / Double(choices.count)
        var members: [Member] = []
        for choice in choices {
            let selection = try ModelSelection(history: history, choice: choice, extraTerms: [], regressors: [:],
                                               firstForecast: firstForecast)
            members.append(Member(selection: selection, weight: weight))
        }
        self.members = members
        firstObserved = first

        // Fitted values where every member has one (a windowed regression fits fewer months).
        let byMonth = members.map { member in
            Dictionary(zip(member.selection.model.months, member.selection.model.fittedValues), uniquingKeysWith: { a, _ in a })
        }
        months = members[0].selection.model.months.filter { month in byMonth.allSatisfy { $0[month] != nil } }
        fittedValues = months.map { month in
            zip(members, byMonth).reduce(0.0) { $0 + $1.0.weight * ($1.1[month] ?? 0) }
        }

        var variance = 0.0
        for member in members {
            let model = member.selection.model
            let next = model.lastMonth.advanced(by: 1)
            let oneStep = (try? model.prediction(for: [next]))?.variance(0) ?? model.sigma * model.sigma
            variance += member.weight * oneStep
        }
        sigma = variance.isFinite ? variance.squareRoot() : .infinity
        degreesOfFreedom = members.map(\.selection.model.degreesOfFreedom).min() ?? 1
        guard sigma.isFinite, fittedValues.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
    }

    /// Why each member has its form, and its weight: the reason `--model combo` gives.
    func reason(choice: String) -> ModelSelection.Reason {
        .combination(choice: choice, members: members.map {
            .init(model: $0.selection.model.name, weight: $0.weight, reason: $0.selection.structuredReason)
        })
    }
}

extension CombinationFit: Forecaster {
    /// `combo(` the members' names `)`, e.g. `combo(ETS(M,N,M),theta,trend+season+arma(1,0))`.
    public var name: String { "combo(" + members.map(\.selection.model.name).joined(separator: ",") + ")" }
}
