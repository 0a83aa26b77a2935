import Foundation
import Outturn
import OutturnIO

/// `project` over an observations file sorted by indicator, a block of indicators at a time, in
/// memory bounded by the block rather than by the file.
///
/// It applies to a CSV report of targets alone (no milestone, joint condition, `versus`,
/// regressor or `--record`) read from files, observations in long form sorted by indicator and
/// targets sorted the same way (so the rows come out in the targets file's order: the same bytes
/// as the whole-file path). A CSV targets file is read in step with the observations
/// (``SortedTargetsReader``), so only the block's targets are in memory; JSON or a workbook is
/// read whole first. Three passes over both files, each holding one block:
/// 1. check every row as the whole-file reader does, match every target with its indicator, and
///    find the as-of month;
/// 2. check every target against its data (as the whole-file path does before fitting anything)
///    and count the panel's calendars, so that each block fits what the whole panel would fit
///    together (``PanelCalendarCensus``);
/// 3. project each block and write its rows to a temporary file, renamed over `--output` (or
///    copied to standard output) only once every row is written.
/// An error in any pass writes nothing. Whenever the inputs do not fit (the file is not sorted,
/// the targets name an indicator the file lacks, …) ``run()`` returns `false` before anything is
/// written and the whole-file path runs, which reports any problem exactly as always.
struct StreamingProjection {
    let inputs: TargetInputs
    let outputOptions: OutputOptions
    /// Indicators per block.
    let blockSize: Int

    /// The number of indicators a block holds unless `--stream-block` says otherwise: about 10 MB
    /// of values at 44 months, a few hundred MB while a block of the default model is projected.
    static let defaultBlockSize = 20_000

    /// The size from which a sorted file streams: 512 MiB. Why: streaming reads the file three
    /// times and takes 1.3–1.7× as long (measured on 208 MB and 1 GB panels), while the whole-file
    /// path's peak, about 2.5× the file, is modest below this size on any machine that runs a panel.
    static let minimumFileSize = 512 << 20

    /// Whether `path` is a regular file of at least ``minimumFileSize`` bytes.
    static func isLarge(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) >= minimumFileSize
    }

    /// Projects and writes the report; `false` when the whole-file path must run instead.
    func run() async throws -> Bool {
        let observations = inputs.observations, targetsPath = inputs.targets
        guard outputOptions.format == .csv, inputs.sheet == nil, targetsPath != StandardInput.path,
              inputs.modelOptions.regressor.isEmpty else { return false }
        // The flags are read in the whole-file path's order, so a bad one is reported the same way.
        let modelOptions = inputs.modelOptions
        let levels = try modelOptions.levels()
        let choice = try modelOptions.choice()
        let intervals = modelOptions.intervals
        let extraTerms = try modelOptions.extraTerms()
        let requestedAsOf = try parseAsOf(inputs.asOf)
        guard !Self.namesRegressors(choice),
              SortedObservationsReader(path: observations, indicatorsPerBlock: blockSize) != nil,
              let targets1 = Self.targetsReader(targetsPath) else { return false }

        // Pass 1: every row checked; the targets read in step, each matched with its indicator.
        var lastMonth: Month?
        var earlyStart: Month?   // the first target's indicator (in order) that starts after --as-of
        var earlyIndicator: String?
        guard let pass1 = SortedObservationsReader(path: observations, indicatorsPerBlock: blockSize) else { return false }
        loop: while true {
            switch try pass1.next() {
            case .unsuitable: return false
            case .end: break loop
            case .block(let block):
                guard let chunk = Self.targets(of: block, from: targets1) else { return false }
                for target in chunk.targets {
                    // Matched: the block holds the indicator.
                    let series = block.series(target.indicator)!
                    lastMonth = max(lastMonth ?? series.end, series.end)
                    if let requestedAsOf, requestedAsOf < series.start, earlyIndicator == nil {
                        (earlyIndicator, earlyStart) = (target.indicator, series.start)
                    }
                }
            }
        }
        // A target whose indicator the file lacks (or a problem in the targets file): the
        // whole-file path says which, with its hint.
        guard targets1.isExhausted(), let lastMonth else { return false }
        let targetCount = targets1.count
        if let requestedAsOf, requestedAsOf > lastMonth {
            throw InputError(file: nil, field: "--as-of",
                             message: "\(requestedAsOf) is after the data end (\(lastMonth)) in \(observations); use \(lastMonth) or earlier")
        }
        if let requestedAsOf, let earlyStart, let earlyIndicator {
            throw InputError(file: nil, field: "--as-of",
                             message: "\(requestedAsOf) is before the first observation of \(excerpt(earlyIndicator)) (\(earlyStart)) in \(observations); use \(earlyStart) or later")
        }
        let asOf = requestedAsOf ?? lastMonth
        func failure(_ error: TargetBookError, in chunk: TargetsFile) -> InputError {
            TargetWorkspace.error(error, targetsFile: chunk, asOf: asOf)
        }
        func books(_ body: (TargetBook, _ chunk: TargetsFile, _ offset: Int) async throws -> Void) async throws {
            guard let reader = SortedObservationsReader(path: observations, indicatorsPerBlock: blockSize),
                  let targetsReader = Self.targetsReader(targetsPath) else {
                throw InputError(file: observations, message: "cannot be read again; it changed while it was read")
            }
            let changed = InputError(file: observations, message: "changed while it was read; run the command again")
            // Pass 1 read both files through to their ends, sorted: a later pass that meets
            // anything else (an unsorted block, an early end) reads a file that changed since.
            loop: while true {
                let block: Dataset
                switch try reader.next() {
                case .block(let next): block = next
                case .end: break loop
                case .unsuitable: throw changed
                }
                let offset = targetsReader.count
                guard let chunk = Self.targets(of: block, from: targetsReader) else { throw changed }
                let series = block.seriesByIndicator
                let book: TargetBook
                do {
                    book = try TargetBook(series: series, targets: chunk.targets, model: choice, extraTerms: extraTerms,
                                          intervals: intervals, targetModels: chunk.models)
                } catch { throw failure(error, in: chunk) }
                try await body(book, chunk, offset)
            }
            guard targetsReader.isExhausted(), targetsReader.count == targetCount else { throw changed }
        }

        // Pass 2: the checks made before anything is fitted, and the panel's calendars.
        var census = PanelCalendarCensus()
        try await books { book, chunk, _ in
            do throws(TargetBookError) { try book.checkTargets(asOf: asOf) } catch { throw failure(error, in: chunk) }
            book.countCalendars(asOf: asOf, into: &census)
        }

        // Pass 3: project and write block by block; nothing is in place until every row is.
        let output = try StreamedOutput(path: outputOptions.output, inputs: inputs.workspaceInputPaths)
        defer { output.discard() }
        let bar = ProgressBar(label: "projecting", total: targetCount)
        defer { bar.finish() }
        var first = true
        let finalCensus = census
        try await books { book, chunk, offset in
            let panel: PanelProjections?
            do throws(TargetBookError) {
                panel = try await book.panelProjections(asOf: asOf, levels: levels, census: finalCensus,
                                                        progress: { bar.update(offset + $0) })
            } catch { throw failure(error, in: chunk) }
            guard let panel else { return }
            try output.write(PanelReport(panel).csv(includingHeader: first))
            first = false
        }
        bar.finish()
        try output.commit()
        return true
    }

    /// The targets of `block`'s indicators, read from `reader` in step (both files sorted the
    /// same way). `nil` when the targets cannot stream (see ``SortedTargetsReader``), a target's
    /// model names a regressor, or a target names an indicator the block should hold and does not
    /// (it sorts before the block's last indicator).
    static func targets(of block: Dataset, from reader: SortedTargetsReader) -> TargetsFile? {
        guard let last = block.entries.last?.indicator,
              case .targets(let chunk) = reader.targets(through: last),
              !chunk.models.contains(where: { $0.map(namesRegressors) ?? false }),
              chunk.targets.allSatisfy({ block.series($0.indicator) != nil }) else { return nil }
        return chunk
    }

    /// The targets of `path` a block at a time: a CSV file is read in step with the observations
    /// (only the targets at hand in memory); JSON or a workbook is read whole first, as before.
    /// `nil` when the file cannot be read whole (the whole-file path words why).
    static func targetsReader(_ path: String) -> SortedTargetsReader? {
        if let streamed = SortedTargetsReader(path: path) { return streamed }
        return (try? TargetsFile.read(path: path)).map(SortedTargetsReader.init(holding:))
    }

    /// Whether a model choice names a regressor (read from the whole observations file).
    static func namesRegressors(_ choice: ModelChoice) -> Bool {
        switch choice {
        case .fixed(let model): !model.regressorNames.isEmpty
        case .combination(let choices): choices.contains(where: namesRegressors)
        default: false
        }
    }
}

extension TargetInputs {
    /// The paths a command with these inputs reads (an output must not replace one).
    var workspaceInputPaths: [String] { [observations, targets] }
}
