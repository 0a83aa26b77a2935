import Foundation
import Testing
@testable import OutturnIO

/// The phrase tables: every key in both languages, and no translation using an argument the
/// English phrase does not pass.
@Suite struct PhraseTableTests {
    func placeholders(_ text: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let number = Int(after[..<close]) { numbers.insert(number) }
            rest = after[after.index(after: close)...]
        }
        return numbers
    }

    @Test func everyKeyExistsInBothLanguages() {
        for language in OutputLanguage.allCases {
            let missing = Phrase.allCases.filter { language.phrases[$0] == nil }
            #expect(missing.isEmpty, "\(language) lacks \(missing)")
            #expect(language.phrases.count == Phrase.allCases.count)
        }
    }

    @Test func translationsUseOnlyArgumentsThatArePassed() {
        // The arguments a phrase receives are those its call site passes; the English phrase names
        // all of them except where English deliberately drops one (base-year, moving-average and
        // caption phrases pass Chinese wording English ignores), so compare against the call sites' count.
        let passed: [Phrase: Int] = [.targetBaseYear: 6, .targetMovingAverage: 5, .captionMovingAverage: 4]
        for phrase in Phrase.allCases {
            let count = passed[phrase] ?? placeholders(englishPhrases[phrase] ?? "").max() ?? 0
            for language in OutputLanguage.allCases {
                let used = placeholders(language.phrases[phrase] ?? "")
                #expect(used.allSatisfy { (1...max(count, 1)).contains($0) }, "\(language) \(phrase) uses \(used.sorted())")
            }
        }
    }

    @Test func fillIsPositional() {
        #expect(fill("{2} before {1}", ["a", "b"]) == "b before a")
        #expect(fill("{3} {x} {", ["a"]) == "{3} {x} {")
    }

    @Test func languageFromCodeAndEnvironment() {
        #expect(OutputLanguage(code: "zh") == .chinese && OutputLanguage(code: "ZH-cn") == .chinese)
        #expect(OutputLanguage(code: "en") == .english && OutputLanguage(code: "fr") == nil && OutputLanguage(code: "zhx") == nil)
        #expect(OutputLanguage(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(OutputLanguage(environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(OutputLanguage(environment: [:]) == .english)
    }
}
