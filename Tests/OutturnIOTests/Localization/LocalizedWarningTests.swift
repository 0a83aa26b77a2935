import Foundation
import Outturn
import Testing
@testable import OutturnIO

/// A projection's warnings worded from the phrase tables: in English exactly the library's
/// `description` (which the JSON carries), in Chinese no English left but model names.
@Suite struct LocalizedWarningTests {
    /// One warning of each case, including both kinds of fallback, with the English written out.
    /// Built per test, not held in a `static let` (see LocalizedReasonTests on LeakSanitizer).
    static var warnings: [(ProjectionWarning, String)] {
        [
            (.shortHistory(observedMonths: 3, minimum: 24), "only 3 months observed, fewer than 24 (two seasonal cycles)"),
            (.exactFit(observedMonths: 3, sigma: 0),
             "the model fits all 3 months exactly (σ̂ = 0), so the interval has no width and P(met) no support"),
            (.longExtrapolation(horizon: 9, observedMonths: 3), "projects 9 months ahead from only 3 observed"),
            (.fellBack(requested: "auto", fitted: "trend", observedMonths: 3),
             "too few months for auto (3 observed): fell back to trend"),
            (.fellBack(requested: "trend+season", fitted: "level", observedMonths: 10),
             "too few months for trend+season (10 observed): fell back to level"),
            // Months and bounds are written as in the input files (YYYY-MM, low..high).
            (.observedOutsideBounds(month: try! Month(year: 2024, month: 3), value: 104.2, bounds: .percentage, count: 1),
             "2024-03 is 104.2, outside the bounds 0..100: the data contradict the bounds the interval and P(met) are held to"),
            (.observedOutsideBounds(month: try! Month(year: 2023, month: 5), value: -3, bounds: .nonNegative, count: 2),
             "2023-05 is -3, outside the bounds 0.. (2 months fitted lie outside them): the data contradict the bounds the interval and P(met) are held to"),
        ]
    }

    @Test func englishIsTheLibrarysText() {
        for (warning, english) in Self.warnings {
            #expect(warning.description == english)
            #expect(OutputLanguage.$current.withValue(.english) { localizedWarning(warning) } == english)
        }
    }

    @Test func chineseHasNoEnglishWords() {
        // Model names stay as given (trend, season, level); σ̂ is a symbol, not a word.
        let allowed: Set<String> = ["trend", "season", "level"]
        for (warning, _) in Self.warnings {
            let chinese = OutputLanguage.$current.withValue(.chinese) { localizedWarning(warning) }
            let words = Set(chinese.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 })
            #expect(words.subtracting(allowed).isEmpty, "\(chinese)")
            // The numbers survive the translation.
            let digits = warning.description.split { !$0.isNumber }
            for number in digits { #expect(chinese.contains(number), "\(number) in \(chinese)") }
        }
    }

    @Test func marksUseSuperscriptDigits() {
        #expect(WarningFootnotes.mark(1) == "⚠¹")
        #expect(WarningFootnotes.mark(12) == "⚠¹²")
        #expect(WarningFootnotes.mark(30) == "⚠³⁰")
    }
}
