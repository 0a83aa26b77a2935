import Foundation
import Testing
import Outturn
@testable import OutturnIO

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
            #expect(error.description == "t.json:2: field 'targets[1].treshold': unknown key; targets use indicator, year, aggregate, comparator, threshold, name, unit, months, base_year, change_percent, moving_average, versus, due, bounds, model")
        }
    }
}
