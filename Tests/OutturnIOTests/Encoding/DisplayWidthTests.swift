import Foundation
import Testing
@testable import OutturnIO

@Suite struct DisplayWidthTests {
    @Test func cjkTakesTwoCells() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("用水总量") == 8)
        #expect(displayWidth("细颗粒物（PM2.5）") == 8 + 4 + 5)
        #expect(displayWidth("µg/m³") == 5)
        #expect(displayWidth("e\u{301}") == 1)   // combining acute accent
    }

    @Test func tablePadsByCells() {
        var table = TextTable(columns: [("Name", .left), ("N", .right)])
        table.append(["用水", "1"])
        table.append(["water", "22"])
        let lines = table.rendered().split(separator: "\n")
        #expect(lines[2] == "用水    1")
        #expect(lines[3] == "water  22")
    }
}
