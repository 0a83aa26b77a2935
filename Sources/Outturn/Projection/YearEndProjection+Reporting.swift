extension YearEndProjection {
    /// The degrees of freedom of the Student-t behind ``intervals`` (and behind the simulated
    /// paths of the ``Method/simulation`` method): the model's residual degrees of freedom, or
    /// fewer when the checked spread (``IntervalMethod/checked``) judged them from the series'
    /// own history. `nil` when every month involved is observed.
    ///
    /// ``probability`` uses the same value, except for a target compared with another indicator
    /// (``Target/Reference/indicator(_:)``), where both sides' uncertainty combine
    /// (Welch–Satterthwaite). ``ModelSummary/degreesOfFreedom`` is the fitted model's residual
    /// degrees of freedom, which the checked spread may lower.
    public var degreesOfFreedom: Int? {
        outlook.prediction == nil ? nil : outlook.degreesOfFreedom
    }

    /// The indicator's last observed month on or before ``asOf``: what this projection is really
    /// "as of" when indicators are published to different months. `nil` when the series starts
    /// after ``asOf``.
    public var lastObservedMonth: Month? { outlook.lastObserved }
}
