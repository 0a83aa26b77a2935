import Foundation
import Testing
@testable import OutturnIO

@Suite struct FormattingTests {
    @Test(arguments: [(11489.0, "11,489"), (5048.43, "5,048"), (44, "44.00"), (0.1234, "0.1234"), (-1610.2, "-1,610"),
                      (1234567.8, "1,234,568"), (97.5, "97.50"), (0, "0.00")])
    func readableNumbers(_ value: Double, _ text: String) {
        #expect(formatForReading(value) == text)
    }

    @Test(arguments: [(11.2249, "+11.2%"), (-0.96, "−1.0%"), (-1e-15, "±0%"), (0.04, "±0%"), (-138.7, "−138.7%")])
    func percentChanges(_ value: Double, _ text: String) {
        #expect(formatPercentChange(value) == text)
    }

    @Test func probabilitiesNeverRoundToCertainty() {
        #expect(formatProbability(0.996) == ">99%")
        #expect(formatProbability(0.004) == "<1%")
        #expect(formatProbability(1) == ">99%")
        #expect(formatProbability(1, settled: true) == "100%")
        #expect(formatProbability(0, settled: true) == "0%")
        #expect(formatProbability(0.555) == "56%")
    }
}
