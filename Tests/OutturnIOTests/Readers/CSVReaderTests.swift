import Foundation
import Testing
@testable import OutturnIO

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] { try CSVReader.records(Data(text.utf8), file: "f.csv") }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let parsed = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n")
        #expect(parsed.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", "row"]])
        // The record after a two-line field starts on physical line 5.
        #expect(parsed.map(\.line) == [1, 2, 3, 5])
    }

    @Test func windowsLineEndingsBOMAndCommentsAreAccepted() throws {
        let parsed = try CSVReader.records(Data([0xEF, 0xBB, 0xBF]) + Data("# note\r\na,b\r\n1,2\r\n\r\n".utf8), file: "f.csv")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(parsed.map(\.line) == [2, 3])
    }

    @Test func emptyTrailingFieldIsKept() throws {
        #expect(try records("a,b\n1,\n").map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func strayQuotesAreErrorsWithALine() {
        #expect(throws: InputError(file: "f.csv", line: 2, field: "column 2",
                                   message: "a quote appears inside an unquoted field; quote the whole field and double inner quotes (\"\")")) {
            try records("a,b\n1,2\"3\n")
        }
        #expect(throws: InputError.self) { try records("a,b\n\"1\"x,2\n") }
    }
}
