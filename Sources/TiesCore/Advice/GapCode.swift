/// The stable code of a gap, for scripts; its raw value is the public code.
///
/// The order of the cases is the order of gaps of one severity in a report. The README and the JSON
/// schema in `Reports/README.md` list the codes from ``catalogue``; a test keeps them equal.
public enum GapCode: String, CaseIterable, Sendable, Comparable {
    case recruiterCoverage = "recruiter-coverage"
    case dormantRecruiters = "dormant-recruiters"
    case staleDisclosure = "stale-disclosure"
    case unansweredInbound = "unanswered-inbound"
    case commitmentOverdue = "commitment-overdue"
    case commitmentOpen = "commitment-open"
    case coolingStrongTie = "cooling-strong-tie"
    case coldBridge = "cold-bridge"
    case roleGap = "role-gap"
    case concentration
    case journalStale = "journal-stale"
    case contactUnverified = "contact-unverified"

    /// What the code means, in one line.
    public var meaning: String {
        switch self {
        case .recruiterCoverage: "fewer than 3 active recruiters, or all of them at one firm"
        case .staleDisclosure: "someone holds an old email, phone, address or resume of yours"
        case .unansweredInbound: "someone reached out and has no answer (high for a recruiter)"
        case .commitmentOverdue: "a promise past its due date"
        case .commitmentOpen: "a promise not yet kept, not yet due"
        case .coolingStrongTie: "a strong relationship whose silence is longer than its rhythm"
        case .coldBridge: "a bridge between parts of your network gone cold in the last year"
        case .roleGap: "no active mentor (or sponsor)"
        case .concentration: "one organisation dominates the network, or everyone knows everyone"
        case .journalStale: "nothing in the career journal this quarter"
        case .contactUnverified: "contact details not verified in a year"
        case .dormantRecruiters: "recruiters among your connections you have never spoken with"
        }
    }

    public static func < (a: GapCode, b: GapCode) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
