/// Every constant of the scoring model, in one value the user can inspect and change (`ties config`).
///
/// The defaults are those of the design brief; the reasons for each are in the README's "Scoring" section.
/// The value is stored as JSON in the store's `setting` table, so a user's changes survive upgrades, and
/// any key left out of the stored JSON takes its default.
public struct ScoringConfiguration: Sendable, Equatable, Codable {
    /// Weights of a day-episode, by its strongest interaction.
    public struct Weights: Sendable, Equatable, Codable {
        public var meeting = 3.0
        /// Introductions, referrals and favours.
        public var introReferralFavour = 3.0
        public var callVideo = 2.0
        /// An email or message thread that went both ways (mutual, or an answered inbound).
        public var twoWay = 1.0
        /// An email, message or call the user sent that has no reply recorded.
        public var oneWayOutbound = 0.5
        /// An inbound email, message or call the user has not answered.
        public var unansweredInbound = 0.3
        /// An event attended together (a conference, a dinner).
        public var event = 1.0
        /// A reaction or a "like".
        public var reaction = 0.1
        /// Becoming connected on a professional network, or an invitation to connect: knowing of each other,
        /// not a conversation, so it weighs as little as a reaction, and on its own leaves a person dormant
        /// (``InteractionKind/isContact``).
        public var connected = 0.1
        public init() {}

        /// Decodes stored weights; a weight missing from what was stored (one added in a later version)
        /// takes its default.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Weights()
            meeting = try c.decodeIfPresent(Double.self, forKey: .meeting) ?? d.meeting
            introReferralFavour =
                try c.decodeIfPresent(Double.self, forKey: .introReferralFavour) ?? d.introReferralFavour
            callVideo = try c.decodeIfPresent(Double.self, forKey: .callVideo) ?? d.callVideo
            twoWay = try c.decodeIfPresent(Double.self, forKey: .twoWay) ?? d.twoWay
            oneWayOutbound = try c.decodeIfPresent(Double.self, forKey: .oneWayOutbound) ?? d.oneWayOutbound
            unansweredInbound = try c.decodeIfPresent(Double.self, forKey: .unansweredInbound) ?? d.unansweredInbound
            event = try c.decodeIfPresent(Double.self, forKey: .event) ?? d.event
            reaction = try c.decodeIfPresent(Double.self, forKey: .reaction) ?? d.reaction
            connected = try c.decodeIfPresent(Double.self, forKey: .connected) ?? d.connected
        }
    }

    public var weights = Weights()

    /// Strength half-life in days, by role. A person with several roles takes the longest.
    public var strengthHalfLifeDays: [Role: Double] = [
        .recruiter: 90, .colleague: 90, .peer: 90, .client: 90, .other: 90,
        .mentor: 180, .manager: 180, .sponsor: 180,
        .formerColleague: 365, .friend: 730,
    ]
    /// Half-life for a person with no role.
    public var defaultStrengthHalfLifeDays = 90.0
    /// Activity half-life in days: the fast score that predicts the next contact. `ties calibrate` fits it.
    public var activityHalfLifeDays = 30.0
    /// `c` in the tenure factor `1 + c ln(1 + years known)`.
    public var tenureCoefficient = 0.1
    /// The reciprocity factor is `floor + (1 - floor) r`.
    public var reciprocityFloor = 0.5
    /// Multiplier on raw strength for the user's stated closeness 1...5 (no closeness: 1).
    public var closenessMultipliers: [Double] = [0.6, 0.8, 1.0, 1.25, 1.5]
    /// Raw strength is normalised as `100 (1 - exp(-S / Sp))`, Sp = this percentile of the network's raw scores.
    public var normalisationPercentile = 0.9
    /// Dunbar layer sizes by strength rank: the first 5, the next 10, the next 35, the next 100.
    public var layerSizes: [Int] = [5, 10, 35, 100]
    /// Cadence prior shape `a0`.
    public var cadencePriorShape = 1.0
    /// Cadence prior mean gap in days (`b0`) for each layer, then for people beyond the last layer.
    public var cadencePriorMeanGapDays: [Double] = [7, 30, 90, 365, 365]
    /// Survival of the current silence below which a person is overdue.
    public var overdueSurvival = 0.10
    /// Survival below which a person has gone cold.
    public var coldSurvival = 0.02
    /// "Who next": priority bonus for a bridge.
    public var bridgeBonus = 0.5
    /// "Who next": priority bonus for a person in an under-represented role or organisation.
    public var underrepresentedBonus = 0.3
    /// Minimum number of active people per role before that role counts as under-represented.
    public var roleTargets: [Role: Int] = [.recruiter: 3, .mentor: 1, .sponsor: 1]
    /// Days an inbound call, email or message counts as waiting for an answer; an older silence is history,
    /// not a to-do.
    public var waitingWindowDays = 30
    /// "Who next": a birthday or work anniversary this many days ahead or fewer (0: today) is a reason to
    /// get in touch.
    public var yearlyDateLeadDays = 7

    public init() {}

    /// The keys of the stored JSON, one per setting (a test checks that every stored property has one).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case weights, strengthHalfLifeDays, defaultStrengthHalfLifeDays, activityHalfLifeDays, tenureCoefficient
        case reciprocityFloor, closenessMultipliers, normalisationPercentile, layerSizes, cadencePriorShape
        case cadencePriorMeanGapDays, overdueSurvival, coldSurvival, bridgeBonus, underrepresentedBonus
        case roleTargets, waitingWindowDays
        case yearlyDateLeadDays
    }

    /// Decodes a stored configuration; a setting missing from what was stored (one added in a later version)
    /// takes its default.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ value: inout T, _ key: CodingKeys) throws {
            value = try c.decodeIfPresent(T.self, forKey: key) ?? value
        }
        try read(&weights, .weights)
        try read(&strengthHalfLifeDays, .strengthHalfLifeDays)
        try read(&defaultStrengthHalfLifeDays, .defaultStrengthHalfLifeDays)
        try read(&activityHalfLifeDays, .activityHalfLifeDays)
        try read(&tenureCoefficient, .tenureCoefficient)
        try read(&reciprocityFloor, .reciprocityFloor)
        try read(&closenessMultipliers, .closenessMultipliers)
        try read(&normalisationPercentile, .normalisationPercentile)
        try read(&layerSizes, .layerSizes)
        try read(&cadencePriorShape, .cadencePriorShape)
        try read(&cadencePriorMeanGapDays, .cadencePriorMeanGapDays)
        try read(&overdueSurvival, .overdueSurvival)
        try read(&coldSurvival, .coldSurvival)
        try read(&bridgeBonus, .bridgeBonus)
        try read(&underrepresentedBonus, .underrepresentedBonus)
        try read(&roleTargets, .roleTargets)
        try read(&waitingWindowDays, .waitingWindowDays)
        try read(&yearlyDateLeadDays, .yearlyDateLeadDays)
    }

    /// The strength half-life for a person holding `roles`.
    public func strengthHalfLife(for roles: Set<Role>) -> Double {
        roles.compactMap { strengthHalfLifeDays[$0] }.max() ?? defaultStrengthHalfLifeDays
    }

    /// The multiplier for a stated closeness (1...5), 1 when none is stated.
    public func closenessMultiplier(_ closeness: Int?) -> Double {
        guard let c = closeness, closenessMultipliers.indices.contains(c - 1) else { return 1 }
        return closenessMultipliers[c - 1]
    }

    /// The weight of one interaction.
    public func weight(of interaction: Interaction) -> Double {
        weight(
            kind: interaction.kind, direction: interaction.direction,
            answered: interaction.answered, groupSize: interaction.groupSize)
    }

    /// The weight of one interaction, from its parts.
    public func weight(kind: InteractionKind, direction: Direction, answered: Bool, groupSize: Int) -> Double {
        let unanswered = direction == .inbound && !answered
        switch kind {
        case .meeting: return weights.meeting
        case .intro, .referral, .favour: return weights.introReferralFavour
        case .reaction: return weights.reaction
        case .connected: return weights.connected
        case .event: return weights.event
        case .call, .video:
            if unanswered { return weights.unansweredInbound }
            return weights.callVideo
        case .email, .message:
            if groupSize > 2 { return 1 / Double(groupSize).squareRoot() }
            if unanswered { return weights.unansweredInbound }
            return direction == .outbound ? weights.oneWayOutbound : weights.twoWay
        }
    }

    /// Checks every constant is in its range.
    /// - Throws: ``InputError`` naming the first constant out of range.
    public func validate() throws(InputError) {
        func positive(_ v: Double, _ name: String) throws(InputError) {
            guard v.isFinite && v > 0 else {
                throw InputError(field: name, value: "\(v)", expected: "a positive number")
            }
        }
        try positive(activityHalfLifeDays, "activityHalfLifeDays")
        try positive(defaultStrengthHalfLifeDays, "defaultStrengthHalfLifeDays")
        for (role, h) in strengthHalfLifeDays { try positive(h, "strengthHalfLifeDays.\(role.rawValue)") }
        try positive(cadencePriorShape, "cadencePriorShape")
        for b in cadencePriorMeanGapDays { try positive(b, "cadencePriorMeanGapDays") }
        guard cadencePriorMeanGapDays.count == layerSizes.count + 1 else {
            throw InputError(
                field: "cadencePriorMeanGapDays", value: "\(cadencePriorMeanGapDays.count) values",
                expected: "one value per layer plus one for beyond (\(layerSizes.count + 1))")
        }
        guard closenessMultipliers.count == 5, closenessMultipliers.allSatisfy({ $0 > 0 }) else {
            throw InputError(
                field: "closenessMultipliers", value: "\(closenessMultipliers)", expected: "five positive numbers")
        }
        guard normalisationPercentile > 0 && normalisationPercentile < 1 else {
            throw InputError(
                field: "normalisationPercentile", value: "\(normalisationPercentile)",
                expected: "a number strictly between 0 and 1")
        }
        guard (0...366).contains(yearlyDateLeadDays) else {
            throw InputError(
                field: "yearlyDateLeadDays", value: "\(yearlyDateLeadDays)", expected: "0 to 366 days")
        }
        guard waitingWindowDays >= 1 else {
            throw InputError(field: "waitingWindowDays", value: "\(waitingWindowDays)", expected: "1 or more days")
        }
        guard coldSurvival > 0, coldSurvival < overdueSurvival, overdueSurvival < 1 else {
            throw InputError(
                field: "overdueSurvival/coldSurvival", value: "\(overdueSurvival)/\(coldSurvival)",
                expected: "0 < coldSurvival < overdueSurvival < 1")
        }
    }
}

extension Role: CodingKeyRepresentable {}
