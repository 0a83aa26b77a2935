/// The language of everything Outturn renders for people: table headings, statuses, footers,
/// plain-language sentences, report sections and chart labels. Indicator names, units and model
/// names stay as given; JSON and CSV fields stay English, since programs read them (docs/schema).
///
/// Renderers read ``current``, a task-local value, so a command sets the language once around its
/// work (`OutputLanguage.$current.withValue(.chinese) { … }`) instead of threading it through every
/// formatting helper.
public enum OutputLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The language renderers use now; English unless a caller set another.
    @TaskLocal public static var current: OutputLanguage = .english

    /// The language a `--lang` value names (`en`, `zh`, case-insensitive; `zh-CN`, `zh_TW` too),
    /// or `nil` for any other.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered == "en" || lowered.hasPrefix("en-") || lowered.hasPrefix("en_") {
            self = .english
        } else if lowered == "zh" || lowered.hasPrefix("zh-") || lowered.hasPrefix("zh_") {
            self = .chinese
        } else {
            return nil
        }
    }

    /// The language the environment asks for, as POSIX ranks it: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; Chinese when it starts with `zh` (`zh_CN.UTF-8`), English otherwise.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    /// The phrase table of this language.
    var phrases: [Phrase: String] {
        switch self {
        case .english: englishPhrases
        case .chinese: chinesePhrases
        }
    }
}

/// `phrase` in the current language with `{1}`, `{2}`, … replaced by `arguments` in order.
/// Positional, so a translation may reorder or drop arguments. A phrase missing from a table
/// falls back to English (a test keeps both tables complete).
func localized(_ phrase: Phrase, _ arguments: String...) -> String {
    let template = OutputLanguage.current.phrases[phrase] ?? englishPhrases[phrase] ?? phrase.rawValue
    return fill(template, arguments)
}

/// `template` with `{n}` replaced by the n-th argument (1-based); other braces are kept.
func fill(_ template: String, _ arguments: [String]) -> String {
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
        result += rest[..<open]
        let after = rest[rest.index(after: open)...]
        if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]), number >= 1, number <= arguments.count {
            result += arguments[number - 1]
            rest = after[after.index(after: close)...]
        } else {
            result.append("{")
            rest = after
        }
    }
    return result + rest
}

/// A status for people: `on track` or `有望达成`; machine output keeps the raw value.
func localizedStatus(_ raw: String) -> String {
    switch raw {
    case "met": localized(.statusMet)
    case "missed": localized(.statusMissed)
    case "on track": localized(.statusOnTrack)
    case "on track by run-rate": localized(.statusOnTrackByRunRate)
    case "at risk": localized(.statusAtRisk)
    case "off track": localized(.statusOffTrack)
    default: raw
    }
}

/// A small count in words where the language prefers it (`三` in Chinese for 3), digits otherwise.
func countWord(_ count: Int) -> String {
    let words = localized(.smallNumbers).split(separator: " ").map(String.init)
    return !words.isEmpty && (1...words.count).contains(count) ? words[count - 1] : String(count)
}
