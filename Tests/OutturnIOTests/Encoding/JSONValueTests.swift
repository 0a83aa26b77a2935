import Foundation
import Testing
@testable import OutturnIO

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderNullsAndShortestNumbers() {
        let value = JSONValue.object([("b", .number(0.1)), ("a", .null), ("n", .number(5048)),
                                      ("s", .string("用水 \"q\"\n")), ("l", .array([.number(1), .number(2.5)]))])
        #expect(value.rendered() == """
            {
              "b": 0.1,
              "a": null,
              "n": 5048,
              "s": "用水 \\"q\\"\\n",
              "l": [1, 2.5]
            }
            """)
        #expect(JSONValue.number(Double.nan) == .null)
    }
}
