/// What a projection's model was, in brief: enough for a report, whichever way it was fitted.
///
/// A projection made one series at a time carries its ``ModelSelection`` too; one made by the
/// shared calendar (see ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)``) has
/// only this summary, since its coefficients were never solved for.
public struct ModelSummary: Sendable, Equatable {
    /// The model's name, e.g. `ensemble` or `trend+season`.
    public let name: String
    /// Why this model, in a sentence.
    public let reason: String
    /// The months fitted.
    public let observations: Int
    /// The first fitted month.
    public let firstMonth: Month
    /// The last fitted month.
    public let lastMonth: Month
    /// σ̂ of the errors on the model's scale.
    public let sigma: Double
    /// The degrees of freedom of σ̂.
    public let degreesOfFreedom: Int
}

extension ModelSummary {
    /// The summary of a fitted selection.
    public init(_ selection: ModelSelection) {
        let model = selection.model, months = model.months
        self.init(name: model.name, reason: selection.reason, observations: months.count,
                  firstMonth: months[0], lastMonth: model.lastMonth, sigma: model.sigma,
                  degreesOfFreedom: model.degreesOfFreedom)
    }
}
