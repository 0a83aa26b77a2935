import Foundation
import Testing
import Outturn
@testable import OutturnIO

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
