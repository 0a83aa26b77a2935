import Outturn

/// Month-by-month forecasts of one indicator.
public struct ForecastReport: Sendable {
    public let indicator: String
    public let selection: ModelSelection
    public let forecasts: [MonthForecast]
    public let levels: [Double]

    public init(indicator: String, selection: ModelSelection, forecasts: [MonthForecast], levels: [Double]) {
        self.indicator = indicator
        self.selection = selection
        self.forecasts = forecasts
        self.levels = levels
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("indicator", .string(indicator)),
                ("model", modelJSON(ModelSummary(selection), fit: selection)),
                ("forecasts", .array(forecasts.map {
                    .object([("month", .string($0.month.description)), ("value", .number($0.value)),
                             ("standardError", .number($0.standardError)), ("intervals", intervals($0.intervals))])
                })),
            ]).rendered() + "\n"
        case .csv:
            var header = ["month", "value", "standard_error"]
            for level in levels { header += ["lower_\(formatLevel(level))", "upper_\(formatLevel(level))"] }
            return ([header.joined(separator: ",")] + forecasts.map { f in
                ([f.month.description, formatExact(f.value), formatExact(f.standardError)]
                 + f.intervals.flatMap { [formatExact($0.lower), formatExact($0.upper)] }).joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        case .table, .markdown:
            var table = TextTable(columns: [(localized(.columnMonth), .left), (localized(.columnForecast), .right)]
                                  + levels.map { (localized(.columnInterval, formatLevel($0)), .right) })
            for f in forecasts {
                table.append([f.month.description, formatForReading(f.value)]
                             + f.intervals.map(formatInterval))
            }
            let title = localized(.forecastTitle, indicator, selection.model.name, localizedReason(selection.structuredReason))
            return format == .markdown ? "**\(escapingMarkdownText(title))**\n\n" + table.markdown()
                : escapingControlCharacters(title) + "\n\n" + table.rendered()
        }
    }
}
