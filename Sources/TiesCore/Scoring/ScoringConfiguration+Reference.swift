extension ScoringConfiguration {
    /// How often the reference relationship is in touch, in days: every month.
    public static let referenceGapDays = 30
    /// How long the reference relationship has lasted, in contacts: a year of monthly contact (13 contacts,
    /// the first and the last a year apart).
    public static let referenceContacts = 13

    /// The reference relationship's raw strength: the floor of the strength normaliser.
    ///
    /// Raw strength is normalised as `100 (1 − exp(−S / Sp))`, and `Sp` is the larger of the network's
    /// ``normalisationPercentile`` of raw strength and this value: the raw strength, under these constants, of
    /// a steady relationship — a two-way exchange (``Weights/twoWay``) every ``referenceGapDays`` days for a
    /// year, with the default half-life (``defaultStrengthHalfLifeDays``), fully reciprocal, no stated
    /// closeness — on the day of its latest contact. Such a relationship scores 63 (`100 (1 − e⁻¹)`) in a
    /// network where it is at least the percentile, and a network whose every relationship has been silent
    /// for a year scores low instead of having its least faded tie called 100.
    ///
    /// Derived, not a number: it is computed with the same state and formula as every person's raw strength,
    /// so it follows the constants (about 4.92 with the defaults).
    public var referenceRawStrength: Double {
        let history = (0..<Self.referenceContacts).map { i in
            (
                day: Day(ordinal: i * Self.referenceGapDays), weight: weights.twoWay, direction: Direction.mutual,
                isContact: true
            )
        }
        guard
            let state = RelationshipState(
                contactHistory: history, halfLife: defaultStrengthHalfLifeDays, activityHalfLife: activityHalfLifeDays)
        else { return 0 }
        return state.rawStrength(at: state.lastDay, configuration: self)
    }

    /// The reference relationship in words, for `ties explain`.
    public static let referenceDescription = "two-way contact every month for a year"
}
