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

@Suite struct TargetsFileTests {
    @Test func csvWithOptionalColumns() throws {
        let csv = "indicator,year,aggregate,comparator,threshold,name,unit\nwater,2020,sum,<=,11489,用水总量,万立方米\n"
        let file = try TargetsFile.parseCSV(Data(csv.utf8), file: "t.csv")
        let target = try #require(file.targets.first)
        #expect(target.indicator == "water" && target.year == 2020 && target.aggregate == .sum)
        #expect(target.comparator == .lessThanOrEqual && target.threshold == 11489)
        #expect(target.name == "用水总量" && target.unit == "万立方米")
    }

    @Test func jsonArrayOrObject() throws {
        let array = #"[{"indicator": "jobs", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 9000}]"#
        let object = #"{"targets": [{"indicator": "pm25", "year": 2020, "aggregate": "mean", "comparator": "<", "threshold": 44.5, "unit": "µg/m³"}]}"#
        #expect(try TargetsFile.parseJSON(Data(array.utf8), file: "t.json").targets.first?.threshold == 9000)
        let pm25 = try #require(try TargetsFile.parseJSON(Data(object.utf8), file: "t.json").targets.first)
        #expect(pm25.threshold == 44.5 && pm25.unit == "µg/m³" && pm25.comparator == .lessThan)
    }

    @Test func jsonErrorsNameTheEntryAndKey() {
        let text = #"[{"indicator": "a", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 1},"#
            + "\n" + #" {"indicator": "b", "year": 2020, "aggregate": "sum", "comparator": ">=", "treshold": 1}]"#
        #expect(throws: InputError.self) { try TargetsFile.parseJSON(Data(text.utf8), file: "t.json") }
        do {
            _ = try TargetsFile.parseJSON(Data(text.utf8), file: "t.json")
        } catch {
            #expect(error.description == "t.json:2: field 'targets[1].treshold': unknown key; targets use indicator, year, aggregate, comparator, threshold, name, unit, months, base_year, change_percent, moving_average, versus, due")
        }
    }
}

@Suite struct OutputFileTests {
    @Test func refusesToOverwriteAnInputEvenThroughAnotherSpelling() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-io-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("in.csv")
        try "keep".write(to: input, atomically: true, encoding: .utf8)
        let sneaky = folder.path + "/./sub/../in.csv"
        #expect(throws: InputError.self) { try OutputFile.write("x", to: sneaky, inputs: [input.path]) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "keep")
        try OutputFile.write("new", to: folder.appendingPathComponent("out.txt").path, inputs: [input.path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.csv", "out.txt"])
    }
}
