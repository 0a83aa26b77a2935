import Foundation
import GRDB
import Outturn
import OutturnIO

/// The record of projections: an SQLite database (`outturn.sqlite` by default) that
/// `outturn project --record` appends a run to and `outturn history` reads.
///
/// The schema is versioned by ``schemaVersion`` (SQLite's `user_version`) and built by GRDB
/// migrations; docs/store.md describes every table. Write-ahead logging and one immediate
/// transaction per run let several processes record into one store at once without corrupting
/// it, and a run that fails before its transaction commits leaves no trace.
public struct ProjectionStore: Sendable {
    /// The schema this Outturn writes and reads. A store with a higher version is refused.
    public static let schemaVersion = 1

    /// The store's path as the user named it.
    public let path: String
    private let writer: any DatabaseWriter

    /// Opens the store for recording, creating it (and its schema) when missing.
    /// - Throws: ``InputError`` naming the store when it cannot be opened, is not an SQLite
    ///   database, or was written by a newer schema.
    public static func openForRecording(at path: String) throws(InputError) -> ProjectionStore {
        try wrapping(path) {
            var configuration = Configuration()
            // Other processes may hold the write lock while they record: wait for them.
            configuration.busyMode = .timeout(60)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db throws in try refuseNewer(db, path: path) }
            do {
                try migrator.migrate(pool)
            } catch {
                // Two first runs may both see an empty store and both create the tables; the
                // loser's migration fails, but the schema it wanted is there.
                guard try pool.read({ db in try migrator.hasCompletedMigrations(db) }) else { throw error }
            }
            return ProjectionStore(path: path, writer: pool)
        }
    }

    /// Opens an existing store for reading; never creates or changes a file.
    /// - Throws: ``InputError`` when there is no store at `path`, or it was written by a newer schema.
    public static func openForReading(at path: String) throws(InputError) -> ProjectionStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, message: "no projection store here; record one with `outturn project … --record \(path)`")
        }
        return try wrapping(path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(60)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db throws in
                try refuseNewer(db, path: path)
                guard try migrator.hasCompletedMigrations(db) else {
                    throw InputError(file: path, message: "not an Outturn projection store (no runs table); record one with `outturn project … --record`")
                }
            }
            return ProjectionStore(path: path, writer: queue)
        }
    }

    /// Saves `run` in one transaction; `beforeCommit` runs inside it, so a failure there (e.g.
    /// writing the report) rolls the run back.
    /// - Returns: the run's number in the store.
    @discardableResult
    public func record(_ run: RecordedRun, beforeCommit: () throws -> Void = {}) throws -> Int64 {
        do {
            return try writer.writeWithoutTransaction { db in
                var runID: Int64 = 0
                try db.inTransaction(.immediate) {
                    var row = RunRow(run)
                    try row.insert(db)
                    runID = row.id ?? db.lastInsertedRowID
                    for projection in run.projections {
                        var projectionRow = ProjectionRow(projection, runID: runID)
                        try projectionRow.insert(db)
                        let projectionID = projectionRow.id ?? db.lastInsertedRowID
                        for interval in projection.intervals {
                            try IntervalRow(interval, projectionID: projectionID).insert(db)
                        }
                    }
                    for observation in run.observations {
                        try ObservationRow(observation, runID: runID).insert(db)
                    }
                    try beforeCommit()
                    return .commit
                }
                return runID
            }
        } catch let error as InputError {
            throw error
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "cannot record the run (\(error.message ?? error.description))")
        }
    }

    /// Every recorded run, ordered by as-of month and then by recording order.
    public func runs() throws(InputError) -> [RecordedRun] {
        try Self.wrapping(path) {
            try writer.read { db in
                let projections = Dictionary(grouping: try ProjectionRow.order(Column("position")).fetchAll(db), by: \.runID)
                let intervals = Dictionary(grouping: try IntervalRow.order(Column("level")).fetchAll(db), by: \.projectionID)
                let observations = Dictionary(grouping: try ObservationRow.order(Column("indicator"), Column("month")).fetchAll(db),
                                              by: \.runID)
                return try RunRow.order(Column("asOf"), Column("id")).fetchAll(db).map { run throws in
                    try run.recorded(projections: projections[run.id ?? 0] ?? [], intervals: intervals,
                                     observations: observations[run.id ?? 0] ?? [], path: path)
                }
            }
        }
    }

    // MARK: Schema

    /// Migrations in order; never edit a shipped one, add the next (and raise ``schemaVersion``).
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: RunRow.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recordedAt", .text).notNull()
                t.column("asOf", .text).notNull().indexed()
                t.column("observationsFile", .text).notNull()
                t.column("observationsSHA256", .text).notNull()
                t.column("targetsFile", .text).notNull()
                t.column("targetsSHA256", .text).notNull()
                t.column("model", .text).notNull()
                t.column("intervalMethod", .text).notNull()
                t.column("levels", .text).notNull()
                t.column("outturnVersion", .text).notNull()
            }
            try db.create(table: ProjectionRow.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo(RunRow.databaseTableName, onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("targetKey", .text).notNull().indexed()
                t.column("indicator", .text).notNull()
                t.column("name", .text)
                t.column("unit", .text)
                t.column("year", .integer).notNull()
                t.column("target", .text).notNull()
                t.column("threshold", .double)
                t.column("value", .double)
                t.column("standardError", .double)
                t.column("probability", .double)
                t.column("status", .text).notNull()
                t.column("requiredPace", .double)
                t.column("modelName", .text)
                t.column("modelReason", .text)
                t.column("observedMonths", .integer).notNull()
                t.column("yearToDate", .double)
                t.uniqueKey(["runId", "position"])
            }
            try db.create(table: IntervalRow.databaseTableName) { t in
                t.belongsTo(ProjectionRow.databaseTableName, onDelete: .cascade).notNull()
                t.column("level", .double).notNull()
                t.column("lower", .double)
                t.column("upper", .double)
                t.primaryKey(["projectionId", "level"])
            }
            try db.create(table: ObservationRow.databaseTableName, options: .withoutRowID) { t in
                t.belongsTo(RunRow.databaseTableName, onDelete: .cascade).notNull()
                t.column("indicator", .text).notNull()
                t.column("month", .text).notNull()
                t.column("value", .double)
                t.primaryKey(["runId", "indicator", "month"])
            }
            // The version number any SQLite tool can read (`PRAGMA user_version`).
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }()

    private static func refuseNewer(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let superseded = try migrator.hasBeenSuperseded(db)
        if version > schemaVersion || superseded {
            throw InputError(file: path, message: "written by a newer Outturn (store schema \(version); this Outturn "
                + "reads schema \(schemaVersion) and older); upgrade Outturn or record into another store")
        }
    }

    /// Runs `body`, turning SQLite's errors into an ``InputError`` naming the store.
    private static func wrapping<T>(_ path: String, _ body: () throws -> T) throws(InputError) -> T {
        do {
            return try body()
        } catch let error as InputError {
            throw error
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "cannot use the projection store (\(error.message ?? error.description))")
        } catch {
            throw InputError(file: path, message: "cannot use the projection store (\(error))")
        }
    }
}

// MARK: Rows: one type per table, columns named as the properties.

private struct RunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var id: Int64?
    var recordedAt, asOf, observationsFile, observationsSHA256, targetsFile, targetsSHA256: String
    var model, intervalMethod, levels, outturnVersion: String

    init(_ run: RecordedRun) {
        (recordedAt, asOf) = (run.recordedAt, run.asOf.description)
        (observationsFile, observationsSHA256) = (run.observationsFile, run.observationsSHA256)
        (targetsFile, targetsSHA256) = (run.targetsFile, run.targetsSHA256)
        (model, intervalMethod, outturnVersion) = (run.model, run.intervalMethod, run.outturnVersion)
        levels = run.levels.map { "\($0)" }.joined(separator: ",")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func recorded(projections: [ProjectionRow], intervals: [Int64: [IntervalRow]], observations: [ObservationRow],
                  path: String) throws -> RecordedRun {
        RecordedRun(id: id, recordedAt: recordedAt, asOf: try month(asOf, path: path), observationsFile: observationsFile,
                    observationsSHA256: observationsSHA256, targetsFile: targetsFile, targetsSHA256: targetsSHA256,
                    model: model, intervalMethod: intervalMethod,
                    levels: levels.split(separator: ",").compactMap { Double($0) }, outturnVersion: outturnVersion,
                    projections: projections.map { $0.recorded(intervals: intervals[$0.id ?? 0] ?? []) },
                    observations: try observations.map {
                        RecordedObservation(indicator: $0.indicator, month: try month($0.month, path: path), value: $0.value ?? .nan)
                    })
    }
}

private struct ProjectionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "projection"
    var id: Int64?
    var runID: Int64
    var position: Int
    var targetKey, indicator: String
    var name, unit: String?
    var year: Int
    var target: String
    var threshold, value, standardError, probability: Double?
    var status: String
    var requiredPace: Double?
    var modelName, modelReason: String?
    var observedMonths: Int
    var yearToDate: Double?

    enum CodingKeys: String, CodingKey {
        case id, runID = "runId", position, targetKey, indicator, name, unit, year, target, threshold, value
        case standardError, probability, status, requiredPace, modelName, modelReason, observedMonths, yearToDate
    }

    init(_ p: RecordedProjection, runID: Int64) {
        self.runID = runID
        (position, targetKey, indicator, name, unit, year, target) = (p.position, p.key, p.indicator, p.name, p.unit, p.year, p.target)
        (threshold, value, standardError, probability) = (stored(p.threshold), stored(p.value), stored(p.standardError), stored(p.probability))
        (status, requiredPace, modelName, modelReason) = (p.status, p.requiredPace.flatMap(stored), p.modelName, p.modelReason)
        (observedMonths, yearToDate) = (p.observedMonths, p.yearToDate.flatMap(stored))
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func recorded(intervals: [IntervalRow]) -> RecordedProjection {
        RecordedProjection(position: position, key: targetKey, indicator: indicator, name: name, unit: unit, year: year,
                           target: target, threshold: threshold ?? .nan, value: value ?? .nan,
                           standardError: standardError ?? .nan,
                           intervals: intervals.map { RecordedInterval(level: $0.level, lower: $0.lower ?? .nan, upper: $0.upper ?? .nan) },
                           probability: probability ?? .nan, status: status, requiredPace: requiredPace,
                           modelName: modelName, modelReason: modelReason, observedMonths: observedMonths,
                           yearToDate: yearToDate)
    }
}

private struct IntervalRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "projectionInterval"
    var projectionID: Int64
    var level: Double
    var lower, upper: Double?

    enum CodingKeys: String, CodingKey { case projectionID = "projectionId", level, lower, upper }

    init(_ interval: RecordedInterval, projectionID: Int64) {
        self.projectionID = projectionID
        (level, lower, upper) = (interval.level, stored(interval.lower), stored(interval.upper))
    }
}

private struct ObservationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "observation"
    var runID: Int64
    var indicator, month: String
    var value: Double?

    enum CodingKeys: String, CodingKey { case runID = "runId", indicator, month, value }

    init(_ observation: RecordedObservation, runID: Int64) {
        self.runID = runID
        (indicator, month, value) = (observation.indicator, observation.month.description, stored(observation.value))
    }
}

/// SQLite turns NaN into NULL on its own; saying so keeps the mapping visible and symmetric.
private func stored(_ value: Double) -> Double? { value.isNaN ? nil : value }

private func month(_ text: String, path: String) throws -> Month {
    do { return try Month(parsing: text) } catch {
        throw InputError(file: path, message: "a recorded month '\(text)' is not YYYY-MM; the store is damaged")
    }
}
