import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The streaming reader against the whole-file reader, which stays the reference: the same series
/// in the same order, the same first error, and "read it whole" wherever it cannot stream.
@Suite struct SortedObservationsReaderTests {
    /// Writes `text` to a fresh file and returns its path.
    static func file(_ text: String, name: String = "obs.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sorted-reader-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    enum Outcome: Equatable {
        case blocks([[String]], [[Double?]])
        case unsuitable
        case failed(InputError)
    }

    /// Every block's indicators, every series' values, or how reading ended.
    static func stream(_ path: String, perBlock: Int, readSize: Int) -> Outcome {
        guard let reader = SortedObservationsReader(path: path, indicatorsPerBlock: perBlock, readSize: readSize) else {
            return .unsuitable
        }
        var names: [[String]] = [], values: [[Double?]] = []
        do {
            while true {
                switch try reader.next() {
                case .block(let block):
                    names.append(block.entries.map(\.indicator))
                    values += block.entries.map(\.series.values)
                case .end: return .blocks(names, values)
                case .unsuitable: return .unsuitable
                }
            }
        } catch {
            return .failed(error)
        }
    }

    /// A sorted file with quoted indicators (one holds a comma, one a quote), a comment, CRLF
    /// endings, gaps and a byte-order mark, read a few bytes at a time so that records straddle
    /// reads: the blocks hold the whole-file reader's series, in its order.
    @Test func blocksHoldTheWholeFileReadersSeries() throws {
        let text = "\u{FEFF}# illustrative\r\nindicator,month,value\r\n\"a,1\",2020-01,1.5\r\n\"a,1\",2020-02,\r\n\"a,1\",2020-03,3\r\n"
            + "\"b\"\"q\",2019-12,4\r\n\"b\"\"q\",2020-01,5\r\nc,2020-01,6\r\nd,2020-01,7\r\nd,2020-04,8\r\n用水,2020-01,9\r\n"
        let path = try Self.file(text)
        let whole = try ObservationsFile.read(path: path)
        for readSize in [1, 7, 64, 1 << 20] {
            for perBlock in [1, 2, 10] {
                guard case .blocks(let names, let values) = Self.stream(path, perBlock: perBlock, readSize: readSize) else {
                    Issue.record("did not stream (read size \(readSize), \(perBlock) per block)")
                    continue
                }
                #expect(names.flatMap { $0 } == whole.entries.map(\.indicator))
                #expect(values == whole.entries.map(\.series.values))
                #expect(names.allSatisfy { $0.count <= perBlock })
            }
        }
    }

    /// An indicator that comes back, or one out of byte order, is not sorted: read it whole.
    @Test func anUnsortedFileIsReadWhole() throws {
        let back = try Self.file("indicator,month,value\na,2020-01,1\nb,2020-01,2\na,2020-02,3\n")
        #expect(Self.stream(back, perBlock: 1, readSize: 5) == .unsuitable)
        // Byte order, not the locale's: "B" (0x42) sorts before "a" (0x61).
        let order = try Self.file("indicator,month,value\na,2020-01,1\nB,2020-01,2\n")
        #expect(Self.stream(order, perBlock: 5, readSize: 1 << 20) == .unsuitable)
        let sorted = try Self.file("indicator,month,value\nB,2020-01,2\na,2020-01,1\n")
        #expect(Self.stream(sorted, perBlock: 5, readSize: 1 << 20) == .blocks([["B", "a"]], [[2], [1]]))
    }

    /// The wide form, standard input and a header without rows are read whole.
    @Test func otherFilesAreReadWhole() throws {
        #expect(Self.stream(try Self.file("month,a,b\n2020-01,1,2\n"), perBlock: 5, readSize: 64) == .unsuitable)
        #expect(Self.stream(try Self.file("indicator,month,value\n"), perBlock: 5, readSize: 64) == .unsuitable)
        #expect(Self.stream("-", perBlock: 5, readSize: 64) == .unsuitable)
    }

    /// A bad value on the last line of a long file is the whole-file reader's error, word for word.
    @Test func anErrorOnTheLastLineIsTheWholeFileReadersError() throws {
        var text = "indicator,month,value\n"
        for i in 0..<50 { for m in 1...12 { text += String(format: "k%02d,2020-%02d,%d\n", i, m, m) } }
        text += "k99,2020-01,abc\n"
        let path = try Self.file(text)
        #expect(throws: InputError.self) { try ObservationsFile.read(path: path) }
        let expected: InputError
        do { _ = try ObservationsFile.read(path: path); return } catch { expected = error }
        #expect(expected.line == 602)
        #expect(Self.stream(path, perBlock: 4, readSize: 100) == .failed(expected))
    }

    /// The first problem reported is the whole-file reader's: an indicator without a value is
    /// reported after every row is read (so a later bad row comes first), and invalid UTF-8
    /// anywhere comes before any row (so the file is read whole).
    @Test func theFirstProblemIsTheWholeFileReaders() throws {
        let empty = "indicator,month,value\na,2020-01,\nb,2020-01,1\n"
        let emptyPath = try Self.file(empty)
        #expect(Self.stream(emptyPath, perBlock: 1, readSize: 8)
            == .failed(InputError(file: emptyPath, line: 2, field: "value", message: "a has no observed value; give at least one month a number")))
        let both = try Self.file(empty + "c,2020-01,x\n")
        guard case .failed(let error) = Self.stream(both, perBlock: 1, readSize: 8) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.line == 4 && error.field == "value")
        var bytes = Array("indicator,month,value\na,2020-01,x\nb,2020-01,1\n".utf8)
        bytes += [0xFF, 0x0A]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sorted-reader-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let invalid = folder.appendingPathComponent("obs.csv")
        try Data(bytes).write(to: invalid)
        #expect(Self.stream(invalid.path, perBlock: 1, readSize: 8) == .unsuitable)
    }
}
