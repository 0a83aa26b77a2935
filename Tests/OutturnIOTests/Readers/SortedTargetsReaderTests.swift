import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The sorted targets reader gives a CSV targets file's targets in step with the observations'
/// blocks, reading only as far as the block at hand needs, and says "read it whole" wherever the
/// whole-file reader must word a problem or the targets cannot stream.
@Suite struct SortedTargetsReaderTests {
    static let header = "indicator,year,aggregate,comparator,threshold\n"

    /// Writes `text` to a fresh file and returns its path.
    static func file(_ text: String, name: String = "targets.csv") throws -> String {
        try SortedObservationsReaderTests.file(text, name: name)
    }

    /// The indicator, year and line of each target a step gave; `nil` for unsuitable.
    static func given(_ step: SortedTargetsReader.Step) -> [String]? {
        guard case .targets(let chunk) = step else { return nil }
        return chunk.targets.indices.map { index in
            "\(chunk.targets[index].indicator) \(chunk.targets[index].year) line \(chunk.error(at: index, message: "").line ?? 0)"
        }
    }

    /// Lines by hand: the header is line 1, so `a` is line 2, `b`'s two years lines 3–4, `c` line 5
    /// and `d` line 6. Read 7 bytes at a time, so that every record straddles reads.
    @Test func givesEachBlocksTargetsWithTheirLines() throws {
        let path = try Self.file(Self.header + "a,2020,sum,>=,1\nb,2019,sum,>=,1\nb,2020,mean,<=,2\nc,2020,last,>,3\nd,2020,sum,<,4\n")
        let reader = try #require(SortedTargetsReader(path: path, readSize: 7))
        #expect(Self.given(reader.targets(through: "b")) == ["a 2020 line 2", "b 2019 line 3", "b 2020 line 4"])
        #expect(Self.given(reader.targets(through: "bb")) == [])
        #expect(Self.given(reader.targets(through: "c")) == ["c 2020 line 5"])
        #expect(reader.count == 4)
        #expect(!reader.isExhausted())   // d is left: its indicator comes after every name asked for
        #expect(Self.given(reader.targets(through: "z")) == ["d 2020 line 6"])
        #expect(reader.isExhausted())
    }

    /// Only as much is read as the indicators asked for need: a bad row at the end is not met
    /// while the first blocks are given (the file is not held whole), and then makes the file
    /// unsuitable, so that the whole-file reader words it.
    @Test func readsOnlyAsFarAsTheBlockNeeds() throws {
        var text = Self.header
        for i in 0..<200 { text += String(format: "k%03d,2020,sum,>=,%d\n", i, i) }
        text += "k999,20x0,sum,>=,1\n"
        let path = try Self.file(text)
        let reader = try #require(SortedTargetsReader(path: path, readSize: 64))
        #expect(Self.given(reader.targets(through: "k001")) == ["k000 2020 line 2", "k001 2020 line 3"])
        // k002…k150; the end of k199's run is known only from the row after it, the bad one.
        #expect(Self.given(reader.targets(through: "k150"))?.count == 149)
        #expect(Self.given(reader.targets(through: "k999")) == nil)
        #expect(!reader.isExhausted())
    }

    /// What cannot stream: indicators out of byte order, a second condition on one indicator and
    /// year (judged jointly; also a repeated row), a milestone, a `versus` target, a header alone,
    /// a row the whole-file reader refuses, invalid UTF-8. Standard input and JSON are not opened.
    @Test func whatCannotStreamIsUnsuitable() throws {
        let rows = ["b,2020,sum,>=,1\na,2020,sum,>=,1\n", "a,2020,sum,>=,1\na,2020,mean,<=,1\n",
                    "a,2020,sum,>=,1\na,2020,sum,>=,1\n", "a,2020,milestone,>=,3\n", "a,2020,sum,>=,\n",
                    "a,2020,sum,>=\n", "", "a,2020,s\u{FF}m,>=,1\n"]
        for row in rows {
            let path = try Self.file(Self.header + row)
            let reader = try #require(SortedTargetsReader(path: path, readSize: 5))
            #expect(Self.given(reader.targets(through: "zz")) == nil, "\(row)")
        }
        var bytes = Array((Self.header + "a,2020,sum,>=,1\n").utf8)
        bytes[bytes.count - 3] = 0xFF
        let invalid = try Self.file("")
        try Data(bytes).write(to: URL(fileURLWithPath: invalid))
        #expect(Self.given(try #require(SortedTargetsReader(path: invalid)).targets(through: "zz")) == nil)
        let versus = try Self.file("indicator,year,aggregate,comparator,versus\na,2020,sum,>=,b\n")
        #expect(Self.given(try #require(SortedTargetsReader(path: versus)).targets(through: "zz")) == nil)
        #expect(SortedTargetsReader(path: "-") == nil)
        #expect(SortedTargetsReader(path: try Self.file("[]", name: "targets.json")) == nil)
    }

    /// A file read whole (JSON) is given block by block as a streamed CSV file is, under the same
    /// conditions.
    @Test func aFileReadWholeIsGivenTheSameWay() throws {
        let json = try Self.file(#"[{"indicator": "a", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 1},"#
            + "\n" + #" {"indicator": "c", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 1}]"#, name: "t.json")
        let reader = SortedTargetsReader(holding: try TargetsFile.read(path: json))
        #expect(Self.given(reader.targets(through: "b")) == ["a 2020 line 1"])
        #expect(!reader.isExhausted())
        #expect(Self.given(reader.targets(through: "c")) == ["c 2020 line 2"])
        #expect(reader.isExhausted())
        let unsorted = try Self.file(Self.header + "c,2020,sum,>=,1\na,2020,sum,>=,1\n", name: "u.csv")
        #expect(Self.given(SortedTargetsReader(holding: try TargetsFile.read(path: unsorted)).targets(through: "z")) == nil)
    }
}
