import Outturn

// How a target, its figure and its cells read for people, in the current language: shared by
// every report (table, Markdown, HTML, what-if, sweep, history).

/// The target in a few words, in the current language: `sum ≤ 11,489 万立方米`, `mean[5–12] ≥ 8.000 %`,
/// `sum ≤ 2019 −3% (4,120)`, `3-yr mean < previous (47.2)`, `mean ≤ pm25_city (42.1)`; in Chinese
/// plain language: `全年均值低于 44 µg/m³`, `全年均值比 2015 年下降 20% 以上 (1.20)`,
/// `三年滑动平均低于上一期 (47.2)`, `全年均值不高于 pm25_city 的全年均值 (42.1)`.
/// Every language's wording of a target comes from here and the phrase tables.
func describe(_ target: Target, _ p: YearEndProjection) -> String {
    describe(target, referenceValue: p.referenceValue)
}

/// As ``describe(_:_:)``, with the threshold the reference works out to (a recorded run's).
func describe(_ target: Target, referenceValue: Double) -> String {
    let figure = figureText(target)
    let unit = target.unit.map { " \($0)" } ?? ""
    let projected = " (\(formatForReading(referenceValue)))"
    let comparator = comparatorText(target.comparator)
    switch target.reference {
    case .value(let threshold):
        return localized(.targetValue, figure, comparator, formatForReading(threshold), unit)
    case .baseYear(let base, let change):
        let sign = change < 0 ? "−" : "+"
        let percent = formatLevel(abs(change))
        let below = target.comparator == .lessThan || target.comparator == .lessThanOrEqual
        let change = switch (change < 0, below) {
        case (true, true): localized(.changeDownAtLeast, percent)
        case (true, false): localized(.changeDownAtMost, percent)
        case (false, true): localized(.changeUpAtMost, percent)
        case (false, false): localized(.changeUpAtLeast, percent)
        }
        return localized(.targetBaseYear, figure, comparator, String(base), sign + percent, projected, change)
    case .movingAverage(let years):
        return localized(.targetMovingAverage, String(years), figure, comparator, projected, countWord(years))
    case .indicator(let other):
        return localized(.targetVersus, figure, comparator, other, projected)
    }
}

/// The figure a target judges, in the current language: `mean`, `mean[5–12]`, `全年均值`, `5–12月均值`.
func figureText(_ target: Target) -> String {
    guard target.period == 1...12 else {
        return localized(.figureMonths, aggregateText(target.aggregate), String(target.period.lowerBound),
                         String(target.period.upperBound))
    }
    // One phrase per aggregate: Chinese says 全年均值 but 年末值, not 全年年末值.
    return switch target.aggregate {
    case .sum: localized(.figureYearSum)
    case .mean: localized(.figureYearMean)
    case .last: localized(.figureYearLast)
    case .min: localized(.figureYearMin)
    case .max: localized(.figureYearMax)
    }
}

/// An aggregate's name in the current language.
func aggregateText(_ aggregate: Target.Aggregate) -> String {
    switch aggregate {
    case .sum: localized(.aggregateSum)
    case .mean: localized(.aggregateMean)
    case .last: localized(.aggregateLast)
    case .min: localized(.aggregateMin)
    case .max: localized(.aggregateMax)
    }
}

/// A comparator for people: the symbol in English, words (`低于`, `不高于`) in Chinese.
func comparatorText(_ comparator: Target.Comparator) -> String {
    switch comparator {
    case .lessThan: localized(.comparatorLess)
    case .lessThanOrEqual: localized(.comparatorLessOrEqual)
    case .greaterThan: localized(.comparatorGreater)
    case .greaterThanOrEqual: localized(.comparatorGreaterOrEqual)
    }
}

/// The year-to-date cell: `5,048 (8 mo)`, or `–` before the period starts.
func soFarText(_ p: YearEndProjection) -> String {
    p.yearToDate.map { localized(.monthsSoFar, formatForReading($0), String(p.observedMonths.count)) } ?? "–"
}

/// The pace cell: `1,610/mo`, `settled`, or `–` when no month is left.
func paceText(_ p: YearEndProjection) -> String {
    p.requiredPace.map { localized(.perMonth, formatForReading($0)) } ?? (p.status.isSettled ? localized(.settled) : "–")
}

/// ANSI colours for statuses: green, yellow, red.
func statusColour(_ status: String) -> String {
    switch status {
    case "met", "on track", "on track by run-rate": "32"
    case "at risk": "33"
    default: "31"
    }
}

func symbol(_ comparator: Target.Comparator) -> String {
    switch comparator {
    case .lessThan: "<"
    case .lessThanOrEqual: "≤"
    case .greaterThan: ">"
    case .greaterThanOrEqual: "≥"
    }
}
