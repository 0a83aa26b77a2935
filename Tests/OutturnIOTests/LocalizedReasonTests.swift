import Foundation
import Outturn
import Testing
@testable import OutturnIO

/// The model's reason and a pace's unreachable reason, worded from the phrase tables: in English
/// exactly the library's text (the README's blocks and JSON keep it), in Chinese no English left.
@Suite struct LocalizedReasonTests {
    /// One reason of each shape the library writes (ModelSelection.swift), as its English text.
    static let reasons = [
        "as requested",
        "as requested; fitted together with the 12 series observed in the same months (shared calendar)",
        "regression: lowest AICc (trend+season 387, season 467, trend 474, level 493)",
        "auto: lowest AICc (trend+season+step@2019-06 120, season+step@2019-06 130, trend+step@2019-06 ∞, step@2019-06 140); regression terms given, so a regression",
        "auto: lowest AICc (trend 50, level 60); 2018-06 is missing and smoothing needs consecutive months, so a regression; 20 observed months (< 24): no seasonal terms",
        "auto: lowest AICc (trend 50, level 60); 2018-03 lies inside the history and smoothing forecasts only after it, so a regression",
        "auto: lowest AICc (trend 50, level 60); 7 months are too few for smoothing (8), so a regression; 7 observed months (< 24): no seasonal terms",
        "auto: ensemble of Theta 0.23 + damped trend 0.77 on months, averaged with Theta on quarters; seasonally adjusted",
        "auto: ensemble of Theta 0.50 + damped trend 0.50 on months; not seasonal",
        "requested trend+season; 10 observed months (< 24): no seasonal terms; too few months for trend: fell back to level",
    ]

    @Test(arguments: reasons) func englishIsTheLibrarysText(reason: String) {
        let structured = ModelSelection.Reason(parsing: reason)
        if case .other = structured { Issue.record("not read: \(reason)") }
        #expect(OutputLanguage.$current.withValue(.english) { localizedReason(structured) } == reason)
    }

    @Test(arguments: reasons) func chineseHasNoEnglishWords(reason: String) {
        let chinese = OutputLanguage.$current.withValue(.chinese) { localizedReason(ModelSelection.Reason(parsing: reason)) }
        // Model and term names stay as given (trend, season, level, step, Theta); AICc is a name too.
        let allowed: Set<String> = ["trend", "season", "level", "step", "Theta", "AICc"]
        let words = Set(chinese.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 })
        #expect(words.subtracting(allowed).isEmpty, "\(chinese)")
    }

    @Test func unreachablePacesSpeakChinese() {
        // RequiredPace's three reasons (Sources/Outturn/RequiredPace.swift), each a phrase.
        let expected = ["beyond the range of numbers": "超出数值范围",
                        "below zero, for a series that has never been negative": "低于零，而该序列从未为负",
                        "above 100%": "超过 100%"]
        for (english, chinese) in expected {
            #expect(OutputLanguage.$current.withValue(.chinese) { PaceReport.localizedUnreachable(english) } == chinese)
            #expect(OutputLanguage.$current.withValue(.english) { PaceReport.localizedUnreachable(english) } == english)
        }
    }
}
