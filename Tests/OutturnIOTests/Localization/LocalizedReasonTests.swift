import Foundation
import Outturn
import Testing
@testable import OutturnIO

/// The model's reason and a pace's unreachable reason, worded from the phrase tables: in English
/// exactly the library's text (the README's blocks and JSON keep it), in Chinese no English left.
@Suite struct LocalizedReasonTests {
    typealias Reason = ModelSelection.Reason

    /// One reason of each shape the library builds (ModelSelection.swift), with the English
    /// ModelSelection.reason has always shown for it (the README's blocks and the JSON keep it).
    /// Built per test, not held in a `static let`: a multi-payload enum keeps its array pointers in
    /// spare bits, which LeakSanitizer cannot follow, so a global of them reads as a leak.
    static var reasons: [(Reason, String)] {
        let june = try! Month(parsing: "2018-06"), march = try! Month(parsing: "2018-03")
        let shortPair = [Reason.Candidate(model: "trend", aicc: 50), Reason.Candidate(model: "level", aicc: 60)]
        return [
            (.asRequested, "as requested"),
            (.sharedCalendar(seriesCount: 12),
             "as requested; fitted together with the 12 series observed in the same months (shared calendar)"),
            (.lowestAICc(choice: "regression", candidates: [.init(model: "trend+season", aicc: 387.4), .init(model: "season", aicc: 466.6),
                                                            .init(model: "trend", aicc: 474), .init(model: "level", aicc: 493)], notes: []),
             "regression: lowest AICc (trend+season 387, season 467, trend 474, level 493)"),
            (.lowestAICc(choice: "auto", candidates: [.init(model: "trend+season+step@2019-06", aicc: 120), .init(model: "season+step@2019-06", aicc: 130),
                                                      .init(model: "trend+step@2019-06", aicc: .infinity), .init(model: "step@2019-06", aicc: 140)],
                         notes: [.regressionTermsGiven]),
             "auto: lowest AICc (trend+season+step@2019-06 120, season+step@2019-06 130, trend+step@2019-06 ∞, step@2019-06 140); regression terms given, so a regression"),
            (.lowestAICc(choice: "auto", candidates: shortPair, notes: [.missingMonth(june), .noSeasonalTerms(observed: 20, minimum: 24)]),
             "auto: lowest AICc (trend 50, level 60); 2018-06 is missing and smoothing needs consecutive months, so a regression; 20 observed months (< 24): no seasonal terms"),
            (.lowestAICc(choice: "auto", candidates: shortPair, notes: [.forecastInsideHistory(march)]),
             "auto: lowest AICc (trend 50, level 60); 2018-03 lies inside the history and smoothing forecasts only after it, so a regression"),
            (.lowestAICc(choice: "auto", candidates: shortPair, notes: [.tooFewForSmoothing(months: 7, minimum: 8), .noSeasonalTerms(observed: 7, minimum: 24)]),
             "auto: lowest AICc (trend 50, level 60); 7 months are too few for smoothing (8), so a regression; 7 observed months (< 24): no seasonal terms"),
            (.ensemble(thetaWeight: 0.23, dampedWeight: 0.77, quarters: true, seasonal: true),
             "auto: ensemble of Theta 0.23 + damped trend 0.77 on months, averaged with Theta on quarters; seasonally adjusted"),
            (.ensemble(thetaWeight: 0.5, dampedWeight: 0.5, quarters: false, seasonal: false),
             "auto: ensemble of Theta 0.50 + damped trend 0.50 on months; not seasonal"),
            (.adjusted(requested: "trend+season", notes: [.noSeasonalTerms(observed: 10, minimum: 24), .fellBack(model: "trend", fallback: "level")]),
             "requested trend+season; 10 observed months (< 24): no seasonal terms; too few months for trend: fell back to level"),
            (.etsLowestAICc(candidates: 15), "ets: lowest AICc of 15 candidates"),
            (.adjusted(requested: "trend+season+arma", notes: [.armaOrders(order: "ARMA(1,0)", candidates: 18)]),
             "requested trend+season+arma; errors ARMA(1,0) by lowest AICc of 18 orders"),
            (.combination(choice: "combo", members: [
                .init(model: "ETS(M,N,M)", weight: 1.0 / 3, reason: .etsLowestAICc(candidates: 15)),
                .init(model: "theta", weight: 1.0 / 3, reason: .asRequested),
                .init(model: "trend+season+arma(1,0)", weight: 1.0 / 3,
                      reason: .adjusted(requested: "trend+season+arma", notes: [.armaOrders(order: "ARMA(1,0)", candidates: 18)])),
            ]),
             "combo: weighted mean of ETS(M,N,M) 0.33 [ets: lowest AICc of 15 candidates], theta 0.33, "
                + "trend+season+arma(1,0) 0.33 [requested trend+season+arma; errors ARMA(1,0) by lowest AICc of 18 orders]"),
        ]
    }

    @Test func englishIsTheLibrarysText() {
        for (reason, english) in Self.reasons {
            #expect(reason.description == english)
            #expect(OutputLanguage.$current.withValue(.english) { localizedReason(reason) } == english)
        }
    }

    @Test func chineseHasNoEnglishWords() {
        // Model and term names stay as given (trend, season, level, step, Theta, ets, ARMA, arma); AICc is a name too.
        let allowed: Set<String> = ["trend", "season", "level", "step", "Theta", "AICc", "ets", "ARMA", "arma",
                                    "combo", "ETS", "theta"]
        for (reason, _) in Self.reasons {
            let chinese = OutputLanguage.$current.withValue(.chinese) { localizedReason(reason) }
            let words = Set(chinese.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 })
            #expect(words.subtracting(allowed).isEmpty, "\(chinese)")
        }
    }

    @Test func unreachablePacesSpeakChinese() {
        // RequiredPace's three reasons (Sources/Outturn/Projection/RequiredPace.swift), each a phrase.
        let expected = ["beyond the range of numbers": "超出数值范围",
                        "below zero, for a series that has never been negative": "低于零，而该序列从未为负",
                        "above 100%": "超过 100%"]
        for (english, chinese) in expected {
            #expect(OutputLanguage.$current.withValue(.chinese) { PaceReport.localizedUnreachable(english) } == chinese)
            #expect(OutputLanguage.$current.withValue(.english) { PaceReport.localizedUnreachable(english) } == english)
        }
    }
}
