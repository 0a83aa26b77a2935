import Foundation
import GRDB
import Outturn
@testable import OutturnIO
import OutturnStore
import Testing

/// The projection store (SQLite through GRDB) and the history built from its runs.
@Suite struct ProjectionStoreTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-store-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func month(_ text: String) -> Month { try! Month(parsing: text) }

    /// A hand-made run: one water target with the given projection, P(met), status and March value.
    static func run(asOf: String, value: Double, probability: Double, status: String, march: Double) -> RecordedRun {
        let projection = RecordedProjection(
            position: 0, key: "water 2020 sum[1-12] <= value 11489", indicator: "water", name: "用水总量", unit: "万立方米",
            year: 2020, target: "sum ≤ 11,489 万立方米", threshold: 11489, value: value, standardError: 50,
            intervals: [RecordedInterval(level: 80, lower: value - 64, upper: value + 64),
                        RecordedInterval(level: 95, lower: value - 98, upper: value + 98)],
            probability: probability, status: status, requiredPace: 1200.5, modelName: "ensemble",
            modelReason: "the default", observedMonths: 7, yearToDate: 4400)
        let observations = [("2020-01", 600.0), ("2020-02", 610), ("2020-03", march)].map {
            RecordedObservation(indicator: "water", month: month($0.0), value: $0.1)
        }
        return RecordedRun(id: nil, recordedAt: "2020-08-05T09:00:00Z", asOf: month(asOf), observationsFile: "obs.csv",
                           observationsSHA256: String(repeating: "a", count: 64), targetsFile: "targets.csv",
                           targetsSHA256: String(repeating: "b", count: 64), model: "auto", intervalMethod: "checked",
                           levels: [80, 95], outturnVersion: "0.1.0", projections: [projection], observations: observations)
    }

    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): "abc", the 448-bit two-block message, and the empty
    // string (as printed by `printf '' | sha256sum`).
    @Test func sha256MatchesThePublishedVectors() {
        #expect(SHA256.hexDigest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // One million 'a' (FIPS 180-2, appendix B.3).
        #expect(SHA256.hexDigest(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256OfAFileIsWhatSha256sumPrints() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/xicheng-2020/observations.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(SHA256.hexDigest(try Data(contentsOf: file)) == String(output.prefix(64)))
    }

    @Test func aRecordedRunReadsBackAsSaved() throws {
        let path = try Self.folder().appendingPathComponent("store.sqlite").path
        let store = try ProjectionStore.openForRecording(at: path)
        let run = Self.run(asOf: "2020-07", value: 7581, probability: 0.995, status: "on track", march: 620)
        let id = try store.record(run)
        var expected = run
        expected.id = id
        #expect(try ProjectionStore.openForReading(at: path).runs() == [expected])
    }

    @Test func aRunWhoseReportFailsRecordsNothing() throws {
        struct ReportFailed: Error {}
        let path = try Self.folder().appendingPathComponent("store.sqlite").path
        let store = try ProjectionStore.openForRecording(at: path)
        try store.record(Self.run(asOf: "2020-07", value: 7581, probability: 0.995, status: "on track", march: 620))
        #expect(throws: ReportFailed.self) {
            try store.record(Self.run(asOf: "2020-08", value: 7496, probability: 0.995, status: "on track", march: 620)) {
                throw ReportFailed()
            }
        }
        let runs = try ProjectionStore.openForReading(at: path).runs()
        #expect(runs.map(\.asOf) == [Self.month("2020-07")])
        // Nothing of the rolled-back run is left behind in any table.
        let counts = try DatabaseQueue(path: path).read { db in
            try ["projection", "projectionInterval", "observation"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") }
        }
        #expect(counts == [1, 2, 3])
    }

    @Test func aStoreFromANewerSchemaIsRefused() throws {
        let path = try Self.folder().appendingPathComponent("store.sqlite").path
        try ProjectionStore.openForRecording(at: path)
            .record(Self.run(asOf: "2020-07", value: 7581, probability: 0.995, status: "on track", march: 620))
        // What a later Outturn would leave: a migration this one does not know and a higher version.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2')")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        var errors: [InputError] = []
        do { _ = try ProjectionStore.openForRecording(at: path) } catch { errors.append(error) }
        do { _ = try ProjectionStore.openForReading(at: path) } catch { errors.append(error) }
        #expect(errors.count == 2)
        for error in errors {
            #expect(error.file == path)
            #expect(error.message.contains("newer Outturn (store schema 2; this Outturn reads schema 1"))
        }
    }

    @Test func theSchemaIsVersionOne() throws {
        let path = try Self.folder().appendingPathComponent("store.sqlite").path
        _ = try ProjectionStore.openForRecording(at: path)
        let (version, journal) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(version == ProjectionStore.schemaVersion && version == 1)
        #expect(journal == "wal")
    }

    @Test func historyFollowsATargetAndNamesRevisedMonths() {
        // July run: 7,581, P 0.5, at risk, March 620. August run: 7,496, P 0.75, on track, March
        // revised to 625. By hand: change 7,496 − 7,581 = −85; P(met) +25 points; status changed;
        // March revised, January and February not.
        let july = Self.run(asOf: "2020-07", value: 7581, probability: 0.5, status: "at risk", march: 620)
        let august = Self.run(asOf: "2020-08", value: 7496, probability: 0.75, status: "on track", march: 625)
        // Recorded out of order: history still goes by as-of month.
        let history = ProjectionHistory(store: "s", runs: [august, july])
        #expect(history.tracks.count == 1)
        let steps = history.tracks[0].steps
        #expect(steps.map(\.asOf) == [Self.month("2020-07"), Self.month("2020-08")])
        #expect(steps[0].previous == nil && steps[0].revisedMonths.isEmpty && !steps[0].statusChanged)
        #expect(steps[1].projectionChange == -85)
        #expect(steps[1].probabilityChangePoints == 25)
        #expect(steps[1].statusChanged)
        #expect(steps[1].revisedMonths == [Self.month("2020-03")])
        let table = history.rendered(.table)
        #expect(table.contains("at risk → on track"))
        #expect(table.contains("+25 pt") && table.contains("−85"))
        #expect(ProjectionHistory(store: "s", runs: [july, august], indicator: "pm25").tracks.isEmpty)
    }

    @Test func aMonthFirstSeenLaterIsNotARevision() {
        let before = [RecordedObservation(indicator: "water", month: Self.month("2020-07"), value: 1)]
        let now = ["water\u{0}2020-07": 1.0, "water\u{0}2020-08": 2.0]
        #expect(ProjectionHistory.revisedMonths(of: "water", before: before, now: now).isEmpty)
        // A month withdrawn from the data is a revision.
        #expect(ProjectionHistory.revisedMonths(of: "water", before: before, now: [:]) == [Self.month("2020-07")])
    }
}
