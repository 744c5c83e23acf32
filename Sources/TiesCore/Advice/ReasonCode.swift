/// Why a person is on the "who next" list: a stable code for scripts; its raw value is the public code.
public enum ReasonCode: RawRepresentable, Hashable, Sendable {
    /// A recruiter's latest inbound call, email or message has no reply after it.
    case recruiterUnanswered
    /// A promise of the user's is due within 7 days, or overdue.
    case commitmentDue
    /// The person holds an out-of-date detail of the user's.
    case staleDetails
    /// A bridge gone cold within ``WhoNext/lostBridgeDays``.
    case coldBridge
    /// A strong tie gone quiet.
    case strongTieOverdue
    /// As ``recruiterUnanswered``, for anyone else.
    case unanswered
    /// Cooling, when neither ``coldBridge`` nor ``strongTieOverdue`` applies.
    case overdue
    /// Cold, when neither ``coldBridge`` nor ``strongTieOverdue`` applies.
    case cold
    /// Active, with no other reason: how long since the last contact, against their rhythm.
    case sinceLastContact
    /// Fewer people in this role are active than its target.
    case fewInRole(Role)
    /// The only active contact at their organisation, or, not active, at one where no one is.
    case onlyLink
    /// A bridge without the ``coldBridge`` reason.
    case bridge
    /// A recruiter among the user's connections they have never spoken with, well placed to warm up.
    case dormantRecruiter
    /// Their birthday falls within ``ScoringConfiguration/yearlyDateLeadDays``.
    case birthday
    /// Their work anniversary falls within ``ScoringConfiguration/yearlyDateLeadDays``.
    case workAnniversary

    /// The code named by `rawValue`, or nil when there is none.
    public init?(rawValue: String) {
        guard let code = Self.catalogue.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = code
    }

    /// The public code, e.g. `recruiter-unanswered` or `few-mentors`.
    public var rawValue: String {
        switch self {
        case .recruiterUnanswered: "recruiter-unanswered"
        case .commitmentDue: "commitment-due"
        case .staleDetails: "stale-details"
        case .coldBridge: "cold-bridge"
        case .strongTieOverdue: "strong-tie-overdue"
        case .unanswered: "unanswered"
        case .overdue: "overdue"
        case .cold: "cold"
        case .sinceLastContact: "since-last-contact"
        case .fewInRole(let role): "few-\(role.rawValue)s"
        case .onlyLink: "only-link"
        case .bridge: "bridge"
        case .dormantRecruiter: "dormant-recruiter"
        case .birthday: "birthday"
        case .workAnniversary: "work-anniversary"
        }
    }

    /// What the code means, in one line.
    public var meaning: String {
        switch self {
        case .recruiterUnanswered: "a recruiter's latest inbound call, email or message has no reply after it"
        case .commitmentDue: "a promise of yours is due within 7 days, or overdue"
        case .staleDetails: "they hold an out-of-date email, phone, address or resume of yours"
        case .coldBridge: "a bridge gone cold, last contact at most a year ago"
        case .strongTieOverdue: "a strong tie (strength 50 or more) gone quiet"
        case .unanswered: "as recruiter-unanswered, for anyone else"
        case .overdue: "cooling: the silence is longer than their rhythm"
        case .cold: "cold: the silence is far longer than their rhythm"
        case .sinceLastContact:
            "still active, and nothing else applies: how long since the last contact, against their rhythm"
        case .fewInRole(let role): "fewer active \(role.rawValue)s than the target for that role"
        case .onlyLink: "your only active contact at their organisation, or someone at one where no one is"
        case .bridge: "links parts of your network that do not otherwise touch"
        case .dormantRecruiter: "a recruiter among your connections you have never spoken with, well placed to warm up"
        case .birthday:
            "their birthday is within the next 7 days (yearlyDateLeadDays): a natural reason to get in touch"
        case .workAnniversary:
            "their work anniversary is within the next 7 days (yearlyDateLeadDays): a natural reason to get in touch"
        }
    }

    /// Every code, in the order the documentation lists them (one `few-` code per role).
    public static let catalogue: [ReasonCode] =
        [
            .recruiterUnanswered, .commitmentDue, .staleDetails, .coldBridge, .strongTieOverdue, .unanswered, .overdue,
            .cold, .sinceLastContact,
        ]
        + Role.allCases.map(ReasonCode.fewInRole) + [
            .onlyLink, .bridge, .dormantRecruiter, .birthday, .workAnniversary,
        ]
}
