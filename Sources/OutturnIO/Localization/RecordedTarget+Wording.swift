import Outturn

extension RecordedProjection {
    /// The target in a few words in the current language, like the projection table words it. A
    /// store keeps the text of the language it was recorded in; the key holds the target's raw
    /// fields, so the target is rebuilt from it and worded again. A key that does not read back to
    /// itself (a store from another version) keeps the recorded text.
    var localizedTarget: String {
        guard let target = rebuiltTarget else { return target }
        return describe(target, referenceValue: threshold)
    }

    /// The target read from ``key`` (`water 2020 sum[1-12] <= value 11489`), `nil` unless it
    /// makes the same key again.
    var rebuiltTarget: Target? {
        let prefix = "\(indicator) \(year) "
        guard key.hasPrefix(prefix) else { return nil }
        let words = key.dropFirst(prefix.count).split(separator: " ", maxSplits: 3).map(String.init)
        guard words.count == 4, let open = words[0].firstIndex(of: "["), words[0].hasSuffix("]"),
              let aggregate = Target.Aggregate(rawValue: String(words[0][..<open])),
              let comparator = Target.Comparator(rawValue: words[1]) else { return nil }
        let bounds = words[0][words[0].index(after: open)..<words[0].index(before: words[0].endIndex)]
            .split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
        let argument = words[3]
        let reference: Target.Reference
        switch words[2] {
        case "value":
            guard let threshold = Double(argument) else { return nil }
            reference = .value(threshold)
        case "base":
            let parts = argument.split(separator: " ")
            guard parts.count == 2, parts[1].hasSuffix("%"), let base = Int(parts[0]),
                  let change = Double(parts[1].dropLast()) else { return nil }
            reference = .baseYear(base, changePercent: change)
        case "moving":
            guard let years = Int(argument) else { return nil }
            reference = .movingAverage(years: years)
        case "indicator":
            reference = .indicator(argument)
        default:
            return nil
        }
        guard let target = try? Target(indicator: indicator, year: year, aggregate: aggregate, comparator: comparator,
                                       reference: reference, period: bounds[0]...bounds[1], name: name, unit: unit),
              Self.key(target) == key else { return nil }
        return target
    }
}
