extension TargetBook {
    /// Every target's figure compared across `candidates` (``ModelComparison``), in target order.
    ///
    /// Targets of one figure (indicator, year, aggregate and period: a fixed and a relative
    /// threshold on the PM2.5 mean, say) are backtested once and share one comparison, which lists
    /// their positions in ``FigureComparison/targets``. The book's extra terms and regressors are
    /// not used: the candidates are plain models.
    /// - Parameters:
    ///   - candidates: the models to compare; a target's own model (``model(forTarget:)``) is
    ///     added after them when it is not among them, so that the model in use has its row.
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - years: how many earlier complete years to cut per figure.
    ///   - levels: interval levels in percent.
    ///   - progress: called with the number of backtests done so far, out of
    ///     ``comparisonCount(candidates:asOf:years:)``.
    /// - Complexity: one fit per figure, candidate and year, side by side on the cores.
    public func compareModels(_ candidates: [ModelChoice] = ModelComparison.defaultCandidates, asOf: Month? = nil,
                              years: Int = 3, levels: [Double] = [80, 95],
                              progress: (@Sendable (Int) -> Void)? = nil) async -> [FigureComparison] {
        let figures = comparedFigures(candidates: candidates, asOf: asOf, years: years)
        // Every (figure, candidate, year) backtest and every figure's auto choice, in one pool.
        enum Job: Sendable { case backtest(figure: Int, candidate: Int, year: Int), autoChoice(figure: Int) }
        var jobs: [Job] = []
        for (f, figure) in figures.enumerated() {
            for c in figure.candidates.indices { jobs += figure.plan.years.map { .backtest(figure: f, candidate: c, year: $0) } }
            jobs.append(.autoChoice(figure: f))
        }
        enum Outcome: Sendable { case backtest(Result<Backtest.Case, BacktestError>), autoChoice(String?) }
        let intervals = intervals
        let outcomes = await concurrentMap(jobs, progress: progress) { job -> Outcome in
            switch job {
            case .backtest(let f, let c, let year):
                .backtest(figures[f].plan.run(year: year, model: figures[f].candidates[c], levels: levels, intervals: intervals))
            case .autoChoice(let f): .autoChoice(figures[f].plan.autoChoice(levels: levels, intervals: intervals))
            }
        }
        var position = 0
        return figures.map { figure in
            var results: [[Result<Backtest.Case, BacktestError>]] = []
            for _ in figure.candidates {
                var row: [Result<Backtest.Case, BacktestError>] = []
                for _ in figure.plan.years {
                    if case .backtest(let result) = outcomes[position] { row.append(result) }
                    position += 1
                }
                results.append(row)
            }
            var autoChoice: String?
            if case .autoChoice(let name) = outcomes[position] { autoChoice = name }
            position += 1
            return FigureComparison(targets: figure.targets, model: figure.model, isOwnModel: figure.isOwnModel,
                                    comparison: ModelComparison(plan: figure.plan, candidates: figure.candidates,
                                                                results: results, levels: levels, autoChoice: autoChoice))
        }
    }

    /// The number of backtests ``compareModels(_:asOf:years:levels:progress:)`` runs (its
    /// progress total).
    public func comparisonCount(candidates: [ModelChoice] = ModelComparison.defaultCandidates, asOf: Month? = nil,
                                years: Int = 3) -> Int {
        comparedFigures(candidates: candidates, asOf: asOf, years: years).reduce(0) { $0 + $1.candidates.count * $1.plan.years.count + 1 }
    }

    private struct ComparedFigure: Sendable {
        var targets: [Int]
        let model: ModelChoice
        let isOwnModel: Bool
        let candidates: [ModelChoice]
        let plan: ModelComparison.Plan
    }

    private func comparedFigures(candidates: [ModelChoice], asOf: Month?, years: Int) -> [ComparedFigure] {
        guard let asOf = asOf ?? lastObservedMonth else { return [] }
        var figures: [ComparedFigure] = [], positions: [String: Int] = [:]
        // Indicator-years given a model of their own (it serves every target of one; see model(forTarget:)).
        var owning = Set<String>()
        for (index, target) in targets.enumerated() where targetModels.indices.contains(index) && targetModels[index] != nil {
            owning.insert("\(target.indicator)\u{0}\(target.year)")
        }
        for (index, target) in targets.enumerated() {
            let key = "\(target.indicator)\u{0}\(target.year)\u{0}\(target.aggregate)\u{0}\(target.period)"
            if let position = positions[key] {
                figures[position].targets.append(index)
                continue
            }
            positions[key] = figures.count
            let model = model(forTarget: index)
            // Checked in init: every target's indicator has a series.
            figures.append(ComparedFigure(targets: [index], model: model,
                                          isOwnModel: owning.contains("\(target.indicator)\u{0}\(target.year)"),
                                          candidates: candidates.contains(model) ? candidates : candidates + [model],
                                          plan: .init(series: series[target.indicator]!, target: target, asOf: asOf, years: years)))
        }
        return figures
    }
}
