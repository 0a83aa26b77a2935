import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The optional `model` column of a targets file: a target's own model.
@Suite struct TargetsFileModelTests {
    static let header = "indicator,year,aggregate,comparator,threshold,model\n"

    @Test func csvModelsAreReadPerRowAndEmptyMeansNone() throws {
        let csv = Self.header + "a,2020,sum,>=,1,theta\nb,2020,sum,>=,1,\nc,2020,mean,<,1,trend+season+arma(1,0)\n"
        // The last row's model holds a comma: the CSV cell must be quoted.
        let quoted = csv.replacingOccurrences(of: "trend+season+arma(1,0)", with: "\"trend+season+arma(1,0)\"")
        let file = try TargetsFile.parseCSV(Data(quoted.utf8), file: "t.csv")
        #expect(file.models.count == 3)
        #expect(file.models[0] == .smoothing(.theta))
        #expect(file.models[1] == nil)
        #expect(file.models[2]?.description == "trend+season+arma(1,0)")
    }

    @Test func jsonModelIsRead() throws {
        let json = #"[{"indicator": "a", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 1, "model": "ETS(M,Ad,M)"}]"#
        let file = try TargetsFile.parseJSON(Data(json.utf8), file: "t.json")
        // Read as --model reads it; the name shown is the short form.
        #expect(file.models.first??.description == "ets(MAdM)")
    }

    @Test func aFileWithoutTheColumnHasNoModels() throws {
        let file = try TargetsFile.parseCSV(Data("indicator,year,aggregate,comparator,threshold\na,2020,sum,>=,1\n".utf8), file: "t.csv")
        #expect(file.models == [nil])
    }

    @Test func anUnknownModelNamesTheCell() {
        #expect {
            try TargetsFile.parseCSV(Data((Self.header + "a,2020,sum,>=,1,arima\n").utf8), file: "t.csv")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("t.csv:2: field 'model': ") && text.contains("unknown model")
        }
    }

    @Test func aModelNamingARegressorIsRefused() {
        #expect {
            try TargetsFile.parseCSV(Data((Self.header + "a,2020,sum,>=,1,trend+x:b\n").utf8), file: "t.csv")
        } throws: { error in
            String(describing: error).hasPrefix("t.csv:2: field 'model': ")
        }
    }

    /// Targets of one indicator and year are judged on one fitted model: one name may serve them
    /// all, two different names contradict each other.
    @Test func rowsOfOneIndicatorAndYearShareTheirModel() throws {
        let same = Self.header + "a,2020,sum,>=,1,theta\na,2020,sum,<=,9,\na,2020,mean,<=,9,theta\n"
        #expect(try TargetsFile.parseCSV(Data(same.utf8), file: "t.csv").models.count == 3)
        let otherYear = Self.header + "a,2020,sum,>=,1,theta\na,2021,sum,<=,9,snaive\n"
        #expect(try TargetsFile.parseCSV(Data(otherYear.utf8), file: "t.csv").models == [.smoothing(.theta), .baseline(.snaive)])
        #expect {
            try TargetsFile.parseCSV(Data((Self.header + "a,2020,sum,>=,1,theta\na,2020,sum,<=,9,snaive\n").utf8), file: "t.csv")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("t.csv:3: field 'model': ") && text.contains("line 2")
        }
    }
}
