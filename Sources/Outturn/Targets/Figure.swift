/// One indicator's aggregate over the period of one year: the unit every target is built from.
struct Figure: Hashable, Sendable {
    let year: Int
    let period: ClosedRange<Int>
    let aggregate: Target.Aggregate

    var months: [Month] { period.map { Month(ordinal: year * 12 + $0 - 1) } }

    /// The figure from the months' values, in calendar order.
    func value(_ values: [Double]) -> Double { aggregate.apply(to: values) }

    /// Weights wₘ with figure = Σ wₘ·yₘ, or `nil` when the aggregate is not linear (min, max).
    var linearWeights: [(Month, Double)]? {
        let months = months
        // Zero weights are left out: `last` names only its month.
        return aggregate.linearWeights(count: months.count).map { weights in zip(months, weights).filter { $0.1 != 0 } }
    }
}

/// Σ cᵢ·Figureᵢ + constant: the two sides of every target condition are of this form.
struct FigureCombination: Sendable {
    var terms: [(coefficient: Double, figure: Figure)] = []
    var constant: Double = 0

    var months: [Month] { terms.flatMap(\.figure.months) }
}

extension Target {
    /// The target year's figure.
    var figure: Figure { Figure(year: year, period: period, aggregate: aggregate) }

    func figure(in year: Int) -> Figure { Figure(year: year, period: period, aggregate: aggregate) }

    /// The left side of the condition, in the indicator's own figures.
    var valueSide: FigureCombination {
        switch reference {
        case .value, .baseYear, .indicator:
            return FigureCombination(terms: [(1, figure)])
        case .movingAverage(let years):
            let weight = 1 / Double(years)
            return FigureCombination(terms: (0..<years).map { (weight, figure(in: year - $0)) })
        }
    }

    /// The right side's part in the indicator's own figures (plus a constant); a reference
    /// indicator's figure, if any, is added separately.
    var referenceSide: FigureCombination {
        switch reference {
        case .value(let threshold):
            return FigureCombination(constant: threshold)
        case .baseYear(let base, let change):
            return FigureCombination(terms: [(1 + change / 100, figure(in: base))])
        case .movingAverage(let years):
            let weight = 1 / Double(years)
            return FigureCombination(terms: (1...years).map { (weight, figure(in: year - $0)) })
        case .indicator:
            return FigureCombination()
        }
    }
}
