/// One figure's ``ModelComparison`` and the targets it serves
/// (``TargetBook/compareModels(_:asOf:years:levels:progress:)``).
public struct FigureComparison: Sendable {
    /// The positions in ``TargetBook/targets`` of the targets of this figure, in order.
    public let targets: [Int]
    /// The model these targets are projected with (``TargetBook/model(forTarget:)``).
    public let model: ModelChoice
    /// Whether ``model`` is the targets' own (``TargetBook/targetModels``), not the book's ``TargetBook/model``.
    public let isOwnModel: Bool
    /// The candidates backtested on the figure.
    public let comparison: ModelComparison
}
