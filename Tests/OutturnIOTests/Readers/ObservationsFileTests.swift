import Foundation
import Testing
import Outturn
@testable import OutturnIO

@Suite struct ObservationsFileTests {
    @Test func longFormWithGapsAndChineseNames() throws {
        let csv = "indicator,month,value\n用水总量,2020-01,600.5\n用水总量,2020-02,\n用水总量,2020-03,610\nb,2019-12,1\n"
        let dataset = try ObservationsFile.parse(Data(csv.utf8), file: "o.csv")
        #expect(dataset.entries.map(\.indicator) == ["用水总量", "b"])
        #expect(dataset.series("用水总量")?.values == [600.5, nil, 610])
        #expect(dataset.lastMonth == (try Month(parsing: "2020-03")))
    }

    @Test func columnsMayComeInAnyOrder() throws {
        let dataset = try ObservationsFile.parse(Data("value,month,indicator\n3,2020-01,a\n".utf8), file: "o.csv")
        #expect(dataset.series("a")?.values == [3])
    }

    @Test func wideForm() throws {
        let dataset = try ObservationsFile.parse(Data("month,a,b\n2020-01,1,\n2020-02,2,5\n".utf8), file: "o.csv")
        #expect(dataset.series("a")?.values == [1, 2])
        #expect(dataset.series("b")?.start == (try Month(parsing: "2020-02")))
    }

    @Test func anIndicatorWithNoValueIsAnError() {
        #expect(throws: InputError(file: "o.csv", line: 2, field: "value",
                                   message: "a has no observed value; give at least one month a number")) {
            try ObservationsFile.parse(Data("indicator,month,value\na,2020-01,\n".utf8), file: "o.csv")
        }
    }
}
